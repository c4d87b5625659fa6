/**
 * Directed rounding (CUDA's `_rz`, `_ru`, `_rd` intrinsics: `__fadd_ru`, `__fmul_rd`,
 * `__fdiv_rz`, `__fsqrt_ru`, `__fmaf_rd`, `__int2float_rd`, `__double2float_ru` …), exactly:
 * the operands are finite binary numbers, so the exact result of add/sub/mul/fma is an integer
 * times a power of two (held as a bigint), and that of div/rcp/sqrt is an integer quotient or
 * square root plus a sticky bit saying whether anything was left over. That exact value is then
 * rounded ONCE into the result format in the requested direction — no double rounding, for
 * f32, f64, f16 and bf16 alike, subnormals and overflow included (IEEE 754: an overflow rounds
 * to ±max when the direction is toward zero, else to ±inf; an exact zero sum is −0 only under
 * `rd`). NaN/infinite operands, division by zero and negative square roots give the same result
 * in every rounding direction, so they take the round-to-nearest path.
 */
import type { FloatType } from './types.js';
import { roundFloat } from './semantics.js';

export type Rounding = 'rz' | 'ru' | 'rd';
export const ROUNDINGS: readonly Rounding[] = ['rz', 'ru', 'rd'];

interface Fmt {
  /** significand bits (with the hidden bit) */
  p: number;
  /** exponent of the least significant bit of the smallest subnormal */
  minLsb: number;
  /** largest exponent */
  emax: number;
}

const FMT: Record<FloatType['fkind'], Fmt> = {
  f64: { p: 53, minLsb: -1074, emax: 1023 },
  f32: { p: 24, minLsb: -149, emax: 127 },
  f16: { p: 11, minLsb: -24, emax: 15 },
  bf16: { p: 8, minLsb: -133, emax: 127 },
};

const dv = new DataView(new ArrayBuffer(8));

/** a finite double as (−1)^neg · m · 2^e */
function decompose(x: number): { neg: boolean; m: bigint; e: number } {
  dv.setFloat64(0, x);
  const hi = dv.getUint32(0), lo = dv.getUint32(4);
  const neg = hi >>> 31 === 1;
  const exp = (hi >>> 20) & 0x7ff;
  const mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  if (exp === 0) return { neg, m: mant, e: -1074 };
  return { neg, m: mant | (1n << 52n), e: exp - 1075 };
}

const bitLength = (m: bigint): number => (m === 0n ? 0 : m.toString(2).length);

/**
 * (−1)^neg · (m + sticky·ε) · 2^e rounded in direction `mode` into format `t` (sticky: a nonzero
 * remainder below the lowest bit of m).
 */
export function roundExact(t: FloatType, mode: Rounding, neg: boolean, m: bigint, e: number, sticky = false): number {
  const f = FMT[t.fkind];
  const sign = neg ? -1 : 1;
  if (m === 0n && !sticky) return neg ? -0 : 0;
  const len = bitLength(m);
  const lsb = Math.max(e + len - f.p, f.minLsb);
  let q: bigint, rem: boolean;
  if (lsb > e) {
    const shift = BigInt(lsb - e);
    q = m >> shift;
    rem = sticky || (m & ((1n << shift) - 1n)) !== 0n;
  } else {
    // m fits: exact at its own lowest bit (the sticky part lies below it)
    q = m;
    rem = sticky;
  }
  const exp = lsb > e ? lsb : e;
  const awayDir = (mode === 'ru' && !neg) || (mode === 'rd' && neg);
  if (rem && awayDir) q += 1n;
  const max = (2 - 2 ** (1 - f.p)) * 2 ** f.emax;
  const v = Number(q) * 2 ** exp;
  if (v > max) return sign * (awayDir ? Infinity : max);
  return sign * v;
}

/** the exact sum/product/fma of finite doubles as (neg, m, e) */
function exactSum(terms: { neg: boolean; m: bigint; e: number }[]): { neg: boolean; m: bigint; e: number } {
  const e = Math.min(...terms.map((x) => x.e));
  let s = 0n;
  for (const x of terms) s += (x.neg ? -x.m : x.m) << BigInt(x.e - e);
  return { neg: s < 0n, m: s < 0n ? -s : s, e };
}

function mulExact(a: number, b: number): { neg: boolean; m: bigint; e: number } {
  const x = decompose(a), y = decompose(b);
  return { neg: x.neg !== y.neg, m: x.m * y.m, e: x.e + y.e };
}

/** an exact quotient with `bits` significant bits and a sticky bit */
function divExact(a: number, b: number, bits: number): { neg: boolean; m: bigint; e: number; sticky: boolean } {
  const x = decompose(a), y = decompose(b);
  const k = Math.max(0, bits + 2 + bitLength(y.m) - bitLength(x.m));
  const num = x.m << BigInt(k);
  const q = num / y.m;
  return { neg: x.neg !== y.neg, m: q, e: x.e - y.e - k, sticky: num % y.m !== 0n };
}

function isqrt(n: bigint): bigint {
  if (n < 2n) return n;
  let x = 1n << BigInt(Math.ceil(bitLength(n) / 2));
  for (;;) {
    const y = (x + n / x) >> 1n;
    if (y >= x) return x;
    x = y;
  }
}

function sqrtExact(a: number, bits: number): { m: bigint; e: number; sticky: boolean } {
  let { m, e } = decompose(a);
  if (e % 2 !== 0) {
    m <<= 1n;
    e -= 1;
  }
  const k = Math.max(0, Math.ceil((2 * (bits + 2) - bitLength(m)) / 2));
  const n = m << BigInt(2 * k);
  const r = isqrt(n);
  return { m: r, e: e / 2 - k, sticky: r * r !== n };
}

/** the functions with directed forms (the `rounding` attribute of the `math` op) */
export const DIRECTED_FUNCS = ['add', 'sub', 'mul', 'div', 'fma', 'rcp', 'sqrt'] as const;

/**
 * `fn(xs)` rounded once in direction `mode` into `t`; `nearest` is the round-to-nearest result
 * (used where every direction agrees: NaN, infinities, division by zero, sqrt of a negative).
 */
export function evalDirected(fn: string, t: FloatType, mode: Rounding, xs: readonly number[], nearest: (...xs: number[]) => number): number {
  const special = xs.some((x) => !Number.isFinite(x)) || ((fn === 'div') && xs[1] === 0) || (fn === 'rcp' && xs[0] === 0) || (fn === 'sqrt' && (xs[0]! < 0 || xs[0] === 0));
  if (special) return roundFloat(t, nearest(...xs));
  const p = FMT[t.fkind].p;
  const [a, b, c] = xs as [number, number, number];
  switch (fn) {
    case 'add': case 'sub': {
      const r = exactSum([decompose(a), fn === 'sub' ? { ...decompose(b), neg: !decompose(b).neg } : decompose(b)]);
      if (r.m === 0n) {
        const bothNeg = Object.is(a, -0) && (fn === 'add' ? Object.is(b, -0) : Object.is(b, 0));
        return bothNeg || mode === 'rd' ? -0 : 0;
      }
      return roundExact(t, mode, r.neg, r.m, r.e);
    }
    case 'mul': {
      const r = mulExact(a, b);
      return roundExact(t, mode, r.neg, r.m, r.e);
    }
    case 'fma': {
      const pr = mulExact(a, b);
      const r = exactSum([pr, decompose(c)]);
      if (r.m === 0n) {
        const bothNeg = pr.m === 0n ? pr.neg && Object.is(c, -0) : false;
        return bothNeg || mode === 'rd' ? -0 : 0;
      }
      return roundExact(t, mode, r.neg, r.m, r.e);
    }
    case 'div': case 'rcp': {
      const [x, y] = fn === 'rcp' ? [1, a] : [a, b];
      if (x === 0) return (Object.is(x, -0) !== y < 0 ? -0 : 0);
      const r = divExact(x, y, p + 2);
      return roundExact(t, mode, r.neg, r.m, r.e, r.sticky);
    }
    case 'sqrt': {
      const r = sqrtExact(a, p + 2);
      return roundExact(t, mode, false, r.m, r.e, r.sticky);
    }
    default:
      throw new Error(`internal: no directed form of '${fn}'`);
  }
}

/** an integer (number or bigint) → float, rounded in direction `mode` */
export function intToFloatDirected(t: FloatType, mode: Rounding, v: number | bigint): number {
  const b = BigInt(v);
  if (b === 0n) return 0;
  return roundExact(t, mode, b < 0n, b < 0n ? -b : b, 0);
}

/** a float → a narrower float, rounded in direction `mode` */
export function truncDirected(t: FloatType, mode: Rounding, x: number): number {
  if (!Number.isFinite(x) || x === 0) return roundFloat(t, x);
  const d = decompose(x);
  return roundExact(t, mode, d.neg, d.m, d.e);
}
