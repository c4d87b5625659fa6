/**
 * Integer intrinsics (bit counting, byte permutation, high multiplies, 24-bit multiplies,
 * sums of absolute differences, halving adds, funnel shifts) and CUDA's integer/float
 * `min`/`max` overload set, as math_functions.hpp declares it — including the mixed
 * signed/unsigned forms, so `min(int, unsigned)` picks `unsigned min(int, unsigned)`.
 */
import type { BuiltinEntry } from './table.js';

function dev(name: string, sigs: string[], lowersTo: string): BuiltinEntry {
  return { name, sigs, space: 'device', category: 'int-intrinsic', lowersTo };
}

const MINMAX_SIGS = [
  'int(int, int)', 'unsigned int(unsigned int, unsigned int)', 'unsigned int(int, unsigned int)', 'unsigned int(unsigned int, int)',
  'long(long, long)', 'unsigned long(unsigned long, unsigned long)', 'unsigned long(long, unsigned long)', 'unsigned long(unsigned long, long)',
  'long long(long long, long long)', 'unsigned long long(unsigned long long, unsigned long long)',
  'unsigned long long(long long, unsigned long long)', 'unsigned long long(unsigned long long, long long)',
  'float(float, float)', 'double(double, double)', 'double(float, double)', 'double(double, float)',
];

export const INTEGER: readonly BuiltinEntry[] = [
  dev('__popc', ['int(unsigned int)'], 'int.popcount'),
  dev('__popcll', ['int(unsigned long long)'], 'int.popcount'),
  dev('__clz', ['int(int)'], 'int.clz'),
  dev('__clzll', ['int(long long)'], 'int.clz'),
  dev('__ffs', ['int(int)'], 'int.ffs'),
  dev('__ffsll', ['int(long long)'], 'int.ffs'),
  dev('__brev', ['unsigned int(unsigned int)'], 'int.bitreverse'),
  dev('__brevll', ['unsigned long long(unsigned long long)'], 'int.bitreverse'),
  dev('__byte_perm', ['unsigned int(unsigned int, unsigned int, unsigned int)'], 'int.byte_perm'),
  dev('__mulhi', ['int(int, int)'], 'int.mulhi'),
  dev('__umulhi', ['unsigned int(unsigned int, unsigned int)'], 'int.mulhi'),
  dev('__mul64hi', ['long long(long long, long long)'], 'int.mulhi'),
  dev('__umul64hi', ['unsigned long long(unsigned long long, unsigned long long)'], 'int.mulhi'),
  dev('__mul24', ['int(int, int)'], 'int.mul24'),
  dev('__umul24', ['unsigned int(unsigned int, unsigned int)'], 'int.mul24'),
  dev('__sad', ['unsigned int(int, int, unsigned int)'], 'int.sad'),
  dev('__usad', ['unsigned int(unsigned int, unsigned int, unsigned int)'], 'int.sad'),
  dev('__hadd', ['int(int, int)'], 'int.hadd'),
  dev('__rhadd', ['int(int, int)'], 'int.rhadd'),
  dev('__uhadd', ['unsigned int(unsigned int, unsigned int)'], 'int.hadd'),
  dev('__urhadd', ['unsigned int(unsigned int, unsigned int)'], 'int.rhadd'),
  ...['l', 'lc', 'r', 'rc'].map((k) => dev(`__funnelshift_${k}`, ['unsigned int(unsigned int, unsigned int, unsigned int)'], `int.funnelshift_${k}`)),
  { name: 'min', sigs: MINMAX_SIGS, space: 'both', category: 'int-intrinsic', lowersTo: 'math.min' },
  { name: 'max', sigs: MINMAX_SIGS, space: 'both', category: 'int-intrinsic', lowersTo: 'math.max' },
  dev('umin', ['unsigned int(unsigned int, unsigned int)'], 'math.min'),
  dev('umax', ['unsigned int(unsigned int, unsigned int)'], 'math.max'),
  dev('llmin', ['long long(long long, long long)'], 'math.min'),
  dev('llmax', ['long long(long long, long long)'], 'math.max'),
  dev('ullmin', ['unsigned long long(unsigned long long, unsigned long long)'], 'math.min'),
  dev('ullmax', ['unsigned long long(unsigned long long, unsigned long long)'], 'math.max'),
  // std::min / std::max are templates over one T (deduction must agree, as in <algorithm>)
  { name: 'min', ns: 'std', sigs: ['T(T, T)'], space: 'both', category: 'int-intrinsic', lowersTo: 'math.min', T: 'arith' },
  { name: 'max', ns: 'std', sigs: ['T(T, T)'], space: 'both', category: 'int-intrinsic', lowersTo: 'math.max', T: 'arith' },
  { name: 'swap', ns: 'std', sigs: ['void(T &, T &)'], space: 'both', category: 'misc', lowersTo: 'swap', T: 'any' },
];
