/**
 * KIR's object model: a Module holds Globals and Funcs; a Func's body is a Region; a Region is
 * ONE block (structured control flow needs no CFG) with block arguments and a list of Ops; an
 * Op has operands, results, attributes, nested regions and an optional source location.
 *
 * Values are SSA: defined once, by an op result or a region argument. A value is visible in
 * the region that defines it (after its definition) and in every region nested there.
 * There are no use lists: passes that need them compute them (`collectUses` below) — KIR
 * functions are small after inlining and this keeps every mutation trivially consistent.
 */
import type { AddressSpace, Type } from './types.js';
import { getOpDef, type OpDef } from './ops/index.js';

/** A source location as the user sees it, printed `loc("saxpy.cu":3:12)`. */
export interface Loc {
  readonly file: string;
  readonly line: number;
  readonly col: number;
}

export function formatLoc(l: Loc): string {
  return `${l.file}:${l.line}:${l.col}`;
}

/** An attribute value: flags are `true`, enums and strings are strings, symbols are `@name`. */
export type AttrValue = boolean | number | bigint | string | Type;
export type Attrs = Record<string, AttrValue>;

export class Value {
  constructor(
    public type: Type,
    /** defining op, or the region whose argument this is */
    public def: Op | Region,
    /** result index / argument index */
    public index: number,
    /** a readable name hint (`i`, `acc`); printing keeps it when unique */
    public name?: string,
  ) {}
  get definingOp(): Op | undefined {
    return this.def instanceof Op ? this.def : undefined;
  }
}

export class Region {
  readonly args: Value[] = [];
  readonly ops: Op[] = [];
  parent: Op | Func | undefined;

  addArg(type: Type, name?: string): Value {
    const v = new Value(type, this, this.args.length, name);
    this.args.push(v);
    return v;
  }
  /** the last op, when it is a terminator */
  get terminator(): Op | undefined {
    const last = this.ops[this.ops.length - 1];
    return last?.def.terminator ? last : undefined;
  }
  /** the op that owns this region, if it is nested in an op */
  get parentOp(): Op | undefined {
    return this.parent instanceof Op ? this.parent : undefined;
  }
}

export class Op {
  readonly def: OpDef;
  readonly results: Value[] = [];
  parent: Region | undefined;

  constructor(
    readonly name: string,
    public operands: Value[],
    resultTypes: readonly Type[],
    public attrs: Attrs = {},
    public readonly regions: Region[] = [],
    public loc?: Loc,
  ) {
    this.def = getOpDef(name);
    resultTypes.forEach((t, i) => this.results.push(new Value(t, this, i)));
    for (const r of regions) r.parent = this;
  }

  get result(): Value {
    const r = this.results[0];
    if (!r) throw new Error(`internal: op '${this.name}' has no result`);
    return r;
  }

  /** flag attribute set? */
  has(flag: string): boolean {
    return this.attrs[flag] === true;
  }
}

export interface ParamAttrs {
  noalias?: boolean;
  readonly?: boolean;
  writeonly?: boolean;
}
export const PARAM_ATTRS: readonly (keyof ParamAttrs)[] = ['noalias', 'readonly', 'writeonly'];

/** Function attributes (flags and `launch_bounds = N`). */
export interface FuncAttrs {
  forceinline?: boolean;
  noinline?: boolean;
  launch_bounds?: number;
}
export const FUNC_FLAG_ATTRS = ['forceinline', 'noinline'] as const;

export class Func {
  readonly body = new Region();
  paramAttrs: ParamAttrs[] = [];
  attrs: FuncAttrs = {};
  loc?: Loc;

  constructor(
    public name: string,
    /** `kernel` (`__global__`) or `device` (a `__device__` function) */
    public kind: 'kernel' | 'device',
    public resultType: Type,
  ) {
    this.body.parent = this;
  }

  get params(): readonly Value[] {
    return this.body.args;
  }

  addParam(type: Type, name?: string, attrs: ParamAttrs = {}): Value {
    this.paramAttrs.push(attrs);
    return this.body.addArg(type, name);
  }
}

/** A global initialiser: numbers/bigints for scalars, arrays for aggregates and vectors. */
export type Init = number | bigint | 'zero' | readonly Init[];

export type GlobalSpace = Extract<AddressSpace, 'global' | 'shared' | 'constant'>;

export class Global {
  loc?: Loc;
  constructor(
    public name: string,
    /** `global` = `__device__`, `constant` = `__constant__`, `shared` = static `__shared__` */
    public space: GlobalSpace,
    public type: Type,
    public init?: Init,
    /** explicit alignment (0 = natural) */
    public align = 0,
  ) {}
}

export class Module {
  readonly globals: Global[] = [];
  readonly funcs: Func[] = [];

  addGlobal(g: Global): Global {
    this.globals.push(g);
    return g;
  }
  addFunc(f: Func): Func {
    this.funcs.push(f);
    return f;
  }
  func(name: string): Func | undefined {
    return this.funcs.find((f) => f.name === name);
  }
  global(name: string): Global | undefined {
    return this.globals.find((g) => g.name === name);
  }
  get kernels(): Func[] {
    return this.funcs.filter((f) => f.kind === 'kernel');
  }
}

// ---- traversal -------------------------------------------------------------------------------

/** Visits every op of a region, pre-order (an op before the ops of its regions). */
export function walkOps(region: Region, visit: (op: Op) => void): void {
  for (const op of region.ops) {
    visit(op);
    for (const r of op.regions) walkOps(r, visit);
  }
}

/** Every use of every value in a region: value → list of [op, operand index]. */
export function collectUses(region: Region): Map<Value, [Op, number][]> {
  const uses = new Map<Value, [Op, number][]>();
  walkOps(region, (op) =>
    op.operands.forEach((v, i) => {
      let l = uses.get(v);
      if (!l) uses.set(v, (l = []));
      l.push([op, i]);
    }),
  );
  return uses;
}

/** Replaces every use of `from` by `to` inside `region` (recursively). */
export function replaceAllUses(region: Region, from: Value, to: Value): void {
  walkOps(region, (op) => {
    for (let i = 0; i < op.operands.length; i++) if (op.operands[i] === from) op.operands[i] = to;
  });
}

/** Removes an op from its region. */
export function eraseOp(op: Op): void {
  const r = op.parent;
  if (!r) return;
  const i = r.ops.indexOf(op);
  if (i >= 0) r.ops.splice(i, 1);
  op.parent = undefined;
}

/** The innermost function containing a region. */
export function enclosingFunc(region: Region): Func | undefined {
  let r: Region | undefined = region;
  while (r) {
    if (r.parent instanceof Func) return r.parent;
    r = r.parent?.parent;
  }
  return undefined;
}
