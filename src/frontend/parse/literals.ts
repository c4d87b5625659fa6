/**
 * Literal spelling → value: integer constants (bigint value, `u`/`l`/`ll` suffixes, decimal or
 * not, since C picks their types differently), floating constants (decimal and hex, `f`/`l`
 * suffixes), character constants and string literals with escapes decoded.
 *
 * Problems are reported through `report(key, arg)` and a usable value is still returned, so
 * that one bad literal does not hide the rest of the file.
 */
import type { ParseDiagnosticKey } from './diagnostics.js';

export type LiteralReport = (key: ParseDiagnosticKey, arg?: string) => void;

export type NumberValue =
  | { kind: 'int'; value: bigint; unsigned: boolean; long: 0 | 1 | 2; decimal: boolean }
  | { kind: 'float'; value: number; suffix: '' | 'f' | 'l' };

const MAX_U64 = (1n << 64n) - 1n;

/** small decimal constants (`0`, `1`, `256`…) skip the general scanner below */
const SMALL_INTS: bigint[] = [];
for (let i = 0; i < 1024; i++) SMALL_INTS.push(BigInt(i));

function isPlainDecimal(s: string): boolean {
  const n = s.length;
  if (n === 0 || n > 15) return false;
  const c0 = s.charCodeAt(0);
  if (c0 < 48 || c0 > 57 || (c0 === 48 && n > 1)) return false;
  for (let i = 1; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

export function parseNumber(spelling: string, report: LiteralReport): NumberValue {
  if (isPlainDecimal(spelling)) {
    // what the general path gives for `[1-9][0-9]*` or `0` without a suffix
    const n = Number(spelling);
    return { kind: 'int', value: n < 1024 ? SMALL_INTS[n]! : BigInt(n), unsigned: false, long: 0, decimal: true };
  }
  const text = spelling.replace(/'/g, '');
  const hex = /^0[xX]/.test(text);
  if (hex ? /[.pP]/.test(text) : /[.eE]/.test(text) && !/^0[bB]/.test(text)) return parseFloatLit(text, hex, report);
  const m = /^(0[xX][0-9a-fA-F]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)(\w*)$/.exec(text);
  if (!m) {
    const oct = /^0([0-7]*)([89])/.exec(text);
    if (oct) report('invalidOctalDigit', oct[2]);
    else if (/^(0[xXbB])$/.test(text)) report('invalidNumber', spelling);
    else {
      const digits = /^(0[xX][0-9a-fA-F]*|0[bB][01]*|\d+)/.exec(text)?.[0] ?? '';
      report('invalidIntSuffix', text.slice(digits.length));
    }
    return { kind: 'int', value: 0n, unsigned: false, long: 0, decimal: true };
  }
  const digits = m[1]!;
  const suffix = m[2]!;
  const s = /^(?:([uU])(ll|LL|l|L)?|(ll|LL|l|L)([uU])?)?$/.exec(suffix);
  let unsigned = false;
  let long: 0 | 1 | 2 = 0;
  if (!s) report('invalidIntSuffix', suffix);
  else {
    unsigned = !!(s[1] || s[4]);
    const l = s[2] ?? s[3];
    long = l ? (l.length === 2 ? 2 : 1) : 0;
  }
  let value: bigint;
  if (/^0[bB]/.test(digits)) value = BigInt(digits);
  else if (/^0[xX]/.test(digits)) value = BigInt(digits);
  else if (digits.length > 1 && digits[0] === '0') value = BigInt('0o' + digits.slice(1));
  else value = BigInt(digits);
  if (value > MAX_U64) {
    report('integerTooLarge');
    value &= MAX_U64;
  }
  return { kind: 'int', value, unsigned, long, decimal: !(digits.length > 1 && digits[0] === '0') };
}

function parseFloatLit(text: string, hex: boolean, report: LiteralReport): NumberValue {
  const re = hex
    ? /^0[xX]([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?(?:[pP]([+-]?\d*))?(\w*)$/
    : /^(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d*))?(\w*)$/;
  const m = re.exec(text);
  if (!m || (m[1] === '' && (m[2] ?? '') === '')) {
    report('invalidNumber', text);
    return { kind: 'float', value: 0, suffix: '' };
  }
  const [, int, frac = '', exp, rest = ''] = m;
  if (exp !== undefined && !/\d/.test(exp)) report('exponentNoDigits');
  if (hex && exp === undefined) report('invalidNumber', text);
  let suffix: '' | 'f' | 'l' = '';
  if (/^[fF]$/.test(rest)) suffix = 'f';
  else if (/^[lL]$/.test(rest)) suffix = 'l';
  else if (rest !== '') report('invalidFloatSuffix', rest);
  let value: number;
  if (hex) {
    const mant = parseInt((int || '0') + frac, 16);
    const e = parseInt(exp || '0', 10) - 4 * frac.length;
    value = mant * Math.pow(2, e);
  } else {
    value = Number(`${int || '0'}.${frac || '0'}e${/\d/.test(exp ?? '') ? exp : '0'}`);
  }
  return { kind: 'float', value, suffix };
}

export type LiteralPrefix = '' | 'u8' | 'u' | 'U' | 'L';

const SIMPLE_ESCAPES: Record<string, number> = { n: 10, t: 9, r: 13, a: 7, b: 8, f: 12, v: 11, '\\': 92, "'": 39, '"': 34, '?': 63, e: 27 };

/** Decode the body of a char or string literal into code points. */
function decodeBody(body: string, prefix: LiteralPrefix, report: LiteralReport): number[] {
  const maxUnit = prefix === '' || prefix === 'u8' ? 0xff : prefix === 'u' ? 0xffff : 0xffffffff;
  const out: number[] = [];
  for (let i = 0; i < body.length; ) {
    const c = body[i]!;
    if (c !== '\\') {
      const cp = body.codePointAt(i)!;
      out.push(cp);
      i += cp > 0xffff ? 2 : 1;
      continue;
    }
    const e = body[i + 1] ?? '';
    if (e in SIMPLE_ESCAPES) {
      out.push(SIMPLE_ESCAPES[e]!);
      i += 2;
    } else if (/[0-7]/.test(e)) {
      const m = /^[0-7]{1,3}/.exec(body.slice(i + 1))![0];
      out.push(parseInt(m, 8) & maxUnit);
      i += 1 + m.length;
    } else if (e === 'x') {
      const m = /^[0-9a-fA-F]*/.exec(body.slice(i + 2))![0];
      let v = m ? parseInt(m, 16) : 0;
      if (!m || v > maxUnit) {
        report('hexEscapeRange');
        v &= maxUnit;
      }
      out.push(v);
      i += 2 + m.length;
    } else if (e === 'u' || e === 'U') {
      const n = e === 'u' ? 4 : 8;
      const m = body.slice(i + 2, i + 2 + n);
      out.push(/^[0-9a-fA-F]+$/.test(m) && m.length === n ? parseInt(m, 16) : 0);
      i += 2 + n;
    } else {
      report('unknownEscape', e);
      out.push(e.codePointAt(0) ?? 0);
      i += 2;
    }
  }
  return out;
}

function splitPrefix(spelling: string, quote: string): { prefix: LiteralPrefix; raw: boolean; body: string } {
  const q = spelling.indexOf(quote);
  let p = q < 0 ? '' : spelling.slice(0, q);
  const raw = p.endsWith('R');
  if (raw) p = p.slice(0, -1);
  const prefix = (['u8', 'u', 'U', 'L'].includes(p) ? p : '') as LiteralPrefix;
  let body = q < 0 ? spelling : spelling.slice(q + 1);
  if (body.endsWith(quote)) body = body.slice(0, -1);
  if (raw) {
    const open = body.indexOf('(');
    const close = body.lastIndexOf(')');
    body = open >= 0 && close > open ? body.slice(open + 1, close) : body;
  }
  return { prefix, raw, body };
}

export function parseChar(spelling: string, report: LiteralReport): { value: number; prefix: LiteralPrefix } {
  const { prefix, body } = splitPrefix(spelling, "'");
  const units = decodeBody(body, prefix, report);
  if (units.length === 0) {
    report('emptyCharConstant');
    return { value: 0, prefix };
  }
  if (units.length > 1) {
    report('multiCharConstant');
    let v = 0;
    for (const u of units) v = ((v << 8) | (u & 0xff)) >>> 0;
    return { value: v | 0, prefix };
  }
  return { value: units[0]!, prefix };
}

export function parseString(spelling: string, report: LiteralReport): { value: string; prefix: LiteralPrefix } {
  const { prefix, raw, body } = splitPrefix(spelling, '"');
  if (raw) return { value: body, prefix };
  const units = decodeBody(body, prefix, report);
  let value = '';
  for (const u of units) value += String.fromCodePoint(Math.min(u, 0x10ffff));
  return { value, prefix };
}
