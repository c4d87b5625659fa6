/**
 * `interpret`: one kernel launch on the KIR interpreter — the executable semantics of KIR
 * and kcc's reference for every target. Blocks run one after another (blocks of a launch are
 * unordered, so any order is a valid one; races between blocks are still detected by the
 * sanitizer); the threads of a block run as explicit states scheduled by scheduler.ts.
 *
 *   const mem = new Memory();
 *   const x = mem.upload(new Float32Array([...]), 'x');
 *   const r = interpret(m, 'saxpy', { grid: [4], block: [256], args: [n, 2.0, x, y], memory: mem });
 *   r.faults; r.printf; r.stats.instructions; mem.readF32(y)
 */
import type { Module } from '../core.js';
import { type Type, layoutOf } from '../types.js';
import { roundFloat } from '../semantics.js';
import { type CompiledFunc, Program, newFrame } from './compile.js';
import { type DeviceBuffer, type Memory, elemSizeOf } from './memory.js';
import { type BlockState, type Fault, type LaunchCtx, RUN, type Thread, addrOf } from './runtime.js';
import { runBlock } from './scheduler.js';

export type Dim3 = number | readonly [number, number?, number?];
export type KernelArg = DeviceBuffer | number | bigint | boolean | readonly unknown[];

export interface LaunchOptions {
  grid: Dim3;
  block: Dim3;
  args: readonly KernelArg[];
  memory: Memory;
  /** dynamic shared memory in bytes (`<<<g, b, bytes>>>`) */
  sharedBytes?: number;
  /** sanitizer checks (default on) */
  sanitize?: boolean;
  /** instruction budget for the whole launch (default 200 million) */
  fuel?: number;
  /** at most this many faults are recorded (default 100) */
  maxFaults?: number;
}

export interface LaunchStats {
  /** simulated thread-instructions (one per executed KIR op, per thread) */
  instructions: number;
  threads: number;
  blocks: number;
  barriers: number;
  collectives: number;
  wallMs: number;
}

export interface LaunchResult {
  stats: LaunchStats;
  faults: Fault[];
  /** device printf output in CUDA's order */
  printf: string;
  /** true when no fault was reported */
  ok: boolean;
}

const programs = new WeakMap<Module, (Program | undefined)[]>();

/** Compiled code is cached per module: call this after mutating a module that already ran. */
export function invalidateInterpreter(m: Module): void {
  programs.delete(m);
}

function programFor(m: Module, sanitize: boolean): Program {
  let ps = programs.get(m);
  if (!ps) programs.set(m, (ps = []));
  return (ps[+sanitize] ??= new Program(m, sanitize));
}

function dim3(d: Dim3): [number, number, number] {
  const a = typeof d === 'number' ? [d] : d;
  const r: [number, number, number] = [a[0] ?? 1, a[1] ?? 1, a[2] ?? 1];
  if (r.some((x) => !Number.isInteger(x) || x < 1)) throw new Error(`invalid launch dimension [${r.join(', ')}]`);
  return r;
}

function convertArg(a: KernelArg, t: Type, k: number): unknown {
  if (t.kind === 'ptr') {
    if (typeof a === 'object' && a !== null && 'addr' in a) return a.addr;
    if (typeof a === 'number') return a;
    throw new Error(`argument ${k}: a ${t.text} needs a device buffer`);
  }
  if (typeof a === 'object' && a !== null && !Array.isArray(a)) throw new Error(`argument ${k}: a buffer passed for ${t.text}`);
  if (t.kind === 'int') {
    const b = BigInt(typeof a === 'boolean' ? +a : typeof a === 'number' ? Math.trunc(a) : (a as bigint));
    const w = t.signed ? BigInt.asIntN(t.bits, b) : BigInt.asUintN(t.bits, b);
    return t.bits === 64 ? w : Number(w);
  }
  if (t.kind === 'float') return roundFloat(t, Number(a));
  if (t.kind === 'bool') return a ? 1 : 0;
  return a;
}

export function interpret(m: Module, kernelName: string, o: LaunchOptions): LaunchResult {
  const t0 = performance.now();
  const kernel = m.func(kernelName);
  if (!kernel || kernel.kind !== 'kernel') throw new Error(`no kernel '${kernelName}' in the module`);
  if (o.args.length !== kernel.params.length) throw new Error(`kernel ${kernelName} takes ${kernel.params.length} argument(s), got ${o.args.length}`);
  const sanitize = o.sanitize ?? true;
  const program = programFor(m, sanitize);
  const cf = program.get(kernel);
  const grid = dim3(o.grid), block = dim3(o.block);
  const tpb = block[0] * block[1] * block[2];
  const mem = o.memory;
  const globalAddr = m.globals.map((g) => (g.space === 'shared' ? 0 : addrOf(mem.globalOf(m, g.name).id, 0)));
  const ctx: LaunchCtx = {
    sanitize, grid, block, threadsPerBlock: tpb, globalAddr, mem,
    fuel: o.fuel ?? 200_000_000, instructions: 0, faults: [], faultKeys: new Set(), stopped: false, printf: [],
    firstEpoch: mem.epochCounter, maxFaults: o.maxFaults ?? 100,
  };
  // the kernel's frame template with its parameters filled in
  const template = newFrame(cf);
  kernel.params.forEach((p, k) => {
    const v = convertArg(o.args[k]!, p.type, k);
    const [bank, i] = cf.params[k]!;
    if (bank === 0) template.n[i] = v as number;
    else if (bank === 1) template.b[i] = v as bigint;
    else template.o[i] = v;
  });
  const stats: LaunchStats = { instructions: 0, threads: 0, blocks: 0, barriers: 0, collectives: 0, wallMs: 0 };
  const shared = m.globals.map((g, i) => [g, i] as const).filter(([g]) => g.space === 'shared');
  const warpsPerBlock = Math.ceil(tpb / 32);
  outer: for (let bz = 0; bz < grid[2]; bz++)
    for (let by = 0; by < grid[1]; by++)
      for (let bx = 0; bx < grid[0]; bx++) {
        const linear = bx + grid[0] * (by + grid[1] * bz);
        const owned: number[] = [];
        const sharedAddr: number[] = [];
        for (const [g, i] of shared) {
          const al = mem.allocate(sizeOfType(g.type), 'shared', g.name, elemSize(g.type));
          if (sanitize) al.init = new Uint8Array(al.size);
          owned.push(al.id);
          sharedAddr[i] = addrOf(al.id, 0);
        }
        const dyn = mem.allocate(o.sharedBytes ?? 0, 'shared', 'dynamic shared memory', 4);
        if (sanitize) dyn.init = new Uint8Array(dyn.size);
        owned.push(dyn.id);
        const blk: BlockState = { bx, by, bz, linear, sharedAddr, dynShared: addrOf(dyn.id, 0), epoch: mem.epochCounter++, warpEpoch: new Int32Array(warpsPerBlock) };
        const threads: Thread[] = [];
        const warps: Thread[][] = Array.from({ length: warpsPerBlock }, () => []);
        for (let tz = 0; tz < block[2]; tz++)
          for (let ty = 0; ty < block[1]; ty++)
            for (let tx = 0; tx < block[0]; tx++) {
              const tl = tx + block[0] * (ty + block[1] * tz);
              const f = cloneFrame(template, cf);
              const t: Thread = {
                tx, ty, tz, linear: tl, lane: tl % 32, warp: tl >> 5, gid: linear * tpb + tl, blk, ctx,
                f, frames: [f], pc: 0, state: RUN, wait: undefined, printfSeq: 0, steps: 0, clockSlot: undefined,
              };
              threads.push(t);
              warps[t.warp]!.push(t);
            }
        runBlock(threads, warps, stats);
        for (const t of threads) for (const fr of t.frames) if (fr.locals) for (const id of fr.locals) mem.release(id);
        for (const id of owned) mem.release(id);
        stats.threads += tpb;
        stats.blocks++;
        if (ctx.stopped) break outer;
      }
  ctx.printf.sort((a, b) => a.block - b.block || a.epoch - b.epoch || a.warp - b.warp || a.seq - b.seq || a.lane - b.lane);
  stats.instructions = ctx.instructions;
  stats.wallMs = performance.now() - t0;
  return { stats, faults: ctx.faults, printf: ctx.printf.map((r) => r.text).join(''), ok: ctx.faults.length === 0 };
}

function cloneFrame(t: ReturnType<typeof newFrame>, cf: CompiledFunc): ReturnType<typeof newFrame> {
  return { n: t.n.slice(), b: t.b.slice(), o: t.o.slice(), code: cf.code, retPc: 0, retBank: -1, retSlot: 0, locals: undefined };
}

const sizeOfType = (t: Type) => layoutOf(t).size;
const elemSize = (t: Type) => elemSizeOf(t);

export { Memory, type DeviceBuffer } from './memory.js';
export type { Fault, FaultKind } from './runtime.js';
export { formatPrintf } from './printf.js';
