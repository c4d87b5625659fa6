/**
 * Function bodies: parameters become VarEntities, methods get `this`, the body is checked
 * with the function's execution space in force, and the result is a CheckedFunction (added
 * to the program's lists; non-template kernels and requested kernel instances are kernels).
 */
import type { CheckedFunction, CStmt } from './checked.js';
import type { Ctx, FunctionState } from './context.js';
import { semaDiagnostics as D } from './diagnostics.js';
import { type FunctionEntity, type VarEntity, freshId } from './entities.js';
import { Scope } from './scope.js';
import { checkCompound, endsWithReturn } from './statements.js';
import { pointerTo, qualified } from './types.js';

export function checkFunctionBody(ctx: Ctx, fn: FunctionEntity): CheckedFunction | undefined {
  const def = fn.definition;
  if (!def?.body || fn.state !== 'declared') return fn.checked;
  fn.state = 'checking';
  const parent = fn.bindings ?? (fn.owner ? fn.owner.record.scope : fn.scope);
  const scope = new Scope('function', parent);
  const params: VarEntity[] = fn.params.map((p) => {
    const v: VarEntity = { kind: 'var', id: freshId(), name: p.name ?? '', type: p.type, storage: 'param', space: 'local', span: p.span };
    if (p.name) scope.declare(p.name, v);
    return v;
  });
  let thisParam: VarEntity | undefined;
  const method = fn.owner && !fn.isStatic;
  if (method) {
    thisParam = { kind: 'var', id: freshId(), name: 'this', type: pointerTo(qualified(fn.owner!, { const: fn.constMethod })), storage: 'param', space: 'local', span: def.name.span };
  }
  const state: FunctionState = {
    entity: fn, space: fn.space, result: fn.type.result, staticVars: [], callees: new Set(), hostOnlyUses: [],
    thisType: method ? fn.owner : undefined, thisConst: !!fn.constMethod, loops: 0, switches: [], notRunnable: undefined,
  };
  const saved = ctx.fn;
  const savedUneval = ctx.unevaluated;
  ctx.fn = state;
  ctx.unevaluated = 0;
  let body: CStmt & { kind: 'block' };
  try {
    body = checkCompound(ctx, def.body, scope);
    if (def.memberInits?.length) ctx.report(D.unsupported, def.memberInits[0]!.span, { what: 'a constructor initializer list' });
  } finally {
    ctx.fn = saved;
    ctx.unevaluated = savedUneval;
  }
  if (fn.type.result.kind !== 'void' && fn.type.result.kind !== 'error' && fn.name !== 'main' && !endsWithReturn(body) && !fn.ctor) {
    // falling off the end of a non-void function is undefined behaviour, not an error (clang warns)
  }
  const checked: CheckedFunction = {
    entity: fn, name: fn.qualifiedName, space: fn.space, params, thisParam, result: fn.type.result, body,
    staticVars: state.staticVars, callees: state.callees, templateArgs: fn.instanceOf?.args, launchBounds: fn.launchBounds,
    notRunnable: state.notRunnable, decl: def, span: def.span,
  };
  hostOnlyUses.set(checked, state.hostOnlyUses);
  fn.checked = checked;
  fn.state = 'checked';
  ctx.checkedFunctions.push(checked);
  if (fn.space === 'global' && !fn.instanceOf) ctx.kernels.push(checked);
  return checked;
}

/** host-device functions' uses of host-only functions (reported if device code reaches them) */
export const hostOnlyUses = new WeakMap<CheckedFunction, FunctionState['hostOnlyUses']>();

/** Make a template instance of a kernel one of the program's kernels (once). */
export function requestKernel(ctx: Ctx, inst: FunctionEntity): void {
  const c = inst.checked;
  if (c && !ctx.kernels.includes(c)) ctx.kernels.push(c);
}
