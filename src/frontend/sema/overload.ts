/**
 * Overload resolution (C++ [over.match]) over user functions, function templates (after
 * deduction), methods, and built-in table entries.
 *
 * Each argument's implicit conversion gets a rank (Exact < Promotion < Conversion < User <
 * Ellipsis, conversions.ts); a candidate is better than another when it is no worse for
 * every argument and better for one; at equal ranks a non-template beats a template, a user
 * function beats a built-in, and for the math library's integer arguments the `double`
 * overload wins (<cmath>'s rule). CUDA's execution-space preference comes first: when a
 * candidate callable from the current side exists, wrong-side candidates are dropped
 * (clang's CUDA rule), so `min` in device code never resolves to a host-only function.
 */
import type { BuiltinSignature, SigType } from '../builtins/table.js';
import type { CExpr } from './checked.js';
import type { Ctx } from './context.js';
import { Rank, conversionRank, decayedType } from './conversions.js';
import type { BuiltinFunction, Entity, ExecSpace, FunctionEntity, TemplateArgValue } from './entities.js';
import { deduceAndDeclare } from './templates.js';
import { T, type Type, integerRepr, isArithmetic, pointerTo, qualified, referenceTo, sameType, typeToString, unqualified } from './types.js';

export type Candidate =
  | { readonly kind: 'function'; readonly fn: FunctionEntity }
  | { readonly kind: 'builtin'; readonly fn: BuiltinFunction; readonly sig: BuiltinSignature };

export interface Viable {
  readonly cand: Candidate;
  /** the function to call (a template instance for templates) */
  readonly fn?: FunctionEntity;
  readonly params: readonly Type[];
  readonly result: Type;
  readonly ranks: readonly Rank[];
  readonly fromTemplate: boolean;
  readonly receiver?: CExpr;
  readonly args: readonly CExpr[];
  readonly bindings?: Readonly<Record<string, Type>>;
  readonly templateValue?: number;
}

export interface Rejection {
  readonly cand: Candidate;
  readonly reason: string;
}

export interface Resolution {
  readonly best?: Viable;
  readonly ambiguous?: readonly Viable[];
  readonly rejected: readonly Rejection[];
  readonly candidates: number;
}

export interface ResolveOptions {
  readonly explicitArgs?: readonly TemplateArgValue[];
  /** the object of a method call */
  readonly receiver?: CExpr;
  /** operator calls: a member candidate takes the first argument as its object */
  readonly operatorForm?: boolean;
  readonly span: import('../../support/source.js').Span;
}

const ORDINALS = ['1st', '2nd', '3rd'];
export const ordinal = (i: number): string => ORDINALS[i] ?? `${i + 1}th`;

/** The candidates an entity list provides (functions, templates, built-in overloads). */
export function candidatesOf(entities: readonly Entity[]): readonly Candidate[] {
  // one built-in family (the common call): its candidates are made once per process
  if (entities.length === 1 && entities[0]!.kind === 'builtin') return builtinCandidates(entities[0]!);
  const out: Candidate[] = [];
  for (const e of entities) {
    if (e.kind === 'function') out.push({ kind: 'function', fn: e });
    else if (e.kind === 'builtin') for (const sig of e.signatures) out.push({ kind: 'builtin', fn: e, sig });
  }
  return out;
}

const BUILTIN_CANDIDATES = new Map<BuiltinFunction, readonly Candidate[]>();

function builtinCandidates(fn: BuiltinFunction): readonly Candidate[] {
  let c = BUILTIN_CANDIDATES.get(fn);
  if (!c) {
    c = Object.freeze(fn.signatures.map((sig): Candidate => ({ kind: 'builtin', fn, sig })));
    BUILTIN_CANDIDATES.set(fn, c);
  }
  return c;
}

export function resolveOverload(ctx: Ctx, candidates: readonly Candidate[], args: readonly CExpr[], opts: ResolveOptions): Resolution {
  const viable: Viable[] = [];
  const rejected: Rejection[] = [];
  for (const cand of candidates) {
    const r = cand.kind === 'function' ? tryFunction(ctx, cand, args, opts) : tryBuiltin(ctx, cand, args, opts);
    if ('reason' in r) rejected.push(r);
    else viable.push(r);
  }
  if (viable.length === 0) return { rejected, candidates: candidates.length };
  if (viable.length === 1) return { best: viable[0], rejected, candidates: candidates.length };
  const side = sidePreferred(ctx, viable);
  let best: Viable[] = [];
  for (const v of side) {
    if (best.some((b) => better(b, v))) continue;
    best = best.filter((b) => !better(v, b));
    best.push(v);
  }
  if (best.length > 1) {
    const dbl = best.filter((v) => v.cand.kind === 'builtin' && v.cand.fn.entry.integerToDouble && v.params.every((p) => p.kind === 'float' && p.bits === 64));
    if (dbl.length === 1 && best.every((v) => v.cand.kind === 'builtin') && args.every((a) => integerRepr(unqualified(a.type)))) return { best: dbl[0], rejected, candidates: candidates.length };
    return { ambiguous: best, rejected, candidates: candidates.length };
  }
  return { best: best[0], rejected, candidates: candidates.length };
}

function spaceOfCandidate(v: Viable): ExecSpace | 'both' {
  if (v.cand.kind === 'builtin') {
    const s = v.cand.fn.entry.space;
    return s === 'both' ? 'both' : s;
  }
  return v.fn?.space ?? v.cand.fn.space;
}

/** CUDA: drop wrong-side candidates when a callable one exists. */
function sidePreferred(ctx: Ctx, viable: Viable[]): Viable[] {
  const caller = ctx.fn?.space ?? 'host';
  if (caller === 'host-device') return viable;
  const wrong = (v: Viable) => {
    const s = spaceOfCandidate(v);
    if (s === 'both' || s === 'host-device') return false;
    return caller === 'host' ? s !== 'host' : s === 'host';
  };
  const right = viable.filter((v) => !wrong(v));
  return right.length ? right : viable;
}

function better(a: Viable, b: Viable): boolean {
  let strictly = false;
  const n = Math.max(a.ranks.length, b.ranks.length);
  for (let i = 0; i < n; i++) {
    const x = a.ranks[i] ?? Rank.Exact;
    const y = b.ranks[i] ?? Rank.Exact;
    if (x > y) return false;
    if (x < y) strictly = true;
  }
  if (strictly) return true;
  if (!a.fromTemplate && b.fromTemplate) return true;
  if (a.cand.kind === 'function' && b.cand.kind === 'builtin') return true;
  return false;
}

function splitArgs(fn: FunctionEntity, args: readonly CExpr[], opts: ResolveOptions): { receiver?: CExpr; args: readonly CExpr[] } | string {
  const member = fn.owner && !fn.isStatic && !fn.ctor;
  if (opts.operatorForm) return member ? { receiver: args[0], args: args.slice(1) } : { args };
  if (member) {
    if (!opts.receiver) return 'call to non-static member function without an object argument';
    return { receiver: opts.receiver, args };
  }
  return { args };
}

function tryFunction(ctx: Ctx, cand: Candidate & { kind: 'function' }, allArgs: readonly CExpr[], opts: ResolveOptions): Viable | Rejection {
  const split = splitArgs(cand.fn, allArgs, opts);
  if (typeof split === 'string') return { cand, reason: split };
  const { receiver, args } = split;
  let fn = cand.fn;
  if (fn.template) {
    const inst = deduceAndDeclare(ctx, fn, opts.explicitArgs ?? [], args, opts.span);
    if (typeof inst === 'string') return { cand, reason: inst };
    fn = inst;
  } else if (opts.explicitArgs?.length) return { cand, reason: `'${fn.name}' is not a template` };
  if (receiver && fn.owner && !fn.constMethod && receiver.type.const) {
    return { cand, reason: `'this' argument has type '${typeToString(receiver.type)}', but function is not marked const` };
  }
  const params = fn.type.params;
  let defaults = 0;
  for (const p of fn.params) if (p.default) defaults++;
  const arity = arityProblem(args.length, params.length, defaults, fn.type.variadic);
  if (arity) return { cand, reason: arity };
  const ranks: Rank[] = [];
  // the implicit object argument: binding a non-const object to a const method is the worse match
  if (receiver && fn.owner && !fn.ctor) ranks.push(fn.constMethod && !fn.isStatic && !receiver.type.const ? Rank.Promotion : Rank.Exact);
  for (let i = 0; i < args.length; i++) {
    if (i >= params.length) {
      ranks.push(Rank.Ellipsis);
      continue;
    }
    const r = conversionRank(args[i]!, params[i]!);
    if (r === undefined) return { cand, reason: noConversion(args[i]!, params[i]!, i) };
    ranks.push(r);
  }
  return { cand, fn, params, result: fn.type.result, ranks, fromTemplate: !!cand.fn.template, receiver, args };
}

function arityProblem(given: number, params: number, defaults: number, variadic: boolean): string | undefined {
  const min = params - defaults;
  if (given < min) return `requires ${min === params ? '' : 'at least '}${min} argument${min === 1 ? '' : 's'}, but ${given} ${given === 1 ? 'was' : 'were'} provided`;
  if (given > params && !variadic) return `requires ${min === params ? '' : 'at most '}${params} argument${params === 1 ? '' : 's'}, but ${given} ${given === 1 ? 'was' : 'were'} provided`;
  return undefined;
}

function noConversion(arg: CExpr, param: Type, i: number): string {
  return `no known conversion from '${typeToString(arg.type)}' to '${typeToString(param)}' for ${ordinal(i)} argument`;
}

// ----------------------------------------------------------------------------------------
// Built-in signatures (with the type variable T and cooperative-groups patterns)

function tryBuiltin(ctx: Ctx, cand: Candidate & { kind: 'builtin' }, allArgs: readonly CExpr[], opts: ResolveOptions): Viable | Rejection {
  const { fn, sig } = cand;
  const args = allArgs;
  const explicit = opts.explicitArgs ?? [];
  let templateValue: number | undefined;
  let bound: Type | undefined;
  if (fn.entry.templateValue) {
    const v = explicit[0];
    if (!v || v.kind !== 'value' || v.value.kind !== 'int') return { cand, reason: `'${fn.name}' needs an explicit integer template argument` };
    templateValue = Number(v.value.value);
  } else if (explicit.length) {
    const v = explicit[0]!;
    if (!sig.generic || v.kind !== 'type' || explicit.length > 1) return { cand, reason: `'${fn.name}' does not take these template arguments` };
    bound = v.type;
  }
  let defaults = 0;
  for (let i = 0; i < sig.defaults.length; i++) if (sig.defaults[i] !== undefined) defaults++;
  const arity = arityProblem(args.length, sig.params.length, defaults, sig.variadic);
  if (arity) return { cand, reason: arity };
  // deduce T from the first argument whose parameter mentions it
  if (sig.generic && !bound) {
    for (let i = 0; i < Math.min(args.length, sig.params.length) && !bound; i++) bound = deduceVar(sig.params[i]!, args[i]!);
    if (!bound && mentionsVar(sig.result)) return { cand, reason: "couldn't infer template argument 'T'" };
  }
  if (bound && fn.entry.T && !satisfies(bound, fn.entry.T)) return { cand, reason: `'${typeToString(bound)}' is not a valid type for '${fn.name}'` };
  const params: Type[] = [];
  const ranks: Rank[] = [];
  for (let i = 0; i < args.length; i++) {
    const p = sig.params[i];
    if (!p) {
      ranks.push(Rank.Ellipsis);
      continue;
    }
    const arg = args[i]!;
    const pt = substitute(ctx, p, bound, arg);
    if (!pt) return { cand, reason: `no known conversion from '${typeToString(arg.type)}' for ${ordinal(i)} argument` };
    const r = conversionRank(arg, pt);
    if (r === undefined) return { cand, reason: noConversion(arg, pt, i) };
    if (bound && !explicit.length && p.t === 'var' && r !== Rank.Exact && !sameType(decayedType(arg), bound) && fn.entry.ns === 'std') {
      return { cand, reason: `deduced conflicting types for parameter 'T' ('${typeToString(bound)}' vs. '${typeToString(decayedType(arg))}')` };
    }
    params.push(pt);
    ranks.push(r);
  }
  for (let i = args.length; i < sig.params.length; i++) params.push(substitute(ctx, sig.params[i]!, bound, undefined) ?? T.int);
  let result: Type;
  if (sig.result.t === 'tile') result = ctx.reg.tile(templateValue ?? 32);
  else result = substitute(ctx, sig.result, bound, undefined) ?? T.error;
  return { cand, params, result, ranks, fromTemplate: sig.generic, args, receiver: opts.receiver, bindings: bound ? { T: bound } : undefined, templateValue };
}

function mentionsVar(s: SigType): boolean {
  return s.t === 'var' || (s.t === 'ptr' && mentionsVar(s.pointee)) || (s.t === 'ref' && mentionsVar(s.referent));
}

function deduceVar(p: SigType, arg: CExpr): Type | undefined {
  switch (p.t) {
    case 'var': return decayedType(arg);
    case 'ptr': {
      const a = decayedType(arg);
      return a.kind === 'pointer' ? deducePointee(p.pointee, a.pointee, p.const) : undefined;
    }
    case 'ref': return p.referent.t === 'var' ? unqualified(arg.type) : undefined;
    default: return undefined;
  }
}

function deducePointee(p: SigType, t: Type, isConst: boolean): Type | undefined {
  if (p.t === 'var') return isConst ? unqualified(t) : t;
  if (p.t === 'ptr' && t.kind === 'pointer') return deducePointee(p.pointee, t.pointee, p.const);
  return undefined;
}

function satisfies(t: Type, c: NonNullable<BuiltinFunction['entry']['T']>): boolean {
  switch (c) {
    case 'any': return t.kind !== 'void' && t.kind !== 'error';
    case 'arith': return isArithmetic(t) || t.kind === 'half';
    case 'integer': return integerRepr(t) !== undefined;
    case 'floating': return t.kind === 'float' || t.kind === 'half';
    case 'scalar': return isArithmetic(t) || t.kind === 'half' || t.kind === 'pointer';
  }
}

function substitute(ctx: Ctx, s: SigType, bound: Type | undefined, arg: CExpr | undefined): Type | undefined {
  switch (s.t) {
    case 'type': return s.type;
    case 'var': return bound;
    case 'ptr': {
      const p = substitute(ctx, s.pointee, bound, undefined);
      return p && pointerTo(qualified(p, { const: s.const }));
    }
    case 'ref': {
      const r = substitute(ctx, s.referent, bound, undefined);
      return r && referenceTo(qualified(r, { const: s.const }));
    }
    case 'group': case 'tile': case 'cgop': {
      const t = arg ? unqualified(arg.type) : undefined;
      if (!t || t.kind !== 'record' || !t.record.builtin) return undefined;
      const k = t.record.builtin;
      const ok = s.t === 'cgop' ? k === 'cg-op' : s.t === 'tile' ? k === 'cg-tile' : k.startsWith('cg-') && k !== 'cg-op';
      return ok ? referenceTo(qualified(t, { const: true })) : undefined;
    }
  }
}
