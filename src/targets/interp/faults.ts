/**
 * Interpreter faults as diagnostics (codes KCC7001–KCC7099, the runtime range) and as the
 * API's `KernelFault`. A fault carries the KIR op's source location (file, line, column); when
 * the compilation's SourceManager is at hand the message shows the source line with a caret,
 * exactly as compile errors do:
 *
 *   k.cu:7:12: error: out-of-bounds read … in block (1,0,0), thread (3,0,0) [KCC7001]
 *       y[i] = a * x[i + 1];
 *              ^
 */
import type { Fault, FaultKind } from '../../ir/index.js';
import { KernelFault, type FaultRecord } from '../../api/errors.js';
import { type Diagnostic, type DiagnosticDef, type DiagnosticTable, formatDiagnostic, registerDiagnostics } from '../../support/diagnostics/index.js';
import type { SourceManager, Span } from '../../support/source.js';

export const interpFaultDiagnostics = {
  'out-of-bounds': { code: 'KCC7001', severity: 'error', message: '{detail}' },
  misaligned: { code: 'KCC7002', severity: 'error', message: '{detail}' },
  'null-pointer': { code: 'KCC7003', severity: 'error', message: '{detail}' },
  'uninitialized-read': { code: 'KCC7004', severity: 'error', message: '{detail}' },
  'data-race': { code: 'KCC7005', severity: 'error', message: '{detail}' },
  'barrier-divergence': { code: 'KCC7006', severity: 'error', message: '{detail}' },
  deadlock: { code: 'KCC7007', severity: 'error', message: '{detail}' },
  'fuel-exhausted': { code: 'KCC7008', severity: 'error', message: '{detail}' },
  'undefined-behavior': { code: 'KCC7009', severity: 'error', message: '{detail}' },
  assert: { code: 'KCC7010', severity: 'error', message: '{detail}' },
  'stack-overflow': { code: 'KCC7011', severity: 'error', message: '{detail}' },
} as const satisfies Record<FaultKind, DiagnosticDef> & DiagnosticTable;

registerDiagnostics(interpFaultDiagnostics);

const dim = (d: readonly number[]): string => `(${d.join(',')})`;

export function faultRecord(f: Fault): FaultRecord {
  return {
    kind: f.kind,
    detail: f.message,
    ...(f.loc ? { file: f.loc.file, line: f.loc.line, column: f.loc.col } : {}),
    block: [...f.block],
    thread: [...f.thread],
  };
}

/** The span of `file:line:col` in the compilation's sources, if that file is one of them. */
function spanAt(sources: SourceManager | undefined, r: FaultRecord): Span | undefined {
  if (!sources || r.file === undefined || r.line === undefined) return undefined;
  const file = sources.files.find((f) => f.path === r.file);
  if (!file || r.line > file.lineCount) return undefined;
  // offset of the line's start: sum of the lengths of the lines before it (with their newlines)
  let offset = 0;
  for (let l = 1; l < r.line; l++) {
    const nl = file.text.indexOf('\n', offset);
    if (nl < 0) return undefined;
    offset = nl + 1;
  }
  const start = offset + Math.max(0, (r.column ?? 1) - 1);
  return { file: file.id, start, end: start + 1 };
}

/** The clang-style text of one fault (with a trailing newline). */
export function formatFault(r: FaultRecord, sources?: SourceManager): string {
  const def = interpFaultDiagnostics[r.kind as FaultKind] ?? interpFaultDiagnostics['out-of-bounds'];
  const message = `${r.detail} in block ${dim(r.block)}, thread ${dim(r.thread)}`;
  const span = spanAt(sources, r);
  if (span && sources) {
    const d: Diagnostic = { severity: 'error', code: def.code, message, span, notes: [] };
    return formatDiagnostic(sources, d);
  }
  const where = r.file !== undefined ? `${r.file}:${r.line ?? 0}:${r.column ?? 0}: ` : 'kcc: ';
  return `${where}error: ${message} [${def.code}]\n`;
}

/** The API error for a launch that reported faults: the first fault leads, all are kept. */
export function kernelFault(kernel: string, faults: readonly Fault[], printf: string, sources?: SourceManager): KernelFault {
  const records = faults.map(faultRecord);
  const first = records[0]!; // the earliest: later faults are often its consequences
  const rest = records.slice(1);
  let message = formatFault(first, sources);
  if (rest.length) message += `(and ${rest.length} more fault${rest.length === 1 ? '' : 's'})\n`;
  return new KernelFault(message.trimEnd(), first, records, kernel, printf);
}
