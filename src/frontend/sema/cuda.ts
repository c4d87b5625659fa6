/**
 * Whole-program CUDA rules, checked once every function has been checked:
 *
 *  - reachability: the device functions (and template instances) reachable from the kernels
 *    are the program's `functions`;
 *  - a `__host__ __device__` function reachable from device code may not use host-only
 *    functions (reported at the use, as nvcc does when it compiles the device side);
 *  - recursion among device functions is outside the subset (a cycle in the call graph).
 */
import type { CheckedFunction } from './checked.js';
import type { Ctx } from './context.js';
import { semaDiagnostics as D } from './diagnostics.js';
import type { FunctionEntity } from './entities.js';
import { hostOnlyUses } from './functions.js';

/** Device functions reachable from the kernels, callers before callees, each once. */
export function reachableDeviceFunctions(kernels: readonly CheckedFunction[]): CheckedFunction[] {
  const seen = new Set<FunctionEntity>();
  const isKernel = new Set(kernels.map((k) => k.entity));
  const out: CheckedFunction[] = [];
  const stack = [...kernels].reverse();
  while (stack.length) {
    const f = stack.pop()!;
    if (seen.has(f.entity)) continue;
    seen.add(f.entity);
    if (!isKernel.has(f.entity)) out.push(f);
    const callees = Array.from(f.callees);
    for (let i = callees.length - 1; i >= 0; i--) {
      const c = callees[i]!;
      if (c.checked && c.space !== 'host' && !seen.has(c)) stack.push(c.checked);
    }
  }
  return out;
}

export function checkDeviceRules(ctx: Ctx, kernels: readonly CheckedFunction[], functions: readonly CheckedFunction[]): void {
  for (const f of functions) {
    if (f.space !== 'host-device') continue;
    for (const use of hostOnlyUses.get(f) ?? []) {
      ctx.report(D.hostFromDevice, use.span, { name: use.name, space: '__host__ __device__' }, [
        ...(use.decl ? [{ message: `'${use.name}' declared here`, span: use.decl }] : []),
        { message: `'${f.name}' is called from device code`, span: f.decl.name.span },
      ]);
    }
  }
  findRecursion(ctx, [...kernels, ...functions]);
}

function findRecursion(ctx: Ctx, fns: readonly CheckedFunction[]): void {
  const state = new Map<FunctionEntity, 1 | 2>(); // 1: on the stack, 2: done
  const path: FunctionEntity[] = [];
  const reported = new Set<FunctionEntity>();
  const visit = (f: FunctionEntity): void => {
    state.set(f, 1);
    path.push(f);
    for (const c of f.checked?.callees ?? []) {
      if (c.space === 'host') continue;
      const s = state.get(c);
      if (s === 1) {
        if (!reported.has(c)) {
          reported.add(c);
          const cycle = path.slice(path.indexOf(c) + 1);
          const via = cycle.length ? ` (through ${cycle.map((x) => `'${x.qualifiedName}'`).join(', ')})` : '';
          ctx.report(D.recursion, c.decl.name.span, { name: c.qualifiedName, via });
        }
      } else if (s === undefined && c.checked) visit(c);
    }
    path.pop();
    state.set(f, 2);
  };
  for (const f of fns) if (!state.has(f.entity)) visit(f.entity);
}
