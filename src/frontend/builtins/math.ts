/**
 * The CUDA math library (math_functions.h, cmath): every function in its double form `f`,
 * its C++ float overload `f(float)`, and its C float form `ff` — what device code may call.
 * `std::f` forms come from `std: true`. Fast intrinsics (`__expf` …) and IEEE rounded
 * arithmetic (`__fmul_rn` …) are device-only; the standard forms run on host and device.
 *
 * `lowersTo` is 'math.<name>' (the KIR math op, typed by the overload), so sin, sinf and
 * std::sin(float) all become 'math.sin' on f32.
 */
import type { BuiltinEntry } from './table.js';

/** Overloads `R(double…)` and `R(float…)` under `name`, and `Rf(float…)` under `name + 'f'`. */
function family(name: string, shape: (fp: string) => string, op = name): BuiltinEntry[] {
  return [
    { name, sigs: [shape('double'), shape('float')], space: 'both', category: 'math', lowersTo: `math.${op}`, std: true, integerToDouble: true },
    { name: `${name}f`, sigs: [shape('float')], space: 'both', category: 'math', lowersTo: `math.${op}`, std: true },
  ];
}

const UNARY = [
  'sin', 'cos', 'tan', 'asin', 'acos', 'atan', 'sinh', 'cosh', 'tanh', 'asinh', 'acosh', 'atanh',
  'exp', 'exp2', 'exp10', 'expm1', 'log', 'log2', 'log10', 'log1p', 'logb', 'sqrt', 'rsqrt', 'cbrt', 'rcbrt',
  'fabs', 'floor', 'ceil', 'trunc', 'round', 'rint', 'nearbyint', 'erf', 'erfc', 'erfinv', 'erfcinv',
  'tgamma', 'lgamma', 'sinpi', 'cospi', 'normcdf', 'normcdfinv', 'j0', 'j1', 'y0', 'y1',
];
const BINARY = ['pow', 'atan2', 'fmod', 'remainder', 'fmin', 'fmax', 'hypot', 'copysign', 'fdim', 'nextafter', 'rhypot'];

export const MATH: readonly BuiltinEntry[] = [
  ...UNARY.flatMap((n) => family(n, (fp) => `${fp}(${fp})`)),
  ...BINARY.flatMap((n) => family(n, (fp) => `${fp}(${fp}, ${fp})`)),
  ...family('fma', (fp) => `${fp}(${fp}, ${fp}, ${fp})`),
  ...family('norm3d', (fp) => `${fp}(${fp}, ${fp}, ${fp})`),
  ...family('ldexp', (fp) => `${fp}(${fp}, int)`),
  ...family('scalbn', (fp) => `${fp}(${fp}, int)`),
  ...family('frexp', (fp) => `${fp}(${fp}, int *)`),
  ...family('modf', (fp) => `${fp}(${fp}, ${fp} *)`),
  ...family('remquo', (fp) => `${fp}(${fp}, ${fp}, int *)`),
  ...family('sincos', (fp) => `void(${fp}, ${fp} *, ${fp} *)`),
  ...family('sincospi', (fp) => `void(${fp}, ${fp} *, ${fp} *)`),
  ...family('ilogb', (fp) => `int(${fp})`),
  ...family('lrint', (fp) => `long(${fp})`),
  ...family('lround', (fp) => `long(${fp})`),
  ...family('llrint', (fp) => `long long(${fp})`),
  ...family('llround', (fp) => `long long(${fp})`),
  // classification: C99 macros, C++ overloads (bool), no `f` forms
  ...['signbit', 'isnan', 'isinf', 'isfinite', 'isnormal'].map(
    (n): BuiltinEntry => ({ name: n, sigs: ['bool(double)', 'bool(float)'], space: 'both', category: 'math', lowersTo: `math.${n}`, std: true, integerToDouble: true }),
  ),
  // std::abs / abs: integer and floating overloads
  { name: 'abs', sigs: ['int(int)', 'long(long)', 'long long(long long)', 'double(double)', 'float(float)'], space: 'both', category: 'math', lowersTo: 'math.abs', std: true },
  { name: 'labs', sigs: ['long(long)'], space: 'both', category: 'math', lowersTo: 'math.abs', std: true },
  { name: 'llabs', sigs: ['long long(long long)'], space: 'both', category: 'math', lowersTo: 'math.abs', std: true },
];

const ROUNDINGS = ['rn', 'rz', 'ru', 'rd'];

/** device-only intrinsics: fast approximations and explicitly rounded arithmetic */
export const MATH_INTRINSICS: readonly BuiltinEntry[] = [
  ...['expf', 'exp10f', 'logf', 'log2f', 'log10f', 'sinf', 'cosf', 'tanf'].map(
    (n): BuiltinEntry => ({ name: `__${n}`, sigs: ['float(float)'], space: 'device', category: 'math-fast', lowersTo: `math.${n.slice(0, -1)}.approx` }),
  ),
  { name: '__powf', sigs: ['float(float, float)'], space: 'device', category: 'math-fast', lowersTo: 'math.pow.approx' },
  { name: '__sincosf', sigs: ['void(float, float *, float *)'], space: 'device', category: 'math-fast', lowersTo: 'math.sincos.approx' },
  { name: '__fdividef', sigs: ['float(float, float)'], space: 'device', category: 'math-fast', lowersTo: 'math.div.approx' },
  { name: '__fdiv_rn', sigs: ['float(float, float)'], space: 'device', category: 'math', lowersTo: 'arith.div' },
  { name: '__saturatef', sigs: ['float(float)'], space: 'device', category: 'math', lowersTo: 'math.saturate' },
  ...ROUNDINGS.flatMap((r): BuiltinEntry[] => [
    { name: `__fadd_${r}`, sigs: ['float(float, float)'], space: 'device', category: 'math', lowersTo: `arith.add.${r}` },
    { name: `__fsub_${r}`, sigs: ['float(float, float)'], space: 'device', category: 'math', lowersTo: `arith.sub.${r}` },
    { name: `__fmul_${r}`, sigs: ['float(float, float)'], space: 'device', category: 'math', lowersTo: `arith.mul.${r}` },
    { name: `__fmaf_${r}`, sigs: ['float(float, float, float)'], space: 'device', category: 'math', lowersTo: `math.fma.${r}` },
    { name: `__frcp_${r}`, sigs: ['float(float)'], space: 'device', category: 'math', lowersTo: `math.rcp.${r}` },
    { name: `__fsqrt_${r}`, sigs: ['float(float)'], space: 'device', category: 'math', lowersTo: `math.sqrt.${r}` },
    { name: `__dadd_${r}`, sigs: ['double(double, double)'], space: 'device', category: 'math', lowersTo: `arith.add.${r}` },
    { name: `__dsub_${r}`, sigs: ['double(double, double)'], space: 'device', category: 'math', lowersTo: `arith.sub.${r}` },
    { name: `__dmul_${r}`, sigs: ['double(double, double)'], space: 'device', category: 'math', lowersTo: `arith.mul.${r}` },
    { name: `__ddiv_${r}`, sigs: ['double(double, double)'], space: 'device', category: 'math', lowersTo: `arith.div.${r}` },
    { name: `__fma_${r}`, sigs: ['double(double, double, double)'], space: 'device', category: 'math', lowersTo: `math.fma.${r}` },
    { name: `__drcp_${r}`, sigs: ['double(double)'], space: 'device', category: 'math', lowersTo: `math.rcp.${r}` },
    { name: `__dsqrt_${r}`, sigs: ['double(double)'], space: 'device', category: 'math', lowersTo: `math.sqrt.${r}` },
  ]),
  { name: '__frsqrt_rn', sigs: ['float(float)'], space: 'device', category: 'math', lowersTo: 'math.rsqrt' },
  { name: '__fdiv_rz', sigs: ['float(float, float)'], space: 'device', category: 'math', lowersTo: 'arith.div.rz' },
];
