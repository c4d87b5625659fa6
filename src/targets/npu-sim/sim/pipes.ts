/**
 * One core's pipes (MTE2, MTE1, M, V, FIX, MTE3), each running its queue in order (NPU.md
 * rule 2): an instruction starts at max(previous start + previous occupancy, its issue time,
 * the flag it waits for, the pipe's barrier) and is done occupancy + latency later. At the
 * start the instruction's accesses are checked (bounds, alignment, races), its functional
 * semantics run, and its cost is taken; GM transfers hand their bytes to the HBM model and the
 * pipe stays busy until their data phase ends (+ the fixed per-burst cycles).
 */
import { PIPE_INDEX, PIPES, type Instr, type Resolved } from '../isa/program.js';
import type { Core } from './core.js';
import { checkAccess, isProblem } from './memory.js';
import { join, newClock, type Clock } from './race.js';

const PIPE_M = PIPE_INDEX.M;

export interface QueuedOp {
  ins: Instr;
  r: Resolved;
  issue: number;
  seq: number;
  /** front-end clock at issue */
  clock: Clock;
}

export interface PipeStats {
  ops: number;
  busy: number;
  stallFlag: number;
  stallBandwidth: number;
  bytes: number;
}

export class PipeState {
  queue: QueuedOp[] = [];
  head = 0;
  busyUntil = 0;
  barrierUntil = 0;
  lastDone = 0;
  lastSeq = -1;
  nextSeq = 0;
  clock: Clock = newClock();
  inData = false;
  /** flag key the head waitf waits for */
  waiting: string | undefined;
  pending = -1;
  readonly stats: PipeStats = { ops: 0, busy: 0, stallFlag: 0, stallBandwidth: 0, bytes: 0 };

  constructor(readonly index: number) {}

  get length(): number {
    return this.queue.length - this.head;
  }

  get idle(): boolean {
    return this.length === 0 && !this.inData;
  }

  shift(): QueuedOp {
    const op = this.queue[this.head++]!;
    if (this.head > 1024 && this.head * 2 > this.queue.length) {
      this.queue = this.queue.slice(this.head);
      this.head = 0;
    }
    return op;
  }
}

/** Schedules a pump of pipe p at time t unless one is already due no later. */
export function kick(core: Core, p: PipeState, t: number): void {
  if (p.pending >= 0 && p.pending <= t) return;
  p.pending = t;
  core.m.q.at(t, () => {
    if (p.pending !== t) return;
    p.pending = -1;
    pump(core, p, core.m.q.now);
  });
}

/** Starts every instruction of pipe p that can start at time t. */
export function pump(core: Core, p: PipeState, t: number): void {
  const m = core.m;
  for (;;) {
    if (p.inData) return;
    if (p.length === 0) {
      core.pipeDrained();
      return;
    }
    const op = p.queue[p.head]!;
    const ready = Math.max(p.busyUntil, op.issue, p.barrierUntil);
    if (ready > t) return kick(core, p, ready);
    const name = op.ins.def.name;
    if (name === 'waitf') {
      const key = core.flagKey(op.r);
      const list = core.flags.get(key);
      const entry = list?.[0];
      if (!entry) {
        p.waiting = key;
        return;
      }
      if (entry.time > t) return kick(core, p, entry.time);
      list!.shift();
      p.waiting = undefined;
      join(p.clock, entry.clock);
      p.stats.stallFlag += t - ready;
      p.shift();
      core.dequeued(p, t);
      p.busyUntil = t;
      m.trace?.flowEnd(entry.flow, core.id, p.index, t, op.ins);
      continue;
    }
    p.shift();
    core.dequeued(p, t);
    if (name === 'setf') {
      const fire = Math.max(t, p.lastDone);
      const clock = newClock();
      join(clock, p.clock);
      join(clock, op.clock);
      clock[p.index] = Math.max(clock[p.index]!, p.lastSeq);
      core.setFlag(core.flagKey(op.r), fire, clock, p.index, op.ins);
      p.busyUntil = t;
      continue;
    }
    if (name === 'bar') {
      p.barrierUntil = Math.max(t, p.lastDone);
      p.clock[p.index] = Math.max(p.clock[p.index]!, p.lastSeq);
      p.busyUntil = t;
      continue;
    }
    startOp(core, p, op, t);
  }
}

function startOp(core: Core, p: PipeState, op: QueuedOp, t: number): void {
  const m = core.m;
  core.current = { ins: op.ins, pipe: PIPES[p.index]! };
  const plan = op.ins.def.plan!(core.env, op.r);
  const clock = newClock();
  join(clock, p.clock);
  join(clock, op.clock);
  // the cube accumulates into L0C in order: consecutive mmads need no bar M
  if (p.index === PIPE_M) clock[PIPE_M] = Math.max(clock[PIPE_M]!, p.lastSeq);
  for (const a0 of plan.accesses) {
    const a = checkAccess(m.cfg, m.gm, m.allocs, a0);
    if (isProblem(a)) core.fault(a.kind, a.detail);
    core.touch(a);
    if (m.races) {
      const rep = m.races.access({ core: core.id, pipe: p.index, seq: op.seq, clock, pc: op.ins.pc }, a);
      if (rep) core.fault('race', rep.detail, m.program.instrs[rep.otherPc]);
    }
  }
  if (m.functional) op.ins.def.exec!(core.env, op.r);
  core.current = undefined;
  p.lastSeq = op.seq;
  const cost = plan.cost;
  m.account(core, p, op, cost);
  if (cost.gmBytes !== undefined) {
    p.inData = true;
    const gmBytes = cost.gmBytes;
    m.hbm.start(gmBytes, cost.gmRanges ?? [], cost.gmWrite ?? false, (td) => {
      p.inData = false;
      const data = td - t;
      p.busyUntil = td + cost.occupancy;
      const done = p.busyUntil + cost.latency;
      p.lastDone = Math.max(p.lastDone, done);
      p.stats.busy += data + cost.occupancy;
      p.stats.stallBandwidth += Math.max(0, data - gmBytes / m.cfg.hbm.portBytesPerCycle);
      m.trace?.slice(core.id, p.index, op.ins, t, p.busyUntil - t, cost, done);
      m.bufferTraffic(core, plan.accesses, t, done);
      kick(core, p, p.busyUntil);
    });
    return;
  }
  p.busyUntil = t + cost.occupancy;
  const done = p.busyUntil + cost.latency;
  p.lastDone = Math.max(p.lastDone, done);
  p.stats.busy += cost.occupancy;
  m.trace?.slice(core.id, p.index, op.ins, t, cost.occupancy, cost, done);
  m.bufferTraffic(core, plan.accesses, t, done);
}
