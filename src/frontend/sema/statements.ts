/**
 * Statements: blocks with their scopes, declarations, `if`/`for`/`while`/`do`/`switch`
 * (conditions converted to bool, switch conditions promoted, case labels folded and checked
 * for duplicates), `break`/`continue` placement, `return` converted to the result type,
 * `#pragma unroll` counts evaluated, range-for over arrays (rewritten as an index loop), and
 * what is outside the subset (`goto`, inline `asm`, `try`) diagnosed in device code.
 */
import type * as ast from '../ast.js';
import type { Span } from '../../support/source.js';
import { constInt, errorExpr } from './build.js';
import type { CExpr, CStmt, Unroll } from './checked.js';
import type { Ctx, SwitchState } from './context.js';
import { convertImplicit, promote, toRvalue } from './conversions.js';
import { semaDiagnostics as D } from './diagnostics.js';
import { declareDecl } from './declarations.js';
import { freshId, type VarEntity } from './entities.js';
import { checkCondition, checkExpr, convertForInit } from './expressions.js';
import { Scope } from './scope.js';
import { constantInteger } from './typeresolve.js';
import { SIZE_T, T, integerRepr, referenceTo, typeToString, unqualified } from './types.js';
import { declareLocalVariable } from './variables.js';

export function checkCompound(ctx: Ctx, s: ast.CompoundStmt, scope: Scope): CStmt & { kind: 'block' } {
  const inner = new Scope('block', scope);
  const stmts: CStmt[] = [];
  for (const st of s.stmts) {
    if (ctx.diags.limitReached) break;
    const c = checkStmt(ctx, st, inner);
    if (c) stmts.push(c);
  }
  return { kind: 'block', stmts, span: s.span };
}

/** `stmt`, preceded (in a block) by the init-statement and condition declaration when present. */
function withPre(init: CStmt | undefined, decl: CStmt | undefined, stmt: CStmt, span: Span): CStmt {
  if (!init && !decl) return stmt;
  const stmts: CStmt[] = [];
  if (init) stmts.push(init);
  if (decl) stmts.push(decl);
  stmts.push(stmt);
  return { kind: 'block', stmts, span };
}

function block(stmts: CStmt[], span: Span): CStmt {
  return stmts.length === 1 ? stmts[0]! : { kind: 'block', stmts, span };
}

/** A substatement that gets a scope of its own (the body of an if/loop). */
function sub(ctx: Ctx, s: ast.Stmt, scope: Scope): CStmt {
  if (s.kind === 'compound') return checkCompound(ctx, s, scope);
  // only a declaration statement declares into the substatement's scope: the others share ours
  return checkStmt(ctx, s, NO_DECLS.has(s.kind) ? scope : new Scope('block', scope)) ?? { kind: 'empty', span: s.span };
}

/** statement kinds that declare nothing in the scope they are checked in (if/for open their own) */
const NO_DECLS: ReadonlySet<string> = new Set(['expr', 'if', 'for', 'while', 'do', 'return', 'break', 'continue', 'empty']);

function outside(ctx: Ctx, span: Span, what: string, def: (typeof D)[keyof typeof D], args: Record<string, string> = {}): CStmt | undefined {
  if (ctx.fn?.space === 'host') ctx.markNotRunnable(`uses ${what}`);
  else ctx.report(def, span, args);
  return undefined;
}

export function checkStmt(ctx: Ctx, s: ast.Stmt, scope: Scope): CStmt | undefined {
  switch (s.kind) {
    case 'compound': return checkCompound(ctx, s, scope);
    case 'expr': return { kind: 'expr', expr: checkExpr(ctx, s.expr, scope), span: s.span };
    case 'decl': {
      const out: CStmt[] = [];
      for (const d of s.decls) {
        if (d.kind === 'var') {
          const v = declareLocalVariable(ctx, d, scope);
          if (v) out.push(v);
        } else if (d.kind === 'function' && d.body) {
          ctx.report(D.unsupported, d.span, { what: 'a function definition inside a function' });
        } else declareDecl(ctx, d, scope);
      }
      return out.length ? block(out, s.span) : undefined;
    }
    case 'if': {
      // a scope of its own only for an init-statement or a condition declaration
      const inner = s.init || s.cond.kind === 'var' ? new Scope('block', scope) : scope;
      const init = s.init ? checkStmt(ctx, s.init, inner) : undefined;
      const { decl, cond } = condition(ctx, s.cond, inner);
      let then: CStmt;
      let els: CStmt | undefined;
      if (s.constexpr && cond.kind === 'const') {
        // `if constexpr`: only the taken branch is checked (it may not compile for other instances)
        const taken = cond.value.value !== 0n;
        then = taken ? sub(ctx, s.then, inner) : { kind: 'empty', span: s.then.span };
        els = !taken && s.else ? sub(ctx, s.else, inner) : undefined;
      } else {
        then = sub(ctx, s.then, inner);
        els = s.else ? sub(ctx, s.else, inner) : undefined;
      }
      const ifs: CStmt = { kind: 'if', cond, then, else: els, span: s.span };
      return withPre(init, decl, ifs, s.span);
    }
    case 'for': {
      const inner = new Scope('block', scope);
      const init = s.init ? checkStmt(ctx, s.init, inner) : undefined;
      let cond: CExpr | undefined;
      if (s.cond) {
        if (s.cond.kind === 'var') ctx.report(D.unsupported, s.cond.span, { what: 'a declaration as a for condition' });
        else cond = checkCondition(ctx, s.cond, inner);
      }
      const step = s.step ? checkExpr(ctx, s.step, inner) : undefined;
      const body = loopBody(ctx, s.body, inner);
      const unroll = pragmas(ctx, s.pragmas, scope);
      // one fixed shape (absent parts undefined)
      return { kind: 'for', init, cond, step, body, unroll, span: s.span };
    }
    case 'while': {
      if (s.cond.kind === 'var') {
        ctx.report(D.unsupported, s.cond.span, { what: 'a declaration as a while condition' });
        return undefined;
      }
      const cond = checkCondition(ctx, s.cond, scope);
      const body = loopBody(ctx, s.body, scope);
      const unroll = pragmas(ctx, s.pragmas, scope);
      return unroll ? { kind: 'while', cond, body, unroll, span: s.span } : { kind: 'while', cond, body, span: s.span };
    }
    case 'do': {
      const body = loopBody(ctx, s.body, scope);
      const cond = checkCondition(ctx, s.cond, scope);
      const unroll = pragmas(ctx, s.pragmas, scope);
      return unroll ? { kind: 'do', body, cond, unroll, span: s.span } : { kind: 'do', body, cond, span: s.span };
    }
    case 'range-for': return rangeFor(ctx, s, scope);
    case 'switch': return checkSwitch(ctx, s, scope);
    case 'case': {
      const sw = ctx.fn?.switches[ctx.fn.switches.length - 1];
      if (!sw) {
        ctx.report(D.caseOutsideSwitch, s.span, { what: 'case' });
        return checkStmt(ctx, s.body, scope);
      }
      if (s.high) ctx.report(D.unsupported, s.high.span, { what: 'a case range' });
      const v = constantInteger(ctx, s.value, scope, 'case value');
      const body = checkStmt(ctx, s.body, scope) ?? { kind: 'empty', span: s.body.span };
      if (v === undefined) return body;
      const value = wrapToSwitch(v, sw);
      const prev = sw.values.get(value);
      if (prev) ctx.report(D.duplicateCase, s.value.span, { value: value.toString() }, [{ message: 'previous case defined here', span: prev }]);
      else sw.values.set(value, s.value.span);
      return { kind: 'case', value, body, span: s.span };
    }
    case 'default': {
      const sw = ctx.fn?.switches[ctx.fn.switches.length - 1];
      if (!sw) ctx.report(D.caseOutsideSwitch, s.span, { what: 'default' });
      else sw.hasDefault = true;
      return { kind: 'default', body: checkStmt(ctx, s.body, scope) ?? { kind: 'empty', span: s.body.span }, span: s.span };
    }
    case 'label':
      // a label is only useful with goto, which is diagnosed; keep the statement
      return checkStmt(ctx, s.body, scope);
    case 'goto': return outside(ctx, s.span, "'goto'", D.gotoUnsupported);
    case 'break':
      if (!ctx.fn || (ctx.fn.loops === 0 && ctx.fn.switches.length === 0)) ctx.report(D.breakOutside, s.span);
      return { kind: 'break', span: s.span };
    case 'continue':
      if (!ctx.fn || ctx.fn.loops === 0) ctx.report(D.continueOutside, s.span);
      return { kind: 'continue', span: s.span };
    case 'return': return checkReturn(ctx, s, scope);
    case 'asm': return outside(ctx, s.span, 'inline assembly', D.asmUnsupported);
    case 'unsupported': return outside(ctx, s.span, s.what, s.what.includes('try') || s.what.includes('catch') ? D.exceptionsUnsupported : D.unsupported, { what: s.what });
    case 'empty': return { kind: 'empty', span: s.span };
  }
}

function condition(ctx: Ctx, c: ast.Expr | ast.VarDecl, scope: Scope): { decl?: CStmt; cond: CExpr } {
  if (c.kind !== 'var') return { cond: checkCondition(ctx, c, scope) };
  const decl = declareLocalVariable(ctx, c, scope);
  if (!decl || decl.kind !== 'var') return { cond: errorExpr(c.span) };
  const ref: CExpr = { kind: 'var', entity: decl.entity, type: decl.entity.type, category: 'lvalue', span: c.nameSpan };
  const b = convertImplicit(ref, T.bool);
  if (!b) ctx.report(D.notBool, c.span, { type: typeToString(decl.entity.type) });
  return { decl, cond: b ?? errorExpr(c.span) };
}

function loopBody(ctx: Ctx, s: ast.Stmt, scope: Scope): CStmt {
  const fn = ctx.fn;
  if (fn) fn.loops++;
  try {
    return sub(ctx, s, scope);
  } finally {
    if (fn) fn.loops--;
  }
}

function pragmas(ctx: Ctx, list: readonly ast.LoopPragma[], scope: Scope): Unroll | undefined {
  let out: Unroll | undefined;
  for (const p of list) {
    if (p.kind === 'nounroll') out = { count: 1, span: p.span };
    else if (!p.count) out = { span: p.span };
    else {
      const n = constantInteger(ctx, p.count, scope, "'#pragma unroll' count");
      if (n !== undefined) {
        if (n <= 0n) ctx.report(D.arraySizeInvalid, p.count.span, { size: n.toString() });
        else out = { count: Number(n), span: p.span };
      }
    }
  }
  return out;
}

function wrapToSwitch(v: bigint, sw: SwitchState): bigint {
  const r = integerRepr(sw.type);
  if (!r || r.kind === 'bool') return v;
  return r.signed ? BigInt.asIntN(r.bits, v) : BigInt.asUintN(r.bits, v);
}

function checkSwitch(ctx: Ctx, s: ast.Stmt & { kind: 'switch' }, scope: Scope): CStmt {
  const inner = new Scope('block', scope);
  const init = s.init ? checkStmt(ctx, s.init, inner) : undefined;
  let cond: CExpr;
  let decl: CStmt | undefined;
  if (s.cond.kind === 'var') {
    decl = declareLocalVariable(ctx, s.cond, inner);
    cond = decl?.kind === 'var' ? toRvalue({ kind: 'var', entity: decl.entity, type: decl.entity.type, category: 'lvalue', span: s.cond.nameSpan }) : errorExpr(s.cond.span);
  } else cond = toRvalue(checkExpr(ctx, s.cond, inner));
  const ct = unqualified(cond.type);
  if (ct.kind !== 'error') {
    if (!integerRepr(ct)) {
      ctx.report(D.switchNotInteger, cond.span, { type: typeToString(cond.type) });
      cond = errorExpr(cond.span);
    } else cond = convertImplicit(cond, promote(ct)) ?? cond;
  }
  const state: SwitchState = { values: new Map<bigint, Span>(), hasDefault: false, type: cond.type };
  const fnState = ctx.fn;
  fnState?.switches.push(state);
  let body: CStmt;
  try {
    body = sub(ctx, s.body, inner);
  } finally {
    fnState?.switches.pop();
  }
  const sw: CStmt = { kind: 'switch', cond, body, cases: [...state.values.keys()], hasDefault: state.hasDefault, span: s.span };
  return withPre(init, decl, sw, s.span);
}

function checkReturn(ctx: Ctx, s: ast.Stmt & { kind: 'return' }, scope: Scope): CStmt {
  const fn = ctx.fn;
  if (!fn) return { kind: 'return', span: s.span };
  const result = fn.result;
  const name = fn.entity.qualifiedName;
  if (!s.value) {
    if (result.kind !== 'void' && result.kind !== 'error' && !fn.entity.ctor) ctx.report(D.returnMissingValue, s.span, { name });
    return { kind: 'return', span: s.span };
  }
  const v = checkExpr(ctx, s.value, scope);
  if (result.kind === 'void') {
    if (v.type.kind !== 'void' && v.type.kind !== 'error') ctx.report(D.returnVoidValue, s.value.span, { name });
    return { kind: 'block', stmts: [{ kind: 'expr', expr: v, span: s.value.span }, { kind: 'return', span: s.span }], span: s.span };
  }
  return { kind: 'return', value: convertForInit(ctx, v, result, 'return'), span: s.span };
}

/** `for (T x : arr)` over an array: `for (size_t i = 0; i < N; ++i) { T x = arr[i]; body }`. */
function rangeFor(ctx: Ctx, s: ast.Stmt & { kind: 'range-for' }, scope: Scope): CStmt | undefined {
  const inner = new Scope('block', scope);
  const range = checkExpr(ctx, s.range, inner);
  if (range.type.kind === 'error') return undefined;
  if (range.type.kind !== 'array' || range.type.size === undefined || range.category !== 'lvalue') {
    ctx.report(D.rangeForUnsupported, s.range.span, { type: typeToString(range.type) });
    return undefined;
  }
  const span = s.span;
  const i: VarEntity = { kind: 'var', id: freshId(), name: '__i', type: SIZE_T, storage: 'local', space: 'local', dynamicShared: undefined, constValue: undefined, constexpr: undefined, hostOnly: undefined, decl: undefined, span };
  const iRef: CExpr = { kind: 'var', entity: i, type: SIZE_T, category: 'lvalue', span };
  const base = toRvalue(range);
  const elem: CExpr = { kind: 'index', base, index: toRvalue(iRef), type: range.type.element, category: 'lvalue', span };
  const bodyScope = new Scope('block', inner);
  // bind the loop variable to the element: a reference, or a copy
  const declared = s.decl;
  const v = declareLocalVariableFromElement(ctx, declared, bodyScope, elem);
  ctx.fn && ctx.fn.loops++;
  const body = sub(ctx, s.body, bodyScope);
  ctx.fn && ctx.fn.loops--;
  const cond: CExpr = { kind: 'compare', op: '<', left: toRvalue(iRef), right: constInt(SIZE_T, BigInt(range.type.size), span), type: T.bool, category: 'rvalue', span };
  const step: CExpr = { kind: 'incdec', op: '++', prefix: true, target: iRef, computeType: SIZE_T, type: SIZE_T, category: 'lvalue', span };
  const unroll = pragmas(ctx, s.pragmas, scope);
  return {
    kind: 'for', init: { kind: 'var', entity: i, init: constInt(SIZE_T, 0n, span), span }, cond, step,
    body: { kind: 'block', stmts: v ? [v, body] : [body], span }, ...(unroll ? { unroll } : {}), span,
  };
}

function declareLocalVariableFromElement(ctx: Ctx, d: ast.VarDecl, scope: Scope, elem: CExpr): CStmt | undefined {
  const isRef = d.type.kind === 'reference';
  const isAutoType = (d.type.kind === 'builtin' && d.type.name === 'auto') || (d.type.kind === 'reference' && d.type.referent.kind === 'builtin' && d.type.referent.name === 'auto');
  const type = isAutoType ? (isRef ? referenceTo(d.type.kind === 'reference' && d.type.referent.const ? { ...elem.type, const: true } : elem.type) : unqualified(elem.type)) : undefined;
  const entity: VarEntity = {
    kind: 'var', id: freshId(), name: d.name, type: type ?? elem.type, storage: 'local', space: 'local', dynamicShared: undefined, constValue: undefined, constexpr: undefined, hostOnly: undefined, decl: d, span: d.nameSpan,
  };
  if (!type) {
    const dummy = declareLocalVariable(ctx, { ...d, init: undefined }, new Scope('block', scope));
    if (!dummy || dummy.kind !== 'var') return undefined;
    entity.type = dummy.entity.type;
  }
  scope.declare(d.name, entity);
  const init = convertForInit(ctx, elem, entity.type, 'init');
  return { kind: 'var', entity, init, span: d.span };
}

/** Does a block end in a return on every path it can fall off? (conservative) */
export function endsWithReturn(b: CStmt): boolean {
  if (b.kind === 'return') return true;
  if (b.kind === 'block') return b.stmts.length > 0 && endsWithReturn(b.stmts[b.stmts.length - 1]!);
  if (b.kind === 'if') return !!b.else && endsWithReturn(b.then) && endsWithReturn(b.else);
  return false;
}
