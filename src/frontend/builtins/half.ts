/**
 * Half precision (cuda_fp16.h) and bfloat16 (cuda_bf16.h) functions. The arithmetic
 * operators on `__half`/`__nv_bfloat16` themselves are built into the checker (see
 * sema/operators.ts); these are the named forms. `lowersTo` names the op and its format is
 * given by the overload's types.
 */
import type { BuiltinEntry } from './table.js';

function dev(name: string, sigs: string[], lowersTo: string): BuiltinEntry {
  return { name, sigs, space: 'device', category: 'half', lowersTo };
}

const H = '__half';
const H2 = '__half2';
const B = '__nv_bfloat16';
const B2 = '__nv_bfloat162';

/** the same function over half and bfloat16 (scalar `s` and pair `p` element types) */
function both(name: string, shape: (s: string) => string, lowersTo: string): BuiltinEntry {
  return dev(name, [shape(H), shape(B)], lowersTo);
}

export const HALF: readonly BuiltinEntry[] = [
  // conversions
  { name: '__float2half', sigs: [`${H}(float)`], space: 'both', category: 'half', lowersTo: 'convert.rn' },
  { name: '__float2half_rn', sigs: [`${H}(float)`], space: 'both', category: 'half', lowersTo: 'convert.rn' },
  { name: '__half2float', sigs: [`float(${H})`], space: 'both', category: 'half', lowersTo: 'convert' },
  { name: '__double2half', sigs: [`${H}(double)`], space: 'both', category: 'half', lowersTo: 'convert.rn' },
  { name: '__float2bfloat16', sigs: [`${B}(float)`], space: 'both', category: 'half', lowersTo: 'convert.rn' },
  { name: '__float2bfloat16_rn', sigs: [`${B}(float)`], space: 'both', category: 'half', lowersTo: 'convert.rn' },
  { name: '__bfloat162float', sigs: [`float(${B})`], space: 'both', category: 'half', lowersTo: 'convert' },
  { name: '__double2bfloat16', sigs: [`${B}(double)`], space: 'both', category: 'half', lowersTo: 'convert.rn' },
  dev('__half2int_rn', [`int(${H})`], 'convert.rn'),
  dev('__half2int_rz', [`int(${H})`], 'convert.rz'),
  dev('__int2half_rn', [`${H}(int)`], 'convert.rn'),
  dev('__half_as_short', [`short(${H})`], 'bitcast'),
  dev('__half_as_ushort', [`unsigned short(${H})`], 'bitcast'),
  dev('__short_as_half', [`${H}(short)`], 'bitcast'),
  dev('__ushort_as_half', [`${H}(unsigned short)`], 'bitcast'),
  dev('__bfloat16_as_short', [`short(${B})`], 'bitcast'),
  dev('__bfloat16_as_ushort', [`unsigned short(${B})`], 'bitcast'),
  dev('__short_as_bfloat16', [`${B}(short)`], 'bitcast'),
  dev('__ushort_as_bfloat16', [`${B}(unsigned short)`], 'bitcast'),
  // pairs
  dev('__floats2half2_rn', [`${H2}(float, float)`], 'vector.make'),
  dev('__float2half2_rn', [`${H2}(float)`], 'vector.splat'),
  dev('__halves2half2', [`${H2}(${H}, ${H})`], 'vector.make'),
  dev('__half2half2', [`${H2}(${H})`], 'vector.splat'),
  dev('make_half2', [`${H2}(${H}, ${H})`], 'vector.make'),
  dev('__half22float2', [`float2(${H2})`], 'convert'),
  dev('__float22half2_rn', [`${H2}(float2)`], 'convert.rn'),
  dev('__low2half', [`${H}(${H2})`], 'vector.extract.0'),
  dev('__high2half', [`${H}(${H2})`], 'vector.extract.1'),
  dev('__low2float', [`float(${H2})`, `float(${B2})`], 'vector.extract.0'),
  dev('__high2float', [`float(${H2})`, `float(${B2})`], 'vector.extract.1'),
  dev('__floats2bfloat162_rn', [`${B2}(float, float)`], 'vector.make'),
  dev('__float2bfloat162_rn', [`${B2}(float)`], 'vector.splat'),
  dev('__halves2bfloat162', [`${B2}(${B}, ${B})`], 'vector.make'),
  dev('make_bfloat162', [`${B2}(${B}, ${B})`], 'vector.make'),
  dev('__bfloat1622float2', [`float2(${B2})`], 'convert'),
  dev('__low2bfloat16', [`${B}(${B2})`], 'vector.extract.0'),
  dev('__high2bfloat16', [`${B}(${B2})`], 'vector.extract.1'),
  // scalar arithmetic and comparison
  ...['add', 'sub', 'mul', 'div'].map((op) => both(`__h${op === 'div' ? 'div' : op}`, (s) => `${s}(${s}, ${s})`, `arith.${op}`)),
  both('__hadd_sat', (s) => `${s}(${s}, ${s})`, 'arith.add.sat'),
  both('__hmul_sat', (s) => `${s}(${s}, ${s})`, 'arith.mul.sat'),
  both('__hfma', (s) => `${s}(${s}, ${s}, ${s})`, 'math.fma'),
  both('__hfma_sat', (s) => `${s}(${s}, ${s}, ${s})`, 'math.fma.sat'),
  both('__hneg', (s) => `${s}(${s})`, 'arith.neg'),
  both('__habs', (s) => `${s}(${s})`, 'math.abs'),
  both('__hmax', (s) => `${s}(${s}, ${s})`, 'math.max'),
  both('__hmin', (s) => `${s}(${s}, ${s})`, 'math.min'),
  ...['eq', 'ne', 'lt', 'le', 'gt', 'ge'].map((c) => both(`__h${c}`, (s) => `bool(${s}, ${s})`, `cmp.${c}`)),
  both('__hisnan', (s) => `bool(${s})`, 'math.isnan'),
  both('__hisinf', (s) => `int(${s})`, 'math.isinf'),
  ...['sqrt', 'rsqrt', 'exp', 'exp2', 'exp10', 'log', 'log2', 'log10', 'sin', 'cos', 'floor', 'ceil', 'trunc', 'rint', 'rcp'].map((f) =>
    both(`h${f}`, (s) => `${s}(${s})`, `math.${f}`),
  ),
  // pair arithmetic
  ...['add', 'sub', 'mul'].map((op) => dev(`__h${op}2`, [`${H2}(${H2}, ${H2})`, `${B2}(${B2}, ${B2})`], `arith.${op}`)),
  dev('__h2div', [`${H2}(${H2}, ${H2})`, `${B2}(${B2}, ${B2})`], 'arith.div'),
  dev('__hfma2', [`${H2}(${H2}, ${H2}, ${H2})`, `${B2}(${B2}, ${B2}, ${B2})`], 'math.fma'),
  dev('__hneg2', [`${H2}(${H2})`, `${B2}(${B2})`], 'arith.neg'),
  dev('__habs2', [`${H2}(${H2})`, `${B2}(${B2})`], 'math.abs'),
  dev('__hmax2', [`${H2}(${H2}, ${H2})`, `${B2}(${B2}, ${B2})`], 'math.max'),
  dev('__hmin2', [`${H2}(${H2}, ${H2})`, `${B2}(${B2}, ${B2})`], 'math.min'),
  ...['sqrt', 'rsqrt', 'exp', 'log', 'sin', 'cos', 'floor', 'ceil', 'trunc', 'rcp'].map((f) => dev(`h2${f}`, [`${H2}(${H2})`, `${B2}(${B2})`], `math.${f}`)),
];
