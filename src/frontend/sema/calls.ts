/**
 * Calls: free functions, function templates (explicit arguments and deduction), methods of
 * records and of built-in records (cooperative groups), built-ins from the tables,
 * overloaded operators, functional casts written as calls, and kernel launches
 * `k<<<grid, block, shmem, stream>>>(args)` in host code.
 *
 * After overload resolution the call is checked against CUDA's execution-space rules:
 * device code may not call host functions (error with a note at the declaration), host
 * code may not call device functions, nobody calls a `__global__` function without a launch
 * configuration, and device code may not launch kernels (dynamic parallelism).
 */
import type * as ast from '../ast.js';
import type { Span } from '../../support/source.js';
import type { DiagnosticNote } from '../../support/diagnostics/index.js';
import { constOf, errorExpr } from './build.js';
import type { CExpr } from './checked.js';
import type { Ctx } from './context.js';
import { convertImplicit, promote, toRvalue } from './conversions.js';
import { semaDiagnostics as D } from './diagnostics.js';
import type { Entity, FunctionEntity } from './entities.js';
import { checkExpr, convertForInit, entityValue, isEntityList, lookupValue, lookupValueOrMember, reportUndeclared, warnWritableString } from './expressions.js';
import { construct } from './initializers.js';
import { DIM3 } from '../builtins/types.js';
import { type Candidate, type Resolution, type Viable, candidatesOf, resolveOverload } from './overload.js';
import type { Scope } from './scope.js';
import { NO_CALLEES, addHostOnlyUse, requestKernel } from './functions.js';
import { declareInstance, ensureInstanceBody, evalTemplateArgs, instantiateClass } from './templates.js';
import { SIZE_T, T, type Type, qualified, typeToString, unqualified } from './types.js';
import { limitValue } from './limits.js';

export function checkCall(ctx: Ctx, e: ast.Expr & { kind: 'call' }, scope: Scope): CExpr {
  const callee = e.callee;
  if (callee.kind === 'ident') {
    const last = callee.name.parts[callee.name.parts.length - 1]!;
    const found = lookupValueOrMember(ctx, callee.name, scope);
    if (found !== undefined && !isEntityList(found)) return callObject(ctx, found, e, scope);
    const entities = found;
    if (!entities) {
      if (callee.name.parts.length === 1 && !callee.name.global) reportUndeclared(ctx, last.name, last.span);
      checkArgs(ctx, e.args, scope);
      return errorExpr(e.span);
    }
    const first = entities[0]!;
    if (first.kind === 'type' || first.kind === 'class-template') {
      let t: Type = first.kind === 'type' ? first.type : T.error;
      if (first.kind === 'class-template') {
        const targs = last.templateArgs && evalTemplateArgs(ctx, last.templateArgs, scope);
        t = targs ? instantiateClass(ctx, first, targs, last.span) : T.error;
      }
      return construct(ctx, t, e.args, false, scope, e.span);
    }
    if (first.kind === 'function' || first.kind === 'builtin') {
      const explicitArgs = last.templateArgs ? evalTemplateArgs(ctx, last.templateArgs, scope) : [];
      if (!explicitArgs) return errorExpr(e.span);
      // the runtime API names device variables as symbols (cudaMemcpyToSymbol(coeffs, …))
      let symbols = false;
      let methods = false;
      for (const x of entities) {
        if (x.kind === 'builtin' && x.entry.category === 'runtime') symbols = true;
        else if (x.kind === 'function' && x.owner && !x.isStatic) methods = true;
      }
      const saved = ctx.allowDeviceSymbol;
      ctx.allowDeviceSymbol = symbols;
      const args = checkArgs(ctx, e.args, scope);
      ctx.allowDeviceSymbol = saved;
      if (anyError(args)) return errorExpr(e.span);
      // unqualified calls of methods from a method use `*this`
      const self = ctx.fn?.thisType && methods ? thisObject(ctx, e.span) : undefined;
      return callEntities(ctx, last.name, entities, args, { explicitArgs, receiver: self, span: e.span });
    }
    return callObject(ctx, entityValue(ctx, entities, last.name, last.span), e, scope);
  }
  if (callee.kind === 'member') return checkMethodCall(ctx, callee, e, scope);
  return callObject(ctx, checkExpr(ctx, callee, scope), e, scope);
}

function thisObject(ctx: Ctx, span: Span): CExpr {
  const t = ctx.fn!.thisType!;
  const self: CExpr = { kind: 'this', type: { kind: 'pointer', pointee: qualified(t, { const: ctx.fn!.thisConst }), space: 'generic' }, category: 'rvalue', span };
  return { kind: 'deref', operand: self, type: qualified(t, { const: ctx.fn!.thisConst }), category: 'lvalue', span };
}

function checkArgs(ctx: Ctx, args: readonly ast.Expr[], scope: Scope): CExpr[] {
  const out: CExpr[] = [];
  for (let i = 0; i < args.length; i++) out.push(checkExpr(ctx, args[i]!, scope));
  return out;
}

function anyError(args: readonly CExpr[]): boolean {
  for (let i = 0; i < args.length; i++) if (args[i]!.type.kind === 'error') return true;
  return false;
}

/** Calling an object: a record with `operator()`, else an error. */
function callObject(ctx: Ctx, obj: CExpr, e: ast.Expr & { kind: 'call' }, scope: Scope): CExpr {
  if (obj.type.kind === 'error') return obj;
  const args = checkArgs(ctx, e.args, scope);
  if (obj.type.kind === 'record') {
    const r = callOperator(ctx, 'operator()', [obj, ...args], e.span, scope);
    if (r) return r;
  }
  ctx.report(D.notCallable, e.callee.span, { type: typeToString(obj.type) });
  return errorExpr(e.span);
}

function checkMethodCall(ctx: Ctx, callee: ast.Expr & { kind: 'member' }, e: ast.Expr & { kind: 'call' }, scope: Scope): CExpr {
  let base = checkExpr(ctx, callee.base, scope);
  if (base.type.kind === 'error') return base;
  if (callee.arrow) {
    const p = toRvalue(base);
    if (p.type.kind !== 'pointer') {
      ctx.report(D.arrowOnNonPointer, callee.base.span, { type: typeToString(base.type) });
      return errorExpr(e.span);
    }
    base = { kind: 'deref', operand: p, type: p.type.pointee, category: 'lvalue', span: callee.base.span };
  }
  const t = base.type;
  const name = callee.member.name;
  if (t.kind !== 'record') {
    if (t.kind === 'vector') ctx.report(D.noMember, callee.member.span, { member: name, type: typeToString(unqualified(t)) });
    else ctx.report(D.memberOfNonRecord, callee.base.span, { type: typeToString(t) });
    return errorExpr(e.span);
  }
  const explicitArgs = callee.member.templateArgs ? evalTemplateArgs(ctx, callee.member.templateArgs, scope) : [];
  if (!explicitArgs) return errorExpr(e.span);
  const args = checkArgs(ctx, e.args, scope);
  if (anyError(args)) return errorExpr(e.span);
  let entities: readonly Entity[] | undefined;
  if (t.record.builtin) {
    const m = ctx.reg.methods(t.record.builtin).get(name);
    entities = m ? [m] : undefined;
  } else entities = t.record.scope.lookupHere(name)?.filter((x) => x.kind === 'function' || x.kind === 'builtin');
  if (!entities?.length) {
    // a field holding a callable object
    ctx.report(D.noMember, callee.member.span, { member: name, type: typeToString(unqualified(t)) });
    return errorExpr(e.span);
  }
  return callEntities(ctx, name, entities, args, { explicitArgs, receiver: base, span: e.span });
}

/** Resolve and build a call among `entities` (reports failures). */
export function callEntities(ctx: Ctx, name: string, entities: readonly Entity[], args: readonly CExpr[], opts: Parameters<typeof resolveOverload>[3]): CExpr {
  const cands = candidatesOf(entities);
  const res = resolveOverload(ctx, cands, args, opts);
  if (!res.best) {
    reportFailure(ctx, name, res, opts.span);
    return errorExpr(opts.span);
  }
  return finishCall(ctx, name, res.best, opts.span);
}

function candidateNote(c: Candidate, reason?: string): DiagnosticNote {
  if (c.kind === 'builtin') {
    const sig = c.sig.text.replace('(', ` ${c.fn.name}(`);
    return { message: reason ? `candidate function not viable: ${reason} ('${sig}')` : `candidate function '${sig}'` };
  }
  const fn = c.fn;
  const what = fn.template ? 'candidate template ignored' : 'candidate function not viable';
  return { message: reason ? `${what}: ${reason}` : 'candidate function', span: fn.decl.name.span };
}

const MAX_NOTES = 8;

function reportFailure(ctx: Ctx, name: string, res: Resolution, span: Span): void {
  if (res.ambiguous) {
    const notes = res.ambiguous.slice(0, MAX_NOTES).map((v) => candidateNote(v.cand));
    ctx.report(D.ambiguousCall, span, { name }, notes);
    return;
  }
  // a single unsupported built-in says why instead
  const unsupported = res.rejected.find((r) => r.cand.kind === 'builtin' && r.cand.fn.entry.unsupported);
  if (unsupported && unsupported.cand.kind === 'builtin') {
    ctx.report(D.builtinUnsupported, span, { name, reason: unsupported.cand.fn.entry.unsupported! });
    return;
  }
  const notes = res.rejected.slice(0, MAX_NOTES).map((r) => candidateNote(r.cand, r.reason));
  if (res.rejected.length > MAX_NOTES) notes.push({ message: `(${res.rejected.length - MAX_NOTES} more candidates not shown)` });
  ctx.report(D.noMatchingFunction, span, { name }, notes);
}

/** Convert arguments, apply execution-space rules, instantiate, and build the call node. */
function finishCall(ctx: Ctx, name: string, v: Viable, span: Span): CExpr {
  const args: CExpr[] = [];
  const argc = v.args.length;
  for (let i = 0; i < argc; i++) {
    const a = v.args[i]!;
    const p = v.params[i];
    if (!p) {
      args.push(varargPromote(a));
      continue;
    }
    const c = convertImplicit(a, p);
    if (c) warnWritableString(ctx, a, p);
    args.push(c ?? convertForInit(ctx, a, p, 'init'));
  }
  if (v.cand.kind === 'builtin') {
    const { fn, sig } = v.cand;
    for (let i = argc; i < sig.params.length; i++) args.push(constOf(unqualified(v.params[i]!), sig.defaults[i]!, span));
    if (fn.entry.unsupported) ctx.report(D.builtinUnsupported, span, { name, reason: fn.entry.unsupported });
    if (sig.result.t === 'tile' && ![1, 2, 4, 8, 16, 32].includes(v.templateValue ?? 32)) {
      ctx.report(D.templateArgInvalid, span, { param: name, reason: `thread_block_tile size must be a power of two no larger than 32 (got ${v.templateValue})` });
      return errorExpr(span);
    }
    checkBuiltinSpace(ctx, name, fn.entry.space, span);
    if (fn.entry.lowersTo.startsWith('const.limits.')) {
      const c = limitValue(fn.entry.lowersTo.slice('const.limits.'.length), v.result, span);
      if (c) return c;
    }
    const result = v.result.kind === 'reference' ? v.result.referent : v.result;
    return {
      kind: 'builtin-call', builtin: fn, signature: sig, args, receiver: v.receiver, bindings: v.bindings, templateValue: v.templateValue,
      type: result, category: v.result.kind === 'reference' ? 'lvalue' : 'rvalue', span,
    };
  }
  const fn = v.fn!;
  for (let i = argc; i < fn.params.length; i++) {
    const d = fn.params[i]!.default!;
    const c = checkExpr(ctx, d, fn.bindings ?? fn.scope);
    args.push(convertForInit(ctx, c, fn.params[i]!.type, 'init'));
  }
  checkCallSpace(ctx, fn, span);
  if (fn.instanceOf) ensureInstanceBody(ctx, fn, span);
  if (ctx.fn && !ctx.unevaluated) {
    if (ctx.fn.callees === NO_CALLEES) ctx.fn.callees = new Set();
    ctx.fn.callees.add(fn);
  }
  const r = fn.type.result;
  const type = fn.ctor && fn.owner ? fn.owner : r.kind === 'reference' ? r.referent : r;
  return { kind: 'call', fn, args, receiver: v.receiver, type, category: r.kind === 'reference' ? 'lvalue' : 'rvalue', span };
}

/** C's default argument promotions for `...` arguments (printf). */
function varargPromote(a: CExpr): CExpr {
  const v = toRvalue(a);
  const t = v.type;
  if (t.kind === 'float' && t.bits === 32) return convertImplicit(v, T.double)!;
  if (t.kind === 'half') return convertImplicit(v, T.double) ?? v;
  if (t.kind === 'bool' || (t.kind === 'int' && t.bits < 32) || (t.kind === 'enum' && !t.info.scoped)) return convertImplicit(v, promote(t))!;
  return v;
}

const spaceName = (s: string): string => (s === 'global' ? '__global__' : s === 'host-device' ? '__host__ __device__' : s === 'device' ? '__device__' : '__host__');

function checkBuiltinSpace(ctx: Ctx, name: string, space: 'device' | 'host' | 'both', span: Span): void {
  if (ctx.unevaluated || space === 'both') return;
  const caller = ctx.fn?.space ?? 'host';
  if (space === 'host' && caller !== 'host') {
    if (caller === 'host-device') addHostOnlyUse(ctx.fn!, { name, span });
    else ctx.report(D.hostFromDevice, span, { name, space: spaceName(caller) });
  } else if (space === 'device' && caller === 'host') {
    ctx.report(D.deviceFromHost, span, { name });
  }
}

function checkCallSpace(ctx: Ctx, fn: FunctionEntity, span: Span): void {
  if (ctx.unevaluated) return;
  const caller = ctx.fn?.space ?? 'host';
  if (fn.space === 'host-device' || (fn.space === 'device' && caller !== 'host') || (fn.space === 'host' && caller === 'host')) return;
  const declared: DiagnosticNote[] = [{ message: `'${fn.qualifiedName}' declared here`, span: fn.decl.name.span }];
  if (fn.space === 'global') {
    if (caller === 'host') ctx.report(D.kernelCallNoConfig, span, { name: fn.qualifiedName }, declared);
    else ctx.report(D.globalFromDevice, span, { name: fn.qualifiedName }, declared);
    return;
  }
  if (fn.space === 'host' && caller !== 'host') {
    if (caller === 'host-device') addHostOnlyUse(ctx.fn!, { name: fn.qualifiedName, span, decl: fn.decl.name.span });
    else ctx.report(D.hostFromDevice, span, { name: fn.qualifiedName, space: spaceName(caller) }, declared);
  } else if (fn.space === 'device' && caller === 'host') {
    ctx.report(D.deviceFromHost, span, { name: fn.qualifiedName }, declared);
  }
}

/**
 * An overloaded operator call (`a + b` with a record or vector operand), among member
 * operators of the first operand and the non-member operators visible from `scope` and from
 * the operands' namespaces. Undefined when no candidate is viable (the caller reports).
 */
export function callOperator(ctx: Ctx, name: string, args: readonly CExpr[], span: Span, scope?: Scope): CExpr | undefined {
  const entities: Entity[] = [];
  const addAll = (l: readonly Entity[] | undefined) => {
    for (const x of l ?? []) if ((x.kind === 'function' || x.kind === 'builtin') && !entities.includes(x)) entities.push(x);
  };
  const first = unqualified(args[0]!.type);
  if (first.kind === 'record') addAll(first.record.scope.lookupHere(name));
  addAll((scope ?? ctx.global).lookup(name));
  for (const a of args) {
    const t = unqualified(a.type);
    if (t.kind === 'record' && t.record.scope.parent) addAll(t.record.scope.parent.namespace.lookupHere(name));
  }
  if (!entities.length) return undefined;
  const res = resolveOverload(ctx, candidatesOf(entities), args, { operatorForm: true, span });
  if (res.ambiguous) {
    reportFailure(ctx, name, res, span);
    return errorExpr(span);
  }
  if (!res.best) return undefined;
  return finishCall(ctx, name, res.best, span);
}

// ----------------------------------------------------------------------------------------
// Kernel launches

export function checkLaunch(ctx: Ctx, e: ast.Expr & { kind: 'launch' }, scope: Scope): CExpr {
  if (ctx.inDevice) {
    ctx.report(D.launchInDevice, e.span);
    return errorExpr(e.span);
  }
  if (e.config.length < 2 || e.config.length > 4) {
    ctx.report(D.launchConfig, e.span, { count: e.config.length });
    return errorExpr(e.span);
  }
  const configTypes: Type[] = [DIM3, DIM3, SIZE_T, ctx.reg.global.get('cudaStream_t')?.[0]?.kind === 'type' ? (ctx.reg.global.get('cudaStream_t')![0] as { type: Type }).type : T.error];
  const config = e.config.map((c, i) => convertForInit(ctx, checkExpr(ctx, c, scope), configTypes[i]!, 'init'));
  const args = checkArgs(ctx, e.args, scope);
  if (e.callee.kind !== 'ident' || config.some((c) => c.type.kind === 'error') || args.some((a) => a.type.kind === 'error')) {
    if (e.callee.kind !== 'ident') launchThroughPointer(ctx, e.callee.span);
    // the kernel a host launch names is device code even when the launch itself cannot be checked
    else instantiateNamedKernel(ctx, e.callee.name, scope, e.span);
    return errorExpr(e.span);
  }
  const last = e.callee.name.parts[e.callee.name.parts.length - 1]!;
  const found = lookupValue(ctx, e.callee.name, scope).entities;
  if (!found) {
    reportUndeclared(ctx, last.name, last.span);
    return errorExpr(e.span);
  }
  const explicitArgs = last.templateArgs ? evalTemplateArgs(ctx, last.templateArgs, scope) : [];
  if (!explicitArgs) return errorExpr(e.span);
  const kernels = found.filter((x): x is FunctionEntity => x.kind === 'function' && x.space === 'global');
  if (!kernels.length) {
    if (found[0]!.kind === 'var') launchThroughPointer(ctx, last.span);
    else ctx.report(D.launchNonKernel, last.span, { name: last.name });
    return errorExpr(e.span);
  }
  const res = resolveOverload(ctx, candidatesOf(kernels), args, { explicitArgs, span: e.span });
  if (!res.best || !res.best.fn) {
    reportFailure(ctx, last.name, res, e.span);
    return errorExpr(e.span);
  }
  const kernel = res.best.fn;
  if (kernel.instanceOf) {
    ensureInstanceBody(ctx, kernel, e.span);
    requestKernel(ctx, kernel);
  }
  const converted = res.best.args.map((a, i) => convertImplicit(a, res.best!.params[i]!) ?? a);
  return { kind: 'launch', kernel, config, args: converted, type: T.void, category: 'rvalue', span: e.span };
}

/** `kernelPtr<<<…>>>(…)`: outside the subset; the host function is not runnable (its kernels are compiled). */
function launchThroughPointer(ctx: Ctx, span: Span): void {
  if (ctx.fn?.space === 'host') ctx.markNotRunnable('launches a kernel through a function pointer');
  else ctx.report(D.unsupported, span, { what: 'launching a kernel through an expression' });
}

/** Instantiate (and make a kernel of) the kernel template `name<args>` a launch names, when its arguments are explicit. */
function instantiateNamedKernel(ctx: Ctx, name: ast.QualifiedName, scope: Scope, span: Span): void {
  const last = name.parts[name.parts.length - 1]!;
  if (!last.templateArgs) return;
  const found = lookupValue(ctx, name, scope).entities;
  const templates = found?.filter((x): x is FunctionEntity => x.kind === 'function' && x.space === 'global' && !!x.template) ?? [];
  if (!templates.length) return;
  const explicit = evalTemplateArgs(ctx, last.templateArgs, scope);
  if (!explicit) return;
  for (const t of templates) {
    if (explicit.length !== t.template!.params.length) continue;
    const inst = declareInstance(ctx, t, explicit, span);
    if (typeof inst === 'string') continue;
    ensureInstanceBody(ctx, inst, span);
    requestKernel(ctx, inst);
    return;
  }
}
