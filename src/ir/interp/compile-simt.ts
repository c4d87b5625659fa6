/**
 * Interpreter code for SIMT ops, printf and assert. Indices read the thread/block state.
 * Collectives (barrier, shuffle, vote, syncwarp, activemask) do no work here: they record a
 * SyncPoint on the thread and SUSPEND; the scheduler (scheduler.ts) completes them once every
 * participant has arrived, writes the results into each thread's frame and resumes them.
 */
import type { Op } from '../core.js';
import type { FnCompiler } from './compile.js';
import { formatPrintf } from './printf.js';
import { CLOCK, type Instr, STOP, SUSPEND, type SyncPoint, WAIT, fault } from './runtime.js';

export function compileSimt(op: Op, c: FnCompiler): Instr | null | undefined {
  const next = c.next;
  switch (op.name) {
    case 'thread_id': case 'block_id': case 'block_dim': case 'grid_dim': {
      const d = c.n(op.result);
      const k = ['x', 'y', 'z'].indexOf(op.attrs.dim as string);
      switch (op.name) {
        case 'thread_id': return k === 0 ? (f, t) => { f.n[d] = t.tx; return next; } : k === 1 ? (f, t) => { f.n[d] = t.ty; return next; } : (f, t) => { f.n[d] = t.tz; return next; };
        case 'block_id': return k === 0 ? (f, t) => { f.n[d] = t.blk.bx; return next; } : k === 1 ? (f, t) => { f.n[d] = t.blk.by; return next; } : (f, t) => { f.n[d] = t.blk.bz; return next; };
        case 'block_dim': return (f, t) => { f.n[d] = t.ctx.block[k]!; return next; };
        default: return (f, t) => { f.n[d] = t.ctx.grid[k]!; return next; };
      }
    }
    case 'clock': {
      const slot = c.slot(op.result);
      return (_f, t) => {
        t.clockSlot = slot;
        t.pc = next;
        return CLOCK;
      };
    }
    case 'lane_id': {
      const d = c.n(op.result);
      return (f, t) => { f.n[d] = t.lane; return next; };
    }
    case 'barrier': case 'shuffle': case 'vote': case 'syncwarp': case 'activemask': {
      const sp: SyncPoint = {
        kind: op.name,
        mode: String(op.attrs.kind ?? op.attrs.mode ?? ''),
        loc: op.loc,
        args: op.operands.map((v) => c.slot(v)),
        result: op.results[0] ? c.slot(op.results[0]) : undefined,
      };
      return (_f, t) => {
        t.wait = sp;
        t.state = WAIT;
        t.pc = next;
        return SUSPEND;
      };
    }
    case 'printf': {
      const fmt = op.attrs.format as string;
      const args = op.operands.map((v) => ({ slot: c.slot(v), type: v.type }));
      return (f, t) => {
        const vals = args.map(({ slot: [bank, i] }) => (bank === 0 ? f.n[i] : bank === 1 ? f.b[i] : f.o[i]));
        const text = formatPrintf(fmt, vals, args.map((a) => a.type), t.ctx.mem);
        t.ctx.printf.push({ epoch: t.blk.epoch, block: t.blk.linear, warp: t.warp, seq: t.printfSeq++, lane: t.lane, text });
        return next;
      };
    }
    case 'assert': {
      const k = c.n(op.operands[0]!);
      const msg = op.attrs.message as string;
      const loc = op.loc;
      return (f, t) => {
        if (f.n[k]) return next;
        const where = loc ? `${loc.file}:${loc.line}: ` : '';
        fault(t, 'assert', `${where}block: [${t.blk.bx},${t.blk.by},${t.blk.bz}], thread: [${t.tx},${t.ty},${t.tz}] Assertion \`${msg}\` failed.`, loc, true);
        return STOP;
      };
    }
  }
  return undefined;
}
