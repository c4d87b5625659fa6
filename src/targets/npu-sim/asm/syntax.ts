/**
 * Operand syntax of one instruction line, before it is checked against the instruction table:
 *
 *   items   = item (',' item)*
 *   item    = ident '=' value                 an option (n=4, mask=ub[m], repstride=8:8:0)
 *           | value
 *   value   = SPACE '[' expr ']'              memory operand (ub[s3 + buf + 64])
 *           | PIPE '>' PIPE                   pipe pair (MTE2>V)
 *           | expr (':' expr)*                expression or colon list
 *   expr    = term (('+' | '-') term)*
 *   term    = factor ('*' factor)*
 *   factor  = int | float | ident | '%'ident | '-' factor | '(' expr ')'
 */
import type { Tok } from './lexer.js';

export type Ex =
  | { k: 'num'; v: bigint; tok: Tok }
  | { k: 'float'; v: number; tok: Tok }
  | { k: 'id'; name: string; tok: Tok }
  | { k: 'special'; name: string; tok: Tok }
  | { k: 'bin'; op: '+' | '-' | '*'; l: Ex; r: Ex; tok: Tok }
  | { k: 'neg'; e: Ex; tok: Tok };

export type Val =
  | { k: 'expr'; e: Ex; start: number; end: number }
  | { k: 'mem'; space: string; e: Ex; start: number; end: number }
  | { k: 'pair'; src: string; dst: string; start: number; end: number }
  | { k: 'list'; items: Ex[]; start: number; end: number };

export type Item = { k: 'opt'; name: string; value: Val; start: number; end: number } | Val;

export class SyntaxErr extends Error {
  constructor(readonly what: string, readonly tok: Tok) {
    super(what);
  }
}

const MEM_SPACES = new Set(['gm', 'ub', 'l1', 'l0a', 'l0b', 'l0c']);
const PIPE_NAMES = new Set(['S', 'MTE1', 'MTE2', 'MTE3', 'M', 'V', 'FIX']);

export class ItemParser {
  private i = 0;
  constructor(private readonly toks: Tok[], start: number) {
    this.i = start;
  }

  private peek(o = 0): Tok {
    return this.toks[Math.min(this.i + o, this.toks.length - 1)]!;
  }
  private next(): Tok {
    return this.toks[this.i++]!;
  }
  private isPunct(t: Tok, p: string): boolean {
    return t.kind === 'punct' && t.text === p;
  }
  private expect(p: string, what: string): Tok {
    const t = this.next();
    if (!this.isPunct(t, p)) throw new SyntaxErr(what, t);
    return t;
  }

  /** items up to the end of the line */
  items(): Item[] {
    const out: Item[] = [];
    if (this.peek().kind === 'eol') return out;
    for (;;) {
      out.push(this.item());
      const t = this.peek();
      if (t.kind === 'eol') return out;
      if (!this.isPunct(t, ',')) throw new SyntaxErr("',' or the end of the line", t);
      this.next();
    }
  }

  private item(): Item {
    const t = this.peek();
    if (t.kind === 'ident' && this.isPunct(this.peek(1), '=')) {
      this.next();
      this.next();
      const value = this.value();
      return { k: 'opt', name: t.text, value, start: t.start, end: value.end };
    }
    return this.value();
  }

  value(): Val {
    const t = this.peek();
    if (t.kind === 'ident' && MEM_SPACES.has(t.text) && this.isPunct(this.peek(1), '[')) {
      this.next();
      this.next();
      const e = this.expr();
      const close = this.expect(']', "']'");
      return { k: 'mem', space: t.text, e, start: t.start, end: close.end };
    }
    if (t.kind === 'ident' && PIPE_NAMES.has(t.text) && this.isPunct(this.peek(1), '>')) {
      this.next();
      this.next();
      const d = this.next();
      if (d.kind !== 'ident') throw new SyntaxErr('a pipe name', d);
      return { k: 'pair', src: t.text, dst: d.text, start: t.start, end: d.end };
    }
    const e = this.expr();
    if (!this.isPunct(this.peek(), ':')) return { k: 'expr', e, start: t.start, end: this.peek().start };
    const items = [e];
    while (this.isPunct(this.peek(), ':')) {
      this.next();
      items.push(this.expr());
    }
    return { k: 'list', items, start: t.start, end: this.peek().start };
  }

  private expr(): Ex {
    let l = this.term();
    for (;;) {
      const t = this.peek();
      if (this.isPunct(t, '+') || this.isPunct(t, '-')) {
        this.next();
        l = { k: 'bin', op: t.text as '+' | '-', l, r: this.term(), tok: t };
      } else return l;
    }
  }

  private term(): Ex {
    let l = this.factor();
    while (this.isPunct(this.peek(), '*')) {
      const t = this.next();
      l = { k: 'bin', op: '*', l, r: this.factor(), tok: t };
    }
    return l;
  }

  private factor(): Ex {
    const t = this.next();
    switch (t.kind) {
      case 'int':
        return { k: 'num', v: BigInt(t.text), tok: t };
      case 'float':
        return { k: 'float', v: Number(t.text), tok: t };
      case 'ident':
        return { k: 'id', name: t.text, tok: t };
      case 'special':
        return { k: 'special', name: t.text.slice(1), tok: t };
      case 'punct':
        if (t.text === '-') return { k: 'neg', e: this.factor(), tok: t };
        if (t.text === '(') {
          const e = this.expr();
          this.expect(')', "')'");
          return e;
        }
    }
    throw new SyntaxErr('an operand', t);
  }
}
