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
import type { FunctionState } from './context.js';

/**
 * Per-pass marks on function entities: a byte per entity id in the range the program's
 * functions span (ids are dense per compilation), a Map for anything outside it. Cheaper than
 * Sets and Maps of thousands of entities.
 */
class Marks {
  private readonly lo: number;
  private readonly bytes: Uint8Array;
  private readonly other = new Map<FunctionEntity, number>();
  constructor(fns: readonly CheckedFunction[], more?: readonly CheckedFunction[]) {
    let lo = Infinity;
    let hi = -Infinity;
    for (const list of more ? [fns, more] : [fns]) {
      for (let i = 0; i < list.length; i++) {
        const id = list[i]!.entity.id;
        if (id < lo) lo = id;
        if (id > hi) hi = id;
      }
    }
    this.lo = lo === Infinity ? 0 : lo;
    this.bytes = new Uint8Array(lo === Infinity ? 0 : hi - lo + 1);
  }
  get(f: FunctionEntity): number {
    const i = f.id - this.lo;
    return i >= 0 && i < this.bytes.length ? this.bytes[i]! : (this.other.get(f) ?? 0);
  }
  set(f: FunctionEntity, v: number): void {
    const i = f.id - this.lo;
    if (i >= 0 && i < this.bytes.length) this.bytes[i] = v;
    else this.other.set(f, v);
  }
}

const SEEN = 1;
const KERNEL = 2;

/** Device functions reachable from the kernels, callers before callees, each once. */
export function reachableDeviceFunctions(kernels: readonly CheckedFunction[], all?: readonly CheckedFunction[]): CheckedFunction[] {
  const marks = new Marks(kernels, all);
  for (let i = 0; i < kernels.length; i++) {
    const e = kernels[i]!.entity;
    marks.set(e, marks.get(e) | KERNEL);
  }
  const out: CheckedFunction[] = [];
  const stack: CheckedFunction[] = [];
  for (let i = kernels.length - 1; i >= 0; i--) stack.push(kernels[i]!);
  while (stack.length) {
    const f = stack.pop()!;
    const m = marks.get(f.entity);
    if (m & SEEN) continue;
    marks.set(f.entity, m | SEEN);
    if (!(m & KERNEL)) out.push(f);
    if (f.callees.size === 0) continue;
    const callees = Array.from(f.callees);
    for (let i = callees.length - 1; i >= 0; i--) {
      const c = callees[i]!;
      if (c.checked && c.space !== 'host' && !(marks.get(c) & SEEN)) stack.push(c.checked);
    }
  }
  return out;
}

const NO_USES: FunctionState['hostOnlyUses'] = [];

export function checkDeviceRules(ctx: Ctx, kernels: readonly CheckedFunction[], functions: readonly CheckedFunction[]): void {
  for (const f of functions) {
    if (f.space !== 'host-device') continue;
    for (const use of hostOnlyUses.get(f) ?? NO_USES) {
      ctx.report(D.hostFromDevice, use.span, { name: use.name, space: '__host__ __device__' }, [
        ...(use.decl ? [{ message: `'${use.name}' declared here`, span: use.decl }] : []),
        { message: `'${f.name}' is called from device code`, span: f.decl.name.span },
      ]);
    }
  }
  findRecursion(ctx, kernels, functions);
}

const ON_STACK = 1;
const DONE = 2;
const REPORTED = 4;

function findRecursion(ctx: Ctx, kernels: readonly CheckedFunction[], functions: readonly CheckedFunction[]): void {
  const marks = new Marks(kernels, functions);
  const path: FunctionEntity[] = [];
  const visit = (f: FunctionEntity): void => {
    marks.set(f, (marks.get(f) & REPORTED) | ON_STACK);
    path.push(f);
    if (f.checked) {
      for (const c of f.checked.callees) {
        if (c.space === 'host') continue;
        const s = marks.get(c);
        if (s & ON_STACK) {
          if (!(s & REPORTED)) {
            marks.set(c, s | REPORTED);
            const cycle = path.slice(path.indexOf(c) + 1);
            const via = cycle.length ? ` (through ${cycle.map((x) => `'${x.qualifiedName}'`).join(', ')})` : '';
            ctx.report(D.recursion, c.decl.name.span, { name: c.qualifiedName, via });
          }
        } else if (!(s & (ON_STACK | DONE)) && c.checked) visit(c);
      }
    }
    path.pop();
    marks.set(f, (marks.get(f) & REPORTED) | DONE);
  };
  for (const list of [kernels, functions]) {
    for (const f of list) if (!(marks.get(f.entity) & (ON_STACK | DONE))) visit(f.entity);
  }
}
