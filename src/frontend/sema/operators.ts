/**
 * Unary, binary, assignment, compound-assignment and increment/decrement operators:
 * integer promotions and the usual arithmetic conversions made explicit, pointer arithmetic
 * and comparisons, `const` correctness, CUDA's half operators, and overloaded operators on
 * records and vector types (`float4 + float4` from helper_math.h-style user overloads).
 */
import type * as ast from '../ast.js';
import type { Span } from '../../support/source.js';
import { addressOf, constOf, errorExpr } from './build.js';
import { callOperator } from './calls.js';
import type { ArithOp, CExpr, CompareOp } from './checked.js';
import { foldBinary, foldCompare, foldUnary } from './consteval.js';
import type { Ctx } from './context.js';
import { arithmeticOperandType, convertImplicit, isNullPointerConstant, promote, toRvalue } from './conversions.js';
import { semaDiagnostics as D } from './diagnostics.js';
import { checkExpr, convertForInit, pointerCommon, toBool } from './expressions.js';
import type { Scope } from './scope.js';
import { PTRDIFF_T, T, type Type, isArithmetic, isIntegral, sameType, typeToString, unqualified } from './types.js';

const overloadable = (t: Type) => t.kind === 'record' || t.kind === 'vector';
const integral = (t: Type) => isIntegral(t) || (t.kind === 'enum' && !t.info.scoped);

export function checkUnary(ctx: Ctx, e: ast.Expr & { kind: 'unary' }, scope: Scope): CExpr {
  if (e.op === '++' || e.op === '--') return checkIncDec(ctx, e.op, true, e.operand, scope, e.span);
  const x = checkExpr(ctx, e.operand, scope);
  if (x.type.kind === 'error') return errorExpr(e.span);
  if (e.op === '&') {
    if (x.category !== 'lvalue') {
      ctx.report(D.addressOfRvalue, e.span, { type: typeToString(x.type) });
      return errorExpr(e.span);
    }
    return addressOf(x, e.span);
  }
  if (e.op === '*') {
    const p = toRvalue(x);
    if (p.type.kind !== 'pointer' || p.type.pointee.kind === 'void') {
      ctx.report(D.badIndirection, e.span, { type: typeToString(x.type) });
      return errorExpr(e.span);
    }
    return { kind: 'deref', operand: p, type: p.type.pointee, category: 'lvalue', span: e.span };
  }
  if (overloadable(x.type)) {
    const r = callOperator(ctx, `operator${e.op}`, [x], e.span, scope);
    if (r) return r;
    ctx.report(D.invalidUnary, e.span, { type: typeToString(x.type) });
    return errorExpr(e.span);
  }
  const v = toRvalue(x);
  if (e.op === '!') {
    const b = toBool(ctx, v);
    if (b.type.kind === 'error') return b;
    return fold({ kind: 'unary', op: '!', operand: b, type: T.bool, category: 'rvalue', span: e.span });
  }
  const okType = e.op === '~' ? integral(v.type) : isArithmetic(v.type) || v.type.kind === 'half' || (e.op === '+' && v.type.kind === 'pointer');
  if (!okType) {
    ctx.report(D.invalidUnary, e.span, { type: typeToString(x.type) });
    return errorExpr(e.span);
  }
  if (v.type.kind === 'pointer') return v;
  const t = promote(v.type);
  const operand = convertImplicit(v, t)!;
  if (e.op === '+') return { ...operand, span: e.span };
  return fold({ kind: 'unary', op: e.op, operand, type: t, category: 'rvalue', span: e.span });
}

export function checkBinary(ctx: Ctx, e: ast.Expr & { kind: 'binary' }, scope: Scope): CExpr {
  const l = checkExpr(ctx, e.left, scope);
  const r = checkExpr(ctx, e.right, scope);
  if (l.type.kind === 'error' || r.type.kind === 'error') return errorExpr(e.span);
  if (e.op === ',') return { kind: 'comma', left: l, right: r, type: r.type, category: r.category, span: e.span };
  if (overloadable(l.type) || overloadable(r.type)) {
    const res = callOperator(ctx, `operator${e.op}`, [l, r], e.span, scope);
    if (res) return res;
    return invalid(ctx, l, r, e.span);
  }
  if (e.op === '&&' || e.op === '||') {
    const a = toBool(ctx, toRvalue(l));
    const b = toBool(ctx, toRvalue(r));
    if (a.type.kind === 'error' || b.type.kind === 'error') return errorExpr(e.span);
    if (a.kind === 'const' && b.kind === 'const') {
      const av = a.value.value !== 0n;
      const bv = b.value.value !== 0n;
      return constOf(T.bool, { kind: 'int', value: (e.op === '&&' ? av && bv : av || bv) ? 1n : 0n }, e.span);
    }
    return { kind: 'logical', op: e.op, left: a, right: b, type: T.bool, category: 'rvalue', span: e.span };
  }
  const a = toRvalue(l);
  const b = toRvalue(r);
  switch (e.op) {
    case '<': case '>': case '<=': case '>=': case '==': case '!=':
      return compare(ctx, e.op, a, b, e.span);
    default:
      return arithmetic(ctx, e.op, a, b, e.span);
  }
}

function invalid(ctx: Ctx, l: CExpr, r: CExpr, span: Span): CExpr {
  ctx.report(D.invalidOperands, span, { left: typeToString(l.type), right: typeToString(r.type) });
  return errorExpr(span);
}

function fold(n: CExpr): CExpr {
  if (n.kind === 'unary' && n.operand.kind === 'const') {
    const v = foldUnary(n.op, n.operand.value, n.type);
    if (v) return constOf(n.type, v, n.span);
  }
  if (n.kind === 'binary' && n.left.kind === 'const' && n.right.kind === 'const' && n.type.kind !== 'half') {
    const v = foldBinary(n.op, n.left.value, n.right.value, n.type);
    if (v && v !== 'undefined-behaviour' && (v.kind === 'int' || n.type.kind === 'float')) return constOf(n.type, v, n.span);
  }
  if (n.kind === 'compare' && n.left.kind === 'const' && n.right.kind === 'const') return constOf(T.bool, foldCompare(n.op, n.left.value, n.right.value), n.span);
  return n;
}

/** `a op b` for the arithmetic operators, pointer arithmetic included; operands are rvalues. */
export function arithmetic(ctx: Ctx, op: ArithOp, a: CExpr, b: CExpr, span: Span): CExpr {
  if ((op === '+' || op === '-') && (a.type.kind === 'pointer' || b.type.kind === 'pointer')) return pointerArithmetic(ctx, op, a, b, span);
  if (op === '<<' || op === '>>') {
    if (!integral(a.type) || !integral(b.type)) return invalid(ctx, a, b, span);
    const lt = promote(a.type);
    const rt = promote(b.type);
    return fold({ kind: 'binary', op, left: convertImplicit(a, lt)!, right: convertImplicit(b, rt)!, type: lt, category: 'rvalue', span });
  }
  const t = arithmeticOperandType(a.type, b.type);
  if (!t) return invalid(ctx, a, b, span);
  if ((op === '%' || op === '&' || op === '|' || op === '^') && !integral(t)) return invalid(ctx, a, b, span);
  return fold({ kind: 'binary', op, left: convertImplicit(a, t)!, right: convertImplicit(b, t)!, type: t, category: 'rvalue', span });
}

function pointerArithmetic(ctx: Ctx, op: '+' | '-', a: CExpr, b: CExpr, span: Span): CExpr {
  if (a.type.kind === 'pointer' && b.type.kind === 'pointer') {
    if (op !== '-' || !sameType(unqualified(a.type.pointee), unqualified(b.type.pointee))) return invalid(ctx, a, b, span);
    if (a.type.pointee.kind === 'void') {
      ctx.report(D.voidPointerArith, span, { type: typeToString(a.type) });
      return errorExpr(span);
    }
    return { kind: 'pointer-diff', left: a, right: b, type: PTRDIFF_T, category: 'rvalue', span };
  }
  let [p, n] = a.type.kind === 'pointer' ? [a, b] : [b, a];
  if (op === '-' && p !== a) return invalid(ctx, a, b, span);
  if (!integral(n.type)) return invalid(ctx, a, b, span);
  if (p.type.kind === 'pointer' && (p.type.pointee.kind === 'void' || p.type.pointee.kind === 'function')) {
    ctx.report(D.voidPointerArith, span, { type: typeToString(p.type) });
    return errorExpr(span);
  }
  n = convertImplicit(n, promote(n.type))!;
  return { kind: 'pointer-offset', op, pointer: p, offset: n, type: p.type, category: 'rvalue', span };
}

function compare(ctx: Ctx, op: CompareOp, a: CExpr, b: CExpr, span: Span): CExpr {
  let t: Type | undefined;
  if (a.type.kind === 'pointer' || b.type.kind === 'pointer' || a.type.kind === 'nullptr' || b.type.kind === 'nullptr') {
    if (a.type.kind === 'pointer' && b.type.kind === 'pointer') {
      t = pointerCommon(a.type, b.type);
      if (!t) {
        ctx.report(D.distinctPointers, span, { left: typeToString(a.type), right: typeToString(b.type) });
        return errorExpr(span);
      }
    } else if (a.type.kind === 'pointer' && isNullPointerConstant(b)) t = a.type;
    else if (b.type.kind === 'pointer' && isNullPointerConstant(a)) t = b.type;
    else if (a.type.kind === 'nullptr' && b.type.kind === 'nullptr') t = T.nullptr;
  } else {
    t = arithmeticOperandType(a.type, b.type);
    if (!t && a.type.kind === 'enum' && sameType(a.type, b.type, false)) t = unqualified(a.type);
  }
  if (!t) return invalid(ctx, a, b, span);
  const l = convertImplicit(a, t);
  const r = convertImplicit(b, t);
  if (!l || !r) return invalid(ctx, a, b, span);
  return fold({ kind: 'compare', op, left: l, right: r, type: T.bool, category: 'rvalue', span });
}

// ----------------------------------------------------------------------------------------
// Assignment

/** Is `target` a modifiable lvalue? Reports why not. */
export function checkModifiable(ctx: Ctx, target: CExpr): boolean {
  if (target.type.kind === 'error') return false;
  if (target.kind === 'const' && target.of) {
    const v = target.of;
    ctx.report(D.assignConst, target.span, { name: v.name, type: typeToString(v.type) }, [{ message: `variable '${v.name}' declared const here`, span: v.span }]);
    return false;
  }
  if (target.category !== 'lvalue' || target.type.kind === 'array' || target.type.kind === 'function') {
    ctx.report(D.notAssignable, target.span);
    return false;
  }
  if (target.type.const) {
    if (target.kind === 'var') ctx.report(D.assignConst, target.span, { name: target.entity.name, type: typeToString(target.kind === 'var' && target.entity.type.kind === 'reference' ? target.type : target.entity.type) }, [{ message: `variable '${target.entity.name}' declared const here`, span: target.entity.span }]);
    else if (target.kind === 'builtin-var' || (target.kind === 'member' && target.base.kind === 'builtin-var')) {
      const name = target.kind === 'builtin-var' ? target.name : `${(target.base as CExpr & { kind: 'builtin-var' }).name}.${target.field.name}`;
      ctx.report(D.assignConst, target.span, { name, type: typeToString(target.type) });
    } else ctx.report(D.assignReadOnly, target.span, { type: typeToString(target.type) });
    return false;
  }
  return true;
}

const COMPOUND: Readonly<Record<string, ArithOp>> = { '*=': '*', '/=': '/', '%=': '%', '+=': '+', '-=': '-', '<<=': '<<', '>>=': '>>', '&=': '&', '^=': '^', '|=': '|' };

export function checkAssign(ctx: Ctx, e: ast.Expr & { kind: 'assign' }, scope: Scope): CExpr {
  const target = checkExpr(ctx, e.target, scope);
  const value = checkExpr(ctx, e.value, scope);
  if (target.type.kind === 'error' || value.type.kind === 'error') return errorExpr(e.span);
  if (overloadable(target.type) && (e.op !== '=' || (target.type.kind === 'record' && target.type.record.scope.lookupHere('operator=')))) {
    const r = callOperator(ctx, `operator${e.op}`, [target, value], e.span, scope);
    if (r) return r;
    if (e.op !== '=') return invalid(ctx, target, value, e.span);
  }
  if (!checkModifiable(ctx, target)) return errorExpr(e.span);
  const tt = unqualified(target.type);
  if (e.op === '=') {
    const v = convertForInit(ctx, value, tt, 'assign');
    if (v.type.kind === 'error') return errorExpr(e.span);
    return { kind: 'assign', target, value: v, type: target.type, category: 'lvalue', span: e.span };
  }
  const op = COMPOUND[e.op]!;
  const v = toRvalue(value);
  let computeType: Type | undefined;
  let cv: CExpr | undefined;
  if (tt.kind === 'pointer' && (op === '+' || op === '-')) {
    if (integral(v.type)) {
      computeType = tt;
      cv = convertImplicit(v, promote(v.type));
    }
  } else if (op === '<<' || op === '>>') {
    if (integral(tt) && integral(v.type)) {
      computeType = promote(tt);
      cv = convertImplicit(v, promote(v.type));
    }
  } else {
    computeType = arithmeticOperandType(tt, v.type);
    if (computeType && (op === '%' || op === '&' || op === '|' || op === '^') && !integral(computeType)) computeType = undefined;
    if (computeType) cv = convertImplicit(v, computeType);
  }
  if (!computeType || !cv) return invalid(ctx, target, value, e.span);
  return { kind: 'compound-assign', op, target, value: cv, computeType, type: target.type, category: 'lvalue', span: e.span };
}

export function checkIncDec(ctx: Ctx, op: '++' | '--', prefix: boolean, operand: ast.Expr, scope: Scope, span: Span): CExpr {
  const target = checkExpr(ctx, operand, scope);
  if (target.type.kind === 'error') return errorExpr(span);
  if (overloadable(target.type)) {
    const r = callOperator(ctx, `operator${op}`, prefix ? [target] : [target, constOf(T.int, { kind: 'int', value: 0n }, span)], span, scope);
    if (r) return r;
    ctx.report(D.incrementInvalid, span, { what: op === '++' ? 'increment' : 'decrement', type: typeToString(target.type) });
    return errorExpr(span);
  }
  const t = unqualified(target.type);
  if (!(isArithmetic(t) || t.kind === 'half' || (t.kind === 'pointer' && t.pointee.kind !== 'void'))) {
    ctx.report(D.incrementInvalid, span, { what: op === '++' ? 'increment' : 'decrement', type: typeToString(target.type) });
    return errorExpr(span);
  }
  if (!checkModifiable(ctx, target)) return errorExpr(span);
  const computeType = t.kind === 'pointer' || t.kind === 'half' ? t : promote(t);
  return { kind: 'incdec', op, prefix, target, computeType, type: prefix ? target.type : t, category: prefix ? 'lvalue' : 'rvalue', span };
}

