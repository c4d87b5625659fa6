/**
 * The sanitizer's memory checks (on by default): bounds and null pointers (always checked —
 * the interpreter never touches memory it does not own), alignment, reads of uninitialised
 * shared memory, and data races.
 *
 * Races: every byte of global and shared memory remembers its last writer and last reader
 * (launch-wide thread id) and the interval of the access: the block's barrier epoch and the
 * warp's syncwarp epoch. Two accesses of different threads, at least one a write, conflict when
 *  - both threads are in the same block, in the same barrier interval, and not ordered by a
 *    `syncwarp`/warp collective of their common warp (implicit warp lockstep is not assumed:
 *    the volatile warp-synchronous reductions of old CUDA code are reported), or
 *  - they are in different blocks of the same launch (blocks are unordered; a histogram
 *    without atomics is the classic case).
 * Atomics neither race with each other nor are recorded. Each byte keeps its last reader and the
 * other thread that read it before (so the read that starts a thread's own read-modify-write,
 * `s[tid] += s[tid + k]`, does not hide the neighbour that read s[tid] first); a race with an
 * older reader may go unreported (no false reports, some misses).
 */
import type { Loc } from '../core.js';
import type { Alloc, Shadow } from './memory.js';
import { TWO31, TWO32, type Thread, fault } from './runtime.js';

const EP_SHIFT = 1048576; // 2^20: epoch key = blockEpoch · 2^20 + warpEpoch

export type AccessKind = 'load' | 'store' | 'atomic';

/** Resolves an address or reports why it cannot be accessed (fatal). */
export function resolveSlow(t: Thread, addr: number, size: number, kind: AccessKind, loc: Loc | undefined): Alloc | undefined {
  const id = Math.floor(addr / TWO32);
  const off = addr - id * TWO32 - TWO31;
  const al = t.ctx.mem.allocs[id];
  if (addr === 0) {
    fault(t, 'null-pointer', `${kind} of ${size} bytes through a null pointer`, loc, true);
    return undefined;
  }
  if (!al) {
    fault(t, 'out-of-bounds', `${kind} of ${size} bytes through an invalid or freed pointer`, loc, true);
    return undefined;
  }
  if (off < 0 || off + size > al.size) {
    const idx = Math.floor(off / al.elemSize);
    const n = Math.floor(al.size / al.elemSize);
    fault(t, 'out-of-bounds', `out-of-bounds ${kind} of ${size} bytes at byte offset ${off} (index ${idx}) of ${al.space} buffer '${al.name}' (${al.size} bytes, ${n} elements)`, loc, true);
    return undefined;
  }
  return al;
}

/** Alignment (the access's natural or declared alignment; allocations are 256-byte aligned). */
export function checkAlign(t: Thread, al: Alloc, off: number, align: number, kind: AccessKind, loc: Loc | undefined): boolean {
  if (off % align === 0) return true;
  fault(t, 'misaligned', `misaligned ${kind}: byte offset ${off} of ${al.space} buffer '${al.name}' is not a multiple of ${align}`, loc, true);
  return false;
}

function newShadow(size: number): Shadow {
  return { wTid: new Int32Array(size), wEp: new Float64Array(size), rTid: new Int32Array(size), rEp: new Float64Array(size), r2Tid: new Int32Array(size), r2Ep: new Float64Array(size) };
}

/**
 * Shadow bookkeeping for one plain (non-atomic) access of `size` bytes at `off`: uninitialised
 * shared reads and races. Reports at most one fault per access.
 */
export function shadowAccess(t: Thread, al: Alloc, off: number, size: number, write: boolean, loc: Loc | undefined, noInitCheck = false): void {
  if (al.space === 'local' || al.space === 'constant') return;
  if (al.init && !noInitCheck) {
    if (write) al.init.fill(1, off, off + size);
    else
      for (let i = off; i < off + size; i++)
        if (!al.init[i]) {
          fault(t, 'uninitialized-read', `read of uninitialised shared memory: byte offset ${i} (index ${Math.floor(i / al.elemSize)}) of '${al.name}'`, loc, false);
          break;
        }
  }
  const sh = (al.shadow ??= newShadow(al.size));
  const ctx = t.ctx;
  const blk = t.blk;
  const me = t.gid + 1;
  const key = blk.epoch * EP_SHIFT + blk.warpEpoch[t.warp]!;
  for (let i = off; i < off + size; i++) {
    const w = sh.wTid[i]!;
    if (w !== 0 && w !== me && conflicts(t, w - 1, sh.wEp[i]!, key, ctx.firstEpoch)) {
      report(t, al, i, w - 1, write ? 'write' : 'read', 'write', loc);
      break;
    }
    if (write) {
      const r = sh.rTid[i]!;
      if (r !== 0 && r !== me && conflicts(t, r - 1, sh.rEp[i]!, key, ctx.firstEpoch)) {
        report(t, al, i, r - 1, 'write', 'read', loc);
        break;
      }
      const r2 = sh.r2Tid[i]!;
      if (r2 !== 0 && r2 !== me && conflicts(t, r2 - 1, sh.r2Ep[i]!, key, ctx.firstEpoch)) {
        report(t, al, i, r2 - 1, 'write', 'read', loc);
        break;
      }
    }
  }
  if (write) {
    sh.wTid.fill(me, off, off + size);
    sh.wEp.fill(key, off, off + size);
  } else {
    for (let i = off; i < off + size; i++) {
      const r = sh.rTid[i]!;
      if (r !== me) {
        if (r !== 0) {
          sh.r2Tid[i] = r;
          sh.r2Ep[i] = sh.rEp[i]!;
        }
        sh.rTid[i] = me;
      }
      sh.rEp[i] = key;
    }
  }
}

function conflicts(t: Thread, otherGid: number, otherKey: number, key: number, firstEpoch: number): boolean {
  const otherEpoch = Math.floor(otherKey / EP_SHIFT);
  if (otherEpoch < firstEpoch) return false; // an earlier launch
  const tpb = t.ctx.threadsPerBlock;
  const otherBlock = Math.floor(otherGid / tpb);
  if (otherBlock !== t.blk.linear) return true; // blocks of one launch are unordered
  if (otherEpoch !== t.blk.epoch) return false; // separated by a barrier
  const otherWarp = Math.floor((otherGid % tpb) / 32);
  if (otherWarp === t.warp && otherKey - otherEpoch * EP_SHIFT !== key - t.blk.epoch * EP_SHIFT) return false; // ordered by syncwarp
  return true;
}

function report(t: Thread, al: Alloc, byte: number, otherGid: number, mine: string, theirs: string, loc: Loc | undefined): void {
  const ctx = t.ctx;
  const tpb = ctx.threadsPerBlock;
  const ob = Math.floor(otherGid / tpb);
  const ol = otherGid % tpb;
  const [bx, by] = ctx.block;
  const other = `thread (${ol % bx},${Math.floor(ol / bx) % by},${Math.floor(ol / (bx * by))})`;
  const sameBlock = ob === t.blk.linear;
  const where = sameBlock ? `${other} of the same block, in the same barrier interval` : `${other} of block ${ob} (blocks of one launch are unordered)`;
  const warpSync = sameBlock && Math.floor(ol / 32) === t.warp ? ' (same warp: implicit warp lockstep is not guaranteed; use __syncwarp)' : '';
  fault(t, 'data-race', `data race on ${al.space} buffer '${al.name}' at byte offset ${byte} (index ${Math.floor(byte / al.elemSize)}): ${mine} conflicts with a ${theirs} by ${where}${warpSync}`, loc, false);
}
