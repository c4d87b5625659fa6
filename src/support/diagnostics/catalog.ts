/**
 * The one catalog of diagnostics, assembled from one table per stage so that each stage owns
 * its messages. A definition is data: a stable code (`KCCnnnn`), a severity and a message
 * template whose `{name}` holes are filled from the arguments given when it is reported.
 *
 * Code ranges: 0xxx driver and CLI, 1xxx lexer and preprocessor, 2xxx parser, 3xxx semantic
 * analysis, 4xxx lowering to KIR, 5xxx passes, 6xxx targets, 7xxx runtime.
 * Codes are never reused: a retired message keeps its number.
 */

export type Severity = 'error' | 'warning' | 'note' | 'remark';

export interface DiagnosticDef {
  readonly code: string;
  readonly severity: Severity;
  /** template with `{name}` holes */
  readonly message: string;
}

export type DiagnosticTable = Readonly<Record<string, DiagnosticDef>>;

/** Driver and CLI diagnostics (0xxx). Other stages keep theirs next to the stage. */
export const driverDiagnostics = {
  fileNotFound: { code: 'KCC0001', severity: 'error', message: "no such file or directory: '{path}'" },
  fileUnreadable: { code: 'KCC0002', severity: 'error', message: "cannot read '{path}': {reason}" },
  notText: { code: 'KCC0003', severity: 'error', message: "'{path}' does not look like source text (binary data at offset {offset})" },
  tooManyErrors: { code: 'KCC0004', severity: 'error', message: 'too many errors emitted, stopping now' },
  internalError: { code: 'KCC0099', severity: 'error', message: 'internal compiler error: {message}' },
} as const satisfies DiagnosticTable;

const registry = new Map<string, DiagnosticDef>();

/** Register a stage's table; codes must be unique across the whole catalog. */
export function registerDiagnostics(table: DiagnosticTable): void {
  for (const def of Object.values(table)) {
    const prev = registry.get(def.code);
    if (prev && prev !== def && prev.message !== def.message)
      throw new Error(`internal: diagnostic code ${def.code} defined twice ('${prev.message}' and '${def.message}')`);
    registry.set(def.code, def);
  }
}

registerDiagnostics(driverDiagnostics);

/** Every registered definition, by code (used by `kcc --list-diagnostics` and tests). */
export function allDiagnostics(): ReadonlyMap<string, DiagnosticDef> {
  return registry;
}

export function formatMessage(def: DiagnosticDef, args: Readonly<Record<string, string | number>> = {}): string {
  return def.message.replace(/\{(\w+)\}/g, (m, name: string) => (name in args ? String(args[name]) : m));
}
