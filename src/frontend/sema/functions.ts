/**
 * Function bodies: parameters become VarEntities, methods get `this`, the body is checked
 * with the function's execution space in force, and the result is a CheckedFunction (added
 * to the program's lists; non-template kernels and requested kernel instances are kernels).
 */
import type * as ast from '../ast.js';
import type { CheckedFunction, CStmt } from './checked.js';
import { checkExpr, convertForInit } from './expressions.js';
import { construct } from './initializers.js';
import { findField } from './records.js';
import type { Ctx, FunctionState } from './context.js';
import { semaDiagnostics as D } from './diagnostics.js';
import { type FunctionEntity, type VarEntity, freshId } from './entities.js';
import { Scope } from './scope.js';
import { checkCompound, endsWithReturn } from './statements.js';
import { pointerTo, qualified, unqualified } from './types.js';

export function checkFunctionBody(ctx: Ctx, fn: FunctionEntity): CheckedFunction | undefined {
  const def = fn.definition;
  if (!def?.body || fn.state !== 'declared') return fn.checked;
  fn.state = 'checking';
  const parent = fn.bindings ?? (fn.owner ? fn.owner.record.scope : fn.scope);
  const scope = new Scope('function', parent);
  const params: VarEntity[] = [];
  for (const p of fn.params) {
    const v: VarEntity = { kind: 'var', id: freshId(), name: p.name ?? '', type: p.type, storage: 'param', space: 'local', dynamicShared: undefined, constValue: undefined, constexpr: undefined, hostOnly: undefined, decl: undefined, span: p.span };
    if (p.name) scope.declare(p.name, v);
    params.push(v);
  }
  let thisParam: VarEntity | undefined;
  const method = fn.owner && !fn.isStatic;
  if (method) {
    thisParam = { kind: 'var', id: freshId(), name: 'this', type: pointerTo(qualified(fn.owner!, { const: fn.constMethod })), storage: 'param', space: 'local', dynamicShared: undefined, constValue: undefined, constexpr: undefined, hostOnly: undefined, decl: undefined, span: def.name.span };
  }
  const state: FunctionState = {
    entity: fn, space: fn.space, result: fn.type.result, staticVars: NO_STATICS, callees: NO_CALLEES, hostOnlyUses: NO_USES,
    thisType: method ? fn.owner : undefined, thisConst: !!fn.constMethod, loops: 0, switches: [], notRunnable: ctx.hostDeclIssues.get(fn),
  };
  const saved = ctx.fn;
  const savedUneval = ctx.unevaluated;
  const savedHostDecl = ctx.hostDecl;
  const savedMuted = ctx.muted;
  ctx.fn = state;
  ctx.unevaluated = 0;
  ctx.hostDecl = 0;
  ctx.muted = 0; // a body's errors are always reported
  let body: CStmt & { kind: 'block' };
  try {
    const inits = def.memberInits?.length ? memberInits(ctx, fn, def.memberInits, scope) : [];
    body = checkCompound(ctx, def.body, scope);
    if (inits.length) body = { ...body, stmts: [...inits, ...body.stmts] };
  } finally {
    ctx.fn = saved;
    ctx.unevaluated = savedUneval;
    ctx.hostDecl = savedHostDecl;
    ctx.muted = savedMuted;
  }
  if (fn.type.result.kind !== 'void' && fn.type.result.kind !== 'error' && fn.name !== 'main' && !endsWithReturn(body) && !fn.ctor) {
    // falling off the end of a non-void function is undefined behaviour, not an error (clang warns)
  }
  const checked: CheckedFunction = {
    entity: fn, name: fn.qualifiedName, space: fn.space, params, thisParam, result: fn.type.result, body,
    staticVars: state.staticVars, callees: state.callees, templateArgs: fn.instanceOf?.args, launchBounds: fn.launchBounds,
    notRunnable: state.notRunnable, decl: def, span: def.span,
  };
  // most functions have none: a WeakMap entry per function would only cost the collector
  if (state.hostOnlyUses.length) hostOnlyUses.set(checked, state.hostOnlyUses);
  fn.checked = checked;
  fn.state = 'checked';
  ctx.checkedFunctions.push(checked);
  if (fn.space === 'global' && !fn.instanceOf) ctx.kernels.push(checked);
  return checked;
}

/**
 * A constructor's member initialisers `: a(x), b{y}` as assignments to the fields of `*this`
 * before the body (kcc's records have no non-trivial members, so that is what they do).
 * Base-class initialisers are outside the subset.
 */
function memberInits(ctx: Ctx, fn: FunctionEntity, inits: readonly ast.MemberInit[], scope: Scope): CStmt[] {
  const out: CStmt[] = [];
  for (const mi of inits) {
    const part = mi.name.parts[mi.name.parts.length - 1]!;
    const field = fn.owner && mi.name.parts.length === 1 && !part.templateArgs ? findField(fn.owner.record, part.name) : undefined;
    if (!fn.ctor || !field) {
      ctx.report(D.unsupported, mi.span, { what: 'a base class initializer' });
      continue;
    }
    const target = checkExpr(ctx, { kind: 'member', base: { kind: 'this', span: mi.span }, member: part, arrow: true, span: mi.span }, scope);
    if (target.type.kind === 'error') continue;
    if (target.type.kind === 'array' && !(mi.args.length === 0 || (mi.braces && mi.args.length === 0))) {
      ctx.report(D.unsupported, mi.span, { what: 'initializing an array member in a constructor initializer list' });
      continue;
    }
    const value = construct(ctx, unqualified(target.type), mi.args, mi.braces, scope, mi.span);
    if (value.type.kind === 'error') continue;
    const v = convertForInit(ctx, value, unqualified(target.type), 'init');
    out.push({ kind: 'expr', expr: { kind: 'assign', target, value: v, type: target.type, category: 'lvalue', span: mi.span }, span: mi.span });
  }
  return out;
}

// shared empty lists of a function's state, replaced on the first addition (most functions have none)
export const NO_STATICS: VarEntity[] = [];
export const NO_CALLEES: Set<FunctionEntity> = new Set();
export const NO_USES: FunctionState['hostOnlyUses'] = [];

export function addHostOnlyUse(state: FunctionState, use: FunctionState['hostOnlyUses'][number]): void {
  if (state.hostOnlyUses === NO_USES) state.hostOnlyUses = [];
  state.hostOnlyUses.push(use);
}

/** host-device functions' uses of host-only functions (reported if device code reaches them) */
export const hostOnlyUses = new WeakMap<CheckedFunction, FunctionState['hostOnlyUses']>();

/** Make a template instance of a kernel one of the program's kernels (once). */
export function requestKernel(ctx: Ctx, inst: FunctionEntity): void {
  const c = inst.checked;
  if (c && !ctx.kernels.includes(c)) ctx.kernels.push(c);
}
