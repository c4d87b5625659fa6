/**
 * Statistics of a run (NPU.md "What the simulator reports"), as an object and as a text table:
 * cycles and time at the clock; per pipe busy and stall cycles by cause (flag, queue,
 * bandwidth, sync); cube and vector-lane utilisation; bytes per path; GM and HBM bytes;
 * achieved vs peak HBM bandwidth; FLOPs per unit; arithmetic intensity; % of roofline naming
 * the bound resource; buffer high-water marks; instruction mix; simulator speed.
 *
 * Roofline: each resource's least possible time for the work done — cube: its busy cycles / cores;
 * vector: likewise; HBM: bytes / bandwidth; scalar: issued instructions / cores (one per cycle)
 * — the largest names the bound resource, and % of roofline is that time / the kernel's cycles.
 */
import { BUFFER_NAMES, type BufferName } from './config.js';
import { PIPES, type Pipe } from './isa/program.js';
import type { Machine } from './sim/machine.js';

export interface PipeSummary {
  ops: number;
  busy: number;
  /** busy / (cores × cycles), % */
  utilisation: number;
  stallFlag: number;
  stallBandwidth: number;
  bytes: number;
}

export type Resource = 'cube' | 'vector' | 'hbm' | 'scalar';

export interface SimStats {
  target: 'npu-sim';
  config: string;
  cores: number;
  clockGHz: number;
  cycles: number;
  timeUs: number;
  wallMs: number;
  functional: boolean;
  instructions: number;
  instructionMix: Record<string, number>;
  pipes: Record<Pipe, PipeSummary>;
  frontEnd: { stallQueue: number; stallFlag: number; stallSync: number; stallScoreboard: number };
  perCore: Array<{ core: number; cycles: number; instructions: number; busy: Record<Pipe, number> }>;
  cube: { macs: number; flops: number; busy: number; utilisation: number };
  vector: { flops: number; busy: number; lanesActive: number; lanesIssued: number; laneUtilisation: number };
  bytesPerPath: Record<string, number>;
  gmBytesRead: number;
  gmBytesWritten: number;
  hbmBytesRead: number;
  hbmBytesWritten: number;
  l2HitBytes: number;
  hbmAchievedBytesPerCycle: number;
  hbmPeakBytesPerCycle: number;
  hbmAchievedGBs: number;
  hbmUtilisation: number;
  flops: number;
  tflops: number;
  arithmeticIntensity: number;
  bounds: Record<Resource, number>;
  boundBy: Resource;
  rooflinePercent: number;
  highWater: Record<BufferName, number>;
  simulatedInstructionsPerSecond: number;
  simulatedCyclesPerSecond: number;
}

export function buildStats(m: Machine, wallMs: number): SimStats {
  const cfg = m.cfg;
  const cycles = m.cycles;
  const cores = m.cores.length;
  const denom = Math.max(1, cycles * cores);
  const pipes = {} as Record<Pipe, PipeSummary>;
  PIPES.forEach((name, i) => {
    const s: PipeSummary = { ops: 0, busy: 0, utilisation: 0, stallFlag: 0, stallBandwidth: 0, bytes: 0 };
    for (const c of m.cores) {
      const p = c.pipes[i]!.stats;
      s.ops += p.ops;
      s.busy += p.busy;
      s.stallFlag += p.stallFlag;
      s.stallBandwidth += p.stallBandwidth;
      s.bytes += p.bytes;
    }
    if (name === 'S') {
      s.ops = m.cores.reduce((a, c) => a + c.issued, 0);
      s.busy = s.ops;
      s.stallFlag = m.cores.reduce((a, c) => a + c.feStall.flag, 0);
    }
    s.utilisation = (100 * s.busy) / denom;
    pipes[name] = s;
  });
  const c = m.counters;
  const hbm = m.hbm;
  const hbmBytes = hbm.hbmBytesRead + hbm.hbmBytesWritten;
  const bounds: Record<Resource, number> = {
    cube: c.cubeBusy / cores,
    vector: c.vectorBusy / cores,
    hbm: hbmBytes / cfg.hbm.bytesPerCycle,
    scalar: c.steps / cores,
  };
  let boundBy: Resource = 'hbm';
  for (const r of Object.keys(bounds) as Resource[]) if (bounds[r] > bounds[boundBy]) boundBy = r;
  const flops = c.flopsCube + c.flopsVector;
  const highWater = {} as Record<BufferName, number>;
  for (const b of BUFFER_NAMES) highWater[b] = Math.max(0, ...m.cores.map((x) => x.mem.highWater[b]));
  const timeUs = cycles / (cfg.clockGHz * 1000);
  return {
    target: 'npu-sim',
    config: cfg.name,
    cores,
    clockGHz: cfg.clockGHz,
    cycles: Math.ceil(cycles),
    timeUs,
    wallMs,
    functional: m.functional,
    instructions: c.steps,
    instructionMix: Object.fromEntries(Object.entries(c.mix).sort((a, b) => b[1] - a[1])),
    pipes,
    frontEnd: {
      stallQueue: sum(m.cores.map((x) => x.feStall.queue)),
      stallFlag: sum(m.cores.map((x) => x.feStall.flag)),
      stallSync: sum(m.cores.map((x) => x.feStall.sync)),
      stallScoreboard: sum(m.cores.map((x) => x.feStall.scoreboard)),
    },
    perCore: m.cores.map((x) => ({
      core: x.id,
      cycles: Math.ceil(x.finishTime),
      instructions: x.issued,
      busy: Object.fromEntries(PIPES.map((p, i) => [p, i === 0 ? x.issued : x.pipes[i]!.stats.busy])) as Record<Pipe, number>,
    })),
    cube: { macs: c.macs, flops: c.flopsCube, busy: c.cubeBusy, utilisation: (100 * c.cubeBusy) / denom },
    vector: {
      flops: c.flopsVector, busy: c.vectorBusy, lanesActive: c.lanesActive, lanesIssued: c.lanesIssued,
      laneUtilisation: c.lanesIssued ? (100 * c.lanesActive) / c.lanesIssued : 0,
    },
    bytesPerPath: c.pathBytes,
    gmBytesRead: hbm.gmBytesRead,
    gmBytesWritten: hbm.gmBytesWritten,
    hbmBytesRead: hbm.hbmBytesRead,
    hbmBytesWritten: hbm.hbmBytesWritten,
    l2HitBytes: hbm.l2HitBytes,
    hbmAchievedBytesPerCycle: cycles ? hbmBytes / cycles : 0,
    hbmPeakBytesPerCycle: cfg.hbm.bytesPerCycle,
    hbmAchievedGBs: timeUs ? hbmBytes / (timeUs * 1000) : 0,
    hbmUtilisation: cycles ? (100 * hbmBytes) / (cycles * cfg.hbm.bytesPerCycle) : 0,
    flops,
    tflops: timeUs ? flops / (timeUs * 1e6) : 0,
    arithmeticIntensity: hbmBytes ? flops / hbmBytes : 0,
    bounds,
    boundBy,
    rooflinePercent: cycles ? (100 * bounds[boundBy]) / cycles : 0,
    highWater,
    simulatedInstructionsPerSecond: wallMs > 0 ? (c.steps * 1000) / wallMs : 0,
    simulatedCyclesPerSecond: wallMs > 0 ? (cycles * 1000) / wallMs : 0,
  };
}

function sum(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0);
}

const fmt = (x: number, d = 0) => x.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
const bytes = (x: number) => (x >= 1 << 20 ? `${fmt(x / (1 << 20), 2)} MiB` : x >= 1024 ? `${fmt(x / 1024, 1)} KiB` : `${fmt(x)} B`);

/** The statistics as a text table (`kcc sim --stats`). */
export function formatStats(s: SimStats): string {
  const out: string[] = [];
  out.push(`npu-sim (${s.config}, ${s.cores} cores @ ${s.clockGHz} GHz)${s.functional ? '' : ' — timing only'}`);
  out.push(`  cycles            ${fmt(s.cycles)}   (${fmt(s.timeUs, 3)} µs)`);
  out.push(`  bound by          ${s.boundBy}, ${fmt(s.rooflinePercent, 1)}% of roofline`);
  out.push(`  FLOPs             ${fmt(s.flops)} (cube ${fmt(s.cube.flops)}, vector ${fmt(s.vector.flops)}), ${fmt(s.tflops, 2)} TFLOP/s`);
  out.push(`  cube utilisation  ${fmt(s.cube.utilisation, 1)}%   vector lanes active ${fmt(s.vector.laneUtilisation, 1)}%`);
  out.push(`  HBM               read ${bytes(s.hbmBytesRead)}, written ${bytes(s.hbmBytesWritten)}, ${fmt(s.hbmAchievedGBs, 1)} GB/s = ${fmt(s.hbmUtilisation, 1)}% of peak (L2 hits ${bytes(s.l2HitBytes)})`);
  out.push(`  GM (useful)       read ${bytes(s.gmBytesRead)}, written ${bytes(s.gmBytesWritten)}; arithmetic intensity ${fmt(s.arithmeticIntensity, 2)} FLOP/B`);
  out.push('');
  out.push('  pipe    ops          busy   util%   flag stall   bw stall      bytes');
  for (const [p, x] of Object.entries(s.pipes)) {
    out.push(`  ${p.padEnd(5)} ${fmt(x.ops).padStart(6)} ${fmt(x.busy).padStart(13)} ${fmt(x.utilisation, 1).padStart(7)} ${fmt(x.stallFlag).padStart(12)} ${fmt(x.stallBandwidth).padStart(10)} ${bytes(x.bytes).padStart(10)}`);
  }
  out.push(`  front end stalls: queue ${fmt(s.frontEnd.stallQueue)}, flag ${fmt(s.frontEnd.stallFlag)}, sync ${fmt(s.frontEnd.stallSync)}, scoreboard ${fmt(s.frontEnd.stallScoreboard)}`);
  out.push('');
  out.push(`  bytes per path    ${Object.entries(s.bytesPerPath).map(([k, v]) => `${k} ${bytes(v)}`).join(', ') || '-'}`);
  out.push(`  high-water marks  ${Object.entries(s.highWater).map(([k, v]) => `${k} ${bytes(v)}`).join(', ')}`);
  const mix = Object.entries(s.instructionMix);
  out.push(`  instructions      ${fmt(s.instructions)}: ${mix.slice(0, 10).map(([k, v]) => `${k} ${fmt(v)}`).join(', ')}${mix.length > 10 ? ', …' : ''}`);
  out.push(`  simulator         ${fmt(s.wallMs, 1)} ms wall, ${fmt(s.simulatedInstructionsPerSecond)} instr/s, ${fmt(s.simulatedCyclesPerSecond)} cycles/s`);
  return out.join('\n') + '\n';
}
