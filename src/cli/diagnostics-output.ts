/** Prints a run's diagnostics in the format the user asked for (clang-style text or JSON). */
import type { DiagnosticBag } from '../support/diagnostics/index.js';
import { formatDiagnostics } from '../support/diagnostics/index.js';
import type { CliIO } from './io.js';

export type DiagnosticsFormat = 'text' | 'json';

export interface DiagnosticsStyle {
  format: DiagnosticsFormat;
  color: boolean;
}

export function printDiagnostics(io: CliIO, bag: DiagnosticBag, style: DiagnosticsStyle): void {
  if (style.format === 'json') {
    io.stderr(JSON.stringify({ diagnostics: bag.resolve() }, null, 2) + '\n');
    return;
  }
  if (bag.list.length === 0) return;
  let text = formatDiagnostics(bag.sources, bag.list, { color: style.color });
  const errors = bag.errorCount;
  const warnings = bag.list.filter((d) => d.severity === 'warning').length;
  const parts: string[] = [];
  if (warnings) parts.push(`${warnings} warning${warnings === 1 ? '' : 's'}`);
  if (errors) parts.push(`${errors} error${errors === 1 ? '' : 's'}`);
  if (parts.length) text += `${parts.join(' and ')} generated.\n`;
  io.stderr(text);
}
