/**
 * The chip: global memory, the HBM/L2 model, the event queue, the cores, the chip-wide barrier,
 * and `simulate()`, the entry point that launches a Program with arguments and runs it to the
 * end. Every core runs the same persistent program (NPU.md "Dispatch"); kernel time is the last
 * core's finish. A run ends in a result, or in a SimFault: overflow, misalignment,
 * out-of-allocation, race, deadlock (the event queue empties while a core still waits), step
 * budget, arithmetic.
 */
import { BUFFER_NAMES, dv910b, type BufferName, type NpuConfig } from '../config.js';
import type { Access, Allocation, Cost, Instr, Program } from '../isa/program.js';
import { mnemonicOf } from '../asm/disasm.js';
import { ELEM, isElemType } from '../types.js';
import { Core } from './core.js';
import { EventQueue } from './events.js';
import { SimFault } from './fault.js';
import { HbmModel } from './hbm.js';
import { GlobalMemory, GM_BASE } from './memory.js';
import type { PipeState, QueuedOp } from './pipes.js';
import { RaceDetector } from './race.js';
import { buildStats, type SimStats } from '../stats.js';
import { TraceRecorder, type ChromeTrace } from '../trace.js';
import { roundTo } from '../types.js';

export type SimBuffer = ArrayBufferView | ArrayBuffer;
export type SimArg = SimBuffer | number | bigint;

export interface SimOptions {
  config?: NpuConfig;
  /** run the functional model (default true); false: timing only, buffers are not computed */
  functional?: boolean;
  /** happens-before race detection (default true) */
  checkRaces?: boolean;
  /** record a Chrome trace */
  trace?: boolean;
  /** instructions issued, all cores together, before the run is stopped (default 2e8) */
  maxSteps?: number;
  /** blocks of the launch, the value of %nblocks (default: the number of cores) */
  grid?: number;
}

export interface SimResult {
  /** for each argument: the buffer's bytes after the run (a copy), or undefined for scalars */
  buffers: Array<Uint8Array | undefined>;
  stats: SimStats;
  trace?: ChromeTrace;
}

/** A wrong launch: argument count or kind against the kernel's parameters. */
export class NpuLaunchError extends Error {
  override name = 'NpuLaunchError';
  constructor(readonly key: 'argCount' | 'argType' | 'gmExhausted', readonly args: Record<string, string | number>, message: string) {
    super(message);
  }
}

export interface Counters {
  flopsCube: number;
  flopsVector: number;
  macs: number;
  lanesActive: number;
  lanesIssued: number;
  pathBytes: Record<string, number>;
  mix: Record<string, number>;
  steps: number;
  vectorBusy: number;
  cubeBusy: number;
}

export class Machine {
  readonly q = new EventQueue();
  readonly cores: Core[] = [];
  readonly allocs: Record<BufferName, Allocation[]>;
  readonly races: RaceDetector | undefined;
  readonly hbm: HbmModel;
  readonly trace: TraceRecorder | undefined;
  readonly counters: Counters = { flopsCube: 0, flopsVector: 0, macs: 0, lanesActive: 0, lanesIssued: 0, pathBytes: {}, mix: {}, steps: 0, vectorBusy: 0, cubeBusy: 0 };
  private arrived: Core[] = [];
  private finished = 0;
  private readonly maxSteps: number;
  readonly grid: number;

  constructor(
    readonly program: Program,
    readonly cfg: NpuConfig,
    readonly gm: GlobalMemory,
    readonly functional: boolean,
    opts: SimOptions,
  ) {
    this.allocs = { ub: [], l1: [], l0a: [], l0b: [], l0c: [] };
    for (const a of program.allocs) this.allocs[a.space].push(a);
    for (const b of BUFFER_NAMES) this.allocs[b].sort((x, y) => x.offset - y.offset);
    this.races = opts.checkRaces === false ? undefined : new RaceDetector(cfg);
    this.trace = opts.trace ? new TraceRecorder(cfg, program) : undefined;
    this.hbm = new HbmModel(cfg, this.q, gm.bytes.byteLength, Boolean(opts.trace));
    this.maxSteps = opts.maxSteps ?? 2e8;
    this.grid = opts.grid ?? cfg.cores;
    for (let c = 0; c < cfg.cores; c++) this.cores.push(new Core(this, c));
  }

  countStep(core: Core, ins: Instr): void {
    core.issued++;
    if (++this.counters.steps > this.maxSteps) core.fault('step-budget', `more than ${this.maxSteps} instructions issued (all cores together); an endless loop?`);
    const k = mnemonicOf(ins);
    this.counters.mix[k] = (this.counters.mix[k] ?? 0) + 1;
  }

  account(_core: Core, p: PipeState, _op: QueuedOp, cost: Cost): void {
    const c = this.counters;
    p.stats.ops++;
    if (cost.macs) {
      c.macs += cost.macs;
      c.flopsCube += cost.flops ?? 0;
      c.cubeBusy += cost.occupancy;
    } else if (cost.lanesIssued !== undefined) {
      c.flopsVector += cost.flops ?? 0;
      c.lanesActive += cost.lanesActive ?? 0;
      c.lanesIssued += cost.lanesIssued;
      c.vectorBusy += cost.occupancy;
    }
    if (cost.path) {
      c.pathBytes[cost.path] = (c.pathBytes[cost.path] ?? 0) + (cost.pathBytes ?? 0);
      p.stats.bytes += cost.pathBytes ?? 0;
    }
  }

  bufferTraffic(core: Core, accesses: readonly Access[], t: number, done: number): void {
    if (!this.trace) return;
    for (const a of accesses) if (a.space !== 'gm' && a.write) this.trace.occupancy(core.id, a.space, a.len, t, done);
  }

  coreFinished(_core: Core): void {
    this.finished++;
  }

  arrive(core: Core, t: number): void {
    this.arrived.push(core);
    if (this.arrived.length < this.cores.length) return;
    const at = Math.max(...this.arrived.map((c) => c.feTime - 1), t);
    if (this.races) this.races.epoch++;
    const all = this.arrived;
    this.arrived = [];
    for (const c of all) c.release(at + 1);
  }

  run(): void {
    for (const c of this.cores) this.q.at(0, () => c.step());
    while (this.q.step());
    if (this.finished < this.cores.length) {
      const blocked = this.cores.filter((c) => c.state !== 'done');
      const lines = blocked.slice(0, 4).map((c) => c.describeBlock());
      if (blocked.length > 4) lines.push(`… and ${blocked.length - 4} more cores`);
      const first = blocked[0]!;
      const ins = this.program.instrs[first.pc];
      throw new SimFault('deadlock', `${blocked.length} core${blocked.length === 1 ? '' : 's'} can never continue: ${lines.join('; ')}`, { core: first.id, ins, time: this.q.now });
    }
  }

  get cycles(): number {
    return Math.max(0, ...this.cores.map((c) => c.finishTime));
  }
}

/** Converts a number to a float parameter's register value. */
function floatParam(type: string, v: number): number {
  if (type === 'f16' || type === 'bf16') return roundTo(type, v);
  return Math.fround(v);
}

function bytesOf(b: SimBuffer): Uint8Array {
  if (b instanceof ArrayBuffer) return new Uint8Array(b);
  return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
}

/** Launches `program` with `args` (one per kernel parameter) and runs it to the end. */
export function simulate(program: Program, args: readonly SimArg[], opts: SimOptions = {}): SimResult {
  const cfg = opts.config ?? dv910b();
  const params = program.kernel.params;
  if (args.length !== params.length)
    throw new NpuLaunchError('argCount', { kernel: program.kernel.name, expected: params.length, s: params.length === 1 ? '' : 's', got: args.length },
      `kernel '${program.kernel.name}' takes ${params.length} arguments, got ${args.length}`);
  const sizes: Array<{ name: string; bytes: number }> = [];
  params.forEach((p, i) => {
    const a = args[i];
    const isBuf = typeof a === 'object';
    if (p.type === 'ptr' ? typeof a === 'number' && !Number.isInteger(a) : isBuf)
      throw new NpuLaunchError('argType', { index: i + 1, param: p.name, ptype: p.type, spec: isBuf ? 'a buffer' : String(a), problem: p.type === 'ptr' ? 'a pointer takes a buffer' : 'a scalar parameter takes a number' },
        `argument ${i + 1} ('${p.name}': ${p.type}) does not fit`);
    if (isBuf) sizes.push({ name: `${p.name} (argument ${i + 1})`, bytes: bytesOf(a as SimBuffer).byteLength });
  });
  let gm: GlobalMemory;
  try {
    gm = new GlobalMemory(sizes, cfg);
  } catch (e) {
    throw new NpuLaunchError('gmExhausted', { detail: (e as Error).message }, (e as Error).message);
  }
  const functional = opts.functional !== false;
  const m = new Machine(program, cfg, gm, functional, opts);
  let k = 0;
  const bufIndex: Array<number | undefined> = [];
  params.forEach((p, i) => {
    const a = args[i]!;
    let sval: bigint | undefined;
    let fval: number | undefined;
    if (typeof a === 'object') {
      const al = gm.allocs[k]!;
      bufIndex[i] = k++;
      if (functional) gm.view(al).set(bytesOf(a));
      sval = BigInt(al.base);
    } else if (p.reg.kind === 'freg') fval = floatParam(p.type, Number(a));
    else {
      const v = typeof a === 'bigint' ? a : BigInt(Math.trunc(a));
      const t = isElemType(p.type) ? ELEM[p.type] : { bits: 64, signed: false };
      sval = BigInt.asIntN(64, t.signed ? BigInt.asIntN(t.bits, v) : BigInt.asUintN(t.bits, v));
    }
    for (const core of m.cores) {
      if (sval !== undefined) core.s[p.reg.reg] = sval;
      if (fval !== undefined) core.f[p.reg.reg] = fval;
    }
  });
  const t0 = performance.now();
  m.run();
  const wallMs = performance.now() - t0;
  const buffers = params.map((_, i) => (bufIndex[i] === undefined ? undefined : gm.view(gm.allocs[bufIndex[i]!]!).slice()));
  const stats = buildStats(m, wallMs);
  return { buffers, stats, trace: m.trace?.build(m) };
}

export { GM_BASE };
