/**
 * Vector-unit instructions (pipe V) as table rows: `v<op>.<type> dst, a[, b | reg | imm],
 * rep=R [, blockstride=, repstride=] [, mask=ub[…]]`. Each row gives its kind (the engine in
 * vexec.ts), cycles per repeat (NPU.md rule 3) and the element functions per domain.
 */
import { ELEM, fmaF32, type ElemType } from '../types.js';
import type { ExecEnv, OpDef, OperandKind, OptionSpec, Resolved, SuffixSpec } from './program.js';
import { execVector, planVector, type ElemFns, type VKind, type VecRow } from './vexec.js';

const FLOATS: ElemType[] = ['f16', 'bf16', 'f32'];
const INTS: ElemType[] = ['i8', 'u8', 'i16', 'u16', 'i32', 'u32', 'i64', 'u64'];
const ALL: ElemType[] = [...FLOATS, ...INTS];

const SHAPE_OPTS: Record<string, OptionSpec> = {
  rep: { kind: 'val' },
  blockstride: { kind: 'vlist' },
  repstride: { kind: 'vlist' },
  mask: { kind: 'mem:ub' },
};

export interface VectorDef extends OpDef {
  readonly row: VecRow;
}

function vrow(
  name: string, kind: VKind, args: OperandKind[], cpr: VecRow['cpr'], fns: ElemFns, doc: string,
  extra: { types?: ElemType[]; suffix?: SuffixSpec; options?: Record<string, OptionSpec>; flops?: number; optionalArgs?: number } = {},
): VectorDef {
  const row: VecRow = { kind, cpr, fns, flops: extra.flops };
  const cprText = typeof cpr === 'number' ? `${cpr}` : 'lanes/8';
  return {
    name, family: 'vector', pipe: 'V', suffix: extra.suffix ?? 'type', types: extra.types ?? typesOf(fns),
    args, optionalArgs: extra.optionalArgs, options: { ...SHAPE_OPTS, ...extra.options }, doc,
    costDoc: kind === 'maskop' ? 'occupancy rep (1 for register-mask forms); latency vector.latency'
      : `occupancy rep × ${cprText} (×2 if strided); latency vector.latency`,
    row,
    plan: (env: ExecEnv, r: Resolved) => planVector(env, r, row),
    exec: (env: ExecEnv, r: Resolved) => execVector(env, r, row),
  };
}

function typesOf(f: ElemFns): ElemType[] {
  return ALL.filter((t) => (ELEM[t].float ? f.f : ELEM[t].bits === 64 ? f.b : f.i));
}

const divZero = (env: ExecEnv): never => env.fault('arith', 'integer division by zero in a vector lane');
const maxNum = (a: number, b: number) => (Number.isNaN(a) ? b : Number.isNaN(b) ? a : a > b || (a === b && Object.is(b, -0)) ? a : b);
const minNum = (a: number, b: number) => (Number.isNaN(a) ? b : Number.isNaN(b) ? a : a < b || (a === b && Object.is(a, -0)) ? a : b);
const bits = (t: ElemType) => ELEM[t].bits;
const unsignedBits = (a: number, t: ElemType) => (bits(t) === 32 ? a >>> 0 : a & ((1 << bits(t)) - 1));
const popc32 = (x: number) => {
  let n = 0;
  for (let v = x >>> 0; v; v &= v - 1) n++;
  return n;
};
const popc64 = (x: bigint) => {
  let n = 0n;
  for (let v = BigInt.asUintN(64, x); v; v &= v - 1n) n++;
  return n;
};
const clz64 = (x: bigint) => {
  const v = BigInt.asUintN(64, x);
  return v === 0n ? 64n : BigInt(64 - v.toString(2).length);
};
const minOf = (t: ElemType): number | bigint => {
  const i = ELEM[t];
  if (i.float) return -Infinity;
  if (i.bits === 64) return i.signed ? -(2n ** 63n) : 0n;
  return i.signed ? -(2 ** (i.bits - 1)) : 0;
};
const maxOf = (t: ElemType): number | bigint => {
  const i = ELEM[t];
  if (i.float) return Infinity;
  if (i.bits === 64) return i.signed ? 2n ** 63n - 1n : 2n ** 64n - 1n;
  return i.signed ? 2 ** (i.bits - 1) - 1 : 2 ** i.bits - 1;
};

const ADD: ElemFns = { f: (a, b) => a + b, i: (a, b) => a + b, b: (a, b) => a + b, identity: (t) => (ELEM[t].bits === 64 ? 0n : 0) };
const MUL: ElemFns = { f: (a, b) => a * b, i: (a, b) => Math.imul(a, b), b: (a, b) => a * b };
const MAX: ElemFns = { f: maxNum, i: (a, b) => Math.max(a, b), b: (a, b) => (a > b ? a : b), identity: minOf };
const MIN: ElemFns = { f: minNum, i: (a, b) => Math.min(a, b), b: (a, b) => (a < b ? a : b), identity: maxOf };

const B3: OperandKind[] = ['mem:ub', 'mem:ub', 'vsrc'];
const B3S: OperandKind[] = ['mem:ub', 'mem:ub', 'any'];
const U2: OperandKind[] = ['mem:ub', 'mem:ub'];
const IDX = { idx: { kind: 'mem:ub', required: true } } as Record<string, OptionSpec>;

function cmpFns(test: (a: number | bigint, b: number | bigint) => boolean): ElemFns {
  return { f: (a, b) => (test(a, b) ? 1 : 0), i: (a, b) => (test(a, b) ? 1 : 0), b: (a, b) => (test(a, b) ? 1n : 0n) };
}

/** Conditions of vcmp.<cc>: the assembler reads the cc suffix, the engine looks the test up here. */
export const CMP_CONDITIONS: Readonly<Record<string, ElemFns>> = {
  eq: cmpFns((a, b) => a === b),
  ne: cmpFns((a, b) => a !== b),
  lt: cmpFns((a, b) => a < b),
  le: cmpFns((a, b) => a <= b),
  gt: cmpFns((a, b) => a > b),
  ge: cmpFns((a, b) => a >= b),
};

/** vcmp dispatches on the condition: one row whose element function reads the instruction's cc. */
function cmpDef(): VectorDef {
  const rows = new Map<string, VecRow>();
  for (const [cc, fns] of Object.entries(CMP_CONDITIONS)) rows.set(cc, { kind: 'cmp', cpr: 1, fns, flops: 0 });
  const base = vrow('vcmp', 'cmp', B3, 1, CMP_CONDITIONS['eq']!, 'mask bits (one per lane, dense, per repeat) = a <cc> b; cc ∈ eq ne lt le gt ge', { suffix: 'cc.type', flops: 0 });
  return {
    ...base,
    plan: (env, r) => planVector(env, r, rows.get(r.ins.cc!)!),
    exec: (env, r) => execVector(env, r, rows.get(r.ins.cc!)!),
  };
}

export const VECTOR_OPS: readonly VectorDef[] = [
  vrow('vadd', 'bin', B3, 1, ADD, 'dst = a + b (b: vector, or a broadcast scalar register/immediate)'),
  vrow('vsub', 'bin', B3, 1, { f: (a, b) => a - b, i: (a, b) => a - b, b: (a, b) => a - b }, 'dst = a − b'),
  vrow('vmul', 'bin', B3, 1, MUL, 'dst = a × b'),
  vrow('vdiv', 'bin', B3, 4, {
    f: (a, b) => a / b,
    i: (a, b, _d, _t, env) => (b === 0 ? divZero(env) : Math.trunc(a / b)),
    b: (a, b, _d, _t, env) => (b === 0n ? divZero(env) : a / b),
  }, 'dst = a ÷ b (integers truncate; ÷0 faults)'),
  vrow('vmax', 'bin', B3, 1, MAX, 'dst = max(a, b) (floats: IEEE maxNum)'),
  vrow('vmin', 'bin', B3, 1, MIN, 'dst = min(a, b) (floats: IEEE minNum)'),
  vrow('vand', 'bin', B3, 1, { i: (a, b) => a & b, b: (a, b) => a & b }, 'bitwise and'),
  vrow('vor', 'bin', B3, 1, { i: (a, b) => a | b, b: (a, b) => a | b }, 'bitwise or'),
  vrow('vxor', 'bin', B3, 1, { i: (a, b) => a ^ b, b: (a, b) => a ^ b }, 'bitwise xor'),
  vrow('vshl', 'bin', B3, 1, {
    i: (a, c, _d, t) => (c < 0 || c >= bits(t) ? 0 : a << c),
    b: (a, c) => (c < 0n || c >= 64n ? 0n : a << c),
  }, 'shift left by b (counts outside 0..bits−1 give 0)'),
  vrow('vshr', 'bin', B3, 1, {
    i: (a, c, _d, t) => (ELEM[t].signed ? a >> Math.min(Math.max(c, 0), bits(t) - 1) : c < 0 || c >= bits(t) ? 0 : unsignedBits(a, t) >>> c),
    b: (a, c) => (c < 0n || c >= 64n ? (a < 0n ? -1n : 0n) : a >> c),
  }, 'shift right: arithmetic for signed types, logical for unsigned'),
  vrow('vmla', 'mla', ['mem:ub', 'mem:ub', 'mem:ub'], 2, {
    f: (a, b, d) => fmaF32(a, b, d), i: (a, b, d) => Math.imul(a, b) + d, b: (a, b, d) => a * b + d,
  }, 'dst = a × b + dst, one rounding (f16/bf16: f32 fma, then rounded to the type)', { flops: 2 }),
  vrow('vadds', 'bin', B3S, 1, ADD, 'dst = a + scalar'),
  vrow('vmuls', 'bin', B3S, 1, MUL, 'dst = a × scalar'),
  vrow('vmaxs', 'bin', B3S, 1, MAX, 'dst = max(a, scalar)'),
  vrow('vmins', 'bin', B3S, 1, MIN, 'dst = min(a, scalar)'),
  vrow('vnot', 'un', U2, 1, { i: (a) => ~a, b: (a) => ~a }, 'bitwise not', { flops: 0 }),
  vrow('vexp', 'un', U2, 4, { f: Math.exp }, 'e^a (Math.exp rounded to the type)'),
  vrow('vln', 'un', U2, 4, { f: Math.log }, 'natural log (Math.log rounded to the type)'),
  vrow('vsqrt', 'un', U2, 4, { f: Math.sqrt }, 'square root (correctly rounded)'),
  vrow('vrsqrt', 'un', U2, 4, { f: (a) => 1 / Math.sqrt(a) }, '1/√a (computed in f64, rounded once)'),
  vrow('vrelu', 'un', U2, 1, { f: (a) => (a > 0 ? a : 0), i: (a) => Math.max(a, 0), b: (a) => (a > 0n ? a : 0n) }, 'max(a, 0); NaN → 0'),
  vrow('vabs', 'un', U2, 1, { f: Math.abs, i: Math.abs, b: (a) => (a < 0n ? -a : a) }, '|a| (integers wrap: |MIN| = MIN)'),
  vrow('vcopy', 'un', U2, 1, { f: (a) => a, i: (a) => a, b: (a) => a }, 'dst = a', { flops: 0 }),
  vrow('vpopc', 'un', U2, 1, { i: (a, _b, _d, t) => popc32(unsignedBits(a, t)), b: popc64 }, 'population count per element', { flops: 0 }),
  vrow('vclz', 'un', U2, 1, { i: (a, _b, _d, t) => Math.clz32(unsignedBits(a, t)) - (32 - bits(t)), b: clz64 }, 'leading zeros per element', { flops: 0 }),
  vrow('vdup', 'dup', ['mem:ub', 'any'], 1, { f: (a) => a, i: (a) => a, b: (a) => a }, 'dst = scalar in every active lane', { flops: 0 }),
  vrow('vcvt', 'cvt', U2, 2, { f: (a) => a, i: (a) => a, b: (a) => a },
    'vcvt.DST.SRC: convert; lanes = 256 B / the wider type; round=rn|rz|rd|ru|ra (float→int default rz, saturating, NaN→0; f→same f: round to integral)',
    { suffix: 'type.type', types: ALL, options: { round: { kind: 'word', words: ['rn', 'rz', 'rd', 'ru', 'ra'] } }, flops: 0 }),
  cmpDef(),
  vrow('vsel', 'sel', ['mem:ub', 'mem:ub', 'mem:ub'], 1, { f: (a) => a, i: (a) => a, b: (a) => a }, 'dst = mask ? a : b (mask= or the register mask)', { flops: 0 }),
  vrow('vrsum', 'red', U2, 2, ADD, 'dst[r] = sum of repeat r\'s active lanes (pairwise tree, rounded per step)'),
  vrow('vrmax', 'red', U2, 2, MAX, 'dst[r] = max of repeat r\'s active lanes'),
  vrow('vrmin', 'red', U2, 2, MIN, 'dst[r] = min of repeat r\'s active lanes'),
  vrow('vgather', 'gather', U2, (lanes) => Math.ceil(lanes / 8), { f: (a) => a, i: (a) => a, b: (a) => a },
    'dst lane i = src[idx[i]] (idx: u32 element indices in UB, relative to src)', { options: IDX, flops: 0 }),
  vrow('vscatter', 'scatter', U2, (lanes) => Math.ceil(lanes / 8), { f: (a) => a, i: (a) => a, b: (a) => a },
    'dst[idx[i]] = src lane i, in lane order', { options: IDX, flops: 0 }),
  vrow('vpermute', 'permute', U2, 2, { f: (a) => a, i: (a) => a, b: (a) => a },
    'dst lane l of repeat r = src lane idx[r·lanes + l] mod lanes of repeat r (warp shuffles)', { options: IDX, flops: 0 }),
  vrow('vmask.cont', 'maskop', ['val'], 1, {}, 'register mask: the first k lanes active', { suffix: 'none', types: [] }),
  vrow('vmask.bits', 'maskop', ['sv', 'sv', 'sv', 'sv'], 1, {}, 'register mask from 64-bit words (lanes 0–63, 64–127, …; missing words clear)', { suffix: 'none', types: [], optionalArgs: 3 }),
  vrow('vmask.all', 'maskop', [], 1, {}, 'register mask: every lane active (the initial state)', { suffix: 'none', types: [] }),
  vrow('vmask.and', 'maskop', ['mem:ub', 'mem:ub', 'mem:ub'], 1, {}, 'mask bits d = a & b over rep × lanes(type) bits', { types: ALL }),
  vrow('vmask.or', 'maskop', ['mem:ub', 'mem:ub', 'mem:ub'], 1, {}, 'mask bits d = a | b', { types: ALL }),
  vrow('vmask.not', 'maskop', U2, 1, {}, 'mask bits d = ~a', { types: ALL }),
];
