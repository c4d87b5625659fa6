/**
 * The lexer's diagnostics (KCC1001–KCC1099). Codes are stable: a retired message keeps its
 * number and is never reused.
 */
import { type DiagnosticTable, registerDiagnostics } from '../../support/diagnostics/index.js';

export const lexDiagnostics = {
  strayChar: { code: 'KCC1001', severity: 'error', message: "stray '{char}' in program" },
  invalidUtf8: { code: 'KCC1002', severity: 'error', message: 'invalid UTF-8 or binary data in source (U+{codepoint})' },
  moreErrors: { code: 'KCC1003', severity: 'note', message: '{count} more lexical errors in this file were not reported' },
  unterminatedComment: { code: 'KCC1004', severity: 'error', message: 'unterminated /* comment' },
  unterminatedString: { code: 'KCC1005', severity: 'error', message: "missing terminating '\"' character" },
  unterminatedChar: { code: 'KCC1006', severity: 'error', message: "missing terminating ' character" },
  unterminatedRawString: { code: 'KCC1007', severity: 'error', message: 'raw string literal is missing its terminating delimiter' },
  badRawDelimiter: { code: 'KCC1008', severity: 'error', message: 'invalid raw string delimiter: use at most 16 characters other than spaces, parentheses and backslashes' },
  emptyChar: { code: 'KCC1009', severity: 'error', message: 'empty character constant' },
  spliceSpace: { code: 'KCC1010', severity: 'warning', message: 'backslash and newline separated by space' },
  multiLineComment: { code: 'KCC1011', severity: 'warning', message: "multi-line // comment (the line ends with '\\')" },
} as const satisfies DiagnosticTable;

registerDiagnostics(lexDiagnostics);
