/**
 * Built-in functions by their table `lowersTo` id (frontend/builtins/*.ts): the math library
 * (`math.F` → `math F`, `.approx` for the fast intrinsics, fabs/fmin/fmax/fma as arith ops),
 * conversions with rounding modes (the directed ones as the `rounding` attribute of `math`,
 * `sitofp`/`uitofp`/`fptrunc`: exact, see ir/rounding.ts), functions with a second result
 * through a pointer (frexp, modf, remquo), bit casts, integer intrinsics (__byte_perm,
 * 64-bit __mulhi from 32-bit halves), clock()/clock64() (the `clock` op), device memcpy/memset
 * (byte loops), synchronisation, fences, atomics with scope, half/vector helpers. Warp functions
 * and cooperative groups are in warp.ts.
 */
import * as ir from '../../ir/index.js';
import type { CExpr } from '../sema/checked.js';
import type { LowerCtx } from './context.js';
import { lowerDiagnostics as D } from './diagnostics.js';
import { elementwise, rvalue } from './expressions.js';
import { load, lvalue, store } from './lvalues.js';
import { lowerWarpOrGroup } from './warp.js';

type BCall = CExpr & { kind: 'builtin-call' };

/** the math functions that map one-to-one onto the KIR `math` op (its function table) */
const KIR_MATH = new Set(ir.MATH_FUNC_NAMES);

const DIRECTED = new Set(['rz', 'ru', 'rd']);
/** KIR math functions that builtins reach only through their own lowering */
const DIRECTED_ONLY = new Set(['add', 'sub', 'mul', 'fma', 'frexp_exp', 'remquo_quo']);

export function unsupported(c: LowerCtx, e: BCall): ir.Value | undefined {
  c.error(D.unsupportedBuiltin, e.span, { name: e.builtin.name, id: e.builtin.entry.lowersTo });
  return e.type.kind === 'void' ? undefined : c.b.zero(c.ty(e.type, e.span));
}

/** the arguments: lvalue ones (references) as pointers, the rest as values */
export function builtinArgs(c: LowerCtx, e: BCall): ir.Value[] {
  return e.args.map((a) => (a.category === 'lvalue' ? lvalue(c, a) : rvalue(c, a)!));
}

export function lowerBuiltin(c: LowerCtx, e: BCall): ir.Value | undefined {
  const id = e.builtin.entry.lowersTo;
  const parts = id.split('.');
  const head = parts[0]!;
  if (e.builtin.entry.unsupported) return unsupported(c, e);
  if (head === 'warp' || head === 'vote' || head === 'cg' || id === 'barrier.group') return lowerWarpOrGroup(c, e);
  const a = builtinArgs(c, e);
  c.at(e.span);
  const b = c.b;
  const rt = e.type.kind === 'void' ? ir.voidT : c.ty(e.type, e.span);
  const fit = (v: ir.Value) => (rt === ir.voidT ? v : elementwise(c, v, rt));
  switch (head) {
    case 'math': return math(c, e, parts, a, rt);
    case 'arith': {
      const mode = parts[2];
      if (mode && DIRECTED.has(mode) && ir.isFloat(rt) && parts[1] !== 'neg') {
        // __fadd_ru & co: the exact result rounded once in that direction (KIR math op, rounding.ts)
        return b.value('math', [c.coerce(a[0]!, rt), c.coerce(a[1]!, rt)], { fn: parts[1]!, rounding: mode });
      }
      if (mode && mode !== 'rn' && mode !== 'sat') {
        c.error(D.roundingMode, e.span, { name: e.builtin.name, id });
        return b.zero(rt);
      }
      let r: ir.Value;
      switch (parts[1]) {
        case 'add': r = b.add(a[0]!, a[1]!); break;
        case 'sub': r = b.sub(a[0]!, a[1]!); break;
        case 'mul': r = b.mul(a[0]!, a[1]!); break;
        case 'div': r = b.div(a[0]!, a[1]!); break;
        case 'neg': r = b.neg(a[0]!); break;
        default: return unsupported(c, e);
      }
      if (mode === 'sat') r = b.math('saturate', [r]);
      return r;
    }
    case 'cmp': {
      const pred = parts[1] as 'eq' | 'ne' | 'lt' | 'le' | 'gt' | 'ge';
      return fit(b.cmp(pred, a[0]!, a[1]!));
    }
    case 'convert': return conversion(c, e, parts[1], a[0]!, rt);
    case 'bitcast': {
      const v = a[0]!;
      if (parts[1] === 'hi32') return b.cast('bitcast', b.convert(b.shr(b.cast('bitcast', v, ir.u64), b.const(ir.u64, 32n)), ir.u32), rt);
      if (parts[1] === 'lo32') return b.cast('bitcast', b.convert(b.cast('bitcast', v, ir.u64), ir.u32), rt);
      if (parts[1] === 'hilo') {
        const hi = b.convert(b.cast('bitcast', a[0]!, ir.u32), ir.u64);
        const lo = b.convert(b.cast('bitcast', a[1]!, ir.u32), ir.u64);
        return b.cast('bitcast', b.or(b.shl(hi, b.const(ir.u64, 32n)), lo), rt);
      }
      return b.cast('bitcast', v, rt);
    }
    case 'int': return intrinsic(c, e, parts[1]!, a, rt);
    case 'barrier': {
      if (parts[1] === 'warp') {
        b.syncwarp(b.convert(a[0]!, ir.u32));
        return undefined;
      }
      if (parts[2]) {
        const pred = b.cmp('ne', a[0]!, b.const(a[0]!.type, 0));
        return fit(b.barrierReduce(parts[2] as 'count' | 'and' | 'or', pred));
      }
      b.barrier();
      return undefined;
    }
    case 'fence':
      b.fence(parts[1] as 'block' | 'device' | 'system');
      return undefined;
    case 'atomic': {
      const op = parts[1]!;
      const scope = parts[parts.length - 1]!;
      if (op === 'cas') return b.atomicCas(a[0]!, a[1]!, a[2]!, { scope, order: 'relaxed' });
      const kop = op === 'exch' ? 'xchg' : op;
      return b.atomicRmw(kop, a[0]!, c.coerce(a[1]!, (a[0]!.type as ir.PtrType).pointee), { scope, order: 'relaxed' });
    }
    case 'vector': {
      if (parts[1] === 'make') return b.build(rt, a.map((v) => c.coerce(v, ir.scalarOf(rt))));
      if (parts[1] === 'splat') {
        const s = c.coerce(a[0]!, ir.scalarOf(rt));
        return b.build(rt, Array.from({ length: (rt as ir.VecType).len }, () => s));
      }
      if (parts[1] === 'extract') return fit(b.extract(a[0]!, Number(parts[2])));
      return unsupported(c, e);
    }
    case 'load':
      return load(c, a[0]!);
    case 'store':
      store(c, a[1]!, a[0]!);
      return undefined;
    case 'identity':
      return fit(a[0]!);
    case 'assume':
    case 'unreachable':
    case 'nanosleep':
      return undefined;
    case 'clock':
    case 'clock64':
    case 'globaltimer':
      // a per-thread monotonic counter (the interpreter: instructions the thread executed)
      return fit(b.value('clock', [], {}, ir.isInt(rt) && rt.bits === 64 ? rt : ir.i64));
    case 'memcpy':
    case 'memset': {
      // device memcpy/memset: a counted byte loop (later passes may widen it)
      const dst = a[0]!;
      const space = (dst.type as ir.PtrType).space;
      const d8 = c.coerce(dst, ir.ptr(space, ir.i8));
      const n = c.coerce(a[2]!, ir.u64);
      const src = head === 'memcpy' ? c.coerce(a[1]!, ir.ptr((a[1]!.type as ir.PtrType).space, ir.i8)) : undefined;
      const byte = head === 'memset' ? b.convert(c.coerce(a[1]!, ir.i32), ir.i8) : undefined;
      b.for(b.const(ir.u64, 0n), n, b.const(ir.u64, 1n), [], (lb, i) => {
        const v = src ? lb.load(lb.ptradd(src, i), { align: 1 }) : byte!;
        lb.store(v, lb.ptradd(d8, i), { align: 1 });
        return [];
      });
      return fit(dst);
    }
    case 'trap':
      b.assert(b.bool(false), '__trap()');
      return undefined;
    case 'swap': {
      const x = load(c, a[0]!), y = load(c, a[1]!);
      store(c, y, a[0]!);
      store(c, x, a[1]!);
      return undefined;
    }
    case 'const': {
      if (parts[1] === 'inf') return b.const(rt, Infinity);
      if (parts[1] === 'nan') return b.const(rt, NaN);
      if (parts[1] === 'limits') return limits(c, e, parts[2]!, rt);
      break;
    }
    default:
      break;
  }
  return unsupported(c, e);
}

function math(c: LowerCtx, e: BCall, parts: string[], a: ir.Value[], rt: ir.Type): ir.Value | undefined {
  const b = c.b;
  const fn = parts[1]!;
  const mode = parts[2];
  const approx = mode === 'approx';
  if (mode && DIRECTED.has(mode) && (fn === 'fma' || fn === 'rcp' || fn === 'sqrt') && ir.isFloat(rt)) {
    // __fmaf_ru, __frcp_rd, __dsqrt_rz…: the exact result rounded once that way
    return b.value('math', a.map((v) => c.coerce(v, rt)), { fn, rounding: mode });
  }
  if (mode && mode !== 'approx' && mode !== 'rn' && mode !== 'sat') {
    c.error(D.roundingMode, e.span, { name: e.builtin.name, id: e.builtin.entry.lowersTo });
    return rt === ir.voidT ? undefined : b.zero(rt);
  }
  const x = a[0]!;
  const fit = (v: ir.Value) => elementwise(c, v, rt);
  let r: ir.Value | undefined;
  switch (fn) {
    case 'fabs': case 'abs': r = b.value('abs', [x]); break;
    case 'fmin': case 'min': r = b.min(x, c.coerce(a[1]!, x.type)); break;
    case 'fmax': case 'max': r = b.max(x, c.coerce(a[1]!, x.type)); break;
    case 'fma': r = b.fma(x, a[1]!, a[2]!); break;
    case 'div': r = b.div(x, a[1]!, 'approx'); break;
    case 'isnan': r = b.cmp('uno', x, x); break;
    case 'isinf': r = b.cmp('eq', b.value('abs', [x]), b.const(x.type, Infinity)); break;
    case 'isfinite': r = b.cmp('lt', b.value('abs', [x]), b.const(x.type, Infinity)); break;
    case 'signbit': {
      const it = x.type === ir.f64 ? ir.i64 : x.type === ir.f32 ? ir.i32 : ir.i16;
      r = b.cmp('lt', b.cast('bitcast', x, it), b.const(it, 0));
      break;
    }
    case 'ldexp': case 'scalbn':
      r = b.mul(x, b.math('exp2', [b.convert(a[1]!, x.type)]));
      break;
    case 'sincos': case 'sincospi': {
      const s = b.math(fn === 'sincos' ? 'sin' : 'sinpi', [x], approx);
      const co = b.math(fn === 'sincos' ? 'cos' : 'cospi', [x], approx);
      store(c, s, a[1]!);
      store(c, co, a[2]!);
      return undefined;
    }
    case 'nearbyint': r = b.math('rint', [x]); break;
    case 'isnormal': {
      const ax = b.value('abs', [x]);
      const tiny = x.type === ir.f64 ? 2.2250738585072014e-308 : x.type === ir.f32 ? 1.1754943508222875e-38 : 6.103515625e-5;
      r = b.and(b.cmp('ge', ax, b.const(x.type, tiny)), b.cmp('lt', ax, b.const(x.type, Infinity)));
      break;
    }
    case 'frexp': {
      // mantissa in [½, 1) and the exponent through the pointer (KIR: math frexp / frexp_exp)
      store(c, b.convert(b.math('frexp_exp', [x]), ir.i32), a[1]!);
      r = b.math('frexp', [x]);
      break;
    }
    case 'modf':
      store(c, b.math('trunc', [x]), a[1]!);
      r = b.math('modf', [x]);
      break;
    case 'remquo': {
      const y = c.coerce(a[1]!, x.type);
      store(c, b.convert(b.math('remquo_quo', [x, y]), ir.i32), a[2]!);
      r = b.math('remainder', [x, y]);
      break;
    }
    case 'ilogb': {
      // evaluated on f64, where INT_MIN (0, NaN) and INT_MAX (inf) are exact
      const d = x.type === ir.f64 ? x : b.convert(x, ir.f64);
      r = b.math('ilogb', [d]);
      break;
    }
    case 'lrint': case 'llrint': r = b.convert(b.math('rint', [x]), rt); break;
    case 'lround': case 'llround': r = b.convert(b.math('round', [x]), rt); break;
    case 'saturate': r = b.math('saturate', [x]); break;
    default:
      if (!KIR_MATH.has(fn) || DIRECTED_ONLY.has(fn)) return unsupported(c, e);
      r = b.math(fn, a.map((v) => c.coerce(v, x.type)), approx);
  }
  if (mode === 'sat') r = b.math('saturate', [r]);
  return fit(r);
}

function conversion(c: LowerCtx, e: BCall, mode: string | undefined, v: ir.Value, rt: ir.Type): ir.Value {
  const b = c.b;
  const from = ir.scalarOf(v.type), to = ir.scalarOf(rt);
  if (ir.isFloat(from) && ir.isInt(to)) {
    const fn = mode === 'rn' ? 'rint' : mode === 'ru' ? 'ceil' : mode === 'rd' ? 'floor' : undefined;
    return elementwise(c, fn ? b.math(fn, [v]) : v, rt);
  }
  if (mode && DIRECTED.has(mode) && v.type.kind !== 'vec' && ir.isFloat(to)) {
    // __int2float_ru, __ull2double_rd, __double2float_rz…: one directed rounding (rounding.ts)
    if (ir.isInt(from)) return b.value(from.signed ? 'sitofp' : 'uitofp', [v], { rounding: mode }, rt);
    if (ir.isFloat(from) && to.bits < from.bits) return b.value('fptrunc', [v], { rounding: mode }, rt);
    if (ir.isFloat(from)) return elementwise(c, v, rt);
  }
  if (mode && mode !== 'rn' && !(ir.isFloat(from) && ir.isFloat(to) && to.bits >= from.bits)) {
    c.error(D.roundingMode, e.span, { name: e.builtin.name, id: e.builtin.entry.lowersTo });
  }
  return elementwise(c, v, rt);
}

function intrinsic(c: LowerCtx, e: BCall, name: string, a: ir.Value[], rt: ir.Type): ir.Value | undefined {
  const b = c.b;
  const x = a[0]!;
  const fit = (v: ir.Value) => elementwise(c, v, rt);
  const t = x.type as ir.IntType;
  switch (name) {
    case 'popcount': return fit(b.value('popc', [x]));
    case 'clz': return fit(b.value('clz', [x]));
    case 'ffs': return fit(b.value('ffs', [x]));
    case 'bitreverse': return fit(b.value('brev', [x]));
    case 'byte_perm': {
      // result byte k = byte (s >> 4k) & 7 of the 8 bytes {y:x} (x in bytes 0–3)
      const u = (v: ir.Value) => c.coerce(v, ir.u32);
      const both = b.or(b.shl(b.convert(u(a[1]!), ir.u64), b.const(ir.u64, 32n)), b.convert(u(x), ir.u64));
      const sel = u(a[2]!);
      let res: ir.Value = b.u32(0);
      for (let k = 0; k < 4; k++) {
        const idx = b.and(k ? b.shr(sel, b.u32(4 * k)) : sel, b.u32(7));
        const sh = b.convert(b.mul(idx, b.u32(8)), ir.u64);
        const byte = b.and(b.convert(b.shr(both, sh), ir.u32), b.u32(0xff));
        res = b.or(res, k ? b.shl(byte, b.u32(8 * k)) : byte);
      }
      return fit(res);
    }
    case 'mulhi': {
      if (t.bits === 64) return fit(mulhi64(c, x, a[1]!, t.signed));
      const w = ir.intType(64, t.signed);
      const p = b.mul(b.convert(x, w), b.convert(a[1]!, w));
      return fit(b.convert(b.shr(p, b.const(w, 32n)), t));
    }
    case 'mul24': {
      const k = b.const(t, 8);
      const lo = (v: ir.Value) => b.shr(b.shl(v, k), k);
      return fit(b.mul(lo(x), lo(a[1]!)));
    }
    case 'hadd': case 'rhadd': {
      const w = ir.intType(64, t.signed);
      let s = b.add(b.convert(x, w), b.convert(a[1]!, w));
      if (name === 'rhadd') s = b.add(s, b.const(w, 1n));
      return fit(b.convert(b.shr(s, b.const(w, 1n)), t));
    }
    case 'sad': {
      const w = ir.intType(64, t.signed);
      const d = b.sub(b.convert(x, w), b.convert(a[1]!, w));
      return fit(b.add(b.convert(b.value('abs', [d]), ir.u32), b.convert(a[2]!, ir.u32)));
    }
    case 'funnelshift_l': case 'funnelshift_r': case 'funnelshift_lc': case 'funnelshift_rc': {
      const lo = b.convert(x, ir.u64), hi = b.convert(a[1]!, ir.u64);
      const both = b.or(b.shl(hi, b.const(ir.u64, 32n)), lo);
      let sh = b.convert(a[2]!, ir.u32);
      sh = name.endsWith('c') ? b.min(sh, b.u32(32)) : b.and(sh, b.u32(31));
      const s64 = b.convert(sh, ir.u64);
      const r = name.startsWith('funnelshift_l') ? b.shr(b.shl(both, s64), b.const(ir.u64, 32n)) : b.shr(both, s64);
      return fit(b.convert(r, ir.u32));
    }
    default:
      return unsupported(c, e);
  }
}

/** the high 64 bits of a 64×64-bit product from 32-bit halves (signed: corrected from the unsigned one) */
function mulhi64(c: LowerCtx, x: ir.Value, y: ir.Value, signed: boolean): ir.Value {
  const b = c.b;
  const U = ir.u64;
  const k32 = b.const(U, 32n), m32 = b.const(U, 0xffffffffn);
  const xu = b.cast('bitcast', c.coerce(x, signed ? ir.i64 : U), U) , yu = b.cast('bitcast', c.coerce(y, signed ? ir.i64 : U), U);
  const xl = b.and(xu, m32), xh = b.shr(xu, k32), yl = b.and(yu, m32), yh = b.shr(yu, k32);
  const ll = b.mul(xl, yl), lh = b.mul(xl, yh), hl = b.mul(xh, yl), hh = b.mul(xh, yh);
  const mid = b.add(b.add(b.shr(ll, k32), b.and(lh, m32)), b.and(hl, m32));
  let hi = b.add(b.add(b.add(hh, b.shr(lh, k32)), b.shr(hl, k32)), b.shr(mid, k32));
  if (signed) {
    const zero = b.const(U, 0n);
    const neg = (v: ir.Value) => b.cmp('lt', b.cast('bitcast', v, ir.i64), b.const(ir.i64, 0n));
    hi = b.sub(b.sub(hi, b.select(neg(xu), yu, zero)), b.select(neg(yu), xu, zero));
    return b.cast('bitcast', hi, ir.i64);
  }
  return hi;
}

function limits(c: LowerCtx, e: BCall, what: string, rt: ir.Type): ir.Value | undefined {
  const b = c.b;
  if (ir.isFloat(rt)) {
    const f = rt.fkind;
    const max = f === 'f32' ? 3.4028234663852886e38 : f === 'f64' ? Number.MAX_VALUE : f === 'f16' ? 65504 : 3.3895313892515355e38;
    const tiny = f === 'f32' ? 1.1754943508222875e-38 : f === 'f64' ? 2.2250738585072014e-308 : f === 'f16' ? 6.103515625e-5 : 1.1754943508222875e-38;
    const eps = f === 'f32' ? 1.1920928955078125e-7 : f === 'f64' ? Number.EPSILON : f === 'f16' ? 0.0009765625 : 0.0078125;
    const table: Record<string, number> = { max, min: tiny, lowest: -max, epsilon: eps, infinity: Infinity, quiet_NaN: NaN, denorm_min: 0 };
    if (what in table) return b.const(rt, table[what]!);
  }
  if (ir.isInt(rt)) {
    const bits = BigInt(rt.bits);
    const max = rt.signed ? (1n << (bits - 1n)) - 1n : (1n << bits) - 1n;
    const min = rt.signed ? -(1n << (bits - 1n)) : 0n;
    const table: Record<string, bigint> = { max, min, lowest: min };
    if (what in table) return b.const(rt, table[what]!);
  }
  return unsupported(c, e);
}
