/**
 * Expression checking: AST expression → checked expression (checked.ts), for literals,
 * names, casts, `sizeof`/`alignof`, construction, `?:`, the comma operator, and the
 * constructs outside the subset. Operators are in operators.ts, calls in calls.ts, member
 * access and subscripts in members.ts.
 *
 * Errors produce an `error` node (type 'error'); every rule that meets an error operand
 * returns an error node without reporting again, so one mistake gives one diagnostic.
 */
import type * as ast from '../ast.js';
import type { Span } from '../../support/source.js';
import { callEntities, checkCall, checkLaunch } from './calls.js';
import { constFloat, constInt, constOf, errorExpr } from './build.js';
import type { CExpr } from './checked.js';
import { type Ctx, undeclaredNotes } from './context.js';
import { type CastStyle, arithmeticOperandType, convertExplicit, convertImplicit, isNullPointerConstant, isWritableStringConversion, toRvalue } from './conversions.js';
import { semaDiagnostics as D } from './diagnostics.js';
import type { Entity } from './entities.js';
import { construct } from './initializers.js';
import { alignOf, sizeOf } from './layout.js';
import { lookupQualified } from './lookup.js';
import { checkIndex, checkMember, implicitMember, thisExpr } from './members.js';
import { checkAssign, checkBinary, checkUnary, checkIncDec } from './operators.js';
import type { Scope } from './scope.js';
import { resolveType } from './typeresolve.js';
import { SIZE_T, T, type IntType, type Type, arrayOf, isArithmetic, qualified, sameType, typeToString, unqualified } from './types.js';

export function checkExpr(ctx: Ctx, e: ast.Expr, scope: Scope): CExpr {
  switch (e.kind) {
    case 'int': return constInt(intLiteralType(e), e.value, e.span);
    case 'float': return constFloat(e.suffix === 'f' ? T.float : T.double, e.suffix === 'f' ? Math.fround(e.value) : e.value, e.span);
    case 'char': return constInt(e.prefix === 'u' ? T.char16 : e.prefix === 'U' ? T.char32 : e.prefix === 'L' ? T.wchar : T.char, BigInt(e.value), e.span);
    case 'string':
      return { kind: 'string', value: e.value, type: arrayOf(qualified(T.char, { const: true }), utf8Length(e.value) + 1), category: 'lvalue', span: e.span };
    case 'bool': return constInt(T.bool, e.value ? 1n : 0n, e.span);
    case 'nullptr': return { kind: 'nullptr', type: T.nullptr, category: 'rvalue', span: e.span };
    case 'this': return thisExpr(ctx, e.span);
    case 'ident': return checkIdent(ctx, e.name, scope, e.span);
    case 'unary': return checkUnary(ctx, e, scope);
    case 'postfix': return checkIncDec(ctx, e.op, false, e.operand, scope, e.span);
    case 'binary': return checkBinary(ctx, e, scope);
    case 'assign': return checkAssign(ctx, e, scope);
    case 'conditional': return checkConditional(ctx, e, scope);
    case 'call': return checkCall(ctx, e, scope);
    case 'launch': return checkLaunch(ctx, e, scope);
    case 'index': return checkIndex(ctx, e, scope);
    case 'member': return checkMember(ctx, e, scope);
    case 'cast': return checkCast(ctx, e.style, e.type, e.operand, scope, e.span);
    case 'construct': return construct(ctx, resolveType(ctx, e.type, scope), e.args, e.braces, scope, e.span);
    case 'sizeof-type': return sizeofType(ctx, resolveType(ctx, e.type, scope), 'sizeof', e.span);
    case 'sizeof-expr': {
      ctx.unevaluated++;
      const c = checkExpr(ctx, e.operand, scope);
      ctx.unevaluated--;
      return sizeofType(ctx, c.type, 'sizeof', e.span);
    }
    case 'alignof': return sizeofType(ctx, resolveType(ctx, e.type, scope), 'alignof', e.span);
    case 'init-list':
      ctx.report(D.unsupported, e.span, { what: 'an initializer list here' });
      return errorExpr(e.span);
    case 'new': case 'delete':
      return outsideSubset(ctx, e.span, e.kind === 'new' ? "'new'" : "'delete'", D.newInDevice, { what: e.kind });
    case 'lambda':
      return outsideSubset(ctx, e.span, 'a lambda expression', D.lambdaUnsupported, {});
    case 'throw':
      return outsideSubset(ctx, e.span, "'throw'", D.exceptionsUnsupported, {});
    case 'unsupported':
      return outsideSubset(ctx, e.span, e.what, D.unsupported, { what: e.what });
  }
}

/** A construct kcc does not support: an error in device code; host code is only marked not runnable. */
function outsideSubset(ctx: Ctx, span: Span, what: string, def: (typeof D)[keyof typeof D], args: Record<string, string>): CExpr {
  if (ctx.fn && ctx.fn.space === 'host') ctx.markNotRunnable(`uses ${what}`);
  else ctx.report(def, span, args);
  return errorExpr(span);
}

function utf8Length(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

/** C's rules for the type of an integer literal (first type in the list that holds the value). */
export function intLiteralType(e: ast.Expr & { kind: 'int' }): Type {
  const long = e.long === 0 ? 0 : e.long === 1 ? 1 : 2;
  const list = (e.unsigned ? UNSIGNED_LISTS : e.decimal ? SIGNED_LISTS : MIXED_LISTS)[long]!;
  const v = e.value;
  for (const t of list) if (v < (t.signed ? (t.bits === 32 ? B31 : B63) : t.bits === 32 ? B32 : B64)) return t;
  return T.ullong;
}

// literal type lists and limits, built once (not per literal)
const B31 = 1n << 31n;
const B32 = 1n << 32n;
const B63 = 1n << 63n;
const B64 = 1n << 64n;
const SIGNED_LISTS: readonly (readonly IntType[])[] = [[T.int, T.long, T.llong], [T.long, T.llong], [T.llong]];
const UNSIGNED_LISTS: readonly (readonly IntType[])[] = [[T.uint, T.ulong, T.ullong], [T.ulong, T.ullong], [T.ullong]];
const MIXED_LISTS: readonly (readonly IntType[])[] = SIGNED_LISTS.map((l, k) => l.flatMap((s, i) => [s, UNSIGNED_LISTS[k]![i]!]));

/** An rvalue: the checked expression with lvalue-to-rvalue and decay applied. */
export function checkRvalue(ctx: Ctx, e: ast.Expr, scope: Scope): CExpr {
  return toRvalue(checkExpr(ctx, e, scope));
}

/** A condition: converted to bool (contextual conversion). */
export function checkCondition(ctx: Ctx, e: ast.Expr, scope: Scope): CExpr {
  return toBool(ctx, checkExpr(ctx, e, scope));
}

export function toBool(ctx: Ctx, c: CExpr): CExpr {
  if (c.type.kind === 'error') return c;
  const v = convertImplicit(c, T.bool);
  if (!v) {
    ctx.report(D.notBool, c.span, { type: typeToString(c.type) });
    return errorExpr(c.span);
  }
  return v;
}

/** `e` converted to `to` as for initialisation, with clang's message on failure. */
export function convertForInit(ctx: Ctx, c: CExpr, to: Type, context: 'init' | 'return' | 'assign'): CExpr {
  if (c.type.kind === 'error' || to.kind === 'error') return c.type.kind === 'error' ? c : errorExpr(c.span);
  const v = convertImplicit(c, to);
  if (v) {
    warnWritableString(ctx, c, to);
    return v;
  }
  const user = userConversion(ctx, c, to);
  if (user) return user;
  const args = { to: typeToString(to), from: typeToString(c.type), category: c.category };
  if (to.kind === 'reference' && c.category === 'lvalue' && sameType(unqualified(c.type), unqualified(to.referent)) && c.type.const) {
    ctx.report(D.refDropsConst, c.span, args);
  } else if (to.kind === 'reference' && !to.referent.const && convertImplicit(c, unqualified(to.referent))) {
    ctx.report(D.refToTemporary, c.span, args);
  } else if (context === 'return') ctx.report(D.returnIncompatible, c.span, args);
  else if (context === 'assign') ctx.report(D.assignIncompatible, c.span, args);
  else ctx.report(D.initIncompatible, c.span, args);
  return errorExpr(c.span);
}

/**
 * A user-defined conversion function of `c`'s record (`operator T *()`, the SharedMemory<T>
 * idiom) whose result converts to `to`; undefined when there is none.
 */
function userConversion(ctx: Ctx, c: CExpr, to: Type): CExpr | undefined {
  const t = unqualified(c.type);
  if (t.kind !== 'record' || t.record.builtin || !t.record.decl?.members) return undefined;
  const target = to.kind === 'reference' ? unqualified(to.referent) : unqualified(to);
  for (const m of t.record.decl.members) {
    if (m.kind !== 'function' || m.name.parts.length !== 1 || !m.name.parts[0]!.name.startsWith('operator ')) continue;
    const fns = t.record.scope.lookupHere(m.name.parts[0]!.name)?.filter((e) => e.kind === 'function') ?? [];
    for (const f of fns) {
      if (f.kind !== 'function' || f.params.length !== 0) continue;
      const r = f.type.result.kind === 'reference' ? f.type.result.referent : f.type.result;
      if (!(sameType(unqualified(r), target) || convertImplicit({ kind: 'zero', type: r, category: 'rvalue', span: c.span }, to))) continue;
      const call = callEntities(ctx, f.name, [f], [], { receiver: c, span: c.span });
      if (call.type.kind === 'error') return call;
      return convertImplicit(call, to) ?? undefined;
    }
  }
  return undefined;
}

/** clang's -Wwritable-strings: a string literal converted to `char *`. */
export function warnWritableString(ctx: Ctx, c: CExpr, to: Type): void {
  if (isWritableStringConversion(c, to)) ctx.report(D.writableString, c.span, { to: typeToString(to) });
}

// ----------------------------------------------------------------------------------------
// Names

/** Unqualified lookup that also finds fields of the enclosing records (as `this->x`). */
export function lookupValue(ctx: Ctx, name: ast.QualifiedName, scope: Scope): { entities?: readonly Entity[]; member?: CExpr } {
  const r = lookupValueOrMember(ctx, name, scope);
  if (r === undefined) return {};
  return isEntityList(r) ? { entities: r } : { member: r };
}

/** `lookupValue` without the wrapper object: the entities, the implicit member access, or undefined. */
export function lookupValueOrMember(ctx: Ctx, name: ast.QualifiedName, scope: Scope): readonly Entity[] | CExpr | undefined {
  const parts = name.parts;
  if (parts.length === 1 && !name.global) {
    const n = parts[0]!.name;
    const thisType = ctx.fn === undefined ? undefined : ctx.fn.thisType;
    for (let s: Scope | undefined = scope; s; s = s.parent) {
      if (s.record && thisType) {
        const m = implicitMember(ctx, s.record, n, name.span);
        if (m) return m;
      }
      const r = s.lookupHere(n);
      if (r) return r;
    }
    return undefined;
  }
  return lookupQualified(ctx, name, scope);
}

export const isEntityList = (r: readonly Entity[] | CExpr): r is readonly Entity[] => Array.isArray(r);

export function checkIdent(ctx: Ctx, name: ast.QualifiedName, scope: Scope, span: Span): CExpr {
  const found = lookupValueOrMember(ctx, name, scope);
  if (found === undefined) {
    if (name.parts.length === 1 && !name.global) reportUndeclared(ctx, name.parts[0]!.name, span);
    return errorExpr(span);
  }
  if (!isEntityList(found)) return found;
  return entityValue(ctx, found, name.parts[name.parts.length - 1]!.name, span);
}

export function reportUndeclared(ctx: Ctx, name: string, span: Span): void {
  if (ctx.tolerant) {
    ctx.markNotRunnable(`uses '${name}', which kcc does not know`);
    return;
  }
  const { notes, setAside } = undeclaredNotes(ctx, name);
  if (setAside?.error) return; // its syntax error was already reported
  if (setAside) ctx.report(D.setAsideUse, span, { name }, notes);
  else ctx.report(D.undeclared, span, { name }, notes);
}

/** The value a name denotes (variables, enumerators, constants, built-in variables). */
export function entityValue(ctx: Ctx, entities: readonly Entity[], name: string, span: Span): CExpr {
  const e = entities[0]!;
  switch (e.kind) {
    case 'var': {
      if (e.type.kind === 'error') {
        const aside = ctx.hostSetAside.get(e);
        if (ctx.fn?.space === 'host') ctx.markNotRunnable(`uses '${name}', which kcc could not declare`);
        else if (aside && !ctx.unevaluated && (ctx.fn?.space === 'device' || ctx.fn?.space === 'global')) ctx.report(D.setAsideUse, span, { name }, [{ message: `'${name}' was set aside: ${aside.reason}`, span: aside.span }]);
        return errorExpr(span);
      }
      if (e.constValue && (e.constexpr || e.type.const) && (isArithmetic(e.type) || e.type.kind === 'half' || e.type.kind === 'enum')) {
        return { kind: 'const', value: e.constValue, of: e, type: unqualified(e.type), category: 'rvalue', span };
      }
      checkVariableSpace(ctx, e, span);
      const type = e.type.kind === 'reference' ? e.type.referent : e.type;
      return { kind: 'var', entity: e, type, category: 'lvalue', span };
    }
    case 'enumerator': return constInt(e.type, e.value, span);
    case 'const': return constOf(e.type, e.value, span);
    case 'builtin-var': {
      if (!ctx.unevaluated && e.space === 'device' && ctx.fn && ctx.fn.space === 'host') {
        ctx.report(D.deviceOnlyName, span, { name: e.name });
        return errorExpr(span);
      }
      if (e.name === 'warpSize') return constInt(T.int, 32n, span);
      return { kind: 'builtin-var', name: e.name, type: e.type, category: 'lvalue', span };
    }
    case 'function': case 'builtin':
      return outsideSubset(ctx, span, `function '${name}' as a value`, D.unsupported, { what: `using function '${name}' as a value (function pointers)` });
    default:
      ctx.report(D.notAValue, span, { name });
      return errorExpr(span);
  }
}

/** nvcc's rules on which variables each side may touch. */
function checkVariableSpace(ctx: Ctx, v: Entity & { kind: 'var' }, span: Span): void {
  if (ctx.unevaluated || !ctx.fn || (v.storage !== 'global' && v.storage !== 'member')) return;
  const space = ctx.fn.space;
  if (v.hostOnly && space !== 'host' && space !== 'host-device') {
    ctx.report(D.hostVarInDevice, span, { name: v.name, space: space === 'global' ? '__global__' : '__device__' }, v.decl ? [{ message: `'${v.name}' declared here`, span: v.span }] : []);
  } else if (!v.hostOnly && space === 'host' && !ctx.allowDeviceSymbol) {
    ctx.report(D.deviceVarInHost, span, { name: v.name }, [{ message: `'${v.name}' declared here`, span: v.span }]);
  }
}

// ----------------------------------------------------------------------------------------
// Casts, sizeof, ?:

export function checkCast(ctx: Ctx, style: CastStyle, typeNode: ast.TypeNode, operand: ast.Expr, scope: Scope, span: Span): CExpr {
  const to = resolveType(ctx, typeNode, scope);
  const c = checkExpr(ctx, operand, scope);
  return castTo(ctx, c, to, style, span);
}

export function castTo(ctx: Ctx, c: CExpr, to: Type, style: CastStyle, span: Span): CExpr {
  if (to.kind === 'error' || c.type.kind === 'error') return errorExpr(span);
  if (style === 'dynamic') {
    ctx.report(D.unsupported, span, { what: 'dynamic_cast' });
    return errorExpr(span);
  }
  const r = convertExplicit(c, to, style);
  if (!r) {
    ctx.report(D.castInvalid, span, { from: typeToString(c.type), to: typeToString(to) });
    return errorExpr(span);
  }
  return { ...r, span };
}

function sizeofType(ctx: Ctx, t: Type, op: 'sizeof' | 'alignof', span: Span): CExpr {
  if (t.kind === 'error') return errorExpr(span);
  const u = t.kind === 'reference' ? t.referent : t;
  if (u.kind === 'void' || u.kind === 'function' || (u.kind === 'record' && !u.record.complete) || (u.kind === 'array' && u.size === undefined && op === 'sizeof')) {
    ctx.report(D.sizeofIncomplete, span, { op, type: typeToString(u) });
    return errorExpr(span);
  }
  return constInt(SIZE_T, BigInt(op === 'sizeof' ? sizeOf(u) : alignOf(u)), span);
}

function checkConditional(ctx: Ctx, e: ast.Expr & { kind: 'conditional' }, scope: Scope): CExpr {
  const cond = checkCondition(ctx, e.cond, scope);
  const a = checkExpr(ctx, e.then, scope);
  const b = checkExpr(ctx, e.else, scope);
  if (cond.type.kind === 'error' || a.type.kind === 'error' || b.type.kind === 'error') return errorExpr(e.span);
  const mk = (then: CExpr, els: CExpr, type: Type, category: 'lvalue' | 'rvalue'): CExpr => ({ kind: 'conditional', cond, then, else: els, type, category, span: e.span });
  // both lvalues of the same type: an lvalue
  if (a.category === 'lvalue' && b.category === 'lvalue' && sameType(a.type, b.type) && a.type.kind !== 'array') return mk(a, b, a.type, 'lvalue');
  const ra = toRvalue(a);
  const rb = toRvalue(b);
  if (ra.type.kind === 'void' && rb.type.kind === 'void') return mk(ra, rb, T.void, 'rvalue');
  const arith = arithmeticOperandType(ra.type, rb.type);
  if (arith) return mk(convertImplicit(ra, arith)!, convertImplicit(rb, arith)!, arith, 'rvalue');
  if (sameType(ra.type, rb.type, false)) return mk(ra, rb, unqualified(ra.type), 'rvalue');
  if (ra.type.kind === 'pointer' && (isNullPointerConstant(rb) || rb.type.kind === 'pointer')) {
    const to = isNullPointerConstant(rb) ? ra.type : pointerCommon(ra.type, rb.type);
    const x = to && convertImplicit(ra, to);
    const y = to && convertImplicit(rb, to);
    if (to && x && y) return mk(x, y, to, 'rvalue');
  }
  if (rb.type.kind === 'pointer' && isNullPointerConstant(ra)) return mk(convertImplicit(ra, rb.type)!, rb, rb.type, 'rvalue');
  ctx.report(D.conditionalIncompatible, e.span, { left: typeToString(a.type), right: typeToString(b.type) });
  return errorExpr(e.span);
}

/** The composite pointer type of two pointers (same pointee up to qualifiers, or void *). */
export function pointerCommon(a: Type, b: Type): Type | undefined {
  if (a.kind !== 'pointer' || b.kind !== 'pointer') return undefined;
  const q = { const: a.pointee.const || b.pointee.const, volatile: a.pointee.volatile || b.pointee.volatile };
  if (sameType(unqualified(a.pointee), unqualified(b.pointee))) {
    return { kind: 'pointer', pointee: qualified(unqualified(a.pointee), q), space: a.space === b.space ? a.space : 'generic' };
  }
  if (a.pointee.kind === 'void' || b.pointee.kind === 'void') return { kind: 'pointer', pointee: qualified(T.void, q), space: 'generic' };
  return undefined;
}

