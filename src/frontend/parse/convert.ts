/**
 * Preprocessor tokens → chevrotain tokens.
 *
 * Keywords are identifiers to the preprocessor; here they become keyword token types by a
 * lookup table, punctuators by their text. Two rewrites make the grammar simpler:
 *  - `>>` becomes two `>` tokens, the second marked `joined`: templates close with one `>` each
 *    (`A<B<int>>`), and the expression grammar rebuilds shift-right from a joined pair; the
 *    same pair-of-three closes a launch configuration (`<<<g, b>>>`).
 *  - a `#pragma unroll N` token becomes `PragmaUnroll N… PragmaEnd`, so that the count is
 *    parsed as an ordinary expression by the statement grammar.
 */
import { EOF, type IToken, type TokenType } from 'chevrotain';
import type { Token } from '../token.js';
import {
  CharLit, Greater, Identifier, KEYWORDS, NumberLit, PUNCTUATORS, PragmaEnd, PragmaUnroll, StringLit, Unknown,
} from './tokens.js';

export interface KToken extends IToken {
  /** the preprocessor token this came from (spans, spacing) */
  readonly src: Token;
  /** the second `>` of a split `>>` */
  readonly joined: boolean;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

const PLACEHOLDER_SRC: Token = { kind: 'eof', text: '', span: { file: 0, start: 0, end: 0 }, spaceBefore: false, lineStart: false };

export function makeToken(type: TokenType, src: Token, joined = false, image = src.text): KToken {
  return { image, startOffset: src.span.start, tokenType: type, tokenTypeIdx: type.tokenTypeIdx!, src, joined };
}

/**
 * The whole token stream as parallel arrays (type, image, source token, joined flag): the
 * item splitter needs only types, and chevrotain tokens are made per item (`tokens(i, j)`), so
 * that they die young instead of a million of them surviving to the end of the parse.
 */
export class TokenStream {
  readonly types: TokenType[];
  /** index into `source` of each token, or -1 - k for the k-th synthetic token */
  private origin: Int32Array;
  private readonly synthetic: { src: Token; joined: boolean; image: string }[] = [];
  private count = 0;
  /** token objects reused by `pooledTokens` */
  private readonly pool: KToken[] = [];

  constructor(private readonly source: readonly Token[]) {
    // preallocated (a push per token is twice as slow); `finish` trims it to the count
    this.types = new Array<TokenType>(source.length);
    this.origin = new Int32Array(source.length + 16);
  }

  get length(): number {
    return this.count;
  }

  /** a token that is the preprocessor's token `index` */
  pushOriginal(type: TokenType, index: number): void {
    this.grow();
    this.types[this.count] = type;
    this.origin[this.count++] = index;
  }

  /** a token made here (`>` of a split `>>`, the words of a pragma) */
  push(type: TokenType, src: Token, joined = false, image = src.text): void {
    this.grow();
    this.types[this.count] = type;
    this.origin[this.count++] = -1 - this.synthetic.length;
    this.synthetic.push({ src, joined, image });
  }

  src(k: number): Token {
    const o = this.origin[k]!;
    return o >= 0 ? this.source[o]! : this.synthetic[-1 - o]!.src;
  }

  image(k: number): string {
    const o = this.origin[k]!;
    return o >= 0 ? this.source[o]!.text : this.synthetic[-1 - o]!.image;
  }

  /** chevrotain tokens for `[i, j)` */
  tokens(i: number, j: number): KToken[] {
    const out: KToken[] = new Array(j - i);
    for (let k = i; k < j; k++) {
      const o = this.origin[k]!;
      if (o >= 0) out[k - i] = makeToken(this.types[k]!, this.source[o]!);
      else {
        const s = this.synthetic[-1 - o]!;
        out[k - i] = makeToken(this.types[k]!, s.src, s.joined, s.image);
      }
    }
    return out;
  }

  /**
   * Chevrotain tokens for `[i, j)` followed by `eof` four times, made of token objects reused
   * from item to item: an item's tokens are dead once it is parsed (the AST keeps only their
   * spans and images; errors are read before the next item), so the million token objects of
   * a large file are not allocated. The array is fresh: its length is the item's.
   */
  pooledTokens(i: number, j: number, eof: KToken): KToken[] {
    const n = j - i;
    const pool = this.pool;
    while (pool.length < n) pool.push(makeToken(EOF, PLACEHOLDER_SRC));
    const out: KToken[] = new Array(n + 4);
    const types = this.types;
    const origin = this.origin;
    const source = this.source;
    for (let k = 0; k < n; k++) {
      const tok = pool[k]! as Mutable<KToken>;
      const type = types[i + k]!;
      const o = origin[i + k]!;
      tok.tokenType = type;
      tok.tokenTypeIdx = type.tokenTypeIdx!;
      if (o >= 0) {
        const src = source[o]!;
        tok.image = src.text;
        tok.startOffset = src.span.start;
        tok.src = src;
        tok.joined = false;
      } else {
        const s = this.synthetic[-1 - o]!;
        tok.image = s.image;
        tok.startOffset = s.src.span.start;
        tok.src = s.src;
        tok.joined = s.joined;
      }
      out[k] = tok;
    }
    out[n] = eof;
    out[n + 1] = eof;
    out[n + 2] = eof;
    out[n + 3] = eof;
    return out;
  }

  finish(): this {
    this.types.length = this.count;
    return this;
  }

  private grow(): void {
    if (this.count < this.origin.length) return;
    const bigger = new Int32Array(this.origin.length * 2 + 16);
    bigger.set(this.origin);
    this.origin = bigger;
  }
}

/** (length, first char, last char) of every keyword: most identifiers fail this test without hashing */
const KEYWORD_SHAPES = new Set<number>([...KEYWORDS.keys()].map((k) => shapeOf(k)));

function shapeOf(text: string): number {
  return (text.length << 16) | ((text.charCodeAt(0) & 0xff) << 8) | (text.charCodeAt(text.length - 1) & 0xff);
}

function keywordType(text: string): TokenType {
  if (!KEYWORD_SHAPES.has(shapeOf(text))) return Identifier;
  return KEYWORDS.get(text) ?? Identifier;
}

/** one- and two-character punctuators by character codes */
const PUNCT1: (TokenType | undefined)[] = [];
const PUNCT2 = new Map<number, TokenType>();
for (const [text, t] of PUNCTUATORS) {
  if (text.length === 1) PUNCT1[text.charCodeAt(0)] = t;
  else if (text.length === 2) PUNCT2.set((text.charCodeAt(0) << 8) | text.charCodeAt(1), t);
}

function punctuatorType(text: string): TokenType {
  if (text.length === 1) return PUNCT1[text.charCodeAt(0)] ?? Unknown;
  if (text.length === 2) {
    const c0 = text.charCodeAt(0);
    const c1 = text.charCodeAt(1);
    if (c0 < 128 && c1 < 128) return PUNCT2.get((c0 << 8) | c1) ?? Unknown;
  }
  return PUNCTUATORS.get(text) ?? Unknown;
}

/** Convert a whole token stream (up to its eof token). */
export function convertTokens(tokens: readonly Token[]): TokenStream {
  const out = new TokenStream(tokens);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    switch (t.kind) {
      case 'identifier':
        out.pushOriginal(keywordType(t.text), i);
        break;
      case 'number':
        out.pushOriginal(NumberLit, i);
        break;
      case 'char':
        out.pushOriginal(CharLit, i);
        break;
      case 'string':
        out.pushOriginal(StringLit, i);
        break;
      case 'punct':
        if (t.text === '>>') splitShift(t, out);
        else out.pushOriginal(punctuatorType(t.text), i);
        break;
      case 'pragma':
        convertPragma(t, out);
        break;
      case 'eof':
        return out.finish();
    }
  }
  return out.finish();
}

function splitShift(t: Token, out: TokenStream): void {
  const { span } = t;
  const mid = span.end - span.start === 2 ? span.start + 1 : span.start;
  const first: Token = { ...t, text: '>', span: { ...span, end: mid === span.start ? span.end : mid } };
  const second: Token = { ...t, text: '>', spaceBefore: false, lineStart: false, span: { ...span, start: mid } };
  out.push(Greater, first);
  out.push(Greater, second, true);
}

/** `unroll`, `unroll 4`, `unroll (N * 2)`, `nounroll`; other pragmas never reach the parser */
function convertPragma(t: Token, out: TokenStream): void {
  const m = /^\s*(unroll|nounroll)\b(.*)$/s.exec(t.text);
  if (!m) return;
  out.push(PragmaUnroll, t, false, m[1]!);
  for (const text of splitWords(m[2]!)) {
    const kind = /^[A-Za-z_]/.test(text) ? 'identifier' : /^\.?\d/.test(text) ? 'number' : 'punct';
    const sub: Token = { kind, text, span: t.span, spaceBefore: true, lineStart: false };
    if (kind === 'identifier') out.push(KEYWORDS.get(text) ?? Identifier, sub);
    else if (kind === 'number') out.push(NumberLit, sub);
    else if (text === '>>') splitShift(sub, out);
    else out.push(PUNCTUATORS.get(text) ?? Unknown, sub);
  }
  out.push(PragmaEnd, t, false, '');
}

/** a tiny tokenizer for the words of a pragma: names, pp-numbers, longest-match punctuators */
function splitWords(text: string): string[] {
  const words: string[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (/\s/.test(c)) { i++; continue; }
    const m = /^(?:[A-Za-z_]\w*|\.?\d(?:[eEpP][+-]|[\w.])*)/.exec(text.slice(i));
    if (m) { words.push(m[0]); i += m[0].length; continue; }
    let len = 3;
    while (len > 1 && !PUNCTUATORS.has(text.slice(i, i + len)) && text.slice(i, i + len) !== '>>') len--;
    words.push(text.slice(i, i + len));
    i += len;
  }
  return words;
}
