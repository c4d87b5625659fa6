/**
 * Templates: template arguments, deduction of function template arguments from call
 * arguments, and instantiation of function and class templates.
 *
 * Templates are checked per instance (not in their generic form): an instance binds each
 * template parameter in a scope of its own (a type, or a constant) and checks the template's
 * AST there. Instances are memoised per template and argument list (`f<float, 256>` is made
 * once), named with their arguments as clang prints them, and every diagnostic inside one
 * carries "in instantiation of 'f<float>' requested here" notes (context.ts).
 *
 * Deduction handles the common forms: `T`, `T *`, `const T &`, `T (&)[N]`, and template
 * instances `Vec<T, N>` / `thread_block_tile<N>` matched against argument types; defaults
 * fill what deduction leaves; what is still unknown makes the candidate non-viable with
 * clang's reason ("couldn't infer template argument 'T'").
 */
import type * as ast from '../ast.js';
import { UNSUPPORTED } from '../builtins/index.js';
import type { Span } from '../../support/source.js';
import type { CExpr } from './checked.js';
import { wrapInt, roundFloat } from './consteval.js';
import type { Ctx } from './context.js';
import { decayedType } from './conversions.js';
import { buildFunctionEntity } from './declarations.js';
import { semaDiagnostics as D } from './diagnostics.js';
import type { AliasTemplateEntity, ClassTemplateEntity, FunctionEntity, TemplateArgValue } from './entities.js';
import { checkExpr } from './expressions.js';
import { checkFunctionBody } from './functions.js';
import { declareRecord } from './records.js';
import { Scope } from './scope.js';
import { evaluate } from './consteval.js';
import { resolveType } from './typeresolve.js';
import { T, type Type, integerRepr, sameType, typeKey, typeToString, unqualified } from './types.js';

const MAX_DEPTH = 64;

/** Evaluate template arguments as written (types, or constant expressions). */
export function evalTemplateArgs(ctx: Ctx, args: readonly ast.TemplateArg[], scope: Scope): TemplateArgValue[] | undefined {
  const out: TemplateArgValue[] = [];
  for (const a of args) {
    const v = evalTemplateArg(ctx, a, scope);
    if (!v) return undefined;
    out.push(v);
  }
  return out;
}

function evalTemplateArg(ctx: Ctx, a: ast.TemplateArg, scope: Scope): TemplateArgValue | undefined {
  // the parser cannot always tell `N` (a constant) from `N` (a type): ask the scope
  if (a.kind === 'type' && a.type.kind === 'named' && !a.type.name.parts[0]!.templateArgs && a.type.name.parts.length === 1) {
    const found = scope.lookup(a.type.name.parts[0]!.name);
    const e = found?.[0];
    if (e && (e.kind === 'const' || e.kind === 'var' || e.kind === 'enumerator')) {
      return evalValueArg(ctx, { kind: 'ident', name: a.type.name, span: a.type.span }, scope);
    }
  }
  if (a.kind === 'expr' && a.expr.kind === 'ident') {
    const found = lookupTypeOnly(a.expr.name, scope);
    if (found) {
      const t = resolveType(ctx, { kind: 'named', name: a.expr.name, span: a.expr.span }, scope);
      return t.kind === 'error' ? undefined : { kind: 'type', type: t };
    }
  }
  if (a.kind === 'type') {
    const t = resolveType(ctx, a.type, scope);
    return t.kind === 'error' ? undefined : { kind: 'type', type: t };
  }
  return evalValueArg(ctx, a.expr, scope);
}

function lookupTypeOnly(name: ast.QualifiedName, scope: Scope): boolean {
  if (name.parts.length !== 1) return false;
  const e = scope.lookup(name.parts[0]!.name)?.[0];
  return !!e && (e.kind === 'type' || e.kind === 'class-template');
}

function evalValueArg(ctx: Ctx, e: ast.Expr, scope: Scope): TemplateArgValue | undefined {
  const c = checkExpr(ctx, e, scope);
  if (c.type.kind === 'error') return undefined;
  const v = evaluate(c);
  if (!v || !(integerRepr(c.type) || c.type.kind === 'float')) {
    ctx.report(D.notConstant, e.span, { what: 'template argument' });
    return undefined;
  }
  return { kind: 'value', value: v, type: unqualified(c.type) };
}

export function argDisplay(a: TemplateArgValue): string {
  if (a.kind === 'type') return typeToString(a.type);
  if (a.value.kind === 'float') return String(a.value.value);
  if (a.type.kind === 'bool') return a.value.value ? 'true' : 'false';
  return a.value.value.toString();
}

export function argsDisplay(args: readonly TemplateArgValue[]): string {
  return `<${args.map(argDisplay).join(', ')}>`;
}

function argKey(a: TemplateArgValue): string {
  return a.kind === 'type' ? `t:${typeKey(a.type)}` : `v:${a.value.value}`;
}

// ----------------------------------------------------------------------------------------
// Binding parameters

/**
 * Check `args` against `params`, fill defaults, and return a scope binding each parameter
 * (or a reason why the arguments do not fit).
 */
function bindParams(ctx: Ctx, params: readonly ast.TemplateParam[], given: readonly (TemplateArgValue | undefined)[], parent: Scope, name: string): { scope: Scope; args: TemplateArgValue[] } | string {
  if (params.some((p) => p.pack)) return 'variadic templates are not supported by kcc';
  if (given.length > params.length) return `too many template arguments for '${name}'`;
  const scope = new Scope('template', parent);
  const args: TemplateArgValue[] = [];
  for (let i = 0; i < params.length; i++) {
    const p = params[i]!;
    let a = given[i];
    if (!a && p.default) {
      const v = evalTemplateArgs(ctx, [p.default], scope);
      a = v?.[0];
      if (!a) return `invalid default argument for template parameter '${p.name ?? i + 1}'`;
    }
    if (!a) return `couldn't infer template argument '${p.name ?? `#${i + 1}`}'`;
    if (p.kind === 'type') {
      if (a.kind !== 'type') return `template argument for template type parameter '${p.name}' must be a type`;
      if (p.name) scope.declare(p.name, { kind: 'type', name: p.name, type: a.type });
    } else {
      if (a.kind !== 'value') return `template argument for non-type template parameter '${p.name}' must be an expression`;
      const pt = p.type ? unqualified(resolveType(ctx, p.type, scope)) : a.type;
      const value = a.value.kind === 'int' && integerRepr(pt) ? { kind: 'int' as const, value: wrapInt(a.value.value, pt) }
        : a.value.kind === 'float' && pt.kind === 'float' ? { kind: 'float' as const, value: roundFloat(a.value.value, pt) }
        : a.value.kind === 'int' && pt.kind === 'float' ? { kind: 'float' as const, value: roundFloat(Number(a.value.value), pt) } : a.value;
      a = { kind: 'value', value, type: pt };
      if (p.name) scope.declare(p.name, { kind: 'const', name: p.name, value, type: pt });
    }
    args.push(a);
  }
  return { scope, args };
}

// ----------------------------------------------------------------------------------------
// Function templates

/**
 * Deduce the template arguments of `tmpl` from a call and declare the instance (signature
 * only; the body is checked by `ensureInstanceBody` once the instance is chosen).
 * Returns a reason string when the template is not viable.
 */
export function deduceAndDeclare(ctx: Ctx, tmpl: FunctionEntity, explicit: readonly TemplateArgValue[], args: readonly CExpr[], span: Span): FunctionEntity | string {
  const params = tmpl.template!.params;
  const given: (TemplateArgValue | undefined)[] = explicit.slice();
  const index = new Map<string, number>();
  params.forEach((p, i) => p.name && index.set(p.name, i));
  const decl = tmpl.decl;
  for (let i = 0; i < Math.min(args.length, decl.params.length); i++) {
    const pattern = decl.params[i]!.type;
    const arg = args[i]!;
    const argType = pattern.kind === 'reference' ? arg.type : decayedType(arg);
    const r = deduce(pattern, argType, index, given, explicit.length);
    if (r) return r;
  }
  return declareInstance(ctx, tmpl, given, span);
}

/** Pattern-match `pattern` against `t`, recording bindings; a string is a conflict. */
function deduce(pattern: ast.TypeNode, t: Type, index: Map<string, number>, out: (TemplateArgValue | undefined)[], fixed: number): string | undefined {
  switch (pattern.kind) {
    case 'named': {
      const parts = pattern.name.parts;
      const last = parts[parts.length - 1]!;
      if (parts.length === 1 && !last.templateArgs && index.has(last.name)) {
        const i = index.get(last.name)!;
        const bound = pattern.const ? unqualified(t) : t;
        const prev = out[i];
        if (!prev) out[i] = { kind: 'type', type: bound };
        else if (prev.kind === 'type' && !sameType(unqualified(prev.type), unqualified(bound)) && i >= fixed) {
          return `deduced conflicting types for parameter '${last.name}' ('${typeToString(prev.type)}' vs. '${typeToString(unqualified(bound))}')`;
        }
        return undefined;
      }
      if (last.templateArgs && t.kind === 'record') {
        const inst = t.record.instanceOf;
        const targs = inst?.args ?? (t.record.builtin === 'cg-tile' ? [{ kind: 'value' as const, value: { kind: 'int' as const, value: BigInt(t.record.builtinParam!) }, type: T.uint }] : undefined);
        if (!targs || (inst && inst.template.name !== last.name)) return undefined;
        for (let k = 0; k < Math.min(targs.length, last.templateArgs.length); k++) {
          const pa: ast.TemplateArg = last.templateArgs[k]!;
          const ta = targs[k]!;
          const ident: string | undefined = pa.kind === 'expr' && pa.expr.kind === 'ident' ? pa.expr.name.parts[0]!.name : pa.kind === 'type' && pa.type.kind === 'named' && pa.type.name.parts.length === 1 ? pa.type.name.parts[0]!.name : undefined;
          if (ta.kind === 'value' && ident && index.has(ident)) {
            const i = index.get(ident)!;
            if (!out[i]) out[i] = ta;
          } else if (ta.kind === 'type' && pa.kind === 'type') {
            const r = deduce(pa.type, ta.type, index, out, fixed);
            if (r) return r;
          }
        }
      }
      return undefined;
    }
    case 'pointer':
      return t.kind === 'pointer' ? deduce(pattern.pointee, pattern.pointee.const ? unqualified(t.pointee) : t.pointee, index, out, fixed) : undefined;
    case 'reference':
      return deduce(pattern.referent, pattern.referent.const ? unqualified(t) : t, index, out, fixed);
    case 'array': {
      if (t.kind !== 'array') return undefined;
      const size = pattern.size;
      if (size?.kind === 'ident' && size.name.parts.length === 1 && index.has(size.name.parts[0]!.name) && t.size !== undefined) {
        const i = index.get(size.name.parts[0]!.name)!;
        if (!out[i]) out[i] = { kind: 'value', value: { kind: 'int', value: BigInt(t.size) }, type: T.ulong };
      }
      return deduce(pattern.element, t.element, index, out, fixed);
    }
    default:
      return undefined;
  }
}

/** The instance of `tmpl` for `given` arguments (memoised), with its signature resolved. */
export function declareInstance(ctx: Ctx, tmpl: FunctionEntity, given: readonly (TemplateArgValue | undefined)[], span: Span): FunctionEntity | string {
  const bound = bindParams(ctx, tmpl.template!.params, given, tmpl.scope, tmpl.name);
  if (typeof bound === 'string') return bound;
  const key = bound.args.map(argKey).join(',');
  const memo = tmpl.template!.instances.get(key);
  if (memo) return memo;
  if (ctx.instStack.length >= MAX_DEPTH) {
    ctx.report(D.instantiationDepth, span, { depth: MAX_DEPTH });
    return 'instantiation too deep';
  }
  const name = `${tmpl.qualifiedName}${argsDisplay(bound.args)}`;
  ctx.instStack.push({ name, span });
  const inst = buildFunctionEntity(ctx, tmpl.decl, bound.scope, tmpl.owner, { instanceOf: { template: tmpl, args: bound.args }, bindings: bound.scope, qualifiedName: name, definition: tmpl.definition });
  ctx.instStack.pop();
  if (!inst) return 'substitution failed';
  tmpl.template!.instances.set(key, inst);
  return inst;
}

/** Check an instance's body (once), reporting inside it with an instantiation note. */
export function ensureInstanceBody(ctx: Ctx, inst: FunctionEntity, span: Span): void {
  if (inst.state !== 'declared' || !inst.definition?.body) return;
  if (ctx.instStack.length >= MAX_DEPTH) {
    ctx.report(D.instantiationDepth, span, { depth: MAX_DEPTH });
    return;
  }
  ctx.instStack.push({ name: inst.qualifiedName, span });
  try {
    checkFunctionBody(ctx, inst);
  } finally {
    ctx.instStack.pop();
  }
}

// ----------------------------------------------------------------------------------------
// Class templates and alias templates

export function instantiateClassFromAst(ctx: Ctx, tmpl: ClassTemplateEntity | AliasTemplateEntity, args: readonly ast.TemplateArg[], scope: Scope, span: Span): Type {
  const values = evalTemplateArgs(ctx, args, scope);
  if (!values) return T.error;
  return instantiateClass(ctx, tmpl, values, span);
}

export function instantiateClass(ctx: Ctx, tmpl: ClassTemplateEntity | AliasTemplateEntity, args: readonly TemplateArgValue[], span: Span): Type {
  if (tmpl.kind === 'class-template' && tmpl.builtin) {
    const r = tmpl.builtin(args);
    if (typeof r === 'string' && r.startsWith(UNSUPPORTED)) {
      ctx.report(D.builtinUnsupported, span, { name: `${tmpl.qualifiedName}`, reason: r.slice(UNSUPPORTED.length) });
      return T.error;
    }
    if (typeof r === 'string') {
      ctx.report(D.templateArgInvalid, span, { param: tmpl.name, reason: r });
      return T.error;
    }
    return r;
  }
  const bound = bindParams(ctx, tmpl.params, args, tmpl.scope, tmpl.name);
  if (typeof bound === 'string') {
    ctx.report(D.templateArgInvalid, span, { param: tmpl.name, reason: bound });
    return T.error;
  }
  if (tmpl.kind === 'alias-template') return resolveType(ctx, tmpl.decl.type, bound.scope);
  const key = bound.args.map(argKey).join(',');
  const memo = tmpl.instances.get(key);
  if (memo) return memo;
  if (ctx.instStack.length >= MAX_DEPTH) {
    ctx.report(D.instantiationDepth, span, { depth: MAX_DEPTH });
    return T.error;
  }
  const displayName = `${tmpl.qualifiedName}${argsDisplay(bound.args)}`;
  ctx.instStack.push({ name: displayName, span });
  try {
    const decl = tmpl.decl!;
    const t = declareRecord(ctx, decl, tmpl.scope, { template: tmpl, args: bound.args, displayName, bindings: bound.scope, memo: (r) => tmpl.instances.set(key, r) });
    tmpl.instances.set(key, t);
    return t;
  } finally {
    ctx.instStack.pop();
  }
}

/**
 * An explicit (full) specialisation `template <> struct S<int> { … };`: a record of its own,
 * memoised as the instance `S<int>` so that every use of `S<int>` finds it. Returns false when
 * `d` is not one (no template `S` in scope), for the caller to treat it as a plain record.
 */
export function declareClassSpecialization(ctx: Ctx, d: ast.RecordDecl, scope: Scope): boolean {
  const last = d.name?.parts[d.name.parts.length - 1];
  if (!last?.templateArgs || d.name!.parts.length !== 1) return false;
  const tmpl = scope.lookup(last.name)?.find((e): e is ClassTemplateEntity => e.kind === 'class-template');
  if (!tmpl || tmpl.builtin) return false;
  const given = evalTemplateArgs(ctx, last.templateArgs, scope);
  if (!given) return true;
  const bound = bindParams(ctx, tmpl.params, given, tmpl.scope, tmpl.name);
  if (typeof bound === 'string') {
    ctx.report(D.templateArgInvalid, last.span, { param: tmpl.name, reason: bound });
    return true;
  }
  const key = bound.args.map(argKey).join(',');
  const prev = tmpl.instances.get(key);
  if (prev && prev.kind === 'record' && prev.record.complete) {
    if (d.members) ctx.report(D.redefinition, last.span, { name: `${tmpl.name}${argsDisplay(bound.args)}` }, prev.record.span ? [{ message: 'previous definition is here', span: prev.record.span }] : []);
    return true;
  }
  if (!d.members) return true; // a declaration: the definition follows
  const displayName = `${tmpl.qualifiedName}${argsDisplay(bound.args)}`;
  declareRecord(ctx, d, tmpl.scope, { template: tmpl, args: bound.args, displayName, bindings: new Scope('template', tmpl.scope), memo: (r) => tmpl.instances.set(key, r) });
  return true;
}
