/**
 * Preprocessed output (`kcc -E`): the token stream as text, one source line per output line,
 * with `# LINE "FILE"` markers where the stream moves to another file or skips lines, as
 * GCC and clang print them, so the output can be fed back to a compiler.
 */
import type { SourceManager } from '../support/source.js';
import type { Token } from './token.js';

export function printTokens(tokens: readonly Token[], sources: SourceManager): string {
  const out: string[] = [];
  let file = -1;
  let line = 0;
  let lineBuf = '';
  const flush = () => {
    if (lineBuf) out.push(lineBuf);
    lineBuf = '';
  };
  for (const t of tokens) {
    if (t.kind === 'eof') break;
    const at = sources.userSpan(t.span);
    const f = sources.get(at.file);
    const l = f.lineCol(at.start).line;
    if (at.file !== file || l < line || l > line + 8) {
      flush();
      out.push(`# ${l} "${f.path}"`);
      file = at.file;
      line = l;
    } else if (l > line) {
      flush();
      for (let i = line + 1; i < l; i++) out.push('');
      line = l;
    }
    if (t.kind === 'pragma') {
      flush();
      out.push(`#pragma ${t.text}`);
      continue;
    }
    lineBuf += lineBuf && t.spaceBefore ? ' ' + t.text : lineBuf ? needsSpace(lineBuf, t.text) + t.text : t.text;
  }
  flush();
  return out.join('\n') + '\n';
}

/** Keep tokens apart where gluing them would lex differently (`+ +`, `a b`). */
function needsSpace(prev: string, next: string): string {
  const a = prev.charCodeAt(prev.length - 1);
  const b = next.charCodeAt(0);
  const word = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 46;
  if (word(a) && word(b)) return ' ';
  if ('+-<>&|=#:/.%'.includes(String.fromCharCode(a)) && '+-<>&|=#:/*.%'.includes(String.fromCharCode(b))) return ' ';
  return '';
}
