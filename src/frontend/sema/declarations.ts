/**
 * Declarations at namespace and class scope: functions (prototypes, definitions, out-of-line
 * methods, templates, explicit instantiations), namespaces (reopened, anonymous, aliases),
 * using-directives and using-declarations, typedefs and alias templates, records, enums,
 * variables, `static_assert` and `extern "C"` blocks. One pass in source order, as C++
 * requires declaration before use; a function body is checked as soon as it is defined.
 *
 * The CUDA rules on function declarations are checked here: a `__global__` function returns
 * void, is not a member, takes no references and is not variadic; `__launch_bounds__` values
 * are constants.
 */
import type * as ast from '../ast.js';
import type { CExpr } from './checked.js';
import type { Ctx } from './context.js';
import { semaDiagnostics as D } from './diagnostics.js';
import { type ExecSpace, type FunctionEntity, type ParamInfo, type TemplateArgValue, freshId } from './entities.js';
import { checkFunctionBody, requestKernel } from './functions.js';
import { lookupQualified } from './lookup.js';
import { declareEnum, declareRecord } from './records.js';
import { conversionType } from './requests.js';
import { Scope } from './scope.js';
import { declareClassSpecialization, declareInstance, deduceAndDeclare, ensureInstanceBody, evalTemplateArgs } from './templates.js';
import { adjustParamType, constantInteger, resolveType } from './typeresolve.js';
import { T, type RecordType, type Type, functionType, sameType, unqualified } from './types.js';
import { declareGlobalVariable } from './variables.js';

export function declareDecl(ctx: Ctx, d: ast.Decl, scope: Scope): void {
  if (ctx.diags.limitReached) return;
  if (scope === ctx.global && builtinDuplicate(ctx, d)) return;
  switch (d.kind) {
    case 'function': {
      const fn = declareFunction(ctx, d, scope, scope.record ? { kind: 'record', record: scope.record } : undefined);
      if (fn && d.body && !fn.template && fn.definition === d && fn.state === 'declared') checkFunctionBody(ctx, fn);
      return;
    }
    case 'var':
      declareGlobalVariable(ctx, d, scope);
      return;
    case 'record':
      if (d.templateParams && d.templateParams.length) declareClassTemplate(ctx, d, scope);
      else if (d.templateParams && declareClassSpecialization(ctx, d, scope)) return;
      else declareRecord(ctx, d, scope);
      return;
    case 'enum':
      declareEnum(ctx, d, scope);
      return;
    case 'typedef':
      declareTypedef(ctx, d, scope);
      return;
    case 'namespace': {
      let inner: Scope | undefined;
      if (d.name) {
        const prev = scope.own(d.name)?.find((e) => e.kind === 'namespace');
        inner = prev?.kind === 'namespace' ? prev.scope : undefined;
        if (!inner) {
          inner = new Scope('namespace', scope, d.name);
          scope.declare(d.name, { kind: 'namespace', name: d.name, scope: inner });
        }
        if (d.inline) scope.addUsing(inner);
      } else {
        inner = new Scope('namespace', scope, '');
        scope.addUsing(inner);
      }
      for (const x of d.decls) declareDecl(ctx, x, inner);
      return;
    }
    case 'namespace-alias': {
      const target = lookupQualified(ctx, d.target, scope)?.find((e) => e.kind === 'namespace');
      if (target) scope.declare(d.name, target);
      else ctx.report(D.notAScope, d.target.span, { name: d.target.parts.map((p) => p.name).join('::') });
      return;
    }
    case 'using-directive': {
      const target = lookupQualified(ctx, d.namespace, scope)?.find((e) => e.kind === 'namespace');
      if (target && target.kind === 'namespace') scope.addUsing(target.scope);
      else if (!ctx.lenientHost) ctx.report(D.notAScope, d.namespace.span, { name: d.namespace.parts.map((p) => p.name).join('::') });
      return;
    }
    case 'using-decl': {
      const found = lookupQualified(ctx, d.name, scope, { report: !ctx.lenientHost });
      const last = d.name.parts[d.name.parts.length - 1]!.name;
      for (const e of found ?? []) scope.declare(last, e);
      return;
    }
    case 'linkage':
      for (const x of d.decls) declareDecl(ctx, x, scope);
      return;
    case 'static-assert': {
      const v = constantInteger(ctx, d.condition, scope, 'static_assert condition');
      if (v === 0n) ctx.report(D.staticAssertFailed, d.condition.span, { message: d.message !== undefined ? `: ${d.message}` : '' });
      return;
    }
    case 'explicit-instantiation':
      explicitInstantiation(ctx, d, scope);
      return;
    case 'access':
    case 'set-aside':
      return;
  }
}

/**
 * kcc's own headers declare some names that are also built in (cudaError_t, size_t, FILE,
 * stdout …) so that `#include`-based code reads naturally; the built-in meaning wins, so
 * that the types the built-in tables use are the ones the program sees.
 */
function builtinDuplicate(ctx: Ctx, d: ast.Decl): boolean {
  const span = 'span' in d ? d.span : undefined;
  if (!span || !ctx.sources.files[span.file]?.builtin) return false;
  const known = (n: string | undefined) => n !== undefined && ctx.reg.global.has(n);
  switch (d.kind) {
    case 'typedef': return known(d.name);
    case 'var': return known(d.name);
    case 'record': return known(d.name?.parts[0]?.name) || (d.name?.parts[0]?.name ?? '').startsWith('__kcc');
    case 'enum': return known(d.name?.parts[0]?.name) || (d.enumerators ?? []).some((e) => known(e.name));
    default: return false;
  }
}

function declareTypedef(ctx: Ctx, d: ast.TypedefDecl, scope: Scope): void {
  if (d.templateParams && d.templateParams.length) {
    scope.declare(d.name, { kind: 'alias-template', name: d.name, decl: d, params: d.templateParams, scope });
    return;
  }
  const t = resolveType(ctx, d.type, scope);
  if (t.kind === 'record' && t.record.displayName.startsWith('(anonymous')) t.record.displayName = scope.prefix + d.name;
  if (t.kind === 'enum' && t.info.displayName.startsWith('(anonymous')) t.info.displayName = scope.prefix + d.name;
  const prev = scope.own(d.name)?.find((e) => e.kind === 'type');
  if (prev && prev.kind === 'type') {
    if (!sameType(prev.type, t) && t.kind !== 'error' && prev.type.kind !== 'error') {
      ctx.report(D.conflictingTypes, d.span, { name: d.name }, prev.span ? [{ message: 'previous definition is here', span: prev.span }] : []);
    }
    return;
  }
  scope.declare(d.name, { kind: 'type', name: d.name, type: t, span: d.span });
}

function declareClassTemplate(ctx: Ctx, d: ast.RecordDecl, scope: Scope): void {
  const name = d.name?.parts[d.name.parts.length - 1]?.name ?? '';
  const prev = scope.own(name)?.find((e) => e.kind === 'class-template');
  if (prev && prev.kind === 'class-template') {
    if (d.members && !prev.decl?.members) (prev as { decl?: ast.RecordDecl }).decl = d;
    return;
  }
  if (d.templateParams!.some((p) => p.pack)) ctx.report(D.variadicTemplate, d.span);
  scope.declare(name, { kind: 'class-template', id: freshId(), name, qualifiedName: scope.prefix + name, decl: d, params: d.templateParams!, scope, instances: new Map(), span: d.name?.span });
}

function execSpace(specs: ast.DeclSpecs): ExecSpace {
  if (specs.global) return 'global';
  if (specs.device && specs.host) return 'host-device';
  if (specs.device) return 'device';
  if (specs.host) return 'host';
  return specs.constexpr ? 'host-device' : 'host';
}

export interface BuildOptions {
  readonly instanceOf?: { readonly template: FunctionEntity; readonly args: readonly TemplateArgValue[] };
  readonly bindings?: Scope;
  readonly qualifiedName?: string;
  readonly definition?: ast.FunctionDecl;
}

/** A FunctionEntity for `decl` with its signature resolved in `scope` (templates: unresolved). */
export function buildFunctionEntity(ctx: Ctx, decl: ast.FunctionDecl, scope: Scope, owner: RecordType | undefined, opts: BuildOptions = {}): FunctionEntity | undefined {
  const name = decl.name.parts[decl.name.parts.length - 1]!.name;
  const isTemplate = !!decl.templateParams?.length && !opts.instanceOf;
  const ctor = !!owner && name === owner.record.name;
  const dtor = name.startsWith('~');
  // `= default` members are implicitly __host__ __device__ (nvcc infers their space)
  const explicitSpace = decl.specs.global || decl.specs.device || decl.specs.host;
  const space: ExecSpace = decl.defaulted === 'default' && !explicitSpace ? 'host-device' : execSpace(decl.specs);
  let params: ParamInfo[] = [];
  let result: Type = T.void;
  // a host function's signature may use types kcc does not know (lenient host code): not runnable
  const hostSig = !isTemplate && space === 'host' && ctx.lenientHost;
  const savedIssue = ctx.hostDeclIssue;
  if (hostSig) {
    ctx.hostDecl++;
    ctx.hostDeclIssue = undefined;
  }
  let sigIssue: string | undefined;
  if (!isTemplate) {
    try {
      const conversion = ctor || dtor ? undefined : conversionType(ctx, decl);
      result = ctor || dtor ? T.void : resolveType(ctx, conversion ?? decl.result, scope);
      for (const p of decl.params) {
        const t = resolveType(ctx, p.type, scope);
        if (p.specs?.shared) ctx.report(D.sharedPlacement, p.specs.spans['__shared__'] ?? p.span, { what: 'a parameter' });
        params.push({ name: p.name, type: adjustParamType(t), default: p.default, span: p.span });
      }
    } finally {
      if (hostSig) {
        ctx.hostDecl--;
        sigIssue = ctx.hostDeclIssue;
        ctx.hostDeclIssue = savedIssue;
      }
    }
    if (params.length === 1 && params[0]!.type.kind === 'void' && !params[0]!.name) params = [];
  }
  const qualifiedName = opts.qualifiedName ?? (owner ? `${owner.record.displayName}::${name}` : scope.namespace.prefix + name);
  // one fixed shape for every FunctionEntity (absent facts are undefined): keeps property access monomorphic
  const fn: FunctionEntity = {
    kind: 'function', id: freshId(), name, qualifiedName, decl, space,
    type: functionType(result, params.map((p) => p.type), decl.variadic), params, scope, state: 'declared',
    definition: opts.definition ?? (decl.body ? decl : undefined),
    owner,
    isStatic: decl.specs.storage === 'static' && !!owner,
    constMethod: !!decl.constMethod,
    ctor, dtor,
    constexpr: !!decl.specs.constexpr,
    forceinline: !!decl.specs.forceinline,
    noinline: !!decl.specs.noinline,
    launchBounds: undefined,
    template: isTemplate ? { params: decl.templateParams!, instances: new Map() } : undefined,
    instanceOf: opts.instanceOf,
    bindings: opts.instanceOf ? opts.bindings : undefined,
    checked: undefined,
  };

  if (sigIssue) ctx.hostDeclIssues.set(fn, sigIssue);
  if (!isTemplate) checkDeclarationRules(ctx, fn, scope);
  return fn;
}

function checkDeclarationRules(ctx: Ctx, fn: FunctionEntity, scope: Scope): void {
  const decl = fn.decl;
  if (fn.space === 'global') {
    if (fn.type.result.kind !== 'void' && fn.type.result.kind !== 'error') ctx.report(D.globalNotVoid, decl.result.span, { name: fn.qualifiedName });
    if (fn.owner) ctx.report(D.globalMember, decl.name.span, { name: fn.qualifiedName });
    fn.params.forEach((p) => {
      if (p.type.kind === 'reference') ctx.report(D.kernelRefParam, p.span, { name: fn.qualifiedName });
    });
  }
  if (decl.variadic && fn.space !== 'host') ctx.report(D.variadicDevice, decl.name.span, { name: fn.qualifiedName });
  const lb = decl.specs.launchBounds;
  if (lb && lb.length) {
    const max = constantInteger(ctx, lb[0]!, scope, '__launch_bounds__ value');
    const min = lb[1] ? constantInteger(ctx, lb[1], scope, '__launch_bounds__ value') : undefined;
    if (max !== undefined) fn.launchBounds = { maxThreads: Number(max), ...(min !== undefined ? { minBlocks: Number(min) } : {}) };
  }
}

function sameSignature(a: FunctionEntity, b: FunctionEntity): boolean {
  const pa = a.type.params;
  const pb = b.type.params;
  return pa.length === pb.length && pa.every((p, i) => sameType(unqualified(p), unqualified(pb[i]!))) && !!a.constMethod === !!b.constMethod;
}

/** Declare (or define) a function in `scope` (or the scope its qualified name names). */
export function declareFunction(ctx: Ctx, decl: ast.FunctionDecl, scope: Scope, owner?: RecordType): FunctionEntity | undefined {
  let target = scope;
  if (decl.name.parts.length > 1) {
    const qual: ast.QualifiedName = { ...decl.name, parts: decl.name.parts.slice(0, -1) };
    const found = lookupQualified(ctx, qual, scope)?.[0];
    if (!found) return undefined;
    if (found.kind === 'namespace') target = found.scope;
    else if (found.kind === 'type' && found.type.kind === 'record') {
      target = found.type.record.scope;
      owner = found.type;
    } else {
      ctx.report(D.notAScope, qual.span, { name: qual.parts.map((p) => p.name).join('::') });
      return undefined;
    }
  }
  const name = decl.name.parts[decl.name.parts.length - 1]!.name;
  const fn = buildFunctionEntity(ctx, decl, target, owner);
  if (!fn) return undefined;
  const existing = target.own(name)?.filter((e): e is FunctionEntity => e.kind === 'function') ?? [];
  const prev = fn.template
    ? existing.find((e) => e.template && e.template.params.length === fn.template!.params.length && e.decl.params.length === decl.params.length)
    : existing.find((e) => !e.template && sameSignature(e, fn));
  if (prev) {
    const issue = ctx.hostDeclIssues.get(fn);
    if (issue && !ctx.hostDeclIssues.has(prev)) ctx.hostDeclIssues.set(prev, issue);
    if (decl.body) {
      if (prev.definition) {
        ctx.report(D.redefinition, decl.name.span, { name: prev.qualifiedName }, [{ message: 'previous definition is here', span: prev.definition.name.span }]);
        return undefined;
      }
      prev.definition = decl;
      // the definition's parameter names and defaults are the ones the body sees
      if (!prev.template) prev.params = fn.params.map((p, i) => ({ ...p, default: p.default ?? prev.params[i]?.default }));
    }
    if (decl.specs.global || decl.specs.device || decl.specs.host) prev.space = fn.space;
    if (fn.launchBounds) prev.launchBounds = fn.launchBounds;
    if (decl.body && prev.template) defineEarlierInstances(ctx, prev, decl);
    return prev;
  }
  if (!fn.template && existing.some((e) => !e.template && !!e.constMethod === !!fn.constMethod && sameType(unqualified(functionType(T.void, e.type.params)), unqualified(functionType(T.void, fn.type.params))) && !sameType(e.type.result, fn.type.result))) {
    ctx.report(D.conflictingTypes, decl.name.span, { name: fn.qualifiedName });
  }
  target.declare(name, fn);
  return fn;
}

/**
 * Instances of a function template used before its definition (`runTest<float>(…)` in main,
 * defined further down): C++ instantiates them at the end of the translation unit; kcc does
 * when the definition arrives, so that the kernels they launch are compiled.
 */
function defineEarlierInstances(ctx: Ctx, tmpl: FunctionEntity, decl: ast.FunctionDecl): void {
  for (const inst of tmpl.template!.instances.values()) {
    if (inst.definition) continue;
    inst.definition = decl;
    inst.params = inst.params.map((p, i) => ({ ...p, name: decl.params[i]?.name ?? p.name }));
    ensureInstanceBody(ctx, inst, decl.name.span);
    if (inst.space === 'global') requestKernel(ctx, inst);
  }
}

/** `template __global__ void k<float>(float *);` — instantiate (and make a kernel of) it. */
function explicitInstantiation(ctx: Ctx, d: ast.ExplicitInstantiation, scope: Scope): void {
  if (d.decl.kind === 'record') {
    resolveType(ctx, { kind: 'named', name: d.decl.name!, span: d.decl.span }, scope);
    return;
  }
  const decl = d.decl;
  const last = decl.name.parts[decl.name.parts.length - 1]!;
  const found = lookupQualified(ctx, decl.name, scope)?.filter((e): e is FunctionEntity => e.kind === 'function' && !!e.template);
  if (!found?.length) {
    ctx.report(D.notATemplate, last.span, { name: last.name });
    return;
  }
  const explicit = last.templateArgs ? evalTemplateArgs(ctx, last.templateArgs, scope) : [];
  if (!explicit) return;
  const fakeArgs: CExpr[] = decl.params.map((p) => {
    const t = resolveType(ctx, p.type, scope);
    return t.kind === 'reference'
      ? { kind: 'zero', type: t.referent, category: 'lvalue', span: p.span }
      : { kind: 'zero', type: adjustParamType(t), category: 'rvalue', span: p.span };
  });
  for (const tmpl of found) {
    const inst = explicit.length === tmpl.template!.params.length ? declareInstance(ctx, tmpl, explicit, d.span) : deduceAndDeclare(ctx, tmpl, explicit, fakeArgs, d.span);
    if (typeof inst === 'string') continue;
    ensureInstanceBody(ctx, inst, d.span);
    if (inst.space === 'global') requestKernel(ctx, inst);
    return;
  }
  ctx.report(D.cannotDeduce, d.span, { name: last.name });
}
