/**
 * Conversions. Each cast says what changes: width (`sext zext trunc`), float↔int
 * (`fptosi fptoui sitofp uitofp`: the signed forms read/produce signed types), float width
 * (`fpext fptrunc`), or only the type of the same bits (`bitcast`). Pointer casts live with the
 * memory ops. Element-wise on vectors (same length).
 */
import { floatToInt, intToFloat, roundFloat } from '../semantics.js';
import { ROUNDINGS, type Rounding, intToFloatDirected, truncDirected } from '../rounding.js';
import { type Type, bitWidth, isBool, isFloat, isInt, scalarOf } from '../types.js';
import { conv, floatLike, intLike, intOrBool, wrapInt } from './rules.js';
import { type ConstVal, type OpDef, defineOps } from './table.js';

const width = (t: Type) => bitWidth(scalarOf(t));

/** the optional directed rounding of the inexact conversions (`__int2float_ru`, `__double2float_rd`…) */
const ROUNDING_ATTR = { rounding: { kind: ROUNDINGS, doc: 'directed rounding (rz|ru|rd) instead of to nearest even' } };

function cast(name: string, summary: string, rule: OpDef['typing'], fold?: (v: ConstVal, from: Type, to: Type, rounding?: Rounding) => ConstVal | undefined, ub?: string[], directed = false): OpDef {
  return {
    name, family: 'cast', summary, operands: 1, results: 1, attrs: directed ? ROUNDING_ATTR : {}, pure: true, effect: 'none', typing: rule, ub,
    fold: fold && ((v, ts, rs, a) => {
      if (ts[0]!.kind === 'vec') return undefined;
      const r = fold(v[0]!, ts[0]!, rs[0]!, a.rounding as Rounding | undefined);
      return r === undefined ? undefined : [r];
    }),
  };
}

const toInt = (v: ConstVal, to: Type): ConstVal => (isBool(to) ? Number(BigInt(v) & 1n) : wrapInt(to as never, BigInt(v)));
const signedValue = (v: ConstVal, from: Type): bigint => (isBool(from) ? BigInt(v) : BigInt.asIntN(width(from), BigInt(v)));
const unsignedValue = (v: ConstVal, from: Type): bigint => BigInt.asUintN(width(from), BigInt(v));

export const castOps: OpDef[] = [
  cast('sext', 'sign-extend to a wider integer', conv(intOrBool, intLike, (a, r) => (width(r) > width(a) ? undefined : 'result must be wider than the operand')),
    (v, f, t) => toInt(isBool(f) ? -BigInt(v) : signedValue(v, f), t)),
  cast('zext', 'zero-extend to a wider integer', conv(intOrBool, intLike, (a, r) => (width(r) > width(a) ? undefined : 'result must be wider than the operand')),
    (v, f, t) => toInt(unsignedValue(v, f), t)),
  cast('trunc', 'keep the low bits (to i1: the lowest bit)', conv(intLike, intOrBool, (a, r) => (width(r) < width(a) ? undefined : 'result must be narrower than the operand')),
    (v, _f, t) => toInt(BigInt(v), t)),
  cast('fptosi', 'float → signed integer, truncating; out of range is UB', conv(floatLike, intLike, (_a, r) => (isInt(r) && r.signed ? undefined : 'result must be a signed integer')),
    (v, _f, t) => floatToInt(t as never, v as number).value, ['float→int out of range']),
  cast('fptoui', 'float → unsigned integer, truncating; out of range is UB', conv(floatLike, intLike, (_a, r) => (isInt(r) && !r.signed ? undefined : 'result must be an unsigned integer')),
    (v, _f, t) => floatToInt(t as never, v as number).value, ['float→int out of range']),
  cast('sitofp', 'signed integer → float, rounded to nearest even', conv(intLike, floatLike, (a) => (isInt(a) && a.signed ? undefined : 'operand must be a signed integer')),
    (v, f, t, r) => (r ? intToFloatDirected(t as never, r, signedValue(v, f)) : intToFloat(t as never, typeof v === 'bigint' ? v : Number(signedValue(v, f)))), undefined, true),
  cast('uitofp', 'unsigned integer (or i1) → float', conv(intOrBool, floatLike, (a) => (isBool(a) || (isInt(a) && !a.signed) ? undefined : 'operand must be an unsigned integer or i1')),
    (v, f, t, r) => (r ? intToFloatDirected(t as never, r, isBool(f) ? BigInt(v) : unsignedValue(v, f)) : intToFloat(t as never, v)), undefined, true),
  cast('fpext', 'float → wider float (exact)', conv(floatLike, floatLike, (a, r) => (width(r) > width(a) ? undefined : 'result must be wider than the operand')), (v) => v),
  cast('fptrunc', 'float → narrower float, rounded to nearest even', conv(floatLike, floatLike, (a, r) => (width(r) < width(a) ? undefined : 'result must be narrower than the operand')),
    (v, _f, t, r) => (r ? truncDirected(t as never, r, v as number) : roundFloat(t as never, v as number)), undefined, true),
  cast('bitcast', 'reinterpret the bits as another type of the same width (no pointers, no aggregates)', (c) => {
    const a = c.operands[0]!, r = c.results[0];
    const ok = (t: Type) => t.kind === 'int' || t.kind === 'float' || t.kind === 'vec';
    if (!ok(a) || !r || !ok(r)) return `bitcast needs integer, float or vector types (got ${a.text} to ${r?.text})`;
    if (bitWidth(a) !== bitWidth(r)) return `bitcast must keep the bit width (${bitWidth(a)} vs ${bitWidth(r)})`;
    return undefined;
  }, (v, f, t) => (isInt(f) && isInt(t) ? wrapInt(t, BigInt(v)) : isFloat(f) && f === t ? v : undefined)),
];

defineOps(castOps);
