/**
 * The scalar semantics of KIR arithmetic, in one place: constant folding and the interpreter's
 * generic paths both call these (the interpreter's fast paths are specialisations that tests
 * compare against them).
 *
 * Values: integers up to 32 bits are JS numbers in the type's canonical range (i32 signed,
 * u32 in [0, 2^32)); 64-bit integers are bigints; i1 is 0/1; floats are numbers holding a
 * value of their format (f32 via Math.fround, f16/bf16 via src/support/half.ts).
 * C facts: integer ops wrap (the `nsw`/`nuw` flags say overflow is UB — `checkUB` reports it);
 * division truncates toward zero and `rem` has the dividend's sign; `shr` is arithmetic on
 * signed and logical on unsigned types; a shift by ≥ width is UB (the result here is 0 for shl
 * and logical shr, the sign fill for arithmetic shr — defined, so every run is reproducible);
 * division by zero is UB (result 0); float→int out of range is UB (saturates, NaN → 0).
 */
import { roundToBf16, roundToF16 } from '../support/half.js';
import { fitsInt, wrapInt } from './ops/rules.js';
import type { ConstVal } from './ops/table.js';
import type { FloatType, IntType, Type } from './types.js';

export function roundFloat(t: FloatType, x: number): number {
  switch (t.fkind) {
    case 'f64': return x;
    case 'f32': return Math.fround(x);
    case 'f16': return roundToF16(x);
    case 'bf16': return roundToBf16(x);
  }
}

const big = (v: ConstVal): bigint => (typeof v === 'bigint' ? v : BigInt(v));

/** exact mathematical result of an integer binary op, before wrapping (undefined: UB/no value) */
function exactInt(name: string, a: bigint, b: bigint, t: IntType): bigint | undefined {
  switch (name) {
    case 'add': return a + b;
    case 'sub': return a - b;
    case 'mul': return a * b;
    case 'div': return b === 0n ? undefined : a / b; // bigint division truncates, like C
    case 'rem': return b === 0n ? undefined : a % b;
    case 'and': return a & b;
    case 'or': return a | b;
    case 'xor': return a ^ b;
    case 'min': return a < b ? a : b;
    case 'max': return a > b ? a : b;
    case 'shl': return b < 0n || b >= BigInt(t.bits) ? undefined : a << b;
    case 'shr': return b < 0n || b >= BigInt(t.bits) ? undefined : a >> b; // a is canonical: signed → arithmetic, unsigned → logical
  }
  return undefined;
}

export function intBinary(name: string, t: IntType, a: ConstVal, b: ConstVal): ConstVal {
  const r = exactInt(name, big(a), big(b), t);
  if (r === undefined) {
    if (name === 'shr' && t.signed && big(a) < 0n) return wrapInt(t, -1);
    return wrapInt(t, 0);
  }
  return wrapInt(t, r);
}

/** The UB a binary integer op commits with these operands and flags, or undefined. */
export function checkUB(name: string, t: IntType, a: ConstVal, b: ConstVal, flags: { nsw?: boolean; nuw?: boolean; exact?: boolean }): string | undefined {
  const A = big(a), B = big(b);
  if ((name === 'div' || name === 'rem') && B === 0n) return 'division by zero';
  if ((name === 'shl' || name === 'shr') && (B < 0n || B >= BigInt(t.bits))) return `shift by ${B} of a ${t.bits}-bit value`;
  if (name === 'div' && t.signed && B === -1n && !fitsInt(t, -A)) return `signed overflow in ${A} / -1`;
  if (name === 'rem' && t.signed && B === -1n && !fitsInt(t, -A)) return `signed overflow in ${A} % -1`;
  if (name === 'div' && flags.exact && A % B !== 0n) return `inexact division ${A} / ${B} marked exact`;
  if ((flags.nsw || flags.nuw) && (name === 'add' || name === 'sub' || name === 'mul' || name === 'shl')) {
    const f = (x: bigint, y: bigint) => (name === 'shl' ? x << y : exactInt(name, x, y, t)!);
    if (flags.nsw && !fitsInt({ ...t, signed: true }, f(BigInt.asIntN(t.bits, A), name === 'shl' ? B : BigInt.asIntN(t.bits, B))))
      return `signed overflow in ${A} ${opSym[name]} ${B} (${t.text})`;
    if (flags.nuw && !fitsInt({ ...t, signed: false }, f(BigInt.asUintN(t.bits, A), name === 'shl' ? B : BigInt.asUintN(t.bits, B))))
      return `unsigned overflow in ${A} ${opSym[name]} ${B} (${t.text})`;
  }
  return undefined;
}
const opSym: Record<string, string> = { add: '+', sub: '-', mul: '*', shl: '<<' };

export function floatBinary(name: string, t: FloatType, a: number, b: number): number {
  let r: number;
  switch (name) {
    case 'add': r = a + b; break;
    case 'sub': r = a - b; break;
    case 'mul': r = a * b; break;
    case 'div': r = a / b; break;
    case 'rem': r = a % b; break; // fmod: sign of the dividend, exact
    case 'min': r = Number.isNaN(a) ? b : Number.isNaN(b) ? a : a < b || (a === b && Object.is(a, -0)) ? a : b; break; // fminf
    case 'max': r = Number.isNaN(a) ? b : Number.isNaN(b) ? a : a > b || (a === b && Object.is(b, -0)) ? a : b; break;
    default: throw new Error(`internal: no float op '${name}'`);
  }
  return roundFloat(t, r);
}

export function compare(pred: string, t: Type, a: ConstVal, b: ConstVal): number {
  if (t.kind === 'float') {
    const x = a as number, y = b as number;
    switch (pred) {
      case 'eq': return +(x === y);
      case 'ne': return +(x !== y); // true when either is NaN, as C's !=
      case 'lt': return +(x < y);
      case 'le': return +(x <= y);
      case 'gt': return +(x > y);
      case 'ge': return +(x >= y);
      case 'ord': return +(!Number.isNaN(x) && !Number.isNaN(y));
      case 'uno': return +(Number.isNaN(x) || Number.isNaN(y));
    }
  }
  const x = big(a), y = big(b); // canonical values compare with the type's signedness
  switch (pred) {
    case 'eq': return +(x === y);
    case 'ne': return +(x !== y);
    case 'lt': return +(x < y);
    case 'le': return +(x <= y);
    case 'gt': return +(x > y);
    case 'ge': return +(x >= y);
  }
  throw new Error(`internal: bad predicate '${pred}' for ${t.text}`);
}

/** float → integer: truncation; out of range (or NaN) is UB: saturate, NaN → 0 */
export function floatToInt(t: IntType, x: number): { value: ConstVal; ub?: string } {
  const lo = t.signed ? -(2 ** (t.bits - 1)) : 0;
  const hi = t.signed ? 2 ** (t.bits - 1) : 2 ** t.bits; // exclusive
  const tr = Math.trunc(x);
  if (Number.isNaN(x)) return { value: wrapInt(t, 0), ub: `conversion of NaN to ${t.text}` };
  if (tr < lo || tr >= hi) {
    const sat = tr < lo ? lo : t.bits === 64 ? BigInt.asUintN(64, (1n << BigInt(t.signed ? 63 : 64)) - 1n) : hi - 1;
    return { value: t.bits === 64 ? wrapInt(t, typeof sat === 'bigint' ? sat : BigInt(sat)) : (sat as number), ub: `conversion of ${x} to ${t.text} is out of range` };
  }
  return { value: t.bits === 64 ? BigInt(tr) : tr };
}

/** integer → float with one correct rounding (also for 64-bit values beyond 2^53) */
export function intToFloat(t: FloatType, v: ConstVal): number {
  if (typeof v === 'number') return roundFloat(t, v);
  const neg = v < 0n;
  let m = neg ? -v : v;
  if (m < 1n << 53n) return roundFloat(t, Number(v));
  // keep the top 53 bits and OR the rest into a sticky bit: one rounding happens in the format
  let shift = 0n;
  while (m >> shift >= 1n << 53n) shift++;
  const sticky = (m & ((1n << shift) - 1n)) !== 0n ? 1n : 0n;
  m = (m >> shift) | sticky;
  if (t.fkind === 'f64' && sticky) {
    // a sticky bit at 2^-53 relative cannot be held by f64 itself: round via two halves
    const hi = Number((m >> 1n) << 1n), lo = Number(m & 1n);
    return (neg ? -1 : 1) * (hi + lo) * 2 ** Number(shift);
  }
  return roundFloat(t, (neg ? -1 : 1) * Number(m) * 2 ** Number(shift));
}

/** an exact f32 fused multiply-add: a*b is exact in f64; the sum's rounding error is folded in as a sticky bit */
export function fmaF32(a: number, b: number, c: number): number {
  const p = a * b;
  const s = p + c;
  if (!Number.isFinite(s)) return Math.fround(s);
  const bb = s - p;
  const err = (p - (s - bb)) + (c - bb); // TwoSum: s + err == p + c exactly
  if (err === 0) return Math.fround(s);
  return Math.fround(nudge(s, err > 0));
}

const f64 = new Float64Array(1);
const u64 = new BigUint64Array(f64.buffer);
/** the next double after x toward +inf (up) or -inf */
function nudge(x: number, up: boolean): number {
  if (x === 0) return up ? Number.MIN_VALUE : -Number.MIN_VALUE;
  f64[0] = x;
  u64[0] = (x > 0) === up ? u64[0]! + 1n : u64[0]! - 1n;
  return f64[0]!;
}
