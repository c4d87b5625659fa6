/**
 * Variable declarations at namespace and block scope, with CUDA's memory-space rules:
 *
 *  - namespace scope: `__device__` (global memory), `__constant__`, `__shared__` (one per
 *    block), `extern __shared__ T s[]` (dynamic, sized at launch); anything else is a host
 *    variable device code may not touch. Device variables need constant initialisers.
 *  - block scope: `__shared__` only in device code, never initialised; `__constant__` only
 *    at namespace scope; `static` locals live once per program.
 *
 * `auto` is deduced from the initialiser (`auto`, `const auto`, `auto *`, `auto &`).
 */
import { NO_STATICS } from './functions.js';
import type * as ast from '../ast.js';
import type { CExpr, CStmt, ConstInit } from './checked.js';
import { evaluate } from './consteval.js';
import type { Ctx } from './context.js';
import { decayedType } from './conversions.js';
import { semaDiagnostics as D } from './diagnostics.js';
import { type VarEntity, type VarStorage, freshId } from './entities.js';
import { checkExpr } from './expressions.js';
import { checkInitializer, defaultInit } from './initializers.js';
import type { Scope } from './scope.js';
import { resolveType } from './typeresolve.js';
import { T, type AddressSpace, type Type, isArithmetic, qualified, referenceTo, typeToString, unqualified } from './types.js';

type Where = 'namespace' | 'block' | 'record';

function isAuto(t: ast.TypeNode): boolean {
  switch (t.kind) {
    case 'builtin': return t.name === 'auto';
    case 'pointer': return isAuto(t.pointee);
    case 'reference': return isAuto(t.referent);
    default: return false;
  }
}

/** The type `auto` stands for, shaped like the declared type (`const auto &` …). */
function deduceAuto(node: ast.TypeNode, init: CExpr): Type {
  switch (node.kind) {
    case 'builtin': return qualified(decayedType(init), { const: node.const, volatile: node.volatile });
    case 'pointer': {
      const t = decayedType(init);
      return t.kind === 'pointer' ? qualified(t, { const: node.const }) : T.error;
    }
    case 'reference': {
      const inner = node.referent.kind === 'builtin' ? qualified(unqualified(init.type), { const: node.referent.const || init.type.const }) : deduceAuto(node.referent, init);
      return referenceTo(inner, node.rvalue);
    }
    default: return T.error;
  }
}

interface Declared {
  readonly entity: VarEntity;
  readonly init?: CExpr;
}

function storageOf(ctx: Ctx, d: ast.VarDecl, where: Where): { storage: VarStorage; space: AddressSpace; hostOnly: boolean } {
  const s = d.specs;
  if (where === 'record') return { storage: 'member', space: 'global', hostOnly: !s.device && !s.constant && !s.constexpr && !(d.type.const) };
  if (where === 'namespace') {
    if (s.shared) return { storage: 'global', space: 'shared', hostOnly: false };
    if (s.constant) return { storage: 'global', space: 'constant', hostOnly: false };
    if (s.device || s.managed) return { storage: 'global', space: 'global', hostOnly: false };
    return { storage: 'global', space: 'global', hostOnly: true };
  }
  if (s.shared) return { storage: 'static', space: 'shared', hostOnly: false };
  if (s.storage === 'static') return { storage: 'static', space: ctx.inDevice ? 'global' : 'local', hostOnly: false };
  return { storage: 'local', space: 'local', hostOnly: false };
}

/** Declare `d` with the error type, so that its uses are poisoned rather than undeclared. */
function poison(d: ast.VarDecl, scope: Scope): undefined {
  if (!scope.own(d.name)) scope.declare(d.name, { kind: 'var', id: freshId(), name: d.name, type: T.error, storage: 'local', space: 'local', dynamicShared: undefined, constValue: undefined, constexpr: undefined, hostOnly: undefined, decl: d, span: d.nameSpan });
  return undefined;
}

function declareVariable(ctx: Ctx, d: ast.VarDecl, scope: Scope, where: Where): Declared | undefined {
  const r = declareVariableOrFail(ctx, d, scope, where);
  return r ?? poison(d, scope);
}

function declareVariableOrFail(ctx: Ctx, d: ast.VarDecl, scope: Scope, where: Where): Declared | undefined {
  const s = d.specs;
  let type: Type;
  let init: CExpr | undefined;
  if (isAuto(d.type)) {
    if (!d.init) {
      ctx.report(D.autoNeedsInit, d.nameSpan, { name: d.name });
      return undefined;
    }
    const initExpr = d.init.kind === 'init-list' && d.init.items.length === 1 ? d.init.items[0]!.value : d.init;
    const c = checkExpr(ctx, initExpr, scope);
    if (c.type.kind === 'error') return undefined;
    if (c.type.kind === 'void') {
      ctx.report(D.incompleteType, d.nameSpan, { type: 'void' });
      return undefined;
    }
    type = deduceAuto(d.type, c);
    init = checkInitializer(ctx, initExpr, type, scope, d.span);
  } else {
    type = resolveType(ctx, d.type, scope);
  }
  if (type.kind === 'error') {
    if (d.init && !init) checkExpr(ctx, d.init, scope);
    return undefined;
  }
  const { storage, space, hostOnly } = storageOf(ctx, d, where);
  const isExtern = s.storage === 'extern';
  // CUDA placement rules
  if (s.shared && where === 'block' && ctx.fn?.space === 'host') ctx.report(D.sharedInHost, d.nameSpan, { name: d.name });
  if (s.constant && where === 'block') ctx.report(D.constantLocal, d.nameSpan, { name: d.name });
  if (s.shared && d.init) ctx.report(D.sharedInit, d.init.span, { name: d.name });
  const dynamicShared = !!(s.shared && isExtern);
  if (dynamicShared && !(type.kind === 'array' && type.size === undefined)) ctx.report(D.dynamicShared, d.nameSpan, { name: d.name });
  if (!init && d.init && !s.shared) init = checkInitializer(ctx, d.init, type, scope, d.span, d.initStyle);
  if (init && type.kind === 'array' && type.size === undefined && init.type.kind === 'array') type = qualified(init.type, { const: type.element.const });
  const incompleteArray = type.kind === 'array' && type.size === undefined && !dynamicShared && !isExtern;
  if (type.kind === 'void' || (type.kind === 'record' && !type.record.complete && !isExtern) || incompleteArray) {
    ctx.report(D.incompleteType, d.nameSpan, { type: typeToString(type) });
    return undefined;
  }
  if (!init && !d.init && !isExtern && !s.shared && where !== 'record') {
    if (type.const && (isArithmetic(type) || type.kind === 'pointer') && where === 'block') ctx.report(D.constUninit, d.nameSpan, { type: typeToString(type) });
    if (type.kind === 'reference') ctx.report(D.initIncompatible, d.nameSpan, { to: typeToString(type), from: 'nothing', category: 'rvalue' });
    init = defaultInit(ctx, type, d.span);
  }
  const entity: VarEntity = {
    kind: 'var', id: freshId(), name: d.name, type, storage, space, dynamicShared, constValue: undefined,
    constexpr: !!s.constexpr, hostOnly, decl: d, span: d.nameSpan,
  };
  if (init && (s.constexpr || type.const) && (isArithmetic(type) || type.kind === 'half' || type.kind === 'enum')) {
    const v = evaluate(init);
    if (v) entity.constValue = v;
    else if (s.constexpr) ctx.report(D.notConstant, d.init?.span ?? d.span, { what: `initializer of constexpr variable '${d.name}'` });
  }
  const prev = scope.own(d.name);
  const prevVar = prev?.find((e) => e.kind === 'var');
  if (prevVar && prevVar.kind === 'var') {
    const prevExtern = prevVar.decl?.kind === 'var' && prevVar.decl.specs.storage === 'extern';
    if (!(prevExtern || isExtern) || where === 'block') {
      ctx.report(D.redefinition, d.nameSpan, { name: d.name }, [{ message: 'previous definition is here', span: prevVar.span }]);
      return undefined;
    }
    scope.replace(d.name, entity);
  } else scope.declare(d.name, entity);
  return { entity, init };
}

/** A namespace-scope (or static member) variable: recorded in the program's globals. */
export function declareGlobalVariable(ctx: Ctx, d: ast.VarDecl, scope: Scope): void {
  const where: Where = scope.record ? 'record' : 'namespace';
  const s = d.specs;
  // a host variable whose type or initialiser kcc cannot express (lenient host code) is set aside
  const hostVar = where === 'namespace' && ctx.lenientHost && !s.shared && !s.constant && !s.device && !s.managed;
  const savedIssue = ctx.hostDeclIssue;
  if (hostVar) {
    ctx.hostDecl++;
    ctx.hostDeclIssue = undefined;
  }
  let r: Declared | undefined;
  let issue: string | undefined;
  try {
    r = declareVariable(ctx, d, scope, where);
  } finally {
    if (hostVar) {
      ctx.hostDecl--;
      issue = ctx.hostDeclIssue;
      ctx.hostDeclIssue = savedIssue;
    }
  }
  if (issue) {
    ctx.report(D.hostDeclSetAside, d.nameSpan, { name: d.name, reason: issue });
    if (r) scope.replace(d.name, { ...r.entity, type: T.error });
    const poisoned = scope.own(d.name)?.find((e) => e.kind === 'var');
    if (poisoned) ctx.hostSetAside.set(poisoned, { reason: issue, span: d.nameSpan });
    return;
  }
  if (!r) return;
  const { entity, init } = r;
  let value: ConstInit | undefined;
  if (init) {
    value = foldInit(init);
    if (!value && !entity.hostOnly && init.type.kind !== 'error') {
      const what = entity.space === 'shared' ? '__shared__' : entity.space === 'constant' ? '__constant__' : '__device__';
      ctx.report(D.dynamicInit, init.span, { what, name: entity.name });
    }
  }
  const g = { entity, ...(init ? { init } : {}), ...(value ? { value } : {}), span: d.span };
  if (entity.hostOnly) ctx.hostGlobals.push(g);
  else ctx.globals.push(g);
}

/** A block-scope declaration: the statement that declares (and initialises) the variable. */
export function declareLocalVariable(ctx: Ctx, d: ast.VarDecl, scope: Scope): CStmt | undefined {
  const r = declareVariable(ctx, d, scope, 'block');
  if (!r) return undefined;
  if (r.entity.storage === 'static' && ctx.fn) {
    if (ctx.fn.staticVars === NO_STATICS) ctx.fn.staticVars = [];
    ctx.fn.staticVars.push(r.entity);
  }
  return { kind: 'var', entity: r.entity, init: r.init, span: d.span };
}

/** An initialiser folded to constants, or undefined if any part is not constant. */
export function foldInit(e: CExpr): ConstInit | undefined {
  switch (e.kind) {
    case 'const': return e.value;
    case 'zero': return { kind: 'zero' };
    case 'aggregate': {
      const items: ConstInit[] = [];
      for (const i of e.items) {
        const v = foldInit(i);
        if (!v) return undefined;
        items.push(v);
      }
      return { kind: 'aggregate', items };
    }
    case 'string': {
      const bytes = Buffer.from(e.value, 'utf8');
      return { kind: 'aggregate', items: [...bytes].map((b) => ({ kind: 'int' as const, value: BigInt(b << 24 >> 24) })) };
    }
    case 'convert':
      if (e.conversion === 'null-to-pointer') return { kind: 'zero' };
      if (e.conversion === 'array-to-pointer' && e.operand.kind === 'string') return undefined;
      return undefined;
    default: {
      const v = evaluate(e);
      return v;
    }
  }
}

