/**
 * The `math` op: every CUDA math-library function as ONE op with a function attribute
 * (`%r = math exp %x : f32`), so passes and targets share one table of functions instead of
 * fifty ops. The `approx` flag marks CUDA's fast intrinsics (`__expf`, `__sinf`, `__logf`,
 * `__powf`…), whose accuracy each target states in its error table (ARCHITECTURE.md,
 * "Floating point"). `MATH_FUNCS` is data: arity and the JS reference used by the interpreter
 * (evaluated in f64, then rounded once to the type: within CUDA's documented ULP bounds).
 */
import { roundFloat } from '../semantics.js';
import { same, floatLike, inferSame } from './rules.js';
import { type OpDef, defineOps } from './table.js';

export interface MathFunc {
  readonly arity: 1 | 2 | 3;
  readonly eval: (...xs: number[]) => number;
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
};

export const MATH_FUNC_NAMES = Object.keys(MATH_FUNCS);

/** f(x…) in the float type (one rounding of the f64 reference) */
export function evalMath(fn: string, t: Parameters<typeof roundFloat>[0], xs: number[]): number {
  return roundFloat(t, MATH_FUNCS[fn]!.eval(...xs));
}

const math: OpDef = {
  name: 'math', family: 'math', summary: 'a math-library function (attribute fn) on floats, element-wise on vectors', primary: 'fn',
  operands: [1, 3], results: 1, pure: true, effect: 'none',
  attrs: { fn: { kind: MATH_FUNC_NAMES, required: true }, approx: { kind: 'flag', doc: 'a fast intrinsic (__expf): target-defined accuracy' } },
  typing: (c) => {
    const f = MATH_FUNCS[c.attrs.fn as string];
    if (f && c.operands.length !== f.arity) return `math ${String(c.attrs.fn)} takes ${f.arity} operand(s)`;
    return same(floatLike)(c);
  },
  infer: inferSame,
  fold: (v, ts, _r, a) => (ts[0]!.kind === 'float' ? [evalMath(a.fn as string, ts[0]!, v as number[])] : undefined),
};

defineOps([math]);
