/**
 * The builder: creates ops at an insertion point, infers result types from the op table where
 * they follow from the operands, stamps the current source location on every op, and builds
 * nested regions through callbacks:
 *
 *   const b = new Builder(fn.body);
 *   b.loc = { file: 'saxpy.cu', line: 3, col: 12 };
 *   const i = b.add(b.mul(b.blockId('x'), b.blockDim('x')), b.threadId('x'));
 *   b.if(b.cmp('lt', i, n), [], (t) => { t.store(v, t.ptradd(y, i)); });
 *   const [sum] = b.for(lo, hi, one, [zero], (body, iv, [acc]) => [body.add(acc!, iv)]);
 *
 * A region callback may return the values to yield (an implicit `yield`) or end the region
 * itself with `break`/`continue`/`return`.
 */
import { type Attrs, type AttrValue, Func, Global, type Init, type Loc, Module, Op, type ParamAttrs, Region, type Value } from './core.js';
import { getOpDef } from './ops/index.js';
import { type AddressSpace, type FloatType, type IntType, type Type, f32, i1, i32, isFloat, isInt, ptr, u32, voidT } from './types.js';

export type CastKind = 'sext' | 'zext' | 'trunc' | 'fptosi' | 'fptoui' | 'sitofp' | 'uitofp' | 'fpext' | 'fptrunc' | 'bitcast' | 'addrspacecast' | 'ptrcast' | 'ptrtoint' | 'inttoptr';
type Yielded = Value[] | void;

export interface OpOptions {
  attrs?: Attrs;
  /** result types; inferred from the op table when left out */
  types?: readonly Type[];
  regions?: Region[];
  loc?: Loc;
}

export class Builder {
  /** the location stamped on new ops (the lowering sets it per statement/expression) */
  loc: Loc | undefined;
  private region: Region;
  private index: number | undefined; // undefined: at the end

  constructor(region: Region, loc?: Loc) {
    this.region = region;
    this.loc = loc;
  }

  // ---- insertion point ----
  atEnd(region: Region): this {
    this.region = region;
    this.index = undefined;
    return this;
  }
  before(op: Op): this {
    this.region = op.parent!;
    this.index = this.region.ops.indexOf(op);
    return this;
  }
  after(op: Op): this {
    this.region = op.parent!;
    this.index = this.region.ops.indexOf(op) + 1;
    return this;
  }
  get insertionRegion(): Region {
    return this.region;
  }
  /** a builder for another region that shares this one's location */
  nested(region: Region): Builder {
    return new Builder(region, this.loc);
  }

  insert(op: Op): Op {
    op.parent = this.region;
    if (this.index === undefined) this.region.ops.push(op);
    else this.region.ops.splice(this.index++, 0, op);
    return op;
  }

  /** creates any op by name; result types are inferred when not given */
  create(name: string, operands: readonly Value[], o: OpOptions = {}): Op {
    const attrs = o.attrs ?? {};
    let types = o.types;
    if (!types) {
      const d = getOpDef(name);
      types = d.infer?.(operands.map((v) => v.type), attrs);
      if (!types) {
        if (d.results === 0) types = [];
        else throw new Error(`internal: builder cannot infer the result type of '${name}'; pass types`);
      }
    }
    return this.insert(new Op(name, [...operands], types, attrs, o.regions ?? [], o.loc ?? this.loc));
  }
  /** creates a single-result op and returns its value */
  value(name: string, operands: readonly Value[], attrs: Attrs = {}, type?: Type): Value {
    return this.create(name, operands, { attrs, types: type ? [type] : undefined }).result;
  }

  // ---- constants ----
  const(type: Type, value: number | bigint | boolean): Value {
    let v: AttrValue = value;
    if (typeof value === 'boolean') v = value ? 1 : 0;
    if (isInt(type) && type.bits === 64) v = BigInt(value as number | bigint);
    else if (typeof v === 'bigint') v = Number(v);
    return this.value('const', [], { value: v }, type);
  }
  i32(n: number): Value { return this.const(i32, n | 0); }
  u32(n: number): Value { return this.const(u32, n >>> 0); }
  f32(x: number): Value { return this.const(f32, Math.fround(x)); }
  bool(b: boolean): Value { return this.const(i1, b); }
  zero(type: Type): Value { return this.value('zero', [], {}, type); }

  // ---- arithmetic ----
  private bin(name: string, a: Value, b: Value, flags: readonly string[]): Value {
    return this.value(name, [a, b], Object.fromEntries(flags.map((f) => [f, true])));
  }
  add(a: Value, b: Value, ...flags: ('nsw' | 'nuw')[]): Value { return this.bin('add', a, b, flags); }
  sub(a: Value, b: Value, ...flags: ('nsw' | 'nuw')[]): Value { return this.bin('sub', a, b, flags); }
  mul(a: Value, b: Value, ...flags: ('nsw' | 'nuw')[]): Value { return this.bin('mul', a, b, flags); }
  div(a: Value, b: Value, ...flags: ('exact' | 'approx')[]): Value { return this.bin('div', a, b, flags); }
  rem(a: Value, b: Value): Value { return this.bin('rem', a, b, []); }
  and(a: Value, b: Value): Value { return this.bin('and', a, b, []); }
  or(a: Value, b: Value): Value { return this.bin('or', a, b, []); }
  xor(a: Value, b: Value): Value { return this.bin('xor', a, b, []); }
  shl(a: Value, b: Value, ...flags: ('nsw' | 'nuw')[]): Value { return this.bin('shl', a, b, flags); }
  shr(a: Value, b: Value): Value { return this.bin('shr', a, b, []); }
  min(a: Value, b: Value): Value { return this.bin('min', a, b, []); }
  max(a: Value, b: Value): Value { return this.bin('max', a, b, []); }
  neg(a: Value): Value { return this.value('neg', [a]); }
  not(a: Value): Value { return this.value('not', [a]); }
  cmp(pred: 'eq' | 'ne' | 'lt' | 'le' | 'gt' | 'ge' | 'ord' | 'uno', a: Value, b: Value): Value { return this.value('cmp', [a, b], { pred }); }
  select(c: Value, a: Value, b: Value): Value { return this.value('select', [c, a, b]); }
  fma(a: Value, b: Value, c: Value): Value { return this.value('fma', [a, b, c]); }
  math(fn: string, args: readonly Value[], approx = false): Value { return this.value('math', args, approx ? { fn, approx: true } : { fn }); }
  cast(kind: CastKind, v: Value, to: Type): Value { return this.value(kind, [v], {}, to); }
  /** C's conversion between arithmetic types: picks the cast op from the two types */
  convert(v: Value, to: Type): Value {
    const from = v.type;
    if (from === to) return v;
    if (isInt(from) && isInt(to)) {
      if (from.bits === to.bits) return this.cast('bitcast', v, to);
      return this.cast(to.bits < from.bits ? 'trunc' : from.signed ? 'sext' : 'zext', v, to);
    }
    if (from === i1 && isInt(to)) return this.cast('zext', v, to);
    if ((isInt(from) || isFloat(from)) && to === i1) return this.cmp('ne', v, this.const(from, 0));
    if (isFloat(from) && isFloat(to)) return this.cast(to.bits > from.bits ? 'fpext' : 'fptrunc', v, to);
    if (isFloat(from) && isInt(to)) return this.cast(to.signed ? 'fptosi' : 'fptoui', v, to);
    if ((isInt(from) || from === i1) && isFloat(to)) return this.cast(isInt(from) && from.signed ? 'sitofp' : 'uitofp', v, to as FloatType);
    throw new Error(`internal: no conversion from ${from.text} to ${to.text}`);
  }
  extract(agg: Value, index: number): Value { return this.value('extract', [agg], { index }); }
  insertValue(agg: Value, v: Value, index: number): Value { return this.value('insert', [agg, v], { index }); }
  build(type: Type, elems: readonly Value[]): Value { return this.value('build', elems, {}, type); }

  // ---- memory ----
  alloca(type: Type, align?: number): Value { return this.value('alloca', [], align ? { align } : {}, ptr('local', type)); }
  load(p: Value, o: { volatile?: boolean; align?: number } = {}): Value { return this.value('load', [p], memAttrs(o)); }
  store(v: Value, p: Value, o: { volatile?: boolean; align?: number } = {}): Op { return this.create('store', [v, p], { attrs: memAttrs(o), types: [] }); }
  ptradd(p: Value, i: Value): Value { return this.value('ptradd', [p, i]); }
  fieldptr(p: Value, index: number): Value { return this.value('fieldptr', [p], { index }); }
  elemptr(p: Value, i: Value): Value { return this.value('elemptr', [p, i]); }
  addressof(g: Global): Value { return this.value('addressof', [], { sym: g.name }, ptr(g.space, g.type)); }
  dynShared(elem: Type): Value { return this.value('dyn_shared', [], {}, ptr('shared', elem)); }
  atomicRmw(op: string, p: Value, v: Value, o: { scope?: string; order?: string } = {}): Value {
    return this.value('atomic.rmw', [p, v], { op, ...o });
  }
  atomicCas(p: Value, expected: Value, desired: Value, o: { scope?: string; order?: string } = {}): Value {
    return this.value('atomic.cas', [p, expected, desired], { ...o });
  }
  fence(scope: 'block' | 'device' | 'system'): Op { return this.create('fence', [], { attrs: { scope } }); }

  // ---- SIMT ----
  threadId(dim: 'x' | 'y' | 'z'): Value { return this.value('thread_id', [], { dim }); }
  blockId(dim: 'x' | 'y' | 'z'): Value { return this.value('block_id', [], { dim }); }
  blockDim(dim: 'x' | 'y' | 'z'): Value { return this.value('block_dim', [], { dim }); }
  gridDim(dim: 'x' | 'y' | 'z'): Value { return this.value('grid_dim', [], { dim }); }
  laneId(): Value { return this.value('lane_id', []); }
  barrier(): Op { return this.create('barrier', []); }
  barrierReduce(kind: 'count' | 'and' | 'or', pred: Value): Value { return this.value('barrier', [pred], { kind }); }
  shuffle(mode: 'idx' | 'up' | 'down' | 'xor', mask: Value, v: Value, lane: Value, width: Value): Value {
    return this.value('shuffle', [mask, v, lane, width], { mode });
  }
  vote(mode: 'any' | 'all' | 'ballot', mask: Value, pred: Value): Value { return this.value('vote', [mask, pred], { mode }); }
  syncwarp(mask: Value): Op { return this.create('syncwarp', [mask]); }
  activemask(): Value { return this.value('activemask', []); }

  // ---- calls and output ----
  call(callee: Func, args: readonly Value[]): Value | undefined {
    const types = callee.resultType === voidT ? [] : [callee.resultType];
    const op = this.create('call', args, { attrs: { callee: callee.name }, types });
    return op.results[0];
  }
  printf(format: string, args: readonly Value[]): Op { return this.create('printf', args, { attrs: { format } }); }
  assert(cond: Value, message: string): Op { return this.create('assert', [cond], { attrs: { message } }); }

  // ---- control flow ----
  yield(vals: readonly Value[] = []): Op { return this.create('yield', vals); }
  break(vals: readonly Value[] = []): Op { return this.create('break', vals); }
  continue(vals: readonly Value[] = []): Op { return this.create('continue', vals); }
  return(v?: Value): Op { return this.create('return', v ? [v] : []); }

  /** `if` with results; each callback returns the values to yield (or ends its region itself) */
  if(cond: Value, types: readonly Type[], then: (b: Builder) => Yielded, els?: (b: Builder) => Yielded): Value[] {
    const r0 = new Region(), r1 = new Region();
    const op = this.create('if', [cond], { types, regions: [r0, r1] });
    this.fill(r0, then, 'yield');
    this.fill(r1, els ?? (() => []), 'yield');
    return op.results;
  }

  /** counted loop `for (iv = lo; iv < hi; iv += step)`; the body returns the next carried values */
  for(lo: Value, hi: Value, step: Value, inits: readonly Value[], body: (b: Builder, iv: Value, carried: Value[]) => Yielded, attrs: Attrs = {}, ivName?: string): Value[] {
    const r = new Region();
    const iv = r.addArg(lo.type, ivName);
    const carried = inits.map((v) => r.addArg(v.type));
    const op = this.create('for', [lo, hi, step, ...inits], { types: inits.map((v) => v.type), regions: [r], attrs });
    this.fill(r, (b) => body(b, iv, carried), 'yield');
    return op.results;
  }

  /** general loop; the body must end with `continue`/`break`/`return` (returning values = continue) */
  loop(inits: readonly Value[], resultTypes: readonly Type[], body: (b: Builder, carried: Value[]) => Yielded, attrs: Attrs = {}): Value[] {
    const r = new Region();
    const carried = inits.map((v) => r.addArg(v.type));
    const op = this.create('loop', inits, { types: resultTypes, regions: [r], attrs });
    this.fill(r, (b) => body(b, carried), 'continue');
    return op.results;
  }

  private fill(r: Region, f: (b: Builder) => Yielded, term: 'yield' | 'continue'): void {
    const b = this.nested(r);
    const vals = f(b);
    if (!r.terminator) b.create(term, vals ?? []);
  }
}

function memAttrs(o: { volatile?: boolean; align?: number }): Attrs {
  const a: Attrs = {};
  if (o.volatile) a.volatile = true;
  if (o.align) a.align = o.align;
  return a;
}

/** Names a value for printing (`%i` instead of `%7`) and returns it. */
export function named<V extends Value>(v: V, name: string): V {
  v.name = name;
  return v;
}

export interface ParamSpec {
  name?: string;
  type: Type;
  attrs?: ParamAttrs;
}

/** Adds a function to a module and builds its body. */
export function buildFunc(
  m: Module,
  kind: 'kernel' | 'device',
  name: string,
  params: readonly ParamSpec[],
  resultType: Type,
  body: (b: Builder, params: Value[]) => void,
  loc?: Loc,
): Func {
  const f = m.addFunc(new Func(name, kind, resultType));
  f.loc = loc;
  const vals = params.map((p) => f.addParam(p.type, p.name, p.attrs ?? {}));
  const b = new Builder(f.body, loc);
  body(b, vals);
  if (!f.body.terminator && resultType === voidT) b.return();
  return f;
}

/** Adds a global (`__device__`, `__constant__`, static `__shared__`). */
export function addGlobal(m: Module, name: string, space: 'global' | 'shared' | 'constant', type: Type, init?: Init, align = 0): Global {
  return m.addGlobal(new Global(name, space, type, init, align));
}

export type { AddressSpace, IntType };
export { Module };
