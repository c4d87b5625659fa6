/**
 * Clang-style text rendering of diagnostics:
 *
 *   saxpy.cu:7:12: error: use of undeclared identifier 'y' [KCC3001]
 *       y[i] = a * x[i] + y[i];
 *       ^
 *   saxpy.cu:1:11: note: expanded from macro 'M'
 *
 * "In file included from" lines precede a diagnostic inside an included file. Colour is used
 * only when asked (the CLI asks when stderr is a TTY).
 */
import type { SourceManager, Span } from '../source.js';
import { type Diagnostic, type DiagnosticNote, expansionNotes } from './bag.js';

export interface FormatOptions {
  color?: boolean;
}

const COLORS = { error: '\x1b[1;31m', warning: '\x1b[1;35m', note: '\x1b[1;30m', remark: '\x1b[1;34m', bold: '\x1b[1m', caret: '\x1b[1;32m', reset: '\x1b[0m' } as const;

export function formatDiagnostics(sources: SourceManager, diags: readonly Diagnostic[], opts: FormatOptions = {}): string {
  return diags.map((d) => formatDiagnostic(sources, d, opts)).join('');
}

export function formatDiagnostic(sources: SourceManager, d: Diagnostic, opts: FormatOptions = {}): string {
  let out = includeChain(sources, d.span);
  out += formatOne(sources, d.severity, `${d.message} [${d.code}]`, d.span, opts);
  const notes: DiagnosticNote[] = [...expansionNotes(d.span), ...d.notes];
  for (const n of notes) out += formatOne(sources, 'note', n.message, n.span, opts);
  return out;
}

function includeChain(sources: SourceManager, span: Span | undefined): string {
  if (!span) return '';
  let file = sources.get(sources.userSpan(span).file);
  const lines: string[] = [];
  while (file.includedFrom) {
    const at = sources.userSpan(file.includedFrom);
    const inc = sources.get(at.file);
    const { line } = inc.lineCol(at.start);
    lines.push(`${lines.length ? '                 from' : 'In file included from'} ${inc.path}:${line}:\n`);
    file = inc;
  }
  return lines.join('');
}

function formatOne(sources: SourceManager, severity: string, message: string, span: Span | undefined, opts: FormatOptions): string {
  const c = opts.color ? COLORS : undefined;
  const sev = c ? `${c[severity as keyof typeof COLORS] ?? ''}${severity}:${c.reset}` : `${severity}:`;
  const msg = c ? `${c.bold}${message}${c.reset}` : message;
  if (!span) return `kcc: ${sev} ${msg}\n`;
  const s = sources.userSpan(span);
  const file = sources.get(s.file);
  const start = file.lineCol(s.start);
  const loc = `${file.path}:${start.line}:${start.column}:`;
  let out = `${c ? c.bold + loc + c.reset : loc} ${sev} ${msg}\n`;
  const text = file.lineText(start.line);
  if (text.length > 400) return out; // minified or generated lines: no excerpt
  const end = file.lineCol(Math.max(s.start, s.end));
  const caretEnd = end.line === start.line ? Math.max(end.column, start.column + 1) : text.length + 1;
  // keep tabs so the caret lines up under the source
  const pad = text.slice(0, start.column - 1).replace(/[^\t]/g, ' ');
  const marks = '^' + '~'.repeat(Math.max(0, caretEnd - start.column - 1));
  out += `${text}\n${pad}${c ? c.caret + marks + c.reset : marks}\n`;
  return out;
}
