/**
 * The `math` op: every CUDA math-library function as ONE op with a function attribute
 * (`%r = math exp %x : f32`), so passes and targets share one table of functions instead of
 * fifty ops. The `approx` flag marks CUDA's fast intrinsics (`__expf`, `__sinf`, `__logf`,
 * `__powf`…), whose accuracy each target states in its error table (ARCHITECTURE.md,
 * "Floating point"). `MATH_FUNCS` is data: arity and the JS reference used by the interpreter
 * (evaluated in f64, then rounded once to the type: within CUDA's documented ULP bounds).
 */
import { roundFloat } from '../semantics.js';
import type { FloatType } from '../types.js';
import { DIRECTED_FUNCS, ROUNDINGS, type Rounding, evalDirected } from '../rounding.js';
import { same, floatLike, inferSame } from './rules.js';
import { type OpDef, defineOps } from './table.js';

export interface MathFunc {
  readonly arity: 1 | 2 | 3;
  /** the f64 reference (rounded once to the op's type by the caller) */
  readonly eval: (...xs: number[]) => number;
  /** functions whose result depends on the type itself (nextafter): the result in type t */
  readonly evalT?: (t: FloatType, xs: readonly number[]) => number;
}

const erf = (x: number): number => {
  // Abramowitz–Stegun 7.1.26 is too coarse; use a series/continued fraction with f64 accuracy
  const ax = Math.abs(x);
  if (ax > 6) return Math.sign(x);
  if (ax < 2.5) {
    let sum = ax, term = ax;
    for (let n = 1; n < 200; n++) {
      term *= (-ax * ax) / n;
      const d = term / (2 * n + 1);
      sum += d;
      if (Math.abs(d) < 1e-17 * Math.abs(sum)) break;
    }
    return Math.sign(x) * (2 / Math.sqrt(Math.PI)) * sum;
  }
  return Math.sign(x) * (1 - erfcLarge(ax));
};
function erfcLarge(x: number): number {
  // continued fraction for erfc(x), x ≥ 2.5 (Lentz)
  let f = x, c = x, d = 0;
  for (let n = 1; n < 300; n++) {
    const an = n / 2;
    d = x + an * d; d = 1 / d;
    c = x + an / c;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.exp(-x * x) / (f * Math.sqrt(Math.PI));
}
const erfc = (x: number): number => (x >= 2.5 ? erfcLarge(x) : 1 - erf(x));
const lgammaPos = (x: number): number => {
  // Lanczos (g = 7, n = 9): ~15 digits
  const g = 7;
  const c = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - lgammaPos(1 - x);
  x -= 1;
  let a = c[0]!;
  const t = x + g + 0.5;
  for (let i = 1; i < 9; i++) a += c[i]! / (x + i);
  return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
};
const tgamma = (x: number): number => {
  if (x === Math.floor(x) && x <= 0) return NaN;
  if (x < 0.5) return Math.PI / (Math.sin(Math.PI * x) * tgamma(1 - x));
  if (x > 171.7) return Infinity;
  return Math.exp(lgammaPos(x));
};
const rint = (x: number): number => {
  // round half to even
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 ? 2 * Math.round(x / 2) : r;
};
const cRound = (x: number): number => Math.sign(x) * Math.floor(Math.abs(x) + 0.5); // half away from zero
const remainder = (x: number, y: number): number => {
  const n = rint(x / y);
  return x - n * y;
};

// ---- functions added for the rest of CUDA's math library ----------------------------------
// Accuracy: every function is evaluated in f64 and rounded once to the op's type, so the f32
// forms are within CUDA's documented bounds below (f64 evaluation error ≪ one f32 ulp); the f64
// forms are as accurate as the f64 algorithms here (noted per function).

const SQRT_PI = Math.sqrt(Math.PI);
const SQRT2 = Math.SQRT2;

/** erfc(x)·e^{x²} for x ≥ 0 (no underflow of erfc itself in the tail) */
function erfcx(x: number): number {
  if (x < 2.5) return erfc(x) * Math.exp(x * x);
  let f = x, c = x, d = 0;
  for (let n = 1; n < 300; n++) {
    const an = n / 2;
    d = x + an * d; d = 1 / d;
    c = x + an / c;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return 1 / (f * SQRT_PI);
}

/** Giles' single-precision erfinv polynomial, as a first guess (w = −log((1−y)(1+y))) */
function gilesErfinv(y: number, w: number): number {
  let p: number;
  if (w < 5) {
    w -= 2.5;
    p = 2.81022636e-8; p = 3.43273939e-7 + p * w; p = -3.5233877e-6 + p * w; p = -4.39150654e-6 + p * w; p = 0.00021858087 + p * w;
    p = -0.00125372503 + p * w; p = -0.00417768164 + p * w; p = 0.246640727 + p * w; p = 1.50140941 + p * w;
  } else {
    w = Math.sqrt(w) - 3;
    p = -0.000200214257; p = 0.000100950558 + p * w; p = 0.00134934322 + p * w; p = -0.00367342844 + p * w; p = 0.00573950773 + p * w;
    p = -0.0076224613 + p * w; p = 0.00943887047 + p * w; p = 1.00167406 + p * w; p = 2.83297682 + p * w;
  }
  return p * y;
}

/** erfinv for |y| ≤ 0.5: Newton on erf(x) = y from Giles' guess */
function erfinvSmall(y: number): number {
  if (y === 0) return y;
  let x = gilesErfinv(y, -Math.log((1 - y) * (1 + y)));
  for (let i = 0; i < 6; i++) {
    const dx = (erf(x) - y) / ((2 / SQRT_PI) * Math.exp(-x * x));
    x -= dx;
    if (Math.abs(dx) <= 1e-17 * Math.abs(x)) break;
  }
  return x;
}

/** erfcinv (CUDA: 4 ulp f32, 6 ulp f64): Newton on log erfc(x) = log z in the tail */
const erfcinv = (z: number): number => {
  if (Number.isNaN(z) || z < 0 || z > 2) return NaN;
  if (z === 0) return Infinity;
  if (z === 2) return -Infinity;
  if (z > 1) return -erfcinv(2 - z); // 2 − z is exact (Sterbenz)
  if (z >= 0.5) return erfinvSmall(1 - z); // 1 − z is exact
  const lz = Math.log(z);
  let x: number;
  if (z > 1e-12) x = gilesErfinv(1 - z, -Math.log(z * (2 - z)));
  else {
    // deep tail: erfc(x) ≈ e^{−x²}/(x√π), so x² ≈ −log z − log(x√π)
    x = Math.sqrt(-lz);
    for (let i = 0; i < 3; i++) x = Math.sqrt(-lz - Math.log(x * SQRT_PI));
  }
  for (let i = 0; i < 8; i++) {
    // g(x) = log erfc(x) − log z;  g'(x) = −(2/√π) / erfcx(x)
    const ex = erfcx(x);
    const dx = ((Math.log(ex) - x * x - lz) * ex * SQRT_PI) / 2;
    x += dx;
    if (Math.abs(dx) <= 1e-17 * Math.abs(x)) break;
  }
  return x;
};

/** erfinv (CUDA: 2 ulp f32, 5 ulp f64) */
const erfinv = (y: number): number => {
  if (Number.isNaN(y) || Math.abs(y) > 1) return NaN;
  if (Math.abs(y) <= 0.5) return erfinvSmall(y);
  return y > 0 ? erfcinv(1 - y) : -erfcinv(1 + y);
};

/** normcdf (CUDA: 5 ulp): ½ erfc(−x/√2) */
const normcdf = (x: number): number => {
  if (Number.isNaN(x)) return NaN;
  const t = -x / SQRT2;
  return t > 0 ? 0.5 * erfcx(t) * Math.exp(-t * t) : 0.5 * erfc(t);
};

/** normcdfinv (CUDA: 5 ulp f32, 8 ulp f64): −√2 · erfcinv(2p) */
const normcdfinv = (p: number): number => -SQRT2 * erfcinv(2 * p);

const dv = new DataView(new ArrayBuffer(8));

/** the unbiased exponent of a finite nonzero double, exactly (subnormals included) */
function exponentOf(x: number): number {
  dv.setFloat64(0, Math.abs(x));
  const hi = dv.getUint32(0);
  const e = hi >>> 20;
  if (e !== 0) return e - 1023;
  const lo = dv.getUint32(4);
  const m = (hi & 0xfffff) * 2 ** 32 + lo;
  return -1074 + Math.floor(Math.log2(m));
}

/** logb (exact): the exponent as a float; logb(0) = −inf */
const logb = (x: number): number => (Number.isNaN(x) ? NaN : x === 0 ? -Infinity : !Number.isFinite(x) ? Infinity : exponentOf(x));

/** ilogb (exact) as a float, for conversion to int: 0 and NaN give INT_MIN, ±inf INT_MAX */
const ilogb = (x: number): number => (Number.isNaN(x) || x === 0 ? -2147483648 : !Number.isFinite(x) ? 2147483647 : exponentOf(x));

/** x · 2^n without intermediate overflow/underflow of 2^n */
function scale2(x: number, n: number): number {
  while (n > 1000) { x *= 2 ** 1000; n -= 1000; }
  while (n < -1000) { x *= 2 ** -1000; n += 1000; }
  return x * 2 ** n;
}

/** frexp's mantissa in [½, 1) (exact); ±0, ±inf and NaN are returned unchanged */
const frexpMant = (x: number): number => (x === 0 || !Number.isFinite(x) ? x : scale2(x, -(exponentOf(x) + 1)));
/** frexp's exponent (exact) as a float; 0 for 0, inf and NaN */
const frexpExp = (x: number): number => (x === 0 || !Number.isFinite(x) ? 0 : exponentOf(x) + 1);

/** modf's fractional part (exact), with the sign of x; ±0 for ±inf */
const modfFrac = (x: number): number => {
  if (Number.isNaN(x)) return NaN;
  const neg = x < 0 || Object.is(x, -0);
  const f = Number.isFinite(x) ? Math.abs(x - Math.trunc(x)) : 0;
  return neg ? -f : f;
};

/**
 * remquo's quotient (exact): the integral quotient x/y rounded to nearest even, as C's
 * remainder() defines it, with the sign of x/y; CUDA guarantees only its low 3 bits, we keep 31.
 */
const remquoQuot = (x: number, y: number): number => {
  if (!Number.isFinite(x) || Number.isNaN(y) || y === 0) return 0;
  if (!Number.isFinite(y) || x === 0) return 0;
  const dx = decompose(x), dy = decompose(y);
  const e = Math.min(dx.e, dy.e);
  const X = dx.m << BigInt(dx.e - e), Y = dy.m << BigInt(dy.e - e);
  let q = X / Y;
  const r = X - q * Y;
  if (2n * r > Y || (2n * r === Y && (q & 1n) === 1n)) q += 1n;
  const low = Number(q & 0x7fffffffn);
  return (x < 0) !== (y < 0) ? -low : low;
};

function decompose(x: number): { m: bigint; e: number } {
  dv.setFloat64(0, Math.abs(x));
  const hi = dv.getUint32(0), lo = dv.getUint32(4);
  const exp = (hi >>> 20) & 0x7ff;
  const mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  return exp === 0 ? { m: mant, e: -1074 } : { m: mant | (1n << 52n), e: exp - 1075 };
}

const f32buf = new Float32Array(1);
const u32buf = new Uint32Array(f32buf.buffer);

/** nextafter (exact) in the op's own type */
function nextafter(t: FloatType, x: number, y: number): number {
  if (Number.isNaN(x) || Number.isNaN(y)) return NaN;
  if (x === y) return y;
  if (t.fkind === 'f64') {
    if (x === 0) return y > 0 ? 5e-324 : -5e-324;
    dv.setFloat64(0, x);
    let b = dv.getBigUint64(0);
    b += (y > x) === (x > 0) ? 1n : -1n;
    dv.setBigUint64(0, b);
    return dv.getFloat64(0);
  }
  // f32 (the f16/bf16 forms step in f32 and round: not exposed by any builtin)
  if (x === 0) return roundFloat(t, y > 0 ? 2 ** -149 : -(2 ** -149));
  f32buf[0] = x;
  u32buf[0] = u32buf[0]! + ((y > x) === (x > 0) ? 1 : -1);
  return roundFloat(t, f32buf[0]!);
}

/**
 * Bessel functions of the first and second kind, orders 0 and 1 (CUDA: 9 ulp f32 / 7 ulp f64
 * for |x| < 8, else absolute 2.2e-6 f32 / 5e-12 f64). For 1e-3 ≤ x ≤ 25: J_n by Miller's
 * backward recurrence normalised by J0 + 2ΣJ2k = 1 (absolute error ~1e-16), Y0 and Y1 by the
 * Neumann series over those J2k (no cancellation); for x > 25 Hankel's asymptotic expansion
 * (truncation error < e^{−50}); below 1e-3 the leading terms of the power series.
 */
function besselJs(x: number): number[] {
  const m = 2 * Math.ceil((x + 24 + 4 * Math.sqrt(x)) / 2);
  const J = new Array<number>(m + 2).fill(0);
  J[m] = 1;
  for (let k = m; k >= 1; k--) {
    J[k - 1] = ((2 * k) / x) * J[k]! - J[k + 1]!;
    if (Math.abs(J[k - 1]!) > 1e250) for (let i = k - 1; i <= m; i++) J[i] = J[i]! * 1e-250;
  }
  let norm = J[0]!;
  for (let k = 2; k <= m; k += 2) norm += 2 * J[k]!;
  return J.map((v) => v / norm);
}

const EULER = 0.5772156649015329;

function hankel(nu: 0 | 1, x: number): [number, number] {
  const mu = 4 * nu * nu;
  let P = 1, Q = 0, a = 1, prev = Infinity;
  for (let j = 1; j < 60; j++) {
    a *= (mu - (2 * j - 1) ** 2) / (j * 8 * x);
    const t = Math.abs(a);
    if (t > prev) break;
    prev = t;
    const s = j % 4 === 1 || j % 4 === 0 ? 1 : -1; // Q: +, P: −, Q: −, P: +
    if (j % 2 === 1) Q += s * a;
    else P += s * a;
    if (t < 1e-17) break;
  }
  const sx = Math.sin(x), cx = Math.cos(x);
  // χ = x − π/4 (ν = 0) or x − 3π/4 (ν = 1), without rounding x − π/4
  const cosChi = nu === 0 ? (cx + sx) / SQRT2 : (sx - cx) / SQRT2;
  const sinChi = nu === 0 ? (sx - cx) / SQRT2 : -(sx + cx) / SQRT2;
  const k = Math.sqrt(2 / (Math.PI * x));
  return [k * (P * cosChi - Q * sinChi), k * (P * sinChi + Q * cosChi)];
}

/** [J_nu(x), Y_nu(x)] for x > 0 */
function bessel(nu: 0 | 1, x: number): [number, number] {
  if (x > 25) return hankel(nu, x);
  const L = Math.log(x / 2) + EULER;
  if (x < 1e-3) {
    const j0 = 1 - (x * x) / 4, j1 = x / 2 - (x * x * x) / 16;
    if (nu === 0) return [j0, (2 / Math.PI) * (L * j0 + (x * x) / 4)];
    return [j1, -2 / (Math.PI * x) + (x / Math.PI) * (L - 0.5)];
  }
  const J = besselJs(x);
  if (nu === 0) {
    let s = 0;
    for (let k = 1; 2 * k < J.length; k++) s += ((k % 2 ? -1 : 1) * J[2 * k]!) / k;
    return [J[0]!, (2 / Math.PI) * L * J[0]! - (4 / Math.PI) * s];
  }
  let s = 0;
  for (let k = 1; 2 * k + 1 < J.length; k++) s += ((k % 2 ? -1 : 1) * (J[2 * k - 1]! - J[2 * k + 1]!)) / k;
  const dY0 = (2 / Math.PI) * (J[0]! / x) - (2 / Math.PI) * L * J[1]! - (2 / Math.PI) * s;
  return [J[1]!, -dY0];
}

const j0 = (x: number): number => (Number.isNaN(x) ? NaN : !Number.isFinite(x) ? 0 : x === 0 ? 1 : bessel(0, Math.abs(x))[0]);
const j1 = (x: number): number => (Number.isNaN(x) ? NaN : !Number.isFinite(x) ? 0 : x === 0 ? x : Math.sign(x) * bessel(1, Math.abs(x))[0]);
const y0 = (x: number): number => (Number.isNaN(x) || x < 0 ? NaN : x === 0 ? -Infinity : x === Infinity ? 0 : bessel(0, x)[1]);
const y1 = (x: number): number => (Number.isNaN(x) || x < 0 ? NaN : x === 0 ? -Infinity : x === Infinity ? 0 : bessel(1, x)[1]);

/** modified Bessel I0, I1 (CUDA: 6 ulp): the power series, all terms positive */
function besselI(nu: 0 | 1, x: number): number {
  if (Number.isNaN(x)) return NaN;
  const q = (x * x) / 4;
  let term = nu === 0 ? 1 : x / 2, sum = term;
  for (let k = 1; k < 2000; k++) {
    term *= q / (k * (k + nu));
    sum += term;
    if (term < 1e-17 * sum || !Number.isFinite(sum)) break;
  }
  return sum;
}

export const MATH_FUNCS: Readonly<Record<string, MathFunc>> = {
  sqrt: { arity: 1, eval: Math.sqrt },
  rsqrt: { arity: 1, eval: (x) => 1 / Math.sqrt(x) },
  cbrt: { arity: 1, eval: Math.cbrt },
  rcp: { arity: 1, eval: (x) => 1 / x },
  exp: { arity: 1, eval: Math.exp },
  exp2: { arity: 1, eval: (x) => 2 ** x },
  exp10: { arity: 1, eval: (x) => 10 ** x },
  expm1: { arity: 1, eval: Math.expm1 },
  log: { arity: 1, eval: Math.log },
  log2: { arity: 1, eval: Math.log2 },
  log10: { arity: 1, eval: Math.log10 },
  log1p: { arity: 1, eval: Math.log1p },
  sin: { arity: 1, eval: Math.sin },
  cos: { arity: 1, eval: Math.cos },
  tan: { arity: 1, eval: Math.tan },
  asin: { arity: 1, eval: Math.asin },
  acos: { arity: 1, eval: Math.acos },
  atan: { arity: 1, eval: Math.atan },
  sinh: { arity: 1, eval: Math.sinh },
  cosh: { arity: 1, eval: Math.cosh },
  tanh: { arity: 1, eval: Math.tanh },
  asinh: { arity: 1, eval: Math.asinh },
  acosh: { arity: 1, eval: Math.acosh },
  atanh: { arity: 1, eval: Math.atanh },
  sinpi: { arity: 1, eval: (x) => Math.sin(Math.PI * x) },
  cospi: { arity: 1, eval: (x) => Math.cos(Math.PI * x) },
  erf: { arity: 1, eval: erf },
  erfc: { arity: 1, eval: erfc },
  tgamma: { arity: 1, eval: tgamma },
  lgamma: { arity: 1, eval: (x) => lgammaPos(x) },
  floor: { arity: 1, eval: Math.floor },
  ceil: { arity: 1, eval: Math.ceil },
  trunc: { arity: 1, eval: Math.trunc },
  round: { arity: 1, eval: cRound },
  rint: { arity: 1, eval: rint },
  saturate: { arity: 1, eval: (x) => (Number.isNaN(x) ? 0 : Math.min(1, Math.max(0, x))) },
  pow: { arity: 2, eval: Math.pow },
  atan2: { arity: 2, eval: Math.atan2 },
  hypot: { arity: 2, eval: Math.hypot },
  copysign: { arity: 2, eval: (x, y) => (Object.is(y, -0) || y < 0 ? -Math.abs(x) : Math.abs(x)) },
  fdim: { arity: 2, eval: (x, y) => (x > y ? x - y : Number.isNaN(x) || Number.isNaN(y) ? NaN : 0) },
  fmod: { arity: 2, eval: (x, y) => x % y },
  remainder: { arity: 2, eval: remainder },
  // the rest of the library (accuracy: see each function above)
  erfinv: { arity: 1, eval: erfinv },
  erfcinv: { arity: 1, eval: erfcinv },
  normcdf: { arity: 1, eval: normcdf },
  normcdfinv: { arity: 1, eval: normcdfinv },
  logb: { arity: 1, eval: logb },
  /** ilogb as a float (the lowering converts it to int; on f64 INT_MIN/INT_MAX are exact) */
  ilogb: { arity: 1, eval: ilogb },
  /** frexp: the mantissa; frexp_exp: the exponent as a float (exact) */
  frexp: { arity: 1, eval: frexpMant },
  frexp_exp: { arity: 1, eval: frexpExp },
  /** modf: the fractional part (the integral part is `trunc`) */
  modf: { arity: 1, eval: modfFrac },
  /** remquo_quo: remquo's quotient as a float (the remainder is `remainder`) */
  remquo_quo: { arity: 2, eval: remquoQuot },
  /** rcbrt (CUDA: 1 ulp): one rounding of 1/∛x in f64 */
  rcbrt: { arity: 1, eval: (x) => 1 / Math.cbrt(x) },
  /** rhypot (CUDA: 2 ulp f32, 1 ulp f64) */
  rhypot: { arity: 2, eval: (x, y) => 1 / Math.hypot(x, y) },
  /** norm3d (CUDA: 2 ulp), rnorm3d (CUDA: 2 ulp), scaled like hypot */
  norm3d: { arity: 3, eval: (x, y, z) => Math.hypot(x, y, z) },
  rnorm3d: { arity: 3, eval: (x, y, z) => 1 / Math.hypot(x, y, z) },
  nextafter: { arity: 2, eval: (x, y) => nextafter({ kind: 'float', fkind: 'f64', bits: 64, text: 'f64' } as FloatType, x, y), evalT: (t, xs) => nextafter(t, xs[0]!, xs[1]!) },
  j0: { arity: 1, eval: j0 },
  j1: { arity: 1, eval: j1 },
  y0: { arity: 1, eval: y0 },
  y1: { arity: 1, eval: y1 },
  cyl_bessel_i0: { arity: 1, eval: (x) => besselI(0, Math.abs(x)) },
  cyl_bessel_i1: { arity: 1, eval: (x) => Math.sign(x) * besselI(1, Math.abs(x)) },
  /**
   * IEEE arithmetic as math functions, for the directed-rounding intrinsics (`rounding`
   * attribute: `__fadd_ru` → `math add {rounding = ru}`); without the attribute they round to
   * nearest like the arith ops.
   */
  add: { arity: 2, eval: (x, y) => x + y },
  sub: { arity: 2, eval: (x, y) => x - y },
  mul: { arity: 2, eval: (x, y) => x * y },
  div: { arity: 2, eval: (x, y) => x / y },
  fma: { arity: 3, eval: (x, y, z) => x * y + z },
};

export const MATH_FUNC_NAMES = Object.keys(MATH_FUNCS);

/**
 * f(x…) in the float type: one rounding of the f64 reference, or with `rounding` (rz/ru/rd)
 * the exact result rounded once in that direction (rounding.ts).
 */
export function evalMath(fn: string, t: FloatType, xs: readonly number[], rounding?: Rounding): number {
  const f = MATH_FUNCS[fn]!;
  if (rounding) return evalDirected(fn, t, rounding, xs, f.eval);
  if (f.evalT) return f.evalT(t, xs);
  return roundFloat(t, f.eval(...xs));
}

const math: OpDef = {
  name: 'math', family: 'math', summary: 'a math-library function (attribute fn) on floats, element-wise on vectors', primary: 'fn',
  operands: [1, 3], results: 1, pure: true, effect: 'none',
  attrs: {
    fn: { kind: MATH_FUNC_NAMES, required: true },
    approx: { kind: 'flag', doc: 'a fast intrinsic (__expf): target-defined accuracy' },
    rounding: { kind: ROUNDINGS, doc: 'directed rounding (rz|ru|rd) of add sub mul div fma rcp sqrt: the exact result rounded once that way (__fadd_ru…)' },
  },
  typing: (c) => {
    const f = MATH_FUNCS[c.attrs.fn as string];
    if (f && c.operands.length !== f.arity) return `math ${String(c.attrs.fn)} takes ${f.arity} operand(s)`;
    if (c.attrs.rounding !== undefined && !(DIRECTED_FUNCS as readonly string[]).includes(c.attrs.fn as string)) return `math ${String(c.attrs.fn)} has no directed-rounding form (only ${DIRECTED_FUNCS.join(', ')})`;
    if (c.attrs.rounding !== undefined && c.attrs.approx) return 'a math op cannot be both approx and directed-rounded';
    return same(floatLike)(c);
  },
  infer: inferSame,
  fold: (v, ts, _r, a) => (ts[0]!.kind === 'float' ? [evalMath(a.fn as string, ts[0]!, v as number[], a.rounding as Rounding | undefined)] : undefined),
};

defineOps([math]);
