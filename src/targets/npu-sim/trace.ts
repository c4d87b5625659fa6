/**
 * Chrome Trace Event JSON (opens in Perfetto and chrome://tracing): one process per core, one
 * thread per pipe (S is the scalar front end), a complete ('X') slice per instruction from its
 * start for its busy time, flow arrows ('s' → 'f') from each `setf` to the `waitf` that consumed
 * it, and counter tracks: chip-wide HBM bandwidth (GB/s) on process 0, and per core the bytes
 * DMA and vector writes have in flight into each buffer. Timestamps are µs at the chip's clock.
 */
import type { NpuConfig } from './config.js';
import { mnemonicOf } from './asm/disasm.js';
import { PIPES, type Cost, type Instr, type Program } from './isa/program.js';
import type { Machine } from './sim/machine.js';

export interface TraceEvent {
  name: string;
  ph: 'X' | 'M' | 's' | 'f' | 'C' | 'i';
  pid: number;
  tid?: number;
  ts?: number;
  dur?: number;
  id?: number;
  cat?: string;
  bp?: 'e';
  s?: 'g' | 'p' | 't';
  args?: Record<string, unknown>;
}

export interface ChromeTrace {
  traceEvents: TraceEvent[];
  displayTimeUnit: 'ns' | 'ms';
  otherData: Record<string, unknown>;
}

export class TraceRecorder {
  private events: TraceEvent[] = [];
  private flows = 0;
  private occ: Array<{ core: number; space: string; t: number; delta: number }> = [];
  private readonly us: number;

  constructor(private readonly cfg: NpuConfig, private readonly program: Program) {
    this.us = 1 / (cfg.clockGHz * 1000);
  }

  slice(core: number, pipe: number, ins: Instr, t: number, dur: number, cost: Cost, done: number): void {
    const args: Record<string, unknown> = { line: ins.line, start: t, busy: dur, done };
    if (cost.gmBytes !== undefined) args['gmBytes'] = cost.gmBytes;
    if (cost.pathBytes !== undefined) args['bytes'] = cost.pathBytes;
    if (cost.note) args['note'] = cost.note;
    this.events.push({ name: mnemonicOf(ins), cat: PIPES[pipe]!, ph: 'X', pid: core + 1, tid: pipe, ts: t * this.us, dur: Math.max(dur, 0.01) * this.us, args });
  }

  scalar(core: number, ins: Instr, t: number): void {
    this.events.push({ name: mnemonicOf(ins), cat: 'S', ph: 'X', pid: core + 1, tid: 0, ts: t * this.us, dur: this.us, args: { line: ins.line } });
  }

  flowStart(core: number, pipe: number, t: number, ins: Instr): number {
    const id = ++this.flows;
    const ts = t * this.us;
    this.events.push({ name: mnemonicOf(ins), cat: 'flag', ph: 'X', pid: core + 1, tid: pipe, ts, dur: 0.5 * this.us, args: { line: ins.line } });
    this.events.push({ name: 'flag', cat: 'flag', ph: 's', id, pid: core + 1, tid: pipe, ts });
    return id;
  }

  flowEnd(id: number, core: number, pipe: number, t: number, ins: Instr): void {
    const ts = t * this.us;
    this.events.push({ name: mnemonicOf(ins), cat: 'flag', ph: 'X', pid: core + 1, tid: pipe, ts, dur: 0.5 * this.us, args: { line: ins.line } });
    this.events.push({ name: 'flag', cat: 'flag', ph: 'f', bp: 'e', id, pid: core + 1, tid: pipe, ts });
  }

  occupancy(core: number, space: string, bytes: number, t: number, done: number): void {
    this.occ.push({ core, space, t, delta: bytes }, { core, space, t: done, delta: -bytes });
  }

  build(m: Machine): ChromeTrace {
    const meta: TraceEvent[] = [{ name: 'process_name', ph: 'M', pid: 0, args: { name: `${this.cfg.name} chip` } }];
    for (let c = 0; c < m.cores.length; c++) {
      meta.push({ name: 'process_name', ph: 'M', pid: c + 1, args: { name: `core ${c}` } });
      meta.push({ name: 'process_sort_index', ph: 'M', pid: c + 1, args: { sort_index: c + 1 } });
      PIPES.forEach((p, i) => meta.push({ name: 'thread_name', ph: 'M', pid: c + 1, tid: i, args: { name: p } }));
    }
    const counters: TraceEvent[] = [];
    const gbs = this.cfg.clockGHz; // bytes/cycle × GHz = GB/s
    for (const s of m.hbm.samples) counters.push({ name: 'HBM bandwidth (GB/s)', ph: 'C', pid: 0, ts: s.time * this.us, args: { 'GB/s': s.hbm * gbs, transfers: s.active } });
    this.occ.sort((a, b) => a.t - b.t);
    const level = new Map<string, number>();
    for (const o of this.occ) {
      const key = `${o.core}/${o.space}`;
      const v = (level.get(key) ?? 0) + o.delta;
      level.set(key, v);
      counters.push({ name: `${o.space.toUpperCase()} bytes in flight`, ph: 'C', pid: o.core + 1, ts: o.t * this.us, args: { bytes: v } });
    }
    return {
      traceEvents: [...meta, ...this.events, ...counters],
      displayTimeUnit: 'ns',
      otherData: { kernel: this.program.kernel.name, config: this.cfg.name, clockGHz: this.cfg.clockGHz, cycles: Math.ceil(m.cycles) },
    };
  }
}
