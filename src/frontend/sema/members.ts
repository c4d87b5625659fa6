/**
 * Member access (`s.f`, `p->f`, `v.x` on vector types, `this->f` and implicit `f` in
 * methods) and subscripts (`a[i]` on arrays, pointers, and records with `operator[]`).
 * Each member node carries the field (index and byte offset) of the one C layout.
 */
import type * as ast from '../ast.js';
import type { Span } from '../../support/source.js';
import { convert, errorExpr } from './build.js';
import { callOperator } from './calls.js';
import type { CExpr } from './checked.js';
import type { Ctx } from './context.js';
import { promote, toRvalue } from './conversions.js';
import { semaDiagnostics as D } from './diagnostics.js';
import type { FieldInfo, RecordInfo } from './entities.js';
import { checkExpr } from './expressions.js';
import { findField } from './records.js';
import type { Scope } from './scope.js';
import { type VectorType, isIntegral, pointerTo, qualified, qualifiedCV, typeToString, unqualified } from './types.js';

const LANES = ['x', 'y', 'z', 'w'] as const;
const vectorFieldCache = new Map<string, FieldInfo[]>();

/** The fields x, y, z, w of a vector type (offsets by element size). */
export function vectorFields(v: VectorType): FieldInfo[] {
  let f = vectorFieldCache.get(v.name);
  if (!f) {
    const el = unqualified(v.element);
    const size = el.kind === 'int' || el.kind === 'float' ? el.bits / 8 : 2;
    f = LANES.slice(0, v.count).map((name, index) => ({ name, type: el, index, offset: index * size, span: { file: 0, start: 0, end: 0 } }));
    vectorFieldCache.set(v.name, f);
  }
  return f;
}

/** `this` in a method: a pointer to the receiver. */
export function thisExpr(ctx: Ctx, span: Span): CExpr {
  const t = ctx.fn?.thisType;
  if (!t) {
    ctx.report(D.thisOutsideMethod, span);
    return errorExpr(span);
  }
  return { kind: 'this', type: pointerTo(qualified(t, { const: ctx.fn!.thisConst })), category: 'rvalue', span };
}

/** `*this` as an lvalue. */
function selfObject(ctx: Ctx, span: Span): CExpr {
  const p = thisExpr(ctx, span);
  if (p.type.kind !== 'pointer') return p;
  return { kind: 'deref', operand: p, type: p.type.pointee, category: 'lvalue', span };
}

/** An unqualified name inside a method that names a field of `record`: `this->name`. */
export function implicitMember(ctx: Ctx, record: RecordInfo, name: string, span: Span): CExpr | undefined {
  const thisType = ctx.fn?.thisType;
  if (!thisType) return undefined;
  const direct = directField(record, name);
  if (direct) return memberOf(selfObject(ctx, span), direct, span);
  const found = findField(record, name);
  if (!found) return undefined;
  return fieldAccess(selfObject(ctx, span), found, span);
}

/** Follow a field path (anonymous members, bases) from an object expression. */
function fieldAccess(base: CExpr, found: NonNullable<ReturnType<typeof findField>>, span: Span): CExpr {
  let obj = base;
  for (const b of found.bases) obj = convert('derived-to-base', obj, qualified(b, { const: obj.type.const }));
  for (const f of found.path) obj = memberOf(obj, f, span);
  return obj;
}

/**
 * A field declared in `record` itself, found before any anonymous member that findField would
 * search first: the access is then just `memberOf` (findField's path [f], no bases).
 */
function directField(record: RecordInfo, name: string): FieldInfo | undefined {
  for (const f of record.fields) {
    if (f.name === name) return f;
    if (f.type.kind === 'record' && f.name.startsWith('(anonymous')) return undefined;
  }
  return undefined;
}

export function memberOf(base: CExpr, f: FieldInfo, span: Span): CExpr {
  const type = qualifiedCV(f.type, base.type.const, base.type.volatile);
  return { kind: 'member', base, field: f, type, category: base.category, span };
}

export function checkMember(ctx: Ctx, e: ast.Expr & { kind: 'member' }, scope: Scope): CExpr {
  let base = checkExpr(ctx, e.base, scope);
  if (base.type.kind === 'error') return base;
  if (e.arrow) {
    const p = toRvalue(base);
    if (p.type.kind !== 'pointer') {
      if (p.type.kind === 'record' && p.type.record.scope.lookupHere('operator->')) {
        ctx.report(D.unsupported, e.span, { what: "an overloaded 'operator->'" });
        return errorExpr(e.span);
      }
      ctx.report(D.arrowOnNonPointer, e.base.span, { type: typeToString(base.type) });
      return errorExpr(e.span);
    }
    base = { kind: 'deref', operand: p, type: p.type.pointee, category: 'lvalue', span: e.base.span };
  }
  const t = base.type;
  const name = e.member.name;
  if (t.kind === 'vector') {
    let f: FieldInfo | undefined;
    for (const x of vectorFields(t)) if (x.name === name) { f = x; break; }
    if (!f) {
      ctx.report(D.noMember, e.member.span, { member: name, type: typeToString(unqualified(t)) });
      return errorExpr(e.span);
    }
    return memberOf(base, f, e.span);
  }
  if (t.kind === 'record') {
    const direct = directField(t.record, name);
    if (direct) return memberOf(base, direct, e.span);
    const found = findField(t.record, name);
    if (found) return fieldAccess(base, found, e.span);
    const other = t.record.scope.lookupHere(name);
    if (other?.[0]?.kind === 'function' || other?.[0]?.kind === 'builtin' || (t.record.builtin && ctx.reg.methods(t.record.builtin).has(name))) {
      ctx.report(D.methodNotCalled, e.member.span);
      return errorExpr(e.span);
    }
    if (other?.[0]?.kind === 'var') return { kind: 'var', entity: other[0], type: other[0].type, category: 'lvalue', span: e.span };
    ctx.report(D.noMember, e.member.span, { member: name, type: typeToString(unqualified(t)) });
    return errorExpr(e.span);
  }
  if (!e.arrow && t.kind === 'pointer') {
    ctx.report(D.noMember, e.member.span, { member: name, type: `${typeToString(t)}; did you mean to use '->'?`.replace(/; did.*/, '') }, [{ message: "did you mean to use '->'?", span: e.span }]);
    return errorExpr(e.span);
  }
  ctx.report(D.memberOfNonRecord, e.base.span, { type: typeToString(t) });
  return errorExpr(e.span);
}

export function checkIndex(ctx: Ctx, e: ast.Expr & { kind: 'index' }, scope: Scope): CExpr {
  const base = checkExpr(ctx, e.base, scope);
  if (base.type.kind === 'error') return base;
  if (base.type.kind === 'record') {
    const r = callOperator(ctx, 'operator[]', [base, checkExpr(ctx, e.index, scope)], e.span);
    if (r) return r;
    ctx.report(D.notSubscriptable, e.span);
    return errorExpr(e.span);
  }
  const idx = checkExpr(ctx, e.index, scope);
  if (idx.type.kind === 'error') return idx;
  let p = toRvalue(base);
  let i = toRvalue(idx);
  // `i[p]` is `p[i]`
  if (p.type.kind !== 'pointer' && i.type.kind === 'pointer') [p, i] = [i, p];
  if (p.type.kind !== 'pointer') {
    ctx.report(D.notSubscriptable, e.span);
    return errorExpr(e.span);
  }
  if (!isIntegral(i.type) && i.type.kind !== 'enum') {
    ctx.report(D.invalidOperands, e.span, { left: typeToString(base.type), right: typeToString(idx.type) });
    return errorExpr(e.span);
  }
  const it = promote(i.type);
  if (it !== i.type && i.type.kind !== 'int') i = convert(i.type.kind === 'bool' ? 'int-extend' : 'int-reinterpret', i, it);
  else if (it !== i.type) i = convert('int-extend', i, it);
  if (p.type.pointee.kind === 'void') {
    ctx.report(D.voidPointerArith, e.span, { type: typeToString(p.type) });
    return errorExpr(e.span);
  }
  return { kind: 'index', base: p, index: i, type: p.type.pointee, category: 'lvalue', span: e.span };
}

