/**
 * Typing-rule combinators shared by the op families, so each table entry states its rule in
 * one line (`rule: same(intOrFloat)`), plus the integer/float folding helpers that give KIR
 * constants C's semantics (wraparound at the type's width, truncating division).
 */
import type { Attrs } from '../core.js';
import { type IntType, type Type, i1, isBool, isFloat, isInt, scalarOf, withScalar } from '../types.js';
import type { ConstVal, TypingCtx } from './table.js';

export type Pred = (t: Type) => boolean;
export const intLike: Pred = (t) => isInt(scalarOf(t));
export const floatLike: Pred = (t) => isFloat(scalarOf(t));
export const intOrFloat: Pred = (t) => intLike(t) || floatLike(t);
export const intOrBool: Pred = (t) => intLike(t) || isBool(scalarOf(t));
export const numeric: Pred = (t) => intOrFloat(t) || isBool(scalarOf(t));
export const anyValue: Pred = (t) => t.kind !== 'void';
const describe = new Map<Pred, string>([
  [intLike, 'an integer'], [floatLike, 'a float'], [intOrFloat, 'an integer or float'],
  [intOrBool, 'an integer or i1'], [numeric, 'a number or i1'], [anyValue, 'a value'],
]);
const what = (p: Pred) => describe.get(p) ?? 'of the right kind';

/** n operands of one type satisfying p; one result of that type */
export function same(p: Pred) {
  return (c: TypingCtx): string | undefined => {
    const t = c.operands[0];
    if (!t || !p(t)) return `operands must be ${what(p)} (got ${t?.text ?? 'none'})`;
    if (c.operands.some((o) => o !== t)) return `operands must have the same type (got ${c.operands.map((o) => o.text).join(', ')})`;
    if (c.results.length !== 1 || c.results[0] !== t) return `result must be ${t.text}`;
    return undefined;
  };
}
export const inferSame = (ops: readonly Type[]): Type[] | undefined => (ops[0] ? [ops[0]] : undefined);

/** one operand satisfying `from`, one result satisfying `to`, same vector shape */
export function conv(from: Pred, to: Pred, extra?: (a: Type, r: Type) => string | undefined) {
  return (c: TypingCtx): string | undefined => {
    const a = c.operands[0]!;
    const r = c.results[0];
    if (!from(a)) return `operand must be ${what(from)} (got ${a.text})`;
    if (!r || !to(r)) return `result must be ${what(to)} (got ${r?.text ?? 'none'})`;
    if ((a.kind === 'vec') !== (r.kind === 'vec') || (a.kind === 'vec' && r.kind === 'vec' && a.len !== r.len)) return `operand and result must have the same shape`;
    return extra?.(scalarOf(a), scalarOf(r));
  };
}

/** the i1 (or vector of i1) matching a type's shape */
export const boolOf = (t: Type): Type => withScalar(t, i1);

export function noResults(c: TypingCtx): string | undefined {
  return c.results.length ? 'op has no results' : undefined;
}

export function enumAttr(a: Attrs, k: string): string {
  return String(a[k]);
}

// ---- C integer semantics on constants ------------------------------------------------------

/** wraps a mathematical integer to the type (two's complement); 64-bit as bigint */
export function wrapInt(t: IntType, v: number | bigint): ConstVal {
  if (t.bits === 64) {
    const b = typeof v === 'bigint' ? v : BigInt(Math.trunc(v));
    return t.signed ? BigInt.asIntN(64, b) : BigInt.asUintN(64, b);
  }
  const n = typeof v === 'bigint' ? Number(BigInt.asIntN(32, v)) : v;
  if (t.bits === 32) return t.signed ? n | 0 : n >>> 0;
  const sh = 32 - t.bits;
  return t.signed ? (n << sh) >> sh : n & ((1 << t.bits) - 1);
}

/** the range check behind `nsw`/`nuw`: does the exact value fit the type? */
export function fitsInt(t: IntType, v: bigint): boolean {
  const lo = t.signed ? -(1n << BigInt(t.bits - 1)) : 0n;
  const hi = t.signed ? (1n << BigInt(t.bits - 1)) - 1n : (1n << BigInt(t.bits)) - 1n;
  return v >= lo && v <= hi;
}
