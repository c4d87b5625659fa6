/**
 * Diagnostics as data, collected rather than thrown: a stage reports into a DiagnosticBag and
 * goes on, so one run shows several errors. Formatting (text or JSON) is done at the end by
 * `format.ts`, which resolves spans through the SourceManager.
 */
import type { SourceManager, Span } from '../source.js';
import { type DiagnosticDef, type Severity, driverDiagnostics, formatMessage, registerDiagnostics } from './catalog.js';

export interface DiagnosticNote {
  readonly message: string;
  readonly span?: Span;
}

export interface Diagnostic {
  readonly severity: Severity;
  readonly code: string;
  readonly message: string;
  readonly span?: Span;
  readonly notes: readonly DiagnosticNote[];
}

/** Diagnostics resolved to file/line/column (API.md's `CompileError.diagnostics`). */
export interface ResolvedDiagnostic {
  severity: Severity;
  code: string;
  message: string;
  file?: string;
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  notes: { message: string; file?: string; line?: number; column?: number }[];
}

export class DiagnosticBag {
  readonly list: Diagnostic[] = [];
  private errors = 0;
  private readonly seen = new Set<string>();
  /** set once `errorLimit` errors were reported: stages should stop early */
  limitReached = false;

  constructor(
    readonly sources: SourceManager,
    /** like clang's -ferror-limit: after this many errors, one more saying so, then silence */
    readonly errorLimit = 50,
  ) {}

  report(
    def: DiagnosticDef,
    span: Span | undefined,
    args?: Readonly<Record<string, string | number>>,
    notes: readonly DiagnosticNote[] = [],
  ): void {
    if (this.limitReached) return;
    const message = formatMessage(def, args);
    // the same message at the same place is reported once (e.g. a header included twice)
    const key = `${def.code}|${span ? `${span.file}:${span.start}` : ''}|${message}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    registerDiagnostics({ [def.code]: def });
    this.list.push({ severity: def.severity, code: def.code, message, span, notes });
    if (def.severity === 'error' && ++this.errors >= this.errorLimit) {
      this.list.push({ severity: 'error', code: driverDiagnostics.tooManyErrors.code, message: driverDiagnostics.tooManyErrors.message, notes: [] });
      this.limitReached = true;
    }
  }

  get errorCount(): number {
    return this.errors;
  }

  get hasErrors(): boolean {
    return this.errors > 0;
  }

  resolve(): ResolvedDiagnostic[] {
    return this.list.map((d) => resolveDiagnostic(this.sources, d));
  }
}

export function resolveDiagnostic(sources: SourceManager, d: Diagnostic): ResolvedDiagnostic {
  const out: ResolvedDiagnostic = { severity: d.severity, code: d.code, message: d.message, notes: [] };
  if (d.span) Object.assign(out, sources.describe(d.span));
  for (const n of expansionNotes(d.span)) out.notes.push(resolveNote(sources, n));
  for (const n of d.notes) out.notes.push(resolveNote(sources, n));
  return out;
}

function resolveNote(sources: SourceManager, n: DiagnosticNote): ResolvedDiagnostic['notes'][number] {
  if (!n.span) return { message: n.message };
  const { file, line, column } = sources.describe(n.span);
  return { message: n.message, file, line, column };
}

/**
 * "expanded from macro" notes for a span produced by macro expansion, innermost first,
 * each pointing at the spelling inside the macro's definition (as clang prints them).
 */
export function expansionNotes(span: Span | undefined): DiagnosticNote[] {
  const notes: DiagnosticNote[] = [];
  let s = span;
  while (s?.expansion) {
    const { macro, definition } = s.expansion;
    notes.push({ message: `expanded from macro '${macro}'`, span: { file: definition.file, start: definition.start, end: definition.end } });
    s = s.expansion.site;
  }
  return notes;
}
