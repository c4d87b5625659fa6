/**
 * Interpreter code for constants, aggregates, arithmetic, comparisons, casts and math.
 * Scalars up to 32 bits and floats get closures specialised on the type (i32 add is
 * `(a + b) | 0`, f32 mul is `Math.fround(a * b)`); 64-bit integers use bigints; vectors and
 * rare combinations go through the op table's folding hook element by element (the same
 * semantics, src/ir/semantics.ts, that constant folding uses). With the sanitizer, ops
 * carrying UB facts check them (nsw/nuw overflow, division by zero, oversized shifts,
 * out-of-range float→int) and report a non-fatal fault; the wrapped result is still produced.
 */
import type { Op } from '../core.js';
import type { ConstVal } from '../ops/table.js';
import { checkUB, floatBinary, floatToInt, fmaF32, intToFloat, roundFloat } from '../semantics.js';
import { MATH_FUNCS, evalMath } from '../ops/math.js';
import type { Rounding } from '../rounding.js';
import { type FloatType, type IntType, type Type, bitWidth, isFloat, isInt, scalarOf } from '../types.js';
import { type FnCompiler, type Slot, bankOf, getter, putter } from './compile.js';
import { readValue, writeValue, zeroValue } from './memory.js';
import { type Frame, type Instr, type Thread, fault } from './runtime.js';

type N2 = (a: number, b: number) => number;
type N1 = (a: number) => number;

function wrapper(t: IntType): N1 {
  switch (t.bits) {
    case 32: return t.signed ? (x) => x | 0 : (x) => x >>> 0;
    case 16: return t.signed ? (x) => (x << 16) >> 16 : (x) => x & 0xffff;
    default: return t.signed ? (x) => (x << 24) >> 24 : (x) => x & 0xff;
  }
}

function intOp(name: string, t: IntType): N2 | undefined {
  const W = wrapper(t);
  const i32 = t.bits === 32 && t.signed, u32 = t.bits === 32 && !t.signed;
  const bits = t.bits;
  switch (name) {
    case 'add': return i32 ? (a, b) => (a + b) | 0 : u32 ? (a, b) => (a + b) >>> 0 : (a, b) => W(a + b);
    case 'sub': return i32 ? (a, b) => (a - b) | 0 : u32 ? (a, b) => (a - b) >>> 0 : (a, b) => W(a - b);
    case 'mul': return i32 ? Math.imul : u32 ? (a, b) => Math.imul(a, b) >>> 0 : (a, b) => W(a * b);
    case 'div': return (a, b) => (b === 0 ? 0 : W(Math.trunc(a / b)));
    case 'rem': return (a, b) => (b === 0 ? 0 : W(a % b));
    case 'and': return (a, b) => W(a & b);
    case 'or': return (a, b) => W(a | b);
    case 'xor': return (a, b) => W(a ^ b);
    case 'shl': return (a, b) => (b < 0 || b >= bits ? 0 : W(a << b));
    case 'shr': return t.signed ? (a, b) => (b < 0 || b >= bits ? (a < 0 ? -1 : 0) : a >> b) : (a, b) => (b < 0 || b >= bits ? 0 : a >>> b);
    case 'min': return (a, b) => (a < b ? a : b);
    case 'max': return (a, b) => (a > b ? a : b);
  }
  return undefined;
}

function floatOp(name: string, t: FloatType): N2 | undefined {
  const f32 = t.fkind === 'f32', f64 = t.fkind === 'f64';
  const R = (x: number) => roundFloat(t, x);
  switch (name) {
    case 'add': return f32 ? (a, b) => Math.fround(a + b) : f64 ? (a, b) => a + b : (a, b) => R(a + b);
    case 'sub': return f32 ? (a, b) => Math.fround(a - b) : f64 ? (a, b) => a - b : (a, b) => R(a - b);
    case 'mul': return f32 ? (a, b) => Math.fround(a * b) : f64 ? (a, b) => a * b : (a, b) => R(a * b);
    case 'div': return f32 ? (a, b) => Math.fround(a / b) : f64 ? (a, b) => a / b : (a, b) => R(a / b);
    case 'rem': return (a, b) => R(a % b);
    case 'min': case 'max': return (a, b) => floatBinary(name, t, a, b);
  }
  return undefined;
}

function bigOp(name: string, t: IntType): ((a: bigint, b: bigint) => bigint) | undefined {
  const W = t.signed ? (x: bigint) => BigInt.asIntN(64, x) : (x: bigint) => BigInt.asUintN(64, x);
  switch (name) {
    case 'add': return (a, b) => W(a + b);
    case 'sub': return (a, b) => W(a - b);
    case 'mul': return (a, b) => W(a * b);
    case 'div': return (a, b) => (b === 0n ? 0n : W(a / b));
    case 'rem': return (a, b) => (b === 0n ? 0n : W(a % b));
    case 'and': return (a, b) => W(a & b);
    case 'or': return (a, b) => W(a | b);
    case 'xor': return (a, b) => W(a ^ b);
    case 'shl': return (a, b) => (b < 0n || b >= 64n ? 0n : W(a << b));
    case 'shr': return (a, b) => (b < 0n || b >= 64n ? (a < 0n ? -1n : 0n) : a >> b);
    case 'min': return (a, b) => (a < b ? a : b);
    case 'max': return (a, b) => (a > b ? a : b);
  }
  return undefined;
}

const CMP: Record<string, N2> = {
  eq: (a, b) => +(a === b), ne: (a, b) => +(a !== b), lt: (a, b) => +(a < b), le: (a, b) => +(a <= b), gt: (a, b) => +(a > b), ge: (a, b) => +(a >= b),
  ord: (a, b) => +(a === a && b === b), uno: (a, b) => +(a !== a || b !== b),
};

const BINARY = new Set(['add', 'sub', 'mul', 'div', 'rem', 'and', 'or', 'xor', 'shl', 'shr', 'min', 'max']);
const CASTS = new Set(['sext', 'zext', 'trunc', 'fptosi', 'fptoui', 'sitofp', 'uitofp', 'fpext', 'fptrunc', 'bitcast']);

/** Instr for the op, null when it needs no code (constants), undefined when not an arith op. */
export function compileArith(op: Op, c: FnCompiler): Instr | null | undefined {
  const name = op.name;
  if (name === 'const') {
    c.constant(op.result, op.attrs.value as number | bigint);
    return null;
  }
  if (name === 'zero') {
    const t = op.result.type;
    const s = c.slot(op.result);
    if (s[0] === 2) { const z = zeroValue(t); const i = s[1], next = c.next; return (f) => { f.o[i] = z; return next; }; }
    c.constant(op.result, bankOf(t) === 1 ? 0n : 0);
    return null;
  }
  if (name === 'extract' || name === 'insert' || name === 'build') return aggregate(op, c);
  if (BINARY.has(name)) return binary(op, c);
  if (CASTS.has(name)) return cast(op, c);
  switch (name) {
    case 'cmp': return cmp(op, c);
    case 'select': {
      const [k, a, b] = op.operands.map((v) => c.slot(v));
      const d = c.slot(op.result), next = c.next;
      if (k![0] === 0 && a![0] === 0 && d[0] === 0) {
        const ki = k![1], ai = a![1], bi = b![1], di = d[1];
        return (f) => { f.n[di] = f.n[ki] ? f.n[ai]! : f.n[bi]!; return next; };
      }
      return generic(op, c);
    }
    case 'neg': case 'not': case 'abs': case 'popc': case 'clz': case 'ffs': case 'brev': return unary(op, c);
    case 'fma': return fma(op, c);
    case 'math': return math(op, c);
  }
  return undefined;
}

/** element-wise through the op table's fold hook (vectors, 64-bit bit utilities, rare types) */
function generic(op: Op, c: FnCompiler): Instr {
  const gets = op.operands.map((v) => getter(c.slot(v)));
  const put = putter(c.slot(op.result));
  const tys = op.operands.map((v) => v.type);
  const rt = op.result.type;
  const d = op.def, attrs = op.attrs, next = c.next;
  const scalar = (vals: unknown[], ts: Type[], r: Type): unknown => {
    if (op.name === 'fma') return fmaScalar(r as FloatType, vals as number[]);
    return d.fold?.(vals as ConstVal[], ts, [r], attrs)?.[0] ?? (bankOf(r) === 1 ? 0n : 0);
  };
  if (rt.kind !== 'vec') return (f) => { put(f, scalar(gets.map((g) => g(f)), tys, rt)); return next; };
  const ets = tys.map(scalarOf), er = rt.elem;
  return (f) => {
    const vals = gets.map((g) => g(f));
    put(f, Array.from({ length: rt.len }, (_, i) => scalar(vals.map((v, k) => (tys[k]!.kind === 'vec' ? (v as unknown[])[i] : v)), ets, er)));
    return next;
  };
}

function fmaScalar(t: FloatType, [a, b, x]: number[]): number {
  return t.fkind === 'f32' ? fmaF32(a!, b!, x!) : roundFloat(t, a! * b! + x!);
}

function binary(op: Op, c: FnCompiler): Instr {
  const t = op.result.type;
  const [as, bs] = op.operands.map((v) => c.slot(v));
  const d = c.slot(op.result);
  const next = c.next;
  let ins: Instr;
  if (t.kind === 'int' && t.bits <= 32 || t.kind === 'float' || t.kind === 'bool') {
    const fn = t.kind === 'int' ? intOp(op.name, t) : t.kind === 'float' ? floatOp(op.name, t) : intOp(op.name, { kind: 'int', bits: 8, signed: false, text: 'u8' });
    if (!fn) return generic(op, c);
    const a = as![1], b = bs![1], di = d[1];
    ins = (f) => { f.n[di] = fn(f.n[a]!, f.n[b]!); return next; };
  } else if (t.kind === 'int') {
    const fn = bigOp(op.name, t)!;
    const a = as![1], b = bs![1], di = d[1];
    ins = (f) => { f.b[di] = fn(f.b[a]!, f.b[b]!); return next; };
  } else return generic(op, c);
  if (!c.sanitize || !isInt(t)) return ins;
  const flags = { nsw: op.has('nsw'), nuw: op.has('nuw'), exact: op.has('exact') };
  const checked = flags.nsw || flags.nuw || flags.exact || ['div', 'rem', 'shl', 'shr'].includes(op.name);
  if (!checked) return ins;
  const ga = getter(as!), gb = getter(bs!), loc = op.loc, name = op.name;
  // fast range check for the common case: nsw add/sub/mul on signed ≤ 32-bit (exact in f64 near the bounds)
  if (t.bits <= 32 && t.signed && flags.nsw && !flags.nuw && (name === 'add' || name === 'sub' || name === 'mul')) {
    const lo = -(2 ** (t.bits - 1)), hi = 2 ** (t.bits - 1) - 1;
    const a = as![1], b = bs![1];
    const exact = name === 'add' ? (x: number, y: number) => x + y : name === 'sub' ? (x: number, y: number) => x - y : (x: number, y: number) => x * y;
    return (f, th) => {
      const r = exact(f.n[a]!, f.n[b]!);
      if (r < lo || r > hi) ub(th, `signed overflow in ${f.n[a]} ${name === 'add' ? '+' : name === 'sub' ? '-' : '*'} ${f.n[b]} (${t.text}, nsw)`, loc, 'signed-overflow');
      return ins(f, th);
    };
  }
  return (f, th) => {
    const msg = checkUB(name, t, ga(f) as ConstVal, gb(f) as ConstVal, flags);
    if (msg) ub(th, msg, loc, msg.startsWith('division') ? 'division-by-zero' : msg.startsWith('shift') ? 'shift' : 'overflow');
    return ins(f, th);
  };
}

function ub(t: Thread, message: string, loc: Op['loc'], detail: string): void {
  fault(t, 'undefined-behavior', `undefined behavior: ${message}`, loc, false, detail);
}

function cmp(op: Op, c: FnCompiler): Instr {
  const t = op.operands[0]!.type;
  const [as, bs] = op.operands.map((v) => c.slot(v));
  const di = c.slot(op.result)[1], next = c.next;
  const fn = CMP[op.attrs.pred as string]!;
  if (as![0] === 0) {
    const a = as![1], b = bs![1];
    switch (op.attrs.pred) {
      case 'lt': return (f) => { f.n[di] = f.n[a]! < f.n[b]! ? 1 : 0; return next; };
      case 'eq': return (f) => { f.n[di] = f.n[a] === f.n[b] ? 1 : 0; return next; };
      default: return (f) => { f.n[di] = fn(f.n[a]!, f.n[b]!); return next; };
    }
  }
  if (as![0] === 1) {
    const a = as![1], b = bs![1];
    return (f) => { f.n[di] = fn(f.b[a] as unknown as number, f.b[b] as unknown as number); return next; };
  }
  void t;
  return generic(op, c);
}

function unary(op: Op, c: FnCompiler): Instr {
  const t = op.operands[0]!.type;
  const as = c.slot(op.operands[0]!), d = c.slot(op.result), next = c.next;
  if (as[0] !== 0 || d[0] !== 0) return generic(op, c);
  const a = as[1], di = d[1];
  let fn: N1 | undefined;
  if (t.kind === 'int') {
    const W = wrapper(t);
    const u = (x: number) => (t.bits === 32 ? x >>> 0 : x & ((1 << t.bits) - 1));
    switch (op.name) {
      case 'neg': fn = (x) => W(-x); break;
      case 'not': fn = (x) => W(~x); break;
      case 'abs': fn = (x) => W(Math.abs(x)); break;
      case 'popc': fn = (x) => { let v = u(x), n = 0; while (v) { v &= v - 1; n++; } return n; }; break;
      case 'clz': fn = (x) => Math.clz32(u(x)) - (32 - t.bits); break;
      case 'ffs': fn = (x) => { const v = u(x); return v === 0 ? 0 : 32 - Math.clz32(v & -v); }; break;
    }
  } else if (t.kind === 'float') {
    if (op.name === 'neg') fn = (x) => -x;
    if (op.name === 'abs') fn = Math.abs;
  } else if (t.kind === 'bool' && op.name === 'not') fn = (x) => 1 - x;
  if (!fn) return generic(op, c);
  const g = fn;
  return (f) => { f.n[di] = g(f.n[a]!); return next; };
}

function fma(op: Op, c: FnCompiler): Instr {
  const t = op.result.type;
  if (t.kind !== 'float') return generic(op, c);
  const [a, b, x] = op.operands.map((v) => c.n(v));
  const di = c.n(op.result), next = c.next;
  return (f) => { f.n[di] = fmaScalar(t, [f.n[a!]!, f.n[b!]!, f.n[x!]!]); return next; };
}

function math(op: Op, c: FnCompiler): Instr {
  const t = op.result.type;
  if (t.kind !== 'float') return generic(op, c);
  const mf = MATH_FUNCS[op.attrs.fn as string]!;
  const fn = mf.eval;
  const args = op.operands.map((v) => c.n(v));
  const di = c.n(op.result), next = c.next;
  const rounding = op.attrs.rounding as Rounding | undefined;
  if (rounding || mf.evalT) {
    const name = op.attrs.fn as string;
    return (f) => { f.n[di] = evalMath(name, t, args.map((i) => f.n[i]!), rounding); return next; };
  }
  const f32 = t.fkind === 'f32';
  if (args.length === 1) {
    const a = args[0]!;
    return f32 ? (f) => { f.n[di] = Math.fround(fn(f.n[a]!)); return next; } : (f) => { f.n[di] = roundFloat(t, fn(f.n[a]!)); return next; };
  }
  return (f) => { f.n[di] = roundFloat(t, fn(...args.map((i) => f.n[i]!))); return next; };
}

function cast(op: Op, c: FnCompiler): Instr {
  const from = op.operands[0]!.type, to = op.result.type;
  // directed rounding (sitofp/uitofp/fptrunc {rounding = …}): the op table's exact fold
  if (from.kind === 'vec' || to.kind === 'vec' || op.attrs.rounding !== undefined) return op.name === 'bitcast' ? bitcastGeneric(op, c) : generic(op, c);
  const s = c.slot(op.operands[0]!), d = c.slot(op.result), next = c.next;
  const get = getter(s), put = putter(d);
  const loc = op.loc, sanitize = c.sanitize;
  const fb = bitWidth(scalarOf(from));
  const signedOf = (v: number | bigint): number | bigint => (typeof v === 'bigint' ? BigInt.asIntN(fb, v) : fb === 1 ? -v : fb >= 32 ? v | 0 : (v << (32 - fb)) >> (32 - fb));
  const unsignedOf = (v: number | bigint): number | bigint => (typeof v === 'bigint' ? BigInt.asUintN(fb, v) : fb === 1 ? v : fb >= 32 ? v >>> 0 : v & ((1 << fb) - 1));
  const toInt = (v: number | bigint): number | bigint => {
    if (to.kind === 'bool') return Number(BigInt(v) & 1n);
    const ti = to as IntType;
    if (ti.bits === 64) return ti.signed ? BigInt.asIntN(64, BigInt(v)) : BigInt.asUintN(64, BigInt(v));
    return wrapper(ti)(typeof v === 'bigint' ? Number(BigInt.asIntN(32, v)) : v);
  };
  let fn: (v: number | bigint, t: Thread) => unknown;
  switch (op.name) {
    case 'sext': fn = (v) => toInt(signedOf(v)); break;
    case 'zext': fn = (v) => toInt(unsignedOf(v)); break;
    case 'trunc': fn = (v) => toInt(v); break;
    case 'fptosi': case 'fptoui': fn = (v, th) => {
      const r = floatToInt(to as IntType, v as number);
      if (r.ub && sanitize) ub(th, r.ub, loc, 'float-to-int');
      return r.value;
    }; break;
    case 'sitofp': fn = (v) => intToFloat(to as FloatType, typeof v === 'bigint' ? v : (signedOf(v) as number)); break;
    case 'uitofp': fn = (v) => intToFloat(to as FloatType, v); break;
    case 'fpext': fn = (v) => v; break;
    case 'fptrunc': fn = (v) => roundFloat(to as FloatType, v as number); break;
    default: return bitcastGeneric(op, c);
  }
  if (s[0] === 0 && d[0] === 0 && op.name === 'sitofp' && isFloat(to) && to.fkind === 'f32' && fb <= 32) {
    const a = s[1], di = d[1];
    return (f) => { f.n[di] = Math.fround(f.n[a]!); return next; };
  }
  const g = fn;
  return (f, t) => { put(f, g(get(f) as number | bigint, t)); return next; };
}

/** bitcast through bytes: write as the source type, read as the result type */
function bitcastGeneric(op: Op, c: FnCompiler): Instr {
  const from = op.operands[0]!.type, to = op.result.type;
  const get = getter(c.slot(op.operands[0]!)), put = putter(c.slot(op.result)), next = c.next;
  const view = new DataView(new ArrayBuffer(16));
  return (f) => {
    writeValue(view, 0, from, get(f));
    put(f, readValue(view, 0, to));
    return next;
  };
}

function aggregate(op: Op, c: FnCompiler): Instr {
  const gets = op.operands.map((v) => getter(c.slot(v)));
  const put = putter(c.slot(op.result));
  const next = c.next;
  const idx = op.attrs.index as number;
  switch (op.name) {
    case 'extract': return (f) => { put(f, (gets[0]!(f) as unknown[])[idx]); return next; };
    case 'insert': return (f) => {
      const a = (gets[0]!(f) as unknown[]).slice();
      a[idx] = gets[1]!(f);
      put(f, a);
      return next;
    };
    default: return (f) => { put(f, gets.map((g) => g(f))); return next; };
  }
}

export type { Slot, Frame };
