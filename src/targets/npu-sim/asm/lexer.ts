/**
 * Tokens of NPU assembly, one line at a time (the syntax is line-oriented).
 *
 *   ident    [A-Za-z_][A-Za-z0-9_.]*        mnemonics (vadd.f32), registers, labels, words
 *   dir      '.' ident                       .kernel .alloc .equ
 *   int      [0-9]+ | 0x[0-9a-fA-F]+ | 0b[01]+
 *   float    digits '.' digits? exponent? | digits exponent
 *   special  '%' ident                       %core %ncores
 *   punct    , [ ] ( ) + - * = : >
 *   comment  ';' or '#' or '//' to the end of the line
 */

export type TokKind = 'ident' | 'dir' | 'int' | 'float' | 'special' | 'punct' | 'eol';

export interface Tok {
  kind: TokKind;
  text: string;
  /** offset in the file */
  start: number;
  end: number;
}

export interface LexError {
  start: number;
  char: string;
}

const IDENT_START = /[A-Za-z_]/;
const IDENT_REST = /[A-Za-z0-9_.]/;
const PUNCT = new Set([',', '[', ']', '(', ')', '+', '-', '*', '=', ':', '>']);

/** Tokenises one line starting at file offset `base`. */
export function lexLine(line: string, base: number, errors: LexError[]): Tok[] {
  const toks: Tok[] = [];
  let i = 0;
  const n = line.length;
  while (i < n) {
    const c = line[i]!;
    if (c === ' ' || c === '\t' || c === '\r') {
      i++;
      continue;
    }
    if (c === ';' || c === '#' || (c === '/' && line[i + 1] === '/')) break;
    const s = i;
    if (IDENT_START.test(c) || (c === '.' && IDENT_START.test(line[i + 1] ?? '')) || (c === '%' && IDENT_START.test(line[i + 1] ?? ''))) {
      i++;
      while (i < n && IDENT_REST.test(line[i]!)) i++;
      const text = line.slice(s, i);
      toks.push({ kind: c === '.' ? 'dir' : c === '%' ? 'special' : 'ident', text, start: base + s, end: base + i });
      continue;
    }
    if (/[0-9]/.test(c)) {
      const m = /^(0[xX][0-9a-fA-F]+|0[bB][01]+|[0-9]+(\.[0-9]*)?([eE][+-]?[0-9]+)?)/.exec(line.slice(i))!;
      const text = m[0];
      i += text.length;
      const isFloat = !/^0[xXbB]/.test(text) && /[.eE]/.test(text);
      toks.push({ kind: isFloat ? 'float' : 'int', text, start: base + s, end: base + i });
      continue;
    }
    if (PUNCT.has(c)) {
      i++;
      toks.push({ kind: 'punct', text: c, start: base + s, end: base + i });
      continue;
    }
    errors.push({ start: base + i, char: c });
    i++;
  }
  toks.push({ kind: 'eol', text: '', start: base + i, end: base + i });
  return toks;
}
