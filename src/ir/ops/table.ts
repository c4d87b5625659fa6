/**
 * The op table's schema and registry. Every KIR op is one `OpDef` record — data that the
 * verifier (typing rule, arity, attributes, regions), the printer and parser (primary
 * attribute, flags, region keywords), the passes (purity, commutativity, effects, folding)
 * and the interpreter (name → semantics) all read. One file per op family fills the table.
 *
 * Text shape of every op (see docs/kir.md):
 *   %r0, %r1 = NAME [PRIMARY] [FLAG...] [%operand, ...] [{attr = value, ...}] [: T0, T1]
 *              [loc("file":line:col)] [(%arg: T, ...) {REGION}] [KEYWORD {REGION}] ...
 */
import type { Attrs, AttrValue, Op } from '../core.js';
import type { Type } from '../types.js';

/** How an attribute is spelled and checked. An array of strings is an enum. */
export type AttrKind = 'flag' | 'int' | 'string' | 'symbol' | 'const' | 'type' | readonly string[];

export interface AttrSpec {
  readonly kind: AttrKind;
  readonly required?: boolean;
  readonly doc?: string;
}

/**
 * Effects, for passes: `none` (pure), `read`/`write` memory, `sync` (a collective or barrier:
 * may not be moved across control flow or duplicated), `control` (structured control flow or
 * a terminator), `io` (printf, assert: ordered observable output).
 */
export type Effect = 'none' | 'read' | 'write' | 'readwrite' | 'sync' | 'control' | 'io';

export interface TypingCtx {
  readonly operands: readonly Type[];
  readonly results: readonly Type[];
  readonly attrs: Readonly<Attrs>;
  readonly op: Op;
}

/** A compile-time value for folding: numbers (≤ 32-bit ints, floats, i1), bigints (64-bit). */
export type ConstVal = number | bigint;

export interface OpDef {
  readonly name: string;
  readonly family: string;
  readonly summary: string;
  /** operand count: exact, or [min, max] (max Infinity for variadic) */
  readonly operands: number | readonly [number, number];
  /** result count: exact, or [min, max] */
  readonly results: number | readonly [number, number];
  readonly attrs: Readonly<Record<string, AttrSpec>>;
  /** the attribute printed right after the name without its key (`cmp lt`, `math exp`) */
  readonly primary?: string;
  /** nested regions: exact count; keywords printed before regions 1.. (`else`) */
  readonly regions?: number;
  readonly regionKeywords?: readonly string[];
  readonly pure: boolean;
  readonly commutative?: boolean;
  readonly effect: Effect;
  /** ends a region (yield, break, continue, return) */
  readonly terminator?: boolean;
  /** a SIMT collective: every participating thread must reach the same dynamic instance */
  readonly convergent?: boolean;
  /** C's undefined-behaviour facts this op carries (documented, checked by the sanitizer) */
  readonly ub?: readonly string[];
  /** the typing rule: an error message, or undefined when the op is well typed */
  typing(c: TypingCtx): string | undefined;
  /** result types from operand types and attributes, when they follow (for the builder) */
  infer?(operands: readonly Type[], attrs: Readonly<Attrs>): Type[] | undefined;
  /** constant folding: results from constant operands, or undefined when it does not fold */
  fold?(operands: readonly ConstVal[], operandTypes: readonly Type[], resultTypes: readonly Type[], attrs: Readonly<Attrs>): ConstVal[] | undefined;
}

const registry = new Map<string, OpDef>();

export function defineOps(defs: readonly OpDef[]): void {
  for (const d of defs) {
    if (registry.has(d.name)) throw new Error(`internal: op '${d.name}' defined twice`);
    registry.set(d.name, d);
  }
}

export function getOpDef(name: string): OpDef {
  const d = registry.get(name);
  if (!d) throw new Error(`internal: unknown KIR op '${name}'`);
  return d;
}

export function findOpDef(name: string): OpDef | undefined {
  return registry.get(name);
}

export function allOpDefs(): readonly OpDef[] {
  return [...registry.values()];
}

/** the flag attributes of an op, in table order (printed as words after the primary) */
export function flagsOf(d: OpDef): string[] {
  return Object.entries(d.attrs).filter(([, s]) => s.kind === 'flag').map(([k]) => k);
}

export function isEnumKind(k: AttrKind): k is readonly string[] {
  return Array.isArray(k);
}

/** Checks one attribute value against its spec: an error message or undefined. */
export function checkAttr(name: string, spec: AttrSpec, v: AttrValue): string | undefined {
  const k = spec.kind;
  if (isEnumKind(k)) return typeof v === 'string' && k.includes(v) ? undefined : `attribute '${name}' must be one of ${k.join('|')}`;
  switch (k) {
    case 'flag': return v === true ? undefined : `attribute '${name}' is a flag`;
    case 'int': return typeof v === 'number' && Number.isInteger(v) ? undefined : `attribute '${name}' must be an integer`;
    case 'string': case 'symbol': return typeof v === 'string' ? undefined : `attribute '${name}' must be a ${k}`;
    case 'const': return typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean' ? undefined : `attribute '${name}' must be a constant`;
    case 'type': return typeof v === 'object' ? undefined : `attribute '${name}' must be a type`;
  }
}
