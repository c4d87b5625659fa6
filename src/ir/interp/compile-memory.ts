/**
 * Interpreter code for memory ops and atomics. Every access resolves its pointer (allocation
 * id + offset, runtime.ts) and is bounds-checked even with the sanitizer off (a fault, never a
 * JS exception); the sanitizer adds alignment, uninitialised-shared-read and race checks
 * (sanitizer.ts). f32/i32/u32 loads and stores have their own closures: they are the hot ones.
 */
import type { Op } from '../core.js';
import { floatBinary, intBinary } from '../semantics.js';
import { type PtrType, type Type, alignOf, layoutOf, memberOffset, sizeOf } from '../types.js';
import type { FnCompiler } from './compile.js';
import { getter, putter } from './compile.js';
import { readValue, writeValue } from './memory.js';
import { checkAlign, resolveSlow, shadowAccess } from './sanitizer.js';
import { type Frame, type Instr, STOP, TWO31, TWO32, type Thread, addrOf } from './runtime.js';

type Reader = (v: DataView, off: number) => number;
type Writer = (v: DataView, off: number, x: number) => void;

function scalarReader(t: Type): Reader | undefined {
  if (t.kind === 'float' && (t.fkind === 'f32' || t.fkind === 'f64')) return t.fkind === 'f32' ? (v, o) => v.getFloat32(o, true) : (v, o) => v.getFloat64(o, true);
  if (t.kind === 'int' && t.bits === 32) return t.signed ? (v, o) => v.getInt32(o, true) : (v, o) => v.getUint32(o, true);
  if (t.kind === 'bool' || t.kind === 'ptr' || t.kind === 'int' && t.bits < 64 || t.kind === 'float') return (v, o) => readValue(v, o, t) as number;
  return undefined;
}

function scalarWriter(t: Type): Writer | undefined {
  if (t.kind === 'float' && t.fkind === 'f32') return (v, o, x) => v.setFloat32(o, x, true);
  if (t.kind === 'float' && t.fkind === 'f64') return (v, o, x) => v.setFloat64(o, x, true);
  if (t.kind === 'int' && t.bits === 32) return (v, o, x) => v.setUint32(o, x >>> 0, true);
  if (t.kind === 'bool' || t.kind === 'ptr' || t.kind === 'int' && t.bits < 64 || t.kind === 'float') return (v, o, x) => writeValue(v, o, t, x);
  return undefined;
}

/**
 * Resolves the address in `addr` for an access of `size` bytes: sets `lastOff` and returns the
 * allocation, or undefined after reporting a fault.
 */
let lastOff = 0;
function resolve(t: Thread, addr: number, size: number, align: number, kind: 'load' | 'store' | 'atomic', write: boolean, op: Op): ReturnType<typeof resolveSlow> {
  const id = Math.floor(addr / TWO32);
  const al = t.ctx.mem.allocs[id];
  const off = addr - id * TWO32 - TWO31;
  if (al === undefined || off < 0 || off + size > al.size || addr === 0) return resolveSlow(t, addr, size, kind, op.loc);
  lastOff = off;
  if (t.ctx.sanitize) {
    if (!checkAlign(t, al, off, align, kind, op.loc)) return undefined;
    if (kind !== 'atomic') shadowAccess(t, al, off, size, write, op.loc, op.attrs.bitfield === true);
    else if (al.init) al.init.fill(1, off, off + size);
  }
  return al;
}

export function compileMemory(op: Op, c: FnCompiler): Instr | null | undefined {
  const next = c.next;
  switch (op.name) {
    case 'load': return load(op, c, next);
    case 'store': return store(op, c, next);
    case 'ptradd': case 'elemptr': {
      const p = c.n(op.operands[0]!);
      const is = c.slot(op.operands[1]!);
      const size = sizeOf((op.result.type as PtrType).pointee);
      const d = c.n(op.result);
      if (is[0] === 0) {
        const i = is[1];
        return (f) => { f.n[d] = f.n[p]! + f.n[i]! * size; return next; };
      }
      const i = is[1];
      return (f) => { f.n[d] = f.n[p]! + Number(f.b[i]!) * size; return next; };
    }
    case 'fieldptr': {
      const p = c.n(op.operands[0]!), d = c.n(op.result);
      const off = memberOffset((op.operands[0]!.type as PtrType).pointee, op.attrs.index as number);
      return (f) => { f.n[d] = f.n[p]! + off; return next; };
    }
    case 'addrspacecast': case 'ptrcast': {
      const p = c.n(op.operands[0]!), d = c.n(op.result);
      return (f) => { f.n[d] = f.n[p]!; return next; };
    }
    case 'ptrtoint': {
      const p = c.n(op.operands[0]!), d = c.slot(op.result)[1];
      return (f) => { f.b[d] = BigInt(f.n[p]!); return next; };
    }
    case 'inttoptr': {
      const s = c.slot(op.operands[0]!)[1], d = c.n(op.result);
      return (f) => { f.n[d] = Number(BigInt.asUintN(64, f.b[s]!)); return next; };
    }
    case 'alloca': {
      const pointee = (op.result.type as PtrType).pointee;
      const size = Math.max(1, sizeOf(pointee));
      const name = op.result.name ?? 'local';
      const d = c.n(op.result);
      let e: Type = pointee;
      while (e.kind === 'array') e = e.elem;
      const elem = layoutOf(e).size;
      return (f, t) => {
        const al = t.ctx.mem.allocate(size, 'local', name, elem);
        (f.locals ??= []).push(al.id);
        f.n[d] = addrOf(al.id, 0);
        return next;
      };
    }
    case 'addressof': {
      const g = c.module.global(op.attrs.sym as string)!;
      const k = c.program.globalIndex.get(g.name)!;
      const d = c.n(op.result);
      if (g.space === 'shared') return (f, t) => { f.n[d] = t.blk.sharedAddr[k]!; return next; };
      return (f, t) => { f.n[d] = t.ctx.globalAddr[k]!; return next; };
    }
    case 'dyn_shared': {
      const d = c.n(op.result);
      return (f, t) => { f.n[d] = t.blk.dynShared; return next; };
    }
    case 'atomic.rmw': case 'atomic.cas': return atomic(op, c, next);
    case 'fence': return () => next;
  }
  return undefined;
}

function load(op: Op, c: FnCompiler, next: number): Instr {
  const t = op.result.type;
  const p = c.n(op.operands[0]!);
  const size = sizeOf(t), align = (op.attrs.align as number | undefined) ?? alignOf(t);
  const d = c.slot(op.result);
  const rd = scalarReader(t);
  if (!c.sanitize && t.kind === 'float' && t.fkind === 'f32') {
    const di = d[1];
    return (f, th) => {
      const a = f.n[p]!;
      const id = Math.floor(a / TWO32);
      const al = th.ctx.mem.allocs[id];
      const off = a - id * TWO32 - TWO31;
      if (al === undefined || off < 0 || off + 4 > al.size) { resolveSlow(th, a, 4, 'load', op.loc); return STOP; }
      f.n[di] = al.view.getFloat32(off, true);
      return next;
    };
  }
  if (!c.sanitize && t.kind === 'int' && t.bits === 32) {
    const di = d[1];
    const signed = t.signed;
    return (f, th) => {
      const a = f.n[p]!;
      const id = Math.floor(a / TWO32);
      const al = th.ctx.mem.allocs[id];
      const off = a - id * TWO32 - TWO31;
      if (al === undefined || off < 0 || off + 4 > al.size) { resolveSlow(th, a, 4, 'load', op.loc); return STOP; }
      f.n[di] = signed ? al.view.getInt32(off, true) : al.view.getUint32(off, true);
      return next;
    };
  }
  if (rd && d[0] === 0) {
    const di = d[1];
    return (f, th) => {
      const al = resolve(th, f.n[p]!, size, align, 'load', false, op);
      if (!al) return STOP;
      f.n[di] = rd(al.view, lastOff);
      return next;
    };
  }
  const put = putter(d);
  return (f, th) => {
    const al = resolve(th, f.n[p]!, size, align, 'load', false, op);
    if (!al) return STOP;
    put(f, readValue(al.view, lastOff, t));
    return next;
  };
}

function store(op: Op, c: FnCompiler, next: number): Instr {
  const t = op.operands[0]!.type;
  const vs = c.slot(op.operands[0]!);
  const p = c.n(op.operands[1]!);
  const size = sizeOf(t), align = (op.attrs.align as number | undefined) ?? alignOf(t);
  const wr = scalarWriter(t);
  if (!c.sanitize && t.kind === 'float' && t.fkind === 'f32') {
    const v = vs[1];
    return (f, th) => {
      const a = f.n[p]!;
      const id = Math.floor(a / TWO32);
      const al = th.ctx.mem.allocs[id];
      const off = a - id * TWO32 - TWO31;
      if (al === undefined || off < 0 || off + 4 > al.size) { resolveSlow(th, a, 4, 'store', op.loc); return STOP; }
      al.view.setFloat32(off, f.n[v]!, true);
      return next;
    };
  }
  if (wr && vs[0] === 0) {
    const v = vs[1];
    return (f, th) => {
      const al = resolve(th, f.n[p]!, size, align, 'store', true, op);
      if (!al) return STOP;
      wr(al.view, lastOff, f.n[v]!);
      return next;
    };
  }
  const get = getter(vs);
  return (f, th) => {
    const al = resolve(th, f.n[p]!, size, align, 'store', true, op);
    if (!al) return STOP;
    writeValue(al.view, lastOff, t, get(f));
    return next;
  };
}

function atomic(op: Op, c: FnCompiler, next: number): Instr {
  const t = op.result.type;
  const p = c.n(op.operands[0]!);
  const gets = op.operands.slice(1).map((v) => getter(c.slot(v)));
  const put = putter(c.slot(op.result));
  const size = sizeOf(t);
  const rmw = op.name === 'atomic.rmw' ? (op.attrs.op as string) : 'cas';
  const combine = (old: unknown, v: unknown, v2: unknown): unknown => {
    switch (rmw) {
      case 'cas': return old === v ? v2 : old;
      case 'xchg': return v;
      case 'inc': return (old as number) >= (v as number) ? 0 : (old as number) + 1;
      case 'dec': return old === 0 || (old as number) > (v as number) ? v : (old as number) - 1;
      default: return t.kind === 'float' ? floatBinary(rmw, t, old as number, v as number) : intBinary(rmw, t as never, old as number, v as number);
    }
  };
  return (f: Frame, th: Thread) => {
    const al = resolve(th, f.n[p]!, size, size, 'atomic', true, op);
    if (!al) return STOP;
    const old = readValue(al.view, lastOff, t);
    writeValue(al.view, lastOff, t, combine(old, gets[0]!(f), gets[1]?.(f)));
    put(f, old);
    return next;
  };
}
