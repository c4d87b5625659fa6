/**
 * One core: registers, memories, flags, its pipes, and the scalar front end (NPU.md rule 1),
 * which issues in order, one instruction per cycle: scalar instructions execute at issue;
 * others are resolved (register operands read at issue) and queued on their pipe. The front
 * end stalls on a full queue (depth 32), on register results not yet available (scoreboard),
 * on `waitf X>S`, `bar all` and `sync.all`. It may run ahead of the global event time: what it
 * decides depends only on its own registers, or blocks until the event that unblocks it.
 */
import type { BufferName } from '../config.js';
import { NPIPES, PIPE_INDEX, PIPES, type Access, type ExecEnv, type FaultKind, type Instr, type Operand, type Pipe, type Resolved, type Space, type Value } from '../isa/program.js';
import type { ScalarDef, ScalarEnv } from '../isa/scalar.js';
import { SimFault } from './fault.js';
import type { Machine } from './machine.js';
import { CoreMemory, GM_BASE, checkAccess, isProblem } from './memory.js';
import { kick, PipeState } from './pipes.js';
import { join, newClock, type Clock } from './race.js';

export interface FlagEntry {
  time: number;
  clock: Clock;
  flow: number;
}

type Block =
  | { kind: 'queue'; pipe: number; since: number }
  | { kind: 'flag'; key: string; since: number }
  | { kind: 'drain'; then: 'bar' | 'sync'; since: number }
  | { kind: 'sync'; since: number };

interface RegUse {
  src: number[];
  dst: number;
}

const regUse = new WeakMap<Instr, RegUse>();

/** Source and destination registers (0..31 = s, 32..63 = f) of an instruction, cached. */
function usesOf(ins: Instr): RegUse {
  let u = regUse.get(ins);
  if (u) return u;
  u = { src: [], dst: -1 };
  const id = (o: Operand) => (o.kind === 'sreg' ? o.reg : o.kind === 'freg' ? 32 + o.reg : -1);
  ins.args.forEach((o, k) => {
    const kind = ins.def.args[k];
    const isDst = kind === 'sd' || kind === 'fd' || (kind === 'reg' && k === 0 && ins.def.name !== 'st');
    if (isDst) u!.dst = id(o);
    else if (o.kind === 'mem' && o.base !== undefined) u!.src.push(o.base);
    else if (o.kind === 'list') o.items.forEach((x) => id(x) >= 0 && u!.src.push(id(x)));
    else if (id(o) >= 0) u!.src.push(id(o));
  });
  for (const o of ins.opts.values()) {
    if (o.kind === 'mem' && o.base !== undefined) u.src.push(o.base);
    else if (o.kind === 'sreg') u.src.push(o.reg);
    else if (o.kind === 'list') o.items.forEach((x) => x.kind === 'sreg' && u!.src.push(x.reg));
  }
  regUse.set(ins, u);
  return u;
}

export class Core {
  readonly s = new BigInt64Array(32);
  readonly f = new Float64Array(32);
  readonly ready = new Float64Array(64);
  readonly mem: CoreMemory;
  readonly maskReg = new Uint8Array(32).fill(0xff);
  readonly pipes: PipeState[] = [];
  readonly flags = new Map<string, FlagEntry[]>();
  readonly clockS: Clock = newClock();
  pc = 0;
  feTime = 0;
  sSeq = -1;
  state: 'run' | 'blocked' | 'exited' | 'done' = 'run';
  block: Block | undefined;
  exitTime = 0;
  finishTime = 0;
  feStall = { queue: 0, flag: 0, sync: 0, scoreboard: 0 };
  issued = 0;
  current: { ins: Instr; pipe: Pipe } | undefined;
  readonly env: ScalarEnv;

  constructor(readonly m: Machine, readonly id: number) {
    this.mem = new CoreMemory(m.cfg, m.functional);
    for (let i = 0; i < NPIPES; i++) this.pipes.push(new PipeState(i));
    const core = this;
    const bytes = (space: Space): Uint8Array => (space === 'gm' ? m.gm.bytes : core.mem.buffers[space as BufferName]);
    this.env = {
      cfg: m.cfg, gmBase: GM_BASE, maskReg: this.maskReg, s: this.s, f: this.f, core: id, ncores: m.cfg.cores,
      bytes,
      fault: (kind: FaultKind, message: string): never => core.fault(kind, message),
      sv: (o: Operand) => core.sv(o),
      fv: (o: Operand) => core.fv(o),
      addr: (o: Operand) => core.addr(o),
    };
  }

  fault(kind: FaultKind, detail: string, other?: Instr): never {
    const c = this.current;
    throw new SimFault(kind, detail, { core: this.id, pipe: c?.pipe, ins: c?.ins, time: this.m.q.now }, other ? [{ message: 'the other access', ins: other }] : []);
  }

  sv(o: Operand): bigint {
    switch (o.kind) {
      case 'sreg': return this.s[o.reg]!;
      case 'imm': return o.value;
      case 'special': return BigInt(o.name === 'core' ? this.id : o.name === 'ncores' ? this.m.cfg.cores : this.m.grid);
      case 'fimm': return BigInt(Math.trunc(o.value));
      case 'freg': return BigInt(Math.trunc(this.f[o.reg]!));
      default: throw new Error(`internal: integer value of ${o.kind}`);
    }
  }

  fv(o: Operand): number {
    switch (o.kind) {
      case 'freg': return this.f[o.reg]!;
      case 'fimm': return o.value;
      case 'imm': return Number(o.value);
      case 'sreg': return Number(this.s[o.reg]!);
      default: throw new Error(`internal: float value of ${o.kind}`);
    }
  }

  addr(o: Operand): number {
    if (o.kind !== 'mem') throw new Error('internal: address of a non-memory operand');
    return o.offset + (o.base === undefined ? 0 : Number(this.s[o.base]!));
  }

  private value(o: Operand, asNumber: boolean): Value {
    switch (o.kind) {
      case 'mem': return this.addr(o);
      case 'sreg': case 'imm': case 'special': {
        const v = this.sv(o);
        return asNumber ? Number(v) : v;
      }
      case 'freg': case 'fimm': return this.fv(o);
      case 'word': return o.word;
      case 'list': return o.items.map((x) => Number(this.sv(x)));
      default: return undefined;
    }
  }

  resolve(ins: Instr): Resolved {
    const o: Record<string, Value> = {};
    for (const [k, v] of ins.opts) o[k] = this.value(v, true);
    return { ins, a: ins.args.map((x) => this.value(x, false)), o };
  }

  flagKey(r: Resolved): string {
    const p = r.ins.args[0] as Extract<Operand, { kind: 'pair' }>;
    const id = Number(r.a[1]);
    if (!(id >= 0 && id < this.m.cfg.flagIds)) this.fault('invalid-operand', `flag id ${id} is outside 0..${this.m.cfg.flagIds - 1}`);
    return `${p.src}>${p.dst}#${id}`;
  }

  setFlag(key: string, time: number, clock: Clock, fromPipe: number, ins: Instr): void {
    let list = this.flags.get(key);
    if (!list) this.flags.set(key, (list = []));
    const flow = this.m.trace?.flowStart(this.id, fromPipe, time, ins) ?? 0;
    list.push({ time, clock, flow });
    const dst = key.slice(key.indexOf('>') + 1, key.indexOf('#')) as Pipe;
    if (dst === 'S') {
      if (this.block?.kind === 'flag' && this.block.key === key) this.wake(time);
    } else {
      const p = this.pipes[PIPE_INDEX[dst]]!;
      if (p.waiting === key) kick(this, p, Math.max(time, this.m.q.now));
    }
  }

  /** highest byte touched per buffer */
  touch(a: Access): void {
    if (a.space === 'gm') return;
    const b = a.space as BufferName;
    if (a.addr + a.len > this.mem.highWater[b]) this.mem.highWater[b] = a.addr + a.len;
  }

  /** a pipe took an instruction off its queue at time t */
  dequeued(p: PipeState, t: number): void {
    if (this.block?.kind === 'queue' && this.block.pipe === p.index) this.wake(t);
  }

  /** a pipe has nothing left to do */
  pipeDrained(): void {
    if (this.block?.kind === 'drain' && this.drained()) this.wake(this.m.q.now);
    if (this.state === 'exited' && this.drained()) this.finish();
  }

  drained(): boolean {
    for (let i = 1; i < NPIPES; i++) if (!this.pipes[i]!.idle) return false;
    return true;
  }

  private lastDone(): number {
    let t = 0;
    for (const p of this.pipes) t = Math.max(t, p.lastDone);
    return t;
  }

  private finish(): void {
    if (this.state === 'done') return;
    this.state = 'done';
    this.finishTime = Math.max(this.exitTime, this.lastDone());
    this.m.coreFinished(this);
  }

  wake(t: number): void {
    if (this.state !== 'blocked') return;
    const b = this.block!;
    const at = Math.max(this.feTime, t);
    const stall = at - b.since;
    if (b.kind === 'queue') this.feStall.queue += stall;
    else if (b.kind === 'flag') this.feStall.flag += stall;
    else this.feStall.sync += stall;
    this.state = 'run';
    this.block = undefined;
    this.m.q.at(at, () => this.step());
  }

  private blockOn(b: Block): void {
    this.state = 'blocked';
    this.block = b;
  }

  /** Issues instructions until blocked or exited. */
  step(): void {
    const m = this.m;
    const instrs = m.program.instrs;
    if (this.state !== 'run') return;
    this.feTime = Math.max(this.feTime, m.q.now);
    for (;;) {
      if (this.pc >= instrs.length) return this.exit(this.feTime);
      const ins = instrs[this.pc]!;
      const use = usesOf(ins);
      let T = this.feTime;
      for (const r of use.src) if (this.ready[r]! > T) T = this.ready[r]!;
      this.feStall.scoreboard += T - this.feTime;
      this.current = { ins, pipe: 'S' };
      const def = ins.def;
      if (def.family === 'scalar' || def.family === 'branch') {
        m.countStep(this, ins);
        const sd = def as ScalarDef;
        if (sd.access) this.scalarAccess(sd.access(this.env, ins));
        const target = sd.run(this.env, ins);
        if (use.dst >= 0) this.ready[use.dst] = T + m.cfg.scalar[sd.lat];
        this.feTime = T + 1;
        this.pc = typeof target === 'number' ? target : this.pc + 1;
        m.trace?.scalar(this.id, ins, T);
        continue;
      }
      if (def.family === 'sync' && !this.syncOp(ins, T)) return;
      if (def.family === 'sync') continue;
      // queued instruction
      const p = this.pipes[PIPE_INDEX[ins.pipe]]!;
      if (p.length >= m.cfg.queueDepth) return this.blockOn({ kind: 'queue', pipe: p.index, since: T });
      m.countStep(this, ins);
      this.enqueue(p, ins, T);
      this.feTime = T + 1;
      this.pc++;
    }
  }

  private enqueue(p: PipeState, ins: Instr, T: number): void {
    const r = this.resolve(ins);
    const clock = new Int32Array(this.clockS);
    p.queue.push({ ins, r, issue: T, seq: ins.def.plan ? p.nextSeq++ : p.nextSeq - 1, clock });
    kick(this, p, T);
  }

  private scalarAccess(a0: Access): void {
    const a = checkAccess(this.m.cfg, this.m.gm, this.m.allocs, a0);
    if (isProblem(a)) this.fault(a.kind, a.detail);
    this.touch(a);
    const seq = ++this.sSeq;
    if (this.m.races) {
      const rep = this.m.races.access({ core: this.id, pipe: 0, seq, clock: this.clockS, pc: this.pc }, a);
      if (rep) this.fault('race', rep.detail, this.m.program.instrs[rep.otherPc]);
    }
    this.clockS[0] = seq;
  }

  /** Sync and control instructions; false when the front end blocked. */
  private syncOp(ins: Instr, T: number): boolean {
    const m = this.m;
    switch (ins.def.name) {
      case 'exit':
        m.countStep(this, ins);
        this.exit(T);
        return false;
      case 'setf': case 'waitf': case 'bar': {
        if (ins.pipe !== 'S') {
          const p = this.pipes[PIPE_INDEX[ins.pipe]]!;
          if (p.length >= m.cfg.queueDepth) {
            this.blockOn({ kind: 'queue', pipe: p.index, since: T });
            return false;
          }
          m.countStep(this, ins);
          this.enqueue(p, ins, T);
          this.feTime = T + 1;
          this.pc++;
          return true;
        }
        const r = this.resolve(ins);
        if (ins.def.name === 'setf') {
          m.countStep(this, ins);
          this.setFlag(this.flagKey(r), T, new Int32Array(this.clockS), 0, ins);
          this.feTime = T + 1;
          this.pc++;
          return true;
        }
        if (ins.def.name === 'waitf') {
          const key = this.flagKey(r);
          const entry = this.flags.get(key)?.[0];
          if (!entry) {
            this.blockOn({ kind: 'flag', key, since: T });
            return false;
          }
          if (entry.time > T) {
            this.feStall.flag += entry.time - T;
            T = entry.time;
          }
          this.flags.get(key)!.shift();
          join(this.clockS, entry.clock);
          m.countStep(this, ins);
          m.trace?.flowEnd(entry.flow, this.id, 0, T, ins);
          this.feTime = T + 1;
          this.pc++;
          return true;
        }
        // bar all
        return this.drainThen(ins, T, 'bar');
      }
      case 'sync.all':
        return this.drainThen(ins, T, 'sync');
    }
    throw new Error(`internal: sync op ${ins.def.name}`);
  }

  /** bar all / sync.all: wait for the pipes to drain, then continue (bar) or meet (sync). */
  private drainThen(ins: Instr, T: number, then: 'bar' | 'sync'): boolean {
    if (!this.drained()) {
      this.blockOn({ kind: 'drain', then, since: T });
      return false;
    }
    const at = Math.max(T, this.lastDone());
    this.feStall.sync += at - T;
    for (let i = 1; i < NPIPES; i++) this.clockS[i] = Math.max(this.clockS[i]!, this.pipes[i]!.lastSeq);
    for (const p of this.pipes) {
      p.barrierUntil = Math.max(p.barrierUntil, at);
      join(p.clock, this.clockS);
    }
    this.m.countStep(this, ins);
    this.feTime = at + 1;
    if (then === 'bar') {
      this.pc++;
      return true;
    }
    this.blockOn({ kind: 'sync', since: at });
    this.m.arrive(this, at);
    return false;
  }

  /** released from sync.all at time t */
  release(t: number): void {
    for (let i = 1; i < NPIPES; i++) this.clockS[i] = Math.max(this.clockS[i]!, this.pipes[i]!.lastSeq);
    this.pc++;
    this.wake(t);
  }

  private exit(T: number): void {
    this.state = 'exited';
    this.exitTime = T;
    this.current = undefined;
    if (this.drained()) this.finish();
  }

  describeBlock(): string {
    const ins = this.m.program.instrs[this.pc];
    const at = ins ? ` (line ${ins.line})` : '';
    if (this.state === 'blocked' && this.block) {
      switch (this.block.kind) {
        case 'flag': return `core ${this.id}: the front end waits for flag ${this.block.key.replace('#', ' id ')}${at}, which is never set`;
        case 'sync': return `core ${this.id}: in sync.all${at}, waiting for cores that never arrive`;
        case 'drain': return `core ${this.id}: ${this.block.then === 'bar' ? 'bar all' : 'sync.all'}${at} waits for its pipes to drain`;
        case 'queue': return `core ${this.id}: the front end waits for room in the ${PIPES[this.block.pipe]} queue${at}`;
      }
    }
    for (const p of this.pipes) {
      if (p.waiting) {
        const head = p.queue[p.head]!.ins;
        return `core ${this.id}: pipe ${PIPES[p.index]} waits for flag ${p.waiting.replace('#', ' id ')} (line ${head.line}), which is never set`;
      }
    }
    return `core ${this.id}: ${this.state}`;
  }
}
