/**
 * `std::numeric_limits<T>::max()` and friends, folded to constants of T (checked.ts
 * invariant 3): the values of <limits> for every arithmetic type and the half types.
 */
import type { Span } from '../../support/source.js';
import { constFloat, constInt } from './build.js';
import type { CExpr } from './checked.js';
import { type Type, integerRepr } from './types.js';

const FLOATS: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  float: { max: 3.4028234663852886e38, min: 1.1754943508222875e-38, epsilon: 1.1920928955078125e-7, denorm_min: 1.401298464324817e-45 },
  double: { max: Number.MAX_VALUE, min: 2.2250738585072014e-308, epsilon: Number.EPSILON, denorm_min: 5e-324 },
  __half: { max: 65504, min: 6.103515625e-5, epsilon: 0.0009765625, denorm_min: 5.960464477539063e-8 },
  __nv_bfloat16: { max: 3.3895313892515355e38, min: 1.1754943508222875e-38, epsilon: 0.0078125, denorm_min: 9.183549615799121e-41 },
};

export function limitValue(which: string, type: Type, span: Span): CExpr | undefined {
  const r = integerRepr(type);
  if (r) {
    const bits = r.kind === 'bool' ? 1 : r.bits;
    const signed = r.kind === 'int' && r.signed;
    const max = signed ? (1n << BigInt(bits - 1)) - 1n : (1n << BigInt(bits)) - 1n;
    const min = signed ? -(1n << BigInt(bits - 1)) : 0n;
    const v = which === 'max' ? max : which === 'min' || which === 'lowest' ? min : 0n;
    return constInt(type, v, span);
  }
  const table = FLOATS[type.kind === 'float' || type.kind === 'half' ? type.name : ''];
  if (!table) return undefined;
  switch (which) {
    case 'lowest': return constFloat(type, -table.max!, span);
    case 'infinity': return constFloat(type, Infinity, span);
    case 'quiet_NaN': return constFloat(type, NaN, span);
    default: return table[which] === undefined ? undefined : constFloat(type, table[which]!, span);
  }
}
