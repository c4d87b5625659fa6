/**
 * C/C++ conversions: integer promotions, the usual arithmetic conversions, implicit
 * conversion sequences with their overload-resolution rank, reference binding, and casts.
 * Every conversion applied becomes a `convert` node (checked.ts invariant 2).
 *
 * Half precision follows CUDA's headers: `__half` and `__nv_bfloat16` are classes with
 * implicit constructors from the arithmetic types and conversion operators to them, so a
 * conversion between a half type and an arithmetic type is a user-defined conversion (rank
 * User). For mixed binary arithmetic (`h * 2.0f`, which CUDA's own overload set makes
 * ambiguous) kcc takes the one reading that makes sense: the half operand is widened to
 * float and the usual arithmetic conversions apply; half with half stays half.
 */
import { DIM3 } from '../builtins/types.js';
import { addressOf, constInt, convert, spaceOf } from './build.js';
import type { CExpr, ConversionKind } from './checked.js';
import {
  T, type IntType, type PointerType, type RecordType, type Type, integerRepr, isArithmetic, isIntegral, pointerTo, sameType, toUnsigned, unqualified,
} from './types.js';

/** Overload-resolution ranks of an implicit conversion sequence (lower is better). */
export const enum Rank {
  Exact = 0,
  Promotion = 1,
  Conversion = 2,
  User = 3,
  Ellipsis = 4,
}

/** Integer promotion (C 6.3.1.1, C++ [conv.prom]): bool, char, short and enums to int or wider. */
export function promote(t: Type): Type {
  switch (t.kind) {
    case 'bool': return T.int;
    case 'int': return t.rank < 3 || (t.bits < 32) ? T.int : unqualified(t);
    case 'enum': {
      if (t.info.scoped) return t;
      const u = t.info.underlying;
      return u.kind === 'bool' ? T.int : promote(u);
    }
    default: return unqualified(t);
  }
}

/** The usual arithmetic conversions on two arithmetic types (after promotion). */
export function usualArithmetic(a: Type, b: Type): Type | undefined {
  if (!isArithmetic(a) || !isArithmetic(b)) return undefined;
  if (a.kind === 'float' || b.kind === 'float') {
    const fa = a.kind === 'float' ? a.bits : 0;
    const fb = b.kind === 'float' ? b.bits : 0;
    return Math.max(fa, fb) === 64 ? T.double : T.float;
  }
  const x = promote(a) as IntType;
  const y = promote(b) as IntType;
  if (x.name === y.name) return x;
  if (x.signed === y.signed) return x.rank >= y.rank ? x : y;
  const [u, s] = x.signed ? [y, x] : [x, y];
  if (u.rank >= s.rank) return u;
  if (s.bits > u.bits) return s;
  return toUnsigned(s);
}

/**
 * The type binary arithmetic is done in, including CUDA's half types (see the header).
 * Undefined when the operands are not both arithmetic-or-half (or mix f16 with bf16).
 */
export function arithmeticOperandType(a: Type, b: Type): Type | undefined {
  const ua = unqualified(a);
  const ub = unqualified(b);
  if (ua.kind === 'half' || ub.kind === 'half') {
    if (ua.kind === 'half' && ub.kind === 'half') return ua.format === ub.format ? ua : undefined;
    const other = ua.kind === 'half' ? ub : ua;
    return isArithmetic(other) ? usualArithmetic(T.float, other) : undefined;
  }
  return usualArithmetic(ua, ub);
}

/** lvalue → rvalue (load), array → pointer, function → pointer; rvalues unchanged. */
export function toRvalue(e: CExpr): CExpr {
  if (e.category === 'rvalue') return e;
  if (e.type.kind === 'array') return convert('array-to-pointer', e, pointerTo(e.type.element, spaceOf(e)));
  if (e.type.kind === 'function') return convert('function-to-pointer', e, pointerTo(e.type));
  if (e.type.kind === 'error') return e;
  return convert('load', e, unqualified(e.type));
}

/** The conversion between two scalar types, or 'none' when they are the same. */
export function scalarConversion(from: Type, to: Type): ConversionKind | 'none' | undefined {
  const f = unqualified(from);
  const t = unqualified(to);
  if (sameType(f, t)) return f.kind === 'pointer' && t.kind === 'pointer' && f.space !== t.space ? 'pointer-cast' : 'none';
  if (t.kind === 'bool') return f.kind === 'int' || f.kind === 'enum' || f.kind === 'float' || f.kind === 'half' || f.kind === 'pointer' || f.kind === 'nullptr' ? 'to-bool' : undefined;
  const fi = integerRepr(f);
  const ti = integerRepr(t);
  if (fi && ti) {
    const fb = fi.kind === 'bool' ? 1 : fi.bits;
    const tb = ti.kind === 'bool' ? 1 : ti.bits;
    return fb < tb ? 'int-extend' : fb > tb ? 'int-truncate' : 'int-reinterpret';
  }
  const ff = f.kind === 'float' || f.kind === 'half';
  const tf = t.kind === 'float' || t.kind === 'half';
  if (fi && tf) return 'int-to-float';
  if (ff && ti) return 'float-to-int';
  if (ff && tf) {
    const fb = f.kind === 'half' ? 16 : (f as { bits: number }).bits;
    const tb = t.kind === 'half' ? 16 : (t as { bits: number }).bits;
    return fb < tb ? 'float-extend' : fb > tb ? 'float-truncate' : 'float-reformat';
  }
  if (f.kind === 'pointer' && t.kind === 'pointer') return 'pointer-cast';
  if (f.kind === 'nullptr' && t.kind === 'pointer') return 'null-to-pointer';
  return undefined;
}

/** A null pointer constant: `nullptr`, or an integer constant 0. */
export function isNullPointerConstant(e: CExpr): boolean {
  if (e.type.kind === 'nullptr') return true;
  return e.kind === 'const' && e.value.kind === 'int' && e.value.value === 0n && (e.type.kind === 'int' || e.type.kind === 'bool');
}

/** Is `derived` (or a base of it, transitively) the record `base`? */
export function derivesFrom(derived: RecordType, base: RecordType): boolean {
  if (derived.record === base.record) return true;
  return derived.record.bases.some((b) => derivesFrom(b, base));
}

function pointerRank(from: PointerType, to: PointerType): Rank | undefined {
  const fp = from.pointee;
  const tp = to.pointee;
  const qualsOk = (!fp.const || tp.const) && (!fp.volatile || tp.volatile);
  if (!qualsOk) return undefined;
  if (sameType(unqualified(fp), unqualified(tp))) return Rank.Exact;
  if (tp.kind === 'void') return Rank.Conversion;
  if (fp.kind === 'record' && tp.kind === 'record' && derivesFrom(fp, unqualified(tp) as RecordType)) return Rank.Conversion;
  return undefined;
}

/**
 * The rank of converting an rvalue of type `from` (already decayed) to the unqualified
 * non-reference type `to`, or undefined when there is no implicit conversion.
 */
export function standardRank(from: Type, to: Type, nullConstant: boolean): Rank | undefined {
  const f = unqualified(from);
  const t = unqualified(to);
  if (f.kind === 'error' || t.kind === 'error') return Rank.Exact;
  if (sameType(f, t)) return Rank.Exact;
  if (t.kind === 'pointer') {
    if (f.kind === 'pointer') return pointerRank(f, t);
    return nullConstant ? Rank.Conversion : undefined;
  }
  if (t.kind === 'bool') return isArithmetic(f) || f.kind === 'pointer' || f.kind === 'nullptr' || (f.kind === 'enum' && !f.info.scoped) ? Rank.Conversion : f.kind === 'half' ? Rank.User : undefined;
  if (isArithmetic(t) && t.kind !== 'enum') {
    if (isArithmetic(f)) {
      if (isIntegral(f) && sameType(promote(f), t)) return Rank.Promotion;
      if (f.kind === 'float' && t.kind === 'float' && f.bits === 32 && t.bits === 64) return Rank.Promotion;
      return Rank.Conversion;
    }
    if (f.kind === 'half') return Rank.User;
    return undefined;
  }
  if (t.kind === 'half') return isArithmetic(f) ? Rank.User : undefined;
  if (t.kind === 'vector' && t.name === 'dim3') {
    if (f.kind === 'vector' && f.count === 3 && f.element.kind === 'int' && !f.element.signed) return Rank.User;
    if (isIntegral(f)) return Rank.User;
    return undefined;
  }
  if (t.kind === 'record' && f.kind === 'record' && derivesFrom(f, t)) return Rank.Conversion;
  return undefined;
}

/** Why a reference cannot bind (for the diagnostic), or undefined if it can. */
export type BindFailure = 'drops-const' | 'temporary' | 'incompatible';

/** Types equal up to cv-qualifiers (of arrays: of their elements). */
function sameIgnoringQuals(a: Type, b: Type): boolean {
  if (a.kind === 'array' && b.kind === 'array') return a.size === b.size && sameIgnoringQuals(a.element, b.element);
  return sameType(unqualified(a), unqualified(b));
}

/** The cv-qualifiers of an object type (arrays: their elements'). */
function cvOf(t: Type): { const?: boolean; volatile?: boolean } {
  return t.kind === 'array' ? cvOf(t.element) : t;
}

/** Can a reference to `r` bind directly to an lvalue of type `t` (no qualifiers dropped)? */
function bindsDirectly(t: Type, r: Type): boolean {
  const a = cvOf(t);
  const b = cvOf(r);
  return (!a.const || !!b.const) && (!a.volatile || !!b.volatile);
}

/** The rank of initialising a parameter/variable of type `to` from expression `e`. */
export function conversionRank(e: CExpr, to: Type): Rank | undefined {
  if (to.kind === 'reference') {
    const r = to.referent;
    if (e.category === 'lvalue' && !to.rvalue) {
      if (sameIgnoringQuals(e.type, r) || (e.type.kind === 'record' && r.kind === 'record' && derivesFrom(e.type, unqualified(r) as RecordType))) {
        if (!bindsDirectly(e.type, r)) return undefined;
        return sameIgnoringQuals(e.type, r) ? Rank.Exact : Rank.Conversion;
      }
    }
    if (!to.rvalue && !(r.const && !r.volatile)) return undefined;
    if (to.rvalue && e.category === 'lvalue' && sameType(unqualified(e.type), unqualified(r))) return undefined;
    return conversionRank(e, unqualified(r));
  }
  const from = decayedType(e);
  const rank = standardRank(from, to, isNullPointerConstant(e));
  if (rank === undefined && isWritableStringConversion(e, to)) return Rank.Conversion;
  return rank;
}

/** A string literal to `char *` (pre-C++11, accepted with a warning as nvcc does). */
export function isWritableStringConversion(e: CExpr, to: Type): boolean {
  if (e.kind !== 'string' || to.kind !== 'pointer') return false;
  const p = to.pointee;
  return !p.const && p.kind === 'int' && p.bits === 8;
}

/** The type of `e` after lvalue-to-rvalue, array and function decay. */
export function decayedType(e: CExpr): Type {
  if (e.category === 'lvalue' && e.type.kind === 'array') return pointerTo(e.type.element);
  if (e.type.kind === 'function') return pointerTo(e.type);
  return unqualified(e.type);
}

export function bindFailure(e: CExpr, to: Type): BindFailure {
  if (to.kind !== 'reference') return 'incompatible';
  const r = to.referent;
  if (e.category === 'lvalue' && sameType(unqualified(e.type), unqualified(r)) && e.type.const && !r.const) return 'drops-const';
  if (!r.const && conversionRank(e, unqualified(r)) !== undefined) return 'temporary';
  return 'incompatible';
}

/**
 * `e` implicitly converted to `to` (a value type or a reference), or undefined if C++ has no
 * implicit conversion. The result is an rvalue of unqualified `to`, or for references an
 * lvalue of the referent.
 */
export function convertImplicit(e: CExpr, to: Type): CExpr | undefined {
  // an rvalue already of the very type (the singleton scalars): the identity conversion
  if (e.type === to && e.category === 'rvalue' && to.kind !== 'function' && to.kind !== 'reference') return e;
  const et = e.type;
  // the common case, an rvalue between unqualified int/float/bool types: always implicit
  if (e.category === 'rvalue' && (et.kind === 'int' || et.kind === 'float' || et.kind === 'bool') && (to.kind === 'int' || to.kind === 'float' || to.kind === 'bool') && !et.const && !et.volatile && !to.const && !to.volatile) {
    return convertScalar(e, to, false);
  }
  if (et.kind === 'error') return e;
  if (to.kind === 'error') return e;
  if (to.kind === 'reference') {
    const r = to.referent;
    if (e.category === 'lvalue' && !to.rvalue) {
      if (sameIgnoringQuals(e.type, r)) return bindsDirectly(e.type, r) ? e : undefined;
      if (e.type.kind === 'record' && r.kind === 'record' && derivesFrom(e.type, unqualified(r) as RecordType)) return convert('derived-to-base', e, r);
    }
    if (!to.rvalue && !(r.const && !r.volatile)) return undefined;
    const v = convertImplicit(e, unqualified(r));
    return v && convert('materialize', v, r);
  }
  const rank = conversionRank(e, to);
  if (rank === undefined) return undefined;
  return applyValueConversion(e, unqualified(to));
}

/** Convert `e` to the value type `to` assuming the conversion is allowed. */
function applyValueConversion(e: CExpr, to: Type, explicit = false): CExpr {
  if (to.kind === 'record') {
    if (e.type.kind === 'record' && e.type.record !== to.record && e.category === 'lvalue') return toRvalue(convert('derived-to-base', e, to));
    return toRvalue(e);
  }
  if (to.kind === 'vector' && to.name === 'dim3') {
    const v = toRvalue(e);
    if (v.type.kind === 'vector') return v.type.name === 'dim3' ? v : convert('vector-to-dim3', v, DIM3, explicit);
    const x = convertScalar(v, T.uint, explicit);
    return { kind: 'aggregate', items: [x, constInt(T.uint, 1n, e.span), constInt(T.uint, 1n, e.span)], type: DIM3, category: 'rvalue', span: e.span };
  }
  if (to.kind === 'pointer' && isNullPointerConstant(e)) return convert('null-to-pointer', toRvalue(e), to, explicit);
  return convertScalar(toRvalue(e), to, explicit);
}

function convertScalar(v: CExpr, to: Type, explicit: boolean): CExpr {
  const kind = scalarConversion(v.type, to);
  if (kind === 'none' || kind === undefined) {
    if (kind === undefined || sameType(v.type, to)) return v;
    return { ...v, type: to };
  }
  return convert(kind, v, to, explicit);
}

/** The cast styles of C++ (functional casts `T(e)` behave as C-style casts). */
export type CastStyle = 'c' | 'static' | 'reinterpret' | 'const' | 'dynamic';

/** `e` explicitly converted to `to`, or undefined if the cast is not allowed. */
export function convertExplicit(e: CExpr, to: Type, style: CastStyle): CExpr | undefined {
  if (e.type.kind === 'error' || to.kind === 'error') return e;
  if (to.kind === 'void') return convert('to-void', toRvalue(e), T.void, true);
  if (to.kind === 'reference') {
    if (e.category === 'lvalue' && (style === 'reinterpret' || style === 'c' || style === 'const')) {
      if (sameType(unqualified(e.type), unqualified(to.referent)) || style !== 'const') {
        if (sameType(unqualified(e.type), unqualified(to.referent))) return e;
        const p = addressOf(e, e.span);
        const cast = convert('pointer-cast', p, pointerTo(to.referent, (p.type as PointerType).space), true);
        return { kind: 'deref', operand: cast, type: to.referent, category: 'lvalue', span: e.span };
      }
    }
    return convertImplicit(e, to);
  }
  const t = unqualified(to);
  if (style !== 'reinterpret' && style !== 'const') {
    const implicit = conversionRank(e, t);
    if (implicit !== undefined) {
      const r = applyValueConversion(e, t, true);
      return r.kind === 'convert' ? { ...r, explicit: true } : r;
    }
  }
  const v = toRvalue(e);
  const f = v.type;
  const staticOk = style === 'static' || style === 'c';
  const reinterpretOk = style === 'reinterpret' || style === 'c';
  // static: between arithmetic, enum and half types; void* → T*; base* → derived*
  if (staticOk) {
    const fs = isArithmetic(f) || f.kind === 'enum' || f.kind === 'half';
    const ts = isArithmetic(t) || t.kind === 'enum' || t.kind === 'half';
    if (fs && ts) {
      const k = scalarConversion(f, t);
      if (k && k !== 'none') return convert(k, v, t, true);
      if (k === 'none') return v;
    }
    if (f.kind === 'pointer' && t.kind === 'pointer') {
      const fp = f.pointee;
      const tp = t.pointee;
      const qualsOk = (!fp.const || tp.const) && (!fp.volatile || tp.volatile);
      if (qualsOk && (fp.kind === 'void' || (fp.kind === 'record' && tp.kind === 'record' && derivesFrom(unqualified(tp) as RecordType, unqualified(fp) as RecordType)))) {
        return convert('pointer-cast', v, t, true);
      }
    }
    if (t.kind === 'vector' && f.kind === 'vector' && t.name === f.name) return v;
  }
  if (style === 'const' || style === 'c') {
    if (f.kind === 'pointer' && t.kind === 'pointer' && sameType(unqualified(f.pointee), unqualified(t.pointee))) return convert('pointer-cast', v, t, true);
  }
  if (reinterpretOk) {
    if (f.kind === 'pointer' && t.kind === 'pointer') return convert('pointer-cast', v, t, true);
    if (f.kind === 'pointer' && integerRepr(t)) {
      const asLong = convert('pointer-to-int', v, T.ulong, true);
      const k = scalarConversion(T.ulong, t);
      return k && k !== 'none' ? convert(k, asLong, t, true) : asLong;
    }
    if (integerRepr(f) && t.kind === 'pointer') {
      const k = scalarConversion(f, T.ulong);
      const wide = k && k !== 'none' ? convert(k, v, T.ulong, true) : v;
      return convert('int-to-pointer', wide, t, true);
    }
    if (f.kind === 'nullptr' && t.kind === 'pointer') return convert('null-to-pointer', v, t, true);
  }
  return undefined;
}
