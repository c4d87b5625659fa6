/**
 * Runs one block: every thread as an explicit state (frame stack + pc), warps of 32 in
 * lockstep at collectives, barriers for the whole block.
 *
 * A round runs each runnable thread of a warp until it suspends (barrier or collective),
 * exits or faults, then completes the warp's collectives whose participants have all arrived
 * (the lanes in the mask that have not exited). When no thread can run, the block's barrier
 * is released if every live thread waits at the same barrier (threads that exited do not
 * count, as on current GPUs); if live threads wait at different barriers, or some wait at a
 * barrier while others are stuck elsewhere, that is barrier divergence; if none waits at a
 * barrier, a collective can never complete: deadlock. All three are fatal faults.
 */
import type { Loc } from '../core.js';
import { codeLocs, getter, putter } from './compile.js';
import { CLOCK, DONE, FRAME, type Frame, RUN, type SyncPoint, type Thread, WAIT, fault } from './runtime.js';

export interface SchedStats {
  barriers: number;
  collectives: number;
}

/** Runs a thread until it suspends, exits or faults (or the launch's fuel runs out). */
export function runThread(t: Thread): void {
  const ctx = t.ctx;
  let f: Frame = t.f;
  let code = f.code;
  let pc = t.pc;
  let n = 0;
  const lim = ctx.fuel;
  for (;;) {
    pc = code[pc]!(f, t);
    if (++n >= lim) {
      if (pc >= 0 || pc === FRAME || pc === CLOCK) {
        // the line the thread was about to run: inside the loop that does not end
        const loc = pc === FRAME || pc === CLOCK ? codeLocs.get(t.f.code)?.[t.pc] : codeLocs.get(code)?.[pc];
        fault(t, 'fuel-exhausted', `fuel exhausted after ${ctx.instructions + n} instructions (raise the fuel budget, or look for a loop that does not end)`, loc, true);
        pc = -4;
      }
      break;
    }
    if (pc < 0) {
      if (pc === FRAME) {
        f = t.f;
        code = f.code;
        pc = t.pc;
        continue;
      }
      if (pc === CLOCK) {
        // clock()/clock64(): the instructions this thread has executed, a per-thread monotonic counter
        const [bank, slot] = t.clockSlot!;
        if (bank === 1) f.b[slot] = BigInt(t.steps + n);
        else f.n[slot] = t.steps + n;
        pc = t.pc;
        continue;
      }
      break;
    }
  }
  t.steps += n;
  ctx.fuel -= n;
  ctx.instructions += n;
}

const where = (l: Loc | undefined) => (l ? ` at ${l.file}:${l.line}:${l.col}` : '');

export function runBlock(threads: Thread[], warps: Thread[][], stats: SchedStats): void {
  const ctx = threads[0]!.ctx;
  for (;;) {
    let progress = false;
    for (const w of warps) {
      for (const t of w) {
        if (t.state !== RUN) continue;
        runThread(t);
        progress = true;
        if (ctx.stopped) return;
      }
      if (completeWarp(w, stats)) progress = true;
    }
    if (ctx.stopped) return;
    if (progress) continue;
    const live = threads.filter((t) => t.state !== DONE);
    if (!live.length || !releaseBarrier(live, stats)) return;
  }
}

function read(t: Thread, sp: SyncPoint, k: number): unknown {
  return getter(sp.args[k]!)(t.f);
}
function write(t: Thread, sp: SyncPoint, v: unknown): void {
  if (sp.result) putter(sp.result)(t.f, sp.result[0] === 1 ? BigInt(v as number) : v);
}
function resume(t: Thread): void {
  t.state = RUN;
  t.wait = undefined;
}

/** completes the collectives of a warp whose participants have all arrived */
function completeWarp(w: Thread[], stats: SchedStats): boolean {
  let done = false;
  const groups = new Map<SyncPoint, Thread[]>();
  for (const t of w) if (t.state === WAIT && t.wait!.kind !== 'barrier') {
    let g = groups.get(t.wait!);
    if (!g) groups.set(t.wait!, (g = []));
    g.push(t);
  }
  for (const [sp, g] of groups) {
    const members = g;
    if (sp.kind !== 'activemask') {
      const mask = Number(read(g[0]!, sp, 0)) >>> 0;
      const ready = w.every((t) => t.state === DONE || !((mask >>> t.lane) & 1) || t.wait === sp);
      if (!ready) continue;
    }
    complete(sp, members, w);
    stats.collectives++;
    const blk = members[0]!.blk;
    blk.warpEpoch[members[0]!.warp]!++;
    for (const t of members) resume(t);
    done = true;
  }
  return done;
}

function complete(sp: SyncPoint, g: Thread[], w: Thread[]): void {
  switch (sp.kind) {
    case 'syncwarp': return;
    case 'activemask': {
      let m = 0;
      for (const t of g) m |= 1 << t.lane;
      for (const t of g) write(t, sp, m >>> 0);
      return;
    }
    case 'vote': {
      const mask = Number(read(g[0]!, sp, 0)) >>> 0;
      let ballot = 0, any = false, all = true;
      for (const t of g) {
        if (!((mask >>> t.lane) & 1)) continue;
        const p = Number(read(t, sp, 1)) !== 0;
        if (p) { ballot |= 1 << t.lane; any = true; } else all = false;
      }
      const r = sp.mode === 'ballot' ? ballot >>> 0 : sp.mode === 'any' ? +any : +all;
      for (const t of g) write(t, sp, r);
      return;
    }
    case 'shuffle': {
      const byLane = new Map<number, Thread>();
      for (const t of g) byLane.set(t.lane, t);
      const vals = g.map((t) => {
        const own = read(t, sp, 1);
        const x = Number(read(t, sp, 2)) | 0;
        const width = Number(read(t, sp, 3)) || 32;
        const lane = t.lane;
        const base = lane & ~(width - 1);
        let src = lane;
        switch (sp.mode) {
          case 'idx': src = base + (((x % width) + width) % width); break;
          case 'up': src = lane - base >= x ? lane - x : lane; break;
          case 'down': src = lane - base + x < width ? lane + x : lane; break;
          case 'xor': src = lane ^ x; if (src < base || src >= base + width) src = lane; break;
        }
        const from = byLane.get(src);
        return from ? read(from, sp, 1) : own;
      });
      g.forEach((t, i) => write(t, sp, vals[i]));
      void w;
      return;
    }
  }
}

/** releases the block barrier, or reports why it cannot be (returns false) */
function releaseBarrier(live: Thread[], stats: SchedStats): boolean {
  const at = live.filter((t) => t.state === WAIT && t.wait!.kind === 'barrier');
  const first = at[0] ?? live[0]!;
  if (at.length === live.length) {
    const sp = at[0]!.wait!;
    const other = at.find((t) => t.wait !== sp);
    if (other) {
      // report at the barrier fewer threads reached (the one inside the divergent branch, in
      // the usual `if (cond) { …; __syncthreads(); } __syncthreads();`), naming its first thread
      const n1 = at.filter((t) => t.wait === sp).length;
      const n2 = at.filter((t) => t.wait === other.wait).length;
      const [few, fewN, many, manyN] = n1 <= n2 ? [at[0]!, n1, other, n2] : [other, n2, at[0]!, n1];
      const rest = at.length - n1 - n2 > 0 ? ` (and ${at.length - n1 - n2} at other barriers)` : '';
      fault(few, 'barrier-divergence', `barrier divergence: ${fewN} thread(s) wait at the barrier${where(few.wait!.loc)} and ${manyN} at the barrier${where(many.wait!.loc)}${rest}`, few.wait!.loc, true);
      return false;
    }
    let count = 0;
    if (sp.mode) for (const t of at) if (Number(read(t, sp, 0))) count++;
    const r = sp.mode === 'count' ? count : sp.mode === 'and' ? +(count === at.length) : +(count > 0);
    const blk = first.blk;
    blk.epoch = first.ctx.mem.epochCounter++;
    stats.barriers++;
    for (const t of at) {
      if (sp.mode) write(t, sp, r);
      resume(t);
    }
    return true;
  }
  if (at.length) {
    const stuck = live.find((t) => t.state === WAIT && t.wait!.kind !== 'barrier') ?? live.find((t) => t.state !== WAIT)!;
    const sp = first.wait!;
    fault(first, 'barrier-divergence', `barrier divergence: the barrier${where(sp.loc)} is reached by ${at.length} of ${live.length} live threads; thread (${stuck.tx},${stuck.ty},${stuck.tz}) waits at ${stuck.wait ? `a ${stuck.wait.kind}${where(stuck.wait.loc)}` : 'no barrier'}`, sp.loc, true);
    return false;
  }
  const t = live.find((x) => x.state === WAIT)!;
  const sp = t.wait!;
  fault(t, 'deadlock', `deadlock: ${sp.kind}${where(sp.loc)} in warp ${t.warp} waits for lanes that never arrive (they wait elsewhere or the mask names lanes that diverged)`, sp.loc, true);
  return false;
}
