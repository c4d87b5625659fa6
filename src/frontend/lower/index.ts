/**
 * Lowering from the checked tree (frontend/sema/checked.ts) to KIR (src/ir): every kernel of
 * the program, the device functions they reach and the `__device__`/`__constant__`/`__shared__`
 * globals, as one module that passes `verifyModule`.
 *
 *   const { module, kernels } = lowerProgram(program, diags);
 *   const r = lowerSource(text, { filename: 'saxpy.cu' });   // frontend + lowering, for tests
 *
 * Locals start as `alloca` slots in the entry block (mem2reg promotes them later), control
 * flow stays structured (statements.ts), and every op carries the user-visible source
 * location of the checked node it came from. Kernels are named by their public name made
 * into a KIR symbol (`reduce<float, 256>` → `@reduce_float_256`); `kernels[].name` keeps the
 * public name. A construct that cannot be lowered is a diagnostic (diagnostics.ts).
 */
import * as ir from '../../ir/index.js';
import type { DiagnosticBag } from '../../support/diagnostics/index.js';
import { type FrontendOptions, type FrontendResult, runFrontend } from '../index.js';
import type { CExpr, CStmt, CheckedFunction, CheckedProgram, ConstInit } from '../sema/checked.js';
import type { VarEntity } from '../sema/entities.js';
import { foldInit } from '../sema/variables.js';
import { LowerCtx } from './context.js';
import { lowerDiagnostics as D } from './diagnostics.js';
import { bytesInit, needsBytes } from './initbytes.js';
import { lowerStmt } from './statements.js';

export { lowerDiagnostics } from './diagnostics.js';

export interface LoweredKernel {
  /** public name, e.g. 'reduce<float, 256>' */
  name: string;
  /** KIR function name */
  func: string;
  params: { name: string; type: ir.Type }[];
}

export interface LowerResult {
  module: ir.Module;
  kernels: LoweredKernel[];
}

export interface LowerOptions {
  /** only these kernels (public names); default: every kernel of the program */
  kernels?: string[];
}

export function lowerProgram(program: CheckedProgram, diags: DiagnosticBag, opts: LowerOptions = {}): LowerResult {
  const m = new ir.Module();
  const c = new LowerCtx(m, diags);
  let kernels: CheckedFunction[] = [...program.kernels];
  if (opts.kernels) {
    kernels = [];
    for (const name of opts.kernels) {
      const k = program.kernels.find((x) => x.name === name) ?? program.kernel(name);
      if (k) kernels.push(k);
      else diags.report(D.unknownKernel, undefined, { name });
    }
  }
  // reachable device functions
  const fns: CheckedFunction[] = [];
  const seen = new Set<CheckedFunction>();
  const visit = (f: CheckedFunction) => {
    for (const callee of f.callees) {
      const cf = callee.checked ?? program.functions.find((x) => x.entity === callee);
      if (!cf || seen.has(cf)) continue;
      seen.add(cf);
      fns.push(cf);
      visit(cf);
    }
  };
  kernels.forEach(visit);

  try {
    lowerGlobals(c, program);
    const out: LoweredKernel[] = [];
    const declared: [CheckedFunction, ir.Func][] = [];
    for (const k of kernels) {
      const f = declare(c, k, 'kernel');
      declared.push([k, f]);
      out.push({ name: k.name, func: f.name, params: f.params.map((p, i) => ({ name: k.params[i]?.name ?? `p${i}`, type: p.type })) });
    }
    for (const fn of fns) declared.push([fn, declare(c, fn, 'device')]);
    for (const [cf, f] of declared) lowerBody(c, cf, f);
    return { module: m, kernels: out };
  } catch (err) {
    diags.report(D.internal, undefined, { message: (err as Error).message });
    return { module: m, kernels: [] };
  }
}

function lowerGlobals(c: LowerCtx, program: CheckedProgram): void {
  for (const g of program.globals) {
    const v = g.entity;
    if (v.dynamicShared || v.hostOnly) continue;
    const space = v.space === 'shared' ? 'shared' : v.space === 'constant' ? 'constant' : 'global';
    const t = c.ty(v.type, g.span);
    const init = space === 'shared' || !g.value ? undefined : needsBytes(v.type) ? bytesInit(v.type, t, g.value) : toInit(g.value, t);
    const kg = ir.addGlobal(c.module, c.symbol(v.name), space, t, init);
    kg.loc = c.loc(g.span);
    c.globals.set(v, kg);
  }
}

function toInit(v: ConstInit, t: ir.Type): ir.Init {
  if (v.kind === 'zero') return 'zero';
  if (v.kind === 'aggregate') {
    const n = t.kind === 'struct' ? t.fields.length : t.kind === 'array' || t.kind === 'vec' ? t.len : v.items.length;
    return Array.from({ length: n }, (_, i) => {
      const et = ir.memberType(t, i) ?? ir.i32;
      const item = v.items[i];
      return item ? toInit(item, et) : zeroInit(et);
    });
  }
  if (v.kind === 'int') {
    if (ir.isFloat(t)) return Number(v.value);
    if (ir.isInt(t) && t.bits === 64) return v.value;
    return Number(v.value);
  }
  if (ir.isInt(t)) return t.bits === 64 ? BigInt(Math.trunc(v.value)) : Math.trunc(v.value);
  return t === ir.f32 ? Math.fround(v.value) : v.value;
}

function zeroInit(t: ir.Type): ir.Init {
  if (t.kind === 'int' && t.bits === 64) return 0n;
  if (ir.isScalar(t)) return 0;
  return 'zero';
}

function declare(c: LowerCtx, cf: CheckedFunction, kind: 'kernel' | 'device'): ir.Func {
  const rt = kind === 'kernel' ? ir.voidT : c.ty(cf.result, cf.span);
  const f = c.module.addFunc(new ir.Func(c.symbol(cf.name), kind, rt));
  f.loc = c.loc(cf.span);
  if (cf.thisParam) f.addParam(c.ty(cf.thisParam.type, cf.span), 'this');
  for (const p of cf.params) {
    let t = c.ty(p.type, p.span);
    // kernel pointers come from the host: global memory
    if (kind === 'kernel' && t.kind === 'ptr' && t.space === 'generic') t = ir.ptr('global', t.pointee);
    const restrict = p.type.kind === 'pointer' && !!p.type.restrict;
    f.addParam(t, p.name || undefined, restrict ? { noalias: true } : {});
  }
  if (cf.entity.forceinline) f.attrs.forceinline = true;
  if (cf.entity.noinline) f.attrs.noinline = true;
  if (kind === 'kernel' && cf.launchBounds) f.attrs.launch_bounds = cf.launchBounds.maxThreads;
  c.funcs.set(cf.entity, f);
  return f;
}

function lowerBody(c: LowerCtx, cf: CheckedFunction, f: ir.Func): void {
  const entry = new ir.Region();
  c.fn = { func: f, resultType: f.resultType, vars: new Map(), entry, stack: [] };
  c.b = new ir.Builder(f.body, c.loc(cf.span));
  let k = 0;
  if (cf.thisParam) {
    c.fn.self = f.params[k]!;
    c.fn.vars.set(cf.thisParam, f.params[k++]!);
  }
  for (const p of cf.params) {
    const pv = f.params[k++]!;
    if (p.type.kind === 'reference') {
      c.fn.vars.set(p, pv);
      continue;
    }
    const t = c.ty(p.type, p.span);
    const slot = c.alloca(t, p.name || undefined);
    c.b.store(c.coerce(pv, t), slot);
    c.fn.vars.set(p, slot);
  }
  const inits = staticInits(cf);
  for (const v of cf.staticVars) {
    if (v.dynamicShared) continue;
    const t = c.ty(v.type, v.span);
    let init: ir.Init | undefined;
    if (v.space !== 'shared') {
      // a function-scope static is one module global, initialised once (CUDA allows only
      // constant initialisers for them in device code, so sema's folding decides)
      const e = inits.get(v);
      const value = e ? foldInit(e) : undefined;
      if (e && !value) c.error(D.staticInit, v.span, { name: v.name });
      init = value ? (needsBytes(v.type) ? bytesInit(v.type, t, value) : toInit(value, t)) : 'zero';
    }
    const g = ir.addGlobal(c.module, c.symbol(`${cf.name}.${v.name}`), v.space === 'shared' ? 'shared' : 'global', t, init);
    g.loc = c.loc(v.span);
    c.globals.set(v, g);
  }
  lowerStmt(c, cf.body);
  if (!f.body.terminator) {
    c.at(cf.body.span);
    if (f.resultType === ir.voidT) c.b.return();
    else c.b.return(c.b.zero(f.resultType));
  }
  // the entry block's allocas go first
  for (const op of entry.ops) op.parent = f.body;
  f.body.ops.unshift(...entry.ops);
}

/** the initialisers of a function's static variables (their `var` statements in the body) */
function staticInits(cf: CheckedFunction): Map<VarEntity, CExpr> {
  const out = new Map<VarEntity, CExpr>();
  if (!cf.staticVars.length) return out;
  const want = new Set(cf.staticVars);
  const walk = (s: CStmt | undefined): void => {
    if (!s) return;
    switch (s.kind) {
      case 'block': s.stmts.forEach(walk); return;
      case 'var': if (want.has(s.entity) && s.init) out.set(s.entity, s.init); return;
      case 'if': walk(s.then); walk(s.else); return;
      case 'for': walk(s.init); walk(s.body); return;
      case 'while': case 'do': case 'switch': case 'case': case 'default': walk(s.body); return;
      default: return;
    }
  };
  walk(cf.body);
  return out;
}

export interface LowerSourceResult extends FrontendResult {
  lowered?: LowerResult;
}

/** frontend + lowering in one call (tests, tools); `lowered` is set when the frontend had no errors */
export function lowerSource(text: string, opts: FrontendOptions & LowerOptions = {}): LowerSourceResult {
  const r = runFrontend(text, { ...opts, instantiate: [...(opts.instantiate ?? []), ...(opts.kernels ?? []).filter((k) => k.includes('<'))] });
  if (!r.ok || !r.program) return r;
  const lowered = lowerProgram(r.program, r.diagnostics, { kernels: opts.kernels });
  return { ...r, lowered, ok: !r.diagnostics.hasErrors };
}
