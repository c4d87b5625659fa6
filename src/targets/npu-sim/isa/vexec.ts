/**
 * The vector unit's engine: one plan function (accesses, cost) and one exec function (values)
 * per instruction kind, shared by every row of the vector table (isa/vector.ts). A row supplies
 * the element function for floats (computed in f64, rounded once to the type on store),
 * ≤32-bit integers (typed-array stores wrap) and 64-bit integers (bigint, wrapped on store).
 *
 * Masked-off lanes keep their destination (they still cost: NPU.md rule 3); `vcmp` writes 0
 * bits for them. Reductions combine a repeat's active lanes pairwise (lane 2i with 2i+1, then
 * again), rounding to the type at each step.
 */
import { ELEM, type ElemType, type RoundMode, floatToInt, roundWith } from '../types.js';
import { intToDouble } from './scalar.js';
import { laneView } from './lanes.js';
import type { Access, Cost, ExecEnv, Plan, Resolved } from './program.js';
import { isStrided, laneIndex, laneMask, lanesFor, regMaskCount, vecOperand, vecRanges, type VecOperand } from './vshape.js';

export type VKind = 'bin' | 'un' | 'mla' | 'dup' | 'cvt' | 'cmp' | 'sel' | 'red' | 'gather' | 'scatter' | 'permute' | 'maskop';

export interface ElemFns {
  f?: (a: number, b: number, d: number) => number;
  i?: (a: number, b: number, d: number, t: ElemType, env: ExecEnv) => number;
  b?: (a: bigint, b: bigint, d: bigint, t: ElemType, env: ExecEnv) => bigint;
  /** reductions: the identity for masked-off lanes */
  identity?: (t: ElemType) => number | bigint;
}

export interface VecRow {
  kind: VKind;
  /** cycles per repeat */
  cpr: number | ((lanes: number) => number);
  fns: ElemFns;
  /** FLOPs per active float lane */
  flops?: number;
}

interface Shape {
  t: ElemType;
  lanes: number;
  reps: number;
  ops: VecOperand[];
  maskAddr?: number;
  idxAddr?: number;
  /** the third operand is a scalar (broadcast), its value */
  scalar?: number | bigint;
}

function isMem(r: Resolved, i: number): boolean {
  return r.ins.args[i]?.kind === 'mem';
}

/** Scalar operand value converted to the lane domain of type t. */
function scalarFor(t: ElemType, v: number | bigint): number | bigint {
  const info = ELEM[t];
  if (info.float) return typeof v === 'bigint' ? intToDouble(v) : v;
  const b = typeof v === 'bigint' ? v : BigInt(Math.trunc(v));
  if (info.bits === 64) return info.signed ? BigInt.asIntN(64, b) : BigInt.asUintN(64, b);
  return Number(info.signed ? BigInt.asIntN(info.bits, b) : BigInt.asUintN(info.bits, b));
}

function shape(env: ExecEnv, r: Resolved, row: VecRow): Shape {
  const ins = r.ins;
  const t = ins.types[ins.def.name === 'vcvt' ? 1 : 0]!;
  const reps = r.o['rep'] === undefined ? 1 : Number(r.o['rep']);
  if (!(reps >= 1 && reps <= env.cfg.vector.maxRepeats))
    env.fault('invalid-operand', `rep=${reps} is outside 1..${env.cfg.vector.maxRepeats}`);
  let size = ELEM[t].size;
  if (row.kind === 'cvt') size = Math.max(size, ELEM[ins.types[0]!].size);
  const lanes = lanesFor(env.cfg, size);
  const ops: VecOperand[] = [];
  const s: Shape = { t, lanes, reps, ops };
  const mem = (i: number, sz: number, ln = lanes) => vecOperand((ins.args[i] as { space: 'ub' }).space, r.a[i] as number, sz, ln, r, i);
  const esz = ELEM[t].size;
  switch (row.kind) {
    case 'bin':
      ops.push(mem(0, esz), mem(1, esz));
      if (isMem(r, 2)) ops.push(mem(2, esz));
      else s.scalar = scalarFor(t, r.a[2] as number | bigint);
      break;
    case 'un': case 'mla': case 'permute': case 'gather': case 'scatter':
      ops.push(mem(0, esz), mem(1, esz));
      if (row.kind === 'mla') ops.push(mem(2, esz));
      break;
    case 'dup':
      ops.push(mem(0, esz));
      s.scalar = scalarFor(t, r.a[1] as number | bigint);
      break;
    case 'cvt':
      ops.push(mem(0, ELEM[ins.types[0]!].size), mem(1, esz));
      break;
    case 'cmp':
      // operand 0 is a bit mask: R·lanes bits, dense
      ops.push({ space: 'ub', base: r.a[0] as number, size: 1, blk: 1, rep: 0, bpr: 0, epb: 32 }, mem(1, esz));
      if (isMem(r, 2)) ops.push(mem(2, esz));
      else s.scalar = scalarFor(t, r.a[2] as number | bigint);
      break;
    case 'sel':
      ops.push(mem(0, esz), mem(1, esz), mem(2, esz));
      break;
    case 'red':
      ops.push({ space: 'ub', base: r.a[0] as number, size: esz, blk: 1, rep: 0, bpr: 0, epb: 32 / esz }, mem(1, esz));
      break;
    case 'maskop':
      break;
  }
  if (r.o['mask'] !== undefined) s.maskAddr = r.o['mask'] as number;
  if (r.o['idx'] !== undefined) s.idxAddr = r.o['idx'] as number;
  return s;
}

function bitsBytes(bits: number): number {
  return Math.ceil(bits / 8);
}

/** Accesses and cost of a vector instruction. */
export function planVector(env: ExecEnv, r: Resolved, row: VecRow): Plan {
  const cfg = env.cfg;
  if (row.kind === 'maskop') return planMaskOp(env, r);
  const s = shape(env, r, row);
  const acc: Access[] = [];
  const writes0 = row.kind !== 'scatter';
  for (let i = 0; i < s.ops.length; i++) {
    const o = s.ops[i]!;
    if (row.kind === 'cmp' && i === 0) {
      acc.push({ space: 'ub', addr: o.base, len: bitsBytes(s.reps * s.lanes), write: true, alignCheck: true });
      continue;
    }
    if (row.kind === 'red' && i === 0) {
      acc.push({ space: 'ub', addr: o.base, len: s.reps * o.size, write: true, alignCheck: true });
      continue;
    }
    if (row.kind === 'mla' && i === 0) acc.push(...vecRanges(o, s.reps, false));
    if ((row.kind === 'gather' && i === 1) || (row.kind === 'scatter' && i === 0)) {
      // indexed: the whole allocation around the base is conservatively touched (planned by the core)
      acc.push({ space: 'ub', addr: o.base, len: -1, write: i === 0, alignCheck: true });
      continue;
    }
    acc.push(...vecRanges(o, s.reps, i === 0 ? writes0 : false));
  }
  if (row.kind === 'scatter') {
    acc.push(...vecRanges(s.ops[1]!, s.reps, false));
  }
  if (s.maskAddr !== undefined) acc.push({ space: 'ub', addr: s.maskAddr, len: bitsBytes(s.reps * s.lanes), write: false, alignCheck: true });
  if (s.idxAddr !== undefined) acc.push({ space: 'ub', addr: s.idxAddr, len: s.reps * s.lanes * 4, write: false, alignCheck: true });
  const cpr = typeof row.cpr === 'number' ? row.cpr : row.cpr(s.lanes);
  const strided = isStrided(s.ops);
  const issued = s.reps * s.lanes;
  let active = issued;
  if (s.maskAddr !== undefined) {
    const ub = env.bytes('ub');
    active = 0;
    for (let b = 0; b < issued; b++) if ((ub[s.maskAddr + (b >> 3)]! >> (b & 7)) & 1) active++;
  } else {
    active = s.reps * regMaskCount(env.maskReg, s.lanes);
  }
  const cost: Cost = {
    occupancy: s.reps * cpr * (strided ? 2 : 1),
    latency: cfg.vector.latency,
    lanesActive: active,
    lanesIssued: issued,
    flops: ELEM[s.t].float ? active * (row.flops ?? 1) : 0,
    note: strided ? 'strided ×2' : undefined,
  };
  return { accesses: acc, cost };
}

function planMaskOp(env: ExecEnv, r: Resolved): Plan {
  const name = r.ins.def.name;
  const cost: Cost = { occupancy: 1, latency: env.cfg.vector.latency };
  if (name === 'vmask.cont' || name === 'vmask.bits' || name === 'vmask.all') return { accesses: [], cost };
  const t = r.ins.types[0]!;
  const reps = r.o['rep'] === undefined ? 1 : Number(r.o['rep']);
  const bytes = bitsBytes(reps * lanesFor(env.cfg, ELEM[t].size));
  const acc: Access[] = [{ space: 'ub', addr: r.a[0] as number, len: bytes, write: true, alignCheck: true }];
  for (let i = 1; i < r.a.length; i++) acc.push({ space: 'ub', addr: r.a[i] as number, len: bytes, write: false, alignCheck: true });
  cost.occupancy = reps;
  return { accesses: acc, cost };
}

/** Functional semantics of a vector instruction. */
export function execVector(env: ExecEnv, r: Resolved, row: VecRow): void {
  if (row.kind === 'maskop') return execMaskOp(env, r);
  const s = shape(env, r, row);
  const ub = env.bytes('ub');
  const mask = laneMask(ub, s.maskAddr, env.maskReg, s.lanes);
  const t = s.t;
  const info = ELEM[t];
  const dom = info.float ? 'f' : info.bits === 64 ? 'b' : 'i';
  const fn = dom === 'f' ? row.fns.f : dom === 'i' ? row.fns.i : row.fns.b;
  const call = (a: number | bigint, b: number | bigint, d: number | bigint): number | bigint =>
    dom === 'f' ? row.fns.f!(a as number, b as number, d as number)
    : dom === 'i' ? row.fns.i!(a as number, b as number, d as number, t, env)
    : row.fns.b!(a as bigint, b as bigint, d as bigint, t, env);
  const V = laneView(ub, t);
  const [o0, o1, o2] = s.ops;
  const zero = dom === 'b' ? 0n : 0;
  switch (row.kind) {
    case 'bin': case 'un': case 'mla': {
      if (!fn) env.fault('invalid-operand', `${r.ins.def.name} is not defined on ${t}`);
      // fast path: dense f32 without a mask
      if (dom === 'f' && t === 'f32' && mask.all && o0!.blk === 1 && o1!.blk === 1 && (!o2 || o2.blk === 1) && row.kind !== 'mla') {
        const raw = V.raw as Float32Array;
        const f = row.fns.f!;
        const sc = s.scalar as number;
        for (let rr = 0; rr < s.reps; rr++) {
          const d0 = laneIndex(o0!, rr, 0), a0 = laneIndex(o1!, rr, 0), b0 = o2 ? laneIndex(o2, rr, 0) : 0;
          for (let l = 0; l < s.lanes; l++) raw[d0 + l] = f(raw[a0 + l]!, o2 ? raw[b0 + l]! : sc, 0);
        }
        return;
      }
      for (let rr = 0; rr < s.reps; rr++)
        for (let l = 0; l < s.lanes; l++) {
          if (!mask.active(rr, l)) continue;
          const di = laneIndex(o0!, rr, l);
          const a = V.get(laneIndex(o1!, rr, l));
          const b = row.kind === 'un' ? zero : o2 ? V.get(laneIndex(o2, rr, l)) : s.scalar!;
          const d = row.kind === 'mla' ? V.get(di) : zero;
          V.set(di, call(a, b, d));
        }
      return;
    }
    case 'dup':
      for (let rr = 0; rr < s.reps; rr++)
        for (let l = 0; l < s.lanes; l++) if (mask.active(rr, l)) V.set(laneIndex(o0!, rr, l), s.scalar!);
      return;
    case 'cvt':
      return execCvt(env, r, s, mask);
    case 'cmp': {
      if (!fn) env.fault('invalid-operand', `vcmp is not defined on ${t}`);
      const base = o0!.base;
      for (let rr = 0; rr < s.reps; rr++)
        for (let l = 0; l < s.lanes; l++) {
          const bit = rr * s.lanes + l;
          let on = false;
          if (mask.active(rr, l)) {
            const a = V.get(laneIndex(o1!, rr, l));
            const b = o2 ? V.get(laneIndex(o2, rr, l)) : s.scalar!;
            on = call(a, b, zero) !== zero;
          }
          const at = base + (bit >> 3);
          ub[at] = on ? ub[at]! | (1 << (bit & 7)) : ub[at]! & ~(1 << (bit & 7));
        }
      return;
    }
    case 'sel': {
      // sel needs a predicate: mask= or the register mask; dst = pred ? a : b
      const pred = s.maskAddr !== undefined ? mask : laneMask(ub, undefined, env.maskReg, s.lanes);
      for (let rr = 0; rr < s.reps; rr++)
        for (let l = 0; l < s.lanes; l++) {
          const src = pred.active(rr, l) ? o1! : o2!;
          V.set(laneIndex(o0!, rr, l), V.get(laneIndex(src, rr, l)));
        }
      return;
    }
    case 'red': {
      const idv = row.fns.identity ? row.fns.identity(t) : zero;
      const vals: Array<number | bigint> = new Array(s.lanes);
      for (let rr = 0; rr < s.reps; rr++) {
        for (let l = 0; l < s.lanes; l++) vals[l] = mask.active(rr, l) ? V.get(laneIndex(o1!, rr, l)) : idv;
        let n = s.lanes;
        while (n > 1) {
          n >>= 1;
          for (let k = 0; k < n; k++) vals[k] = roundLane(t, call(vals[2 * k]!, vals[2 * k + 1]!, zero));
        }
        V.set(o0!.base / o0!.size + rr, vals[0]!);
      }
      return;
    }
    case 'gather': case 'scatter': case 'permute': {
      const idx = new Uint32Array(ub.buffer, ub.byteOffset + s.idxAddr!, s.reps * s.lanes);
      const limit = ub.byteLength / info.size;
      for (let rr = 0; rr < s.reps; rr++)
        for (let l = 0; l < s.lanes; l++) {
          if (!mask.active(rr, l)) continue;
          const k = idx[rr * s.lanes + l]!;
          if (row.kind === 'gather') {
            const si = o1!.base / info.size + k;
            if (si >= limit) env.fault('overflow', `vgather index ${k} is outside UB`);
            V.set(laneIndex(o0!, rr, l), V.get(si));
          } else if (row.kind === 'scatter') {
            const di = o0!.base / info.size + k;
            if (di >= limit) env.fault('overflow', `vscatter index ${k} is outside UB`);
            V.set(di, V.get(laneIndex(o1!, rr, l)));
          } else {
            V.set(laneIndex(o0!, rr, l), V.get(laneIndex(o1!, rr, k % s.lanes)));
          }
        }
      return;
    }
  }
}

/** Rounds an intermediate reduction value to the lane type (values are stored later). */
function roundLane(t: ElemType, v: number | bigint): number | bigint {
  if (typeof v === 'bigint') return ELEM[t].signed ? BigInt.asIntN(64, v) : BigInt.asUintN(64, v);
  const tmp = laneView(SCRATCH, t);
  tmp.set(0, v);
  return tmp.get(0);
}
const SCRATCH = new Uint8Array(32);

function execCvt(env: ExecEnv, r: Resolved, s: Shape, mask: { active(r: number, l: number): boolean }): void {
  const [dt, st] = r.ins.types as [ElemType, ElemType];
  const ub = env.bytes('ub');
  const D = laneView(ub, dt);
  const S = laneView(ub, st);
  const mode = (r.o['round'] as RoundMode | undefined) ?? (ELEM[dt].float ? 'rn' : 'rz');
  const [o0, o1] = s.ops;
  for (let rr = 0; rr < s.reps; rr++)
    for (let l = 0; l < s.lanes; l++) {
      if (!mask.active(rr, l)) continue;
      const v = S.get(laneIndex(o1!, rr, l));
      let out: number | bigint;
      if (ELEM[st].float && ELEM[dt].float) out = mode === 'rn' || dt !== st ? (v as number) : roundWith(v as number, mode);
      else if (ELEM[st].float) out = floatToInt(dt, v as number, mode);
      else if (ELEM[dt].float) out = intToDouble(BigInt(v));
      else {
        const d = ELEM[dt];
        const b = BigInt(v);
        const w = d.signed ? BigInt.asIntN(d.bits, b) : BigInt.asUintN(d.bits, b);
        out = d.bits === 64 ? w : Number(w);
      }
      if (ELEM[dt].bits === 64 && typeof out === 'number') out = BigInt(out);
      D.set(laneIndex(o0!, rr, l), out);
    }
}

function execMaskOp(env: ExecEnv, r: Resolved): void {
  const name = r.ins.def.name;
  const m = env.maskReg;
  if (name === 'vmask.all') return void m.fill(0xff);
  if (name === 'vmask.cont') {
    const k = Math.max(0, Math.min(256, Number(r.a[0])));
    m.fill(0);
    for (let l = 0; l < k; l++) m[l >> 3]! |= 1 << (l & 7);
    return;
  }
  if (name === 'vmask.bits') {
    m.fill(0);
    for (let w = 0; w < r.a.length; w++) {
      let v = BigInt.asUintN(64, BigInt(r.a[w] as bigint));
      for (let b = 0; b < 8; b++, v >>= 8n) m[w * 8 + b] = Number(v & 0xffn);
    }
    return;
  }
  const t = r.ins.types[0]!;
  const reps = r.o['rep'] === undefined ? 1 : Number(r.o['rep']);
  const bytes = bitsBytes(reps * lanesFor(env.cfg, ELEM[t].size));
  const ub = env.bytes('ub');
  const d = r.a[0] as number, a = r.a[1] as number, b = r.a[2] as number | undefined;
  for (let i = 0; i < bytes; i++) {
    const x = ub[a + i]!;
    ub[d + i] = name === 'vmask.not' ? ~x & 0xff : name === 'vmask.and' ? x & ub[b! + i]! : x | ub[b! + i]!;
  }
}
