/**
 * `#if` / `#elif` expression evaluation (C17 6.10.1, C++17 [cpp.cond]): integer constant
 * expressions on the tokens left after macro expansion, where `defined` and `__has_include`
 * were already replaced by 0 or 1 (expand.ts). Arithmetic is C's in intmax_t / uintmax_t
 * (64 bits, done with BigInt and wrapped by `asIntN`/`asUintN`): the usual arithmetic
 * conversions make an operation unsigned when either operand is. Remaining identifiers are
 * 0, except C++'s `true`/`false` and the alternative operator spellings (`and`, `not` …).
 *
 * A precedence-climbing parser with an explicit nesting limit, so 20,000 nested parentheses
 * end with a diagnostic instead of a stack overflow. Short-circuit operands and the arm of
 * `?:` not taken are parsed but not evaluated: `0 && 1/0` is no error.
 */
import type { Span } from '../../support/source.js';
import type { DiagnosticBag } from '../../support/diagnostics/index.js';
import type { Token } from '../token.js';
import { ppDiagnostics as D } from './diagnostics.js';

interface Value {
  readonly v: bigint;
  readonly unsigned: boolean;
}

const BINARY_PRECEDENCE: ReadonlyMap<string, number> = new Map([
  [',', 0], ['?', 1], ['||', 2], ['&&', 3], ['|', 4], ['^', 5], ['&', 6], ['==', 7], ['!=', 7],
  ['<', 8], ['>', 8], ['<=', 8], ['>=', 8], ['<<', 9], ['>>', 9], ['+', 10], ['-', 10], ['*', 11], ['/', 11], ['%', 11],
]);

/** C++ [lex.digraph]: alternative tokens are operators, even in #if */
const ALTERNATIVE_OPERATORS: ReadonlyMap<string, string> = new Map([
  ['and', '&&'], ['or', '||'], ['not', '!'], ['bitand', '&'], ['bitor', '|'], ['xor', '^'], ['compl', '~'], ['not_eq', '!='],
]);

const ZERO: Value = { v: 0n, unsigned: false };
const ONE: Value = { v: 1n, unsigned: false };

class Failure extends Error {}

/** Evaluate a `#if` line's expanded tokens; an erroneous expression is reported and is false. */
export function evaluateCondition(toks: readonly Token[], directive: Span, directiveName: string, diags: DiagnosticBag, maxDepth = 1000): boolean {
  if (toks.length === 0) {
    diags.report(D.ifNoExpression, directive, { directive: directiveName });
    return false;
  }
  const e = new Evaluator(toks, diags, maxDepth);
  try {
    const v = e.expression(0);
    const rest = toks[e.pos];
    if (rest !== undefined) e.fail(D.ifBadToken, rest);
    return v.v !== 0n;
  } catch (err) {
    if (err instanceof Failure) return false;
    throw err;
  }
}

class Evaluator {
  pos = 0;
  /** > 0 inside an operand that is not evaluated (short circuit, the other arm of ?:) */
  private unevaluated = 0;
  private depth = 0;

  constructor(
    private readonly toks: readonly Token[],
    private readonly diags: DiagnosticBag,
    private readonly maxDepth: number,
  ) {}

  fail(def: (typeof D)[keyof typeof D], at: Token | undefined, args: Record<string, string | number> = {}): never {
    const t = at ?? this.toks[this.toks.length - 1]!;
    this.diags.report(def, t.span, { token: at ? at.text : 'end of line', ...args });
    throw new Failure();
  }

  private op(t: Token | undefined): string | undefined {
    if (t === undefined) return undefined;
    if (t.kind === 'punct') return t.text;
    if (t.kind === 'identifier') return ALTERNATIVE_OPERATORS.get(t.text);
    return undefined;
  }

  /** binary operators of precedence ≥ minPrec, left-associative; `?:` right-associative */
  expression(minPrec: number): Value {
    this.enter();
    let lhs = this.unary();
    for (;;) {
      const opTok = this.toks[this.pos];
      const op = this.op(opTok);
      const prec = op === undefined ? undefined : BINARY_PRECEDENCE.get(op);
      if (prec === undefined || prec < minPrec) break;
      this.pos++;
      if (op === '?') {
        const cond = lhs.v !== 0n;
        const a = this.guarded(!cond, () => this.expression(0));
        const colon = this.toks[this.pos];
        if (colon?.text !== ':') this.fail(D.ifMissingColon, colon);
        this.pos++;
        const b = this.guarded(cond, () => this.expression(1));
        const unsigned = a.unsigned || b.unsigned;
        lhs = normalize((cond ? a : b).v, unsigned);
        continue;
      }
      if (op === '&&' || op === '||') {
        const short = op === '&&' ? lhs.v === 0n : lhs.v !== 0n;
        const rhs = this.guarded(short, () => this.expression(prec + 1));
        lhs = op === '&&' ? (lhs.v !== 0n && rhs.v !== 0n ? ONE : ZERO) : lhs.v !== 0n || rhs.v !== 0n ? ONE : ZERO;
        continue;
      }
      const rhs = this.expression(prec + 1);
      lhs = op === ',' ? rhs : this.binary(op!, lhs, rhs, opTok!);
    }
    this.depth--;
    return lhs;
  }

  private guarded(skip: boolean, f: () => Value): Value {
    if (skip) this.unevaluated++;
    try {
      return f();
    } finally {
      if (skip) this.unevaluated--;
    }
  }

  private enter(): void {
    if (++this.depth > this.maxDepth) this.fail(D.ifTooDeep, this.toks[this.pos], { limit: this.maxDepth });
  }

  private unary(): Value {
    const t = this.toks[this.pos];
    if (t === undefined) this.fail(D.ifExpectedValue, undefined);
    this.pos++;
    const op = this.op(t);
    switch (op) {
      case '(': {
        const v = this.expression(0);
        if (this.toks[this.pos]?.text !== ')') this.fail(D.ifMissingParen, this.toks[this.pos]);
        this.pos++;
        return v;
      }
      case '+':
      case '-':
      case '~':
      case '!': {
        this.enter();
        const v = this.unary();
        this.depth--;
        if (op === '+') return v;
        if (op === '-') return normalize(-v.v, v.unsigned);
        if (op === '~') return normalize(~v.v, v.unsigned);
        return v.v === 0n ? ONE : ZERO;
      }
    }
    switch (t.kind) {
      case 'number':
        return this.number(t);
      case 'char':
        return charValue(t.text);
      case 'identifier':
        if (t.text === 'true') return ONE;
        return ZERO; // `false` and every name that is not a macro
    }
    return this.fail(t.kind === 'punct' ? D.ifExpectedValue : D.ifBadToken, t);
  }

  private number(t: Token): Value {
    const r = parseInteger(t.text);
    if (r === 'float') this.fail(D.ifFloat, t);
    if (r === undefined) this.fail(D.ifBadNumber, t);
    if (r.tooLarge) this.diags.report(D.ifIntegerTooLarge, t.span, { token: t.text });
    return r.value;
  }

  private binary(op: string, a: Value, b: Value, at: Token): Value {
    const unsigned = a.unsigned || b.unsigned;
    // the usual arithmetic conversions: reinterpret both operands in the common type
    const x = unsigned ? BigInt.asUintN(64, a.v) : a.v;
    const y = unsigned ? BigInt.asUintN(64, b.v) : b.v;
    switch (op) {
      case '*': return normalize(x * y, unsigned);
      case '/':
      case '%':
        if (y === 0n) {
          if (this.unevaluated === 0) this.fail(D.ifDivisionByZero, at, { op: op === '/' ? 'division' : 'remainder' });
          return ZERO;
        }
        return normalize(op === '/' ? x / y : x % y, unsigned);
      case '+': return normalize(x + y, unsigned);
      case '-': return normalize(x - y, unsigned);
      // shifts take the type of the left operand; counts out of range shift everything out
      case '<<': return shift(a, b.unsigned ? BigInt.asUintN(64, b.v) : b.v, true);
      case '>>': return shift(a, b.unsigned ? BigInt.asUintN(64, b.v) : b.v, false);
      case '<': return x < y ? ONE : ZERO;
      case '>': return x > y ? ONE : ZERO;
      case '<=': return x <= y ? ONE : ZERO;
      case '>=': return x >= y ? ONE : ZERO;
      case '==': return x === y ? ONE : ZERO;
      case '!=': return x !== y ? ONE : ZERO;
      case '&': return normalize(x & y, unsigned);
      case '^': return normalize(x ^ y, unsigned);
      case '|': return normalize(x | y, unsigned);
    }
    return this.fail(D.ifBadToken, at);
  }
}

function normalize(v: bigint, unsigned: boolean): Value {
  return { v: unsigned ? BigInt.asUintN(64, v) : BigInt.asIntN(64, v), unsigned };
}

function shift(a: Value, count: bigint, left: boolean): Value {
  if (count < 0n) return shift(a, -count, !left); // as GCC does
  if (count >= 64n) return left || a.unsigned || a.v >= 0n ? { v: 0n, unsigned: a.unsigned } : { v: -1n, unsigned: false };
  return normalize(left ? a.v << count : a.v >> count, a.unsigned);
}

/** an integer literal's value as intmax_t/uintmax_t; 'float' for a floating literal */
export function parseInteger(text: string): { value: Value; tooLarge: boolean } | 'float' | undefined {
  const s = text.replace(/'/g, '');
  const m = /^(0[xX][0-9a-fA-F]+|0[bB][01]+|[0-9]+)([uU](?:ll|LL|l|L)?|(?:ll|LL|l|L)[uU]?)?$/.exec(s);
  if (!m) {
    if (/^(?:[0-9]*\.[0-9]*|[0-9]+[eE])|^0[xX][0-9a-fA-F.]*[pP]|^[0-9.]+[eE][+-]?[0-9]+[fFlL]?$/.test(s)) return 'float';
    return undefined;
  }
  const digits = m[1]!;
  const base = /^0[xX]/.test(digits) ? 16 : /^0[bB]/.test(digits) ? 2 : digits.length > 1 && digits[0] === '0' ? 8 : 10;
  if (base === 8 && /[89]/.test(digits)) return undefined;
  const v = base === 8 ? BigInt('0o' + digits.slice(1)) : BigInt(digits);
  const suffixUnsigned = /[uU]/.test(m[2] ?? '');
  const tooLarge = v > 0xffff_ffff_ffff_ffffn;
  // a constant that does not fit intmax_t is unsigned (hex/octal by rule, decimal as GCC does)
  const unsigned = suffixUnsigned || v > 0x7fff_ffff_ffff_ffffn;
  return { value: normalize(v, unsigned), tooLarge };
}

const SIMPLE_ESCAPES: Readonly<Record<string, number>> = { n: 10, t: 9, r: 13, a: 7, b: 8, f: 12, v: 11, '\\': 92, "'": 39, '"': 34, '?': 63, e: 27 };

/** the value of a character literal: plain `char` is signed on the targets nvcc pairs with */
export function charValue(text: string): Value {
  const q = text.indexOf("'");
  const prefix = text.slice(0, q);
  const body = text.slice(q + 1, text.endsWith("'") && text.length > q + 1 ? -1 : undefined);
  const units: number[] = [];
  for (let i = 0; i < body.length; ) {
    const c = body[i]!;
    if (c !== '\\') {
      const cp = body.codePointAt(i)!;
      i += cp > 0xffff ? 2 : 1;
      if (prefix === '' || prefix === 'u8') for (const b of Buffer.from(String.fromCodePoint(cp), 'utf8')) units.push(b);
      else units.push(cp);
      continue;
    }
    const e = body[i + 1] ?? '';
    if (e in SIMPLE_ESCAPES) {
      units.push(SIMPLE_ESCAPES[e]!);
      i += 2;
    } else if (e === 'x') {
      const h = /^[0-9a-fA-F]+/.exec(body.slice(i + 2))?.[0] ?? '0';
      units.push(Number.parseInt(h.slice(-8), 16));
      i += 2 + h.length;
    } else if (e === 'u' || e === 'U') {
      const n = e === 'u' ? 4 : 8;
      units.push(Number.parseInt(body.slice(i + 2, i + 2 + n), 16) || 0);
      i += 2 + n;
    } else if (e >= '0' && e <= '7') {
      const o = /^[0-7]{1,3}/.exec(body.slice(i + 1))![0];
      units.push(Number.parseInt(o, 8));
      i += 1 + o.length;
    } else {
      units.push(e.charCodeAt(0) || 0);
      i += 2;
    }
  }
  if (prefix === '' || prefix === 'u8') {
    if (units.length === 1) return normalize(BigInt(prefix === '' ? (units[0]! << 24) >> 24 : units[0]! & 0xff), false);
    let v = 0n; // multi-character constant: int, bytes big-endian (GCC's choice)
    for (const u of units) v = (v << 8n) | BigInt(u & 0xff);
    return normalize(BigInt.asIntN(32, v), false);
  }
  const u = BigInt(units[units.length - 1] ?? 0);
  return prefix === 'L' ? normalize(BigInt.asIntN(32, u), false) : normalize(u, true);
}
