/**
 * DMA instructions as table rows: `dma.<src>2<dst> dst, src, n=BURSTS, len=BYTES[, sgap=,
 * dgap=][, cvt=…][, relu][, atomic=op, type=T]`, the indexed `dma.gather gm2ub` /
 * `dma.scatter ub2gm`, and the per-element `dma.cas` / `dma.xchg`.
 *
 * Burst i reads `len` bytes at src + i·(len + sgap) and writes them (converted when cvt= is
 * given: len counts source bytes) at dst + i·(dlen + dgap). On-core burst addresses must be
 * 32-byte aligned (the operand base: its buffer's alignment). Costs: GM paths hand the HBM
 * model their effective bytes (each burst rounded up to 32 B, plus one 512-B line when it
 * starts off a line boundary in GM) and a fixed 4 cycles per burst; on-core paths occupy
 * ⌈bytes / path rate⌉ + 2 per burst with latency 20 (NPU.md rules 5 and 6).
 */
import type { NpuConfig } from '../config.js';
import { ELEM, type ElemType } from '../types.js';
import { laneView } from './lanes.js';
import type { Access, Cost, ExecEnv, OpDef, OptionSpec, Pipe, Plan, Resolved, Space } from './program.js';

type Path = keyof NpuConfig['paths'];

const CVT: Readonly<Record<string, [ElemType, ElemType]>> = {
  f32f16: ['f32', 'f16'], f32bf16: ['f32', 'bf16'], f16f32: ['f16', 'f32'], bf16f32: ['bf16', 'f32'],
};
const ATOMIC_OPS = ['add', 'min', 'max', 'and', 'or', 'xor'] as const;

interface Burst {
  src: number;
  dst: number;
  len: number;
  dlen: number;
}

function bursts(r: Resolved, ratio: number): Burst[] {
  const n = r.o['n'] === undefined ? 1 : Number(r.o['n']);
  const len = Number(r.o['len']);
  const sgap = r.o['sgap'] === undefined ? 0 : Number(r.o['sgap']);
  const dgap = r.o['dgap'] === undefined ? 0 : Number(r.o['dgap']);
  const dlen = len * ratio;
  const out: Burst[] = [];
  const src = r.a[1] as number;
  const dst = r.a[0] as number;
  for (let i = 0; i < n; i++) out.push({ src: src + i * (len + sgap), dst: dst + i * (dlen + dgap), len, dlen });
  return out;
}

function ceilTo(x: number, g: number): number {
  return Math.ceil(x / g) * g;
}

/** GM-side cost of a list of GM byte ranges (one per burst). */
export function gmCost(cfg: NpuConfig, ranges: Array<[number, number]>, write: boolean, perBurst = true, extraCycles = 0): Cost {
  let bytes = 0;
  for (const [a, l] of ranges) {
    bytes += ceilTo(Math.max(l, 1), cfg.hbm.burstGranule);
    if (perBurst && a % cfg.hbm.lineBytes !== 0) bytes += cfg.hbm.lineBytes;
  }
  return {
    occupancy: ranges.length * cfg.hbm.burstCycles + extraCycles,
    latency: cfg.hbm.latency,
    gmBytes: bytes,
    gmWrite: write,
    gmRanges: ranges,
  };
}

function dmaDef(src: Space, dst: Space, pipe: Pipe): OpDef {
  const name = `dma.${src}2${dst}`;
  const path = `${src}2${dst}` as Path;
  const onCore = src !== 'gm' && dst !== 'gm';
  const options: Record<string, OptionSpec> = {
    n: { kind: 'val' }, len: { kind: 'val', required: true }, sgap: { kind: 'val' }, dgap: { kind: 'val' },
    cvt: { kind: 'word', words: Object.keys(CVT) },
  };
  if (dst === 'gm') {
    options['atomic'] = { kind: 'word', words: ATOMIC_OPS };
    options['type'] = { kind: 'word', words: Object.keys(ELEM) };
  }
  return {
    name, family: 'dma', pipe, suffix: 'none', args: [`mem:${dst}`, `mem:${src}`], options, flags: ['relu'],
    doc: `copy n bursts of len bytes ${src.toUpperCase()} → ${dst.toUpperCase()}${dst === 'gm' ? '; atomic=op with type=T accumulates per element' : ''}`,
    costDoc: onCore
      ? `occupancy ⌈bytes / ${path} rate⌉ + onCoreDma.burstCycles per burst; latency onCoreDma.latency`
      : 'GM transfer (shared HBM/L2 rate) + hbm.burstCycles per burst; latency hbm.latency',
    plan(env, r) {
      const cfg = env.cfg;
      const cvt = r.o['cvt'] as string | undefined;
      const [st, dt] = cvt ? CVT[cvt]! : ['u8', 'u8'];
      const ratio = ELEM[dt as ElemType].size / ELEM[st as ElemType].size;
      const bs = bursts(r, ratio);
      const atomic = r.o['atomic'] !== undefined;
      if (atomic && r.o['type'] === undefined) env.fault('invalid-operand', 'atomic= needs type=T');
      const accesses: Access[] = [];
      for (let i = 0; i < bs.length; i++) {
        const b = bs[i]!;
        accesses.push({ space: src, addr: b.src, len: b.len, write: false, alignCheck: i === 0 });
        accesses.push({ space: dst, addr: b.dst, len: b.dlen, write: true, alignCheck: i === 0, atomic });
        if (src !== 'gm' && b.src % 32) env.fault('misaligned', `burst ${i} starts at ${src}+${b.src}, not 32-byte aligned`);
        if (dst !== 'gm' && b.dst % 32) env.fault('misaligned', `burst ${i} starts at ${dst}+${b.dst}, not 32-byte aligned`);
      }
      let cost: Cost;
      if (onCore) {
        let bytes = 0;
        for (const b of bs) bytes += ceilTo(Math.max(b.len, b.dlen, 1), 32);
        cost = {
          occupancy: Math.ceil(bytes / cfg.paths[path]) + bs.length * cfg.onCoreDma.burstCycles,
          latency: cfg.onCoreDma.latency,
          pathBytes: bytes,
          path,
        };
      } else {
        const ranges: Array<[number, number]> = bs.map((b) => (src === 'gm' ? [b.src, b.len] : [b.dst, b.dlen]));
        const elems = atomic ? bs.reduce((s, b) => s + b.dlen / ELEM[r.o['type'] as ElemType].size, 0) : 0;
        cost = gmCost(cfg, ranges, dst === 'gm', true, elems * cfg.atomics.cyclesPerElement);
        cost.path = path;
        cost.pathBytes = ranges.reduce((s, x) => s + x[1], 0);
      }
      return { accesses, cost };
    },
    exec(env, r) {
      const cvt = r.o['cvt'] as string | undefined;
      const relu = r.ins.flags.includes('relu');
      const s = env.bytes(src);
      const d = env.bytes(dst);
      const so = src === 'gm' ? env.gmBase : 0;
      const doff = dst === 'gm' ? env.gmBase : 0;
      const atomic = r.o['atomic'] as string | undefined;
      const [st, dt] = cvt ? CVT[cvt]! : relu ? (['f32', 'f32'] as [ElemType, ElemType]) : [undefined, undefined];
      const ratio = st ? ELEM[dt!].size / ELEM[st].size : 1;
      for (const b of bursts(r, ratio)) {
        const si = b.src - so;
        const di = b.dst - doff;
        if (atomic) atomicBurst(env, d, di, s, si, b.len, r.o['type'] as ElemType, atomic);
        else if (!st) d.set(s.subarray(si, si + b.len), di);
        else convertBurst(s, si, d, di, b.len / ELEM[st].size, st, dt!, relu);
      }
    },
  };
}

/** Element conversion through aligned scratch copies (GM addresses need not be aligned). */
function convertBurst(s: Uint8Array, si: number, d: Uint8Array, di: number, count: number, st: ElemType, dt: ElemType, relu: boolean): void {
  const tmpS = new Uint8Array(count * ELEM[st].size);
  tmpS.set(s.subarray(si, si + tmpS.length));
  const tmpD = new Uint8Array(count * ELEM[dt].size);
  const S = laneView(tmpS, st);
  const D = laneView(tmpD, dt);
  for (let i = 0; i < count; i++) {
    let v = S.get(i) as number;
    if (relu && !(v > 0)) v = 0;
    D.set(i, v);
  }
  d.set(tmpD, di);
}

function atomicCombine(t: ElemType, op: string, a: number | bigint, b: number | bigint): number | bigint {
  const f = ELEM[t].float;
  switch (op) {
    case 'add': return typeof a === 'bigint' ? a + (b as bigint) : (a as number) + (b as number);
    case 'min': return a < b || (f && Number.isNaN(b as number)) ? a : b;
    case 'max': return a > b || (f && Number.isNaN(b as number)) ? a : b;
    case 'and': return typeof a === 'bigint' ? a & (b as bigint) : (a as number) & (b as number);
    case 'or': return typeof a === 'bigint' ? a | (b as bigint) : (a as number) | (b as number);
    default: return typeof a === 'bigint' ? a ^ (b as bigint) : (a as number) ^ (b as number);
  }
}

function atomicBurst(env: ExecEnv, gm: Uint8Array, gi: number, ub: Uint8Array, ui: number, len: number, t: ElemType, op: string): void {
  const size = ELEM[t].size;
  if (gi % size) env.fault('misaligned', `atomic ${t} access at a GM address not aligned to ${size}`);
  if (ELEM[t].float && op !== 'add' && op !== 'min' && op !== 'max') env.fault('invalid-operand', `atomic=${op} is not defined on ${t}`);
  const G = laneView(gm, t);
  const U = laneView(ub, t);
  for (let k = 0; k < len / size; k++) {
    const g = gi / size + k;
    G.set(g, atomicCombine(t, op, G.get(g), U.get(ui / size + k)));
  }
}

function idxValues(env: ExecEnv, addr: number, n: number): Uint32Array {
  const ub = env.bytes('ub');
  if (addr % 4) env.fault('misaligned', 'idx= must be 4-byte aligned');
  return new Uint32Array(ub.buffer.slice(ub.byteOffset + addr, ub.byteOffset + addr + 4 * n));
}

function indexedPlan(env: ExecEnv, r: Resolved, gmArg: number, ubArg: number, elem: number, write: boolean, extra: number): Plan {
  const n = r.o['n'] === undefined ? 1 : Number(r.o['n']);
  const idx = idxValues(env, r.o['idx'] as number, n);
  const base = r.a[gmArg] as number;
  const atomic = r.o['atomic'] !== undefined;
  const accesses: Access[] = [
    { space: 'ub', addr: r.o['idx'] as number, len: 4 * n, write: false },
    { space: 'ub', addr: r.a[ubArg] as number, len: elem * n, write: !write, alignCheck: true },
  ];
  const ranges: Array<[number, number]> = [];
  for (let i = 0; i < n; i++) {
    const a = base + idx[i]! * elem;
    ranges.push([a, elem]);
    accesses.push({ space: 'gm', addr: a, len: elem, write, atomic });
  }
  const cost = gmCost(env.cfg, ranges, write, false, n * extra);
  cost.path = write ? 'ub2gm' : 'gm2ub';
  cost.pathBytes = elem * n;
  return { accesses, cost };
}

const ELEM_OPT: OptionSpec = { kind: 'val', required: true };

const gather: OpDef = {
  name: 'dma.gather', family: 'dma', pipe: 'MTE2', suffix: 'none', args: ['path', 'mem:ub', 'mem:gm'],
  options: { idx: { kind: 'mem:ub', required: true }, n: { kind: 'val', required: true }, elem: ELEM_OPT },
  doc: 'dma.gather gm2ub dst, base, idx=ub[…], n=, elem=: dst[i] = gm[base + idx[i]·elem] (idx: u32)',
  costDoc: 'GM transfer of n 32-byte accesses + hbm.burstCycles each; latency hbm.latency',
  plan: (env, r) => indexedPlan(env, r, 2, 1, Number(r.o['elem']), false, 0),
  exec(env, r) {
    const n = Number(r.o['n']);
    const elem = Number(r.o['elem']);
    const idx = idxValues(env, r.o['idx'] as number, n);
    const gm = env.bytes('gm');
    const ub = env.bytes('ub');
    const base = (r.a[2] as number) - env.gmBase;
    const dst = r.a[1] as number;
    for (let i = 0; i < n; i++) {
      const g = base + idx[i]! * elem;
      ub.set(gm.subarray(g, g + elem), dst + i * elem);
    }
  },
};

const scatter: OpDef = {
  name: 'dma.scatter', family: 'dma', pipe: 'MTE3', suffix: 'none', args: ['path', 'mem:gm', 'mem:ub'],
  options: {
    idx: { kind: 'mem:ub', required: true }, n: { kind: 'val', required: true }, elem: ELEM_OPT,
    atomic: { kind: 'word', words: ATOMIC_OPS }, type: { kind: 'word', words: Object.keys(ELEM) },
  },
  doc: 'dma.scatter ub2gm base, src, idx=ub[…], n=, elem=[, atomic=op, type=T]: gm[base + idx[i]·elem] = src[i] (in order)',
  costDoc: 'GM transfer of n 32-byte accesses + hbm.burstCycles each (+ atomics.cyclesPerElement if atomic)',
  plan: (env, r) => indexedPlan(env, r, 1, 2, Number(r.o['elem']), true, r.o['atomic'] ? env.cfg.atomics.cyclesPerElement : 0),
  exec(env, r) {
    const n = Number(r.o['n']);
    const elem = Number(r.o['elem']);
    const idx = idxValues(env, r.o['idx'] as number, n);
    const gm = env.bytes('gm');
    const ub = env.bytes('ub');
    const base = (r.a[1] as number) - env.gmBase;
    const src = r.a[2] as number;
    const atomic = r.o['atomic'] as string | undefined;
    for (let i = 0; i < n; i++) {
      const g = base + idx[i]! * elem;
      if (atomic) {
        const t = r.o['type'] as ElemType;
        if (ELEM[t].size !== elem) env.fault('invalid-operand', `type=${t} does not match elem=${elem}`);
        atomicBurst(env, gm, g, ub, src + i * elem, elem, t, atomic);
      } else gm.set(ub.subarray(src + i * elem, src + (i + 1) * elem), g);
    }
  },
};

function casDef(name: 'dma.cas' | 'dma.xchg'): OpDef {
  const cas = name === 'dma.cas';
  return {
    name, family: 'dma', pipe: 'MTE3', suffix: 'type',
    types: cas ? ['i32', 'u32', 'i64', 'u64'] : ['i32', 'u32', 'i64', 'u64', 'f32'],
    args: cas ? ['mem:ub', 'mem:gm', 'mem:ub', 'mem:ub'] : ['mem:ub', 'mem:gm', 'mem:ub'],
    options: { n: { kind: 'val' }, idx: { kind: 'mem:ub' } },
    doc: cas
      ? 'dma.cas.T old, gm[a], cmp, new, n=[, idx=]: per element old[i] = g; if g == cmp[i] then g = new[i] (atomic)'
      : 'dma.xchg.T old, gm[a], new, n=[, idx=]: per element old[i] = g; g = new[i] (atomic)',
    costDoc: 'GM transfer of n 32-byte accesses + hbm.burstCycles + atomics.casCyclesPerElement each',
    plan(env, r) {
      const t = r.ins.types[0]!;
      const size = ELEM[t].size;
      const n = r.o['n'] === undefined ? 1 : Number(r.o['n']);
      const idx = r.o['idx'] !== undefined ? idxValues(env, r.o['idx'] as number, n) : undefined;
      const base = r.a[1] as number;
      const accesses: Access[] = [{ space: 'ub', addr: r.a[0] as number, len: size * n, write: true, alignCheck: true }];
      for (let k = 2; k < r.a.length; k++) accesses.push({ space: 'ub', addr: r.a[k] as number, len: size * n, write: false, alignCheck: true });
      if (idx) accesses.push({ space: 'ub', addr: r.o['idx'] as number, len: 4 * n, write: false });
      const ranges: Array<[number, number]> = [];
      for (let i = 0; i < n; i++) {
        const a = base + (idx ? idx[i]! : i) * size;
        if (a % size) env.fault('misaligned', `${name} element ${i} at a GM address not aligned to ${size}`);
        ranges.push([a, size]);
        accesses.push({ space: 'gm', addr: a, len: size, write: true, atomic: true });
      }
      const cost = gmCost(env.cfg, ranges, true, false, n * env.cfg.atomics.casCyclesPerElement);
      cost.path = 'ub2gm';
      cost.pathBytes = n * size;
      return { accesses, cost };
    },
    exec(env, r) {
      const t = r.ins.types[0]!;
      const size = ELEM[t].size;
      const n = r.o['n'] === undefined ? 1 : Number(r.o['n']);
      const idx = r.o['idx'] !== undefined ? idxValues(env, r.o['idx'] as number, n) : undefined;
      const G = laneView(env.bytes('gm'), t);
      const U = laneView(env.bytes('ub'), t);
      const g0 = ((r.a[1] as number) - env.gmBase) / size;
      const old = (r.a[0] as number) / size;
      const cmp = (r.a[2] as number) / size;
      const nw = cas ? (r.a[3] as number) / size : cmp;
      for (let i = 0; i < n; i++) {
        const g = g0 + (idx ? idx[i]! : i);
        const cur = G.get(g);
        U.set(old + i, cur);
        if (!cas || cur === U.get(cmp + i)) G.set(g, U.get(nw + i));
      }
    },
  };
}

export const DMA_OPS: readonly OpDef[] = [
  dmaDef('gm', 'ub', 'MTE2'),
  dmaDef('gm', 'l1', 'MTE2'),
  dmaDef('l1', 'l0a', 'MTE1'),
  dmaDef('l1', 'l0b', 'MTE1'),
  dmaDef('l1', 'ub', 'MTE1'),
  dmaDef('ub', 'gm', 'MTE3'),
  dmaDef('ub', 'l1', 'MTE3'),
  dmaDef('l0c', 'ub', 'FIX'),
  dmaDef('l0c', 'gm', 'FIX'),
  gather,
  scatter,
  casDef('dma.cas'),
  casDef('dma.xchg'),
];
