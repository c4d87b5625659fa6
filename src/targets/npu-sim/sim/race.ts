/**
 * Race detection: two accesses to overlapping bytes, at least one a write, whose pipes are not
 * ordered by flags or barriers (NPU.md rule 8) — a happens-before check, so a race is found
 * whether or not the timing of this run happened to make it harmless.
 *
 * Each core keeps a vector clock per pipe: entry q is the highest sequence number of pipe q's
 * instructions known to be done. An instruction's clock is its pipe's clock joined with the
 * front end's clock at issue (everything the scalar unit knew was done). `bar P` makes P's own
 * earlier instructions known done to P; `setf` carries its pipe's clock (and its own earlier
 * work) to the `waitf` that consumes it; `bar all` and `sync.all` make everything known done.
 * Instructions of one pipe overlap (a later one starts while an earlier one is in its latency),
 * so even a same-pipe dependence needs `bar P`.
 *
 * On-core buffers: shadow state per run of bytes (last writer; per pipe, the newest reader
 * since that write). GM: per 32-byte granule, the last writer with its byte mask and its
 * sync.all epoch; accesses of different cores in one epoch race unless both are atomic
 * (cross-core read-after-read and write-after-read on GM are not tracked: documented).
 */
import { BUFFER_NAMES, type BufferName, type NpuConfig } from '../config.js';
import { NPIPES, PIPES, type Access } from '../isa/program.js';
import { fmtRange, GM_BASE } from './memory.js';

export type Clock = Int32Array;

export function newClock(): Clock {
  return new Int32Array(NPIPES).fill(-1);
}

export function join(into: Clock, from: Clock): void {
  for (let i = 0; i < NPIPES; i++) if (from[i]! > into[i]!) into[i] = from[i]!;
}

/** The accessor: core, pipe, sequence number on that pipe, its clock, its pc. */
export interface Accessor {
  core: number;
  pipe: number;
  seq: number;
  clock: Clock;
  pc: number;
}

export interface RaceReport {
  detail: string;
  otherPc: number;
}

const G = 32;

/** The state of a run of bytes of an on-core buffer: its last writer and newest readers. */
interface Segment {
  start: number;
  end: number;
  wPipe: number;
  wSeq: number;
  wPc: number;
  rSeq: Int32Array;
  rPc: Int32Array;
}

function segment(start: number, end: number, from?: Segment): Segment {
  return {
    start, end,
    wPipe: from?.wPipe ?? 0, wSeq: from?.wSeq ?? -1, wPc: from?.wPc ?? 0,
    rSeq: from ? new Int32Array(from.rSeq) : new Int32Array(NPIPES).fill(-1),
    rPc: from ? new Int32Array(from.rPc) : new Int32Array(NPIPES),
  };
}

/**
 * Shadow state of one buffer as sorted, non-overlapping segments covering it: accesses split
 * segments at their ends and a write merges what it covers into one, so the count stays near
 * the number of live buffers and a 128 KiB access costs a few segment visits.
 */
class CoreShadow {
  segs: Segment[];
  constructor(bytes: number) {
    this.segs = [segment(0, bytes)];
  }

  /** index of the segment containing byte x, after splitting so one starts at x */
  split(x: number): number {
    const s = this.segs;
    let lo = 0, hi = s.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (s[mid]!.start <= x) lo = mid;
      else hi = mid - 1;
    }
    const seg = s[lo]!;
    if (seg.start === x || x >= seg.end) return seg.start === x ? lo : lo + 1;
    const right = segment(x, seg.end, seg);
    seg.end = x;
    s.splice(lo + 1, 0, right);
    return lo + 1;
  }
}

const PAGE = 65536;
const PG = PAGE / G;

class GmPage {
  who = new Int32Array(PG).fill(-1); // core * 8 + pipe
  seq = new Int32Array(PG);
  epoch = new Int32Array(PG);
  pc = new Int32Array(PG);
  mask = new Uint32Array(PG);
  atomic = new Uint8Array(PG);
}

export class RaceDetector {
  private cores = new Map<number, Record<BufferName, CoreShadow>>();
  private gmPages = new Map<number, GmPage>();
  epoch = 0;

  constructor(private readonly cfg: NpuConfig) {}

  private shadow(core: number, space: BufferName): CoreShadow {
    let c = this.cores.get(core);
    if (!c) {
      c = {} as Record<BufferName, CoreShadow>;
      for (const b of BUFFER_NAMES) c[b] = new CoreShadow(this.cfg.buffers[b].bytes);
      this.cores.set(core, c);
    }
    return c[space];
  }

  /** Records an access; returns a report when it races with an earlier one. */
  access(who: Accessor, a: Access): RaceReport | undefined {
    if (a.len <= 0) return undefined;
    return a.space === 'gm' ? this.gm(who, a) : this.onCore(who, a);
  }

  private onCore(who: Accessor, a: Access): RaceReport | undefined {
    const sh = this.shadow(who.core, a.space as BufferName);
    const i0 = sh.split(a.addr);
    const i1 = a.addr + a.len >= sh.segs[sh.segs.length - 1]!.end ? sh.segs.length : sh.split(a.addr + a.len);
    const p = who.pipe, seq = who.seq, vc = who.clock;
    for (let i = i0; i < i1; i++) {
      const s = sh.segs[i]!;
      if (s.wSeq >= 0 && !(s.wPipe === p && s.wSeq === seq) && vc[s.wPipe]! < s.wSeq)
        return this.report(who, a, s.wPipe, s.wPc, a.write ? 'writes' : 'reads', 'written');
      if (a.write)
        for (let q = 0; q < NPIPES; q++) {
          const rs = s.rSeq[q]!;
          if (rs >= 0 && !(q === p && rs === seq) && vc[q]! < rs) return this.report(who, a, q, s.rPc[q]!, 'writes', 'read');
        }
    }
    if (a.write) {
      const s = sh.segs[i0]!;
      s.end = sh.segs[i1 - 1]!.end;
      s.wPipe = p;
      s.wSeq = seq;
      s.wPc = who.pc;
      s.rSeq.fill(-1);
      if (i1 - i0 > 1) sh.segs.splice(i0 + 1, i1 - i0 - 1);
    } else
      for (let i = i0; i < i1; i++) {
        const s = sh.segs[i]!;
        if (s.rSeq[p]! < seq) {
          s.rSeq[p] = seq;
          s.rPc[p] = who.pc;
        }
      }
    return undefined;
  }

  private report(who: Accessor, a: Access, otherPipe: number, otherPc: number, verb: string, past: string): RaceReport {
    return {
      detail: `${PIPES[who.pipe]} ${verb} ${fmtRange(a.space, a.addr, a.len)} on core ${who.core}, ${past} by ${PIPES[otherPipe]} with no flag or barrier ordering them`,
      otherPc,
    };
  }

  private gm(who: Accessor, a: Access): RaceReport | undefined {
    const start = a.addr - GM_BASE, end = start + a.len;
    const id = who.core * 8 + who.pipe;
    for (let off = start; off < end; ) {
      const g = Math.floor(off / G);
      const lo = off - g * G, hi = Math.min(G, end - g * G);
      const bits = hi - lo === 32 ? 0xffffffff : (((1 << (hi - lo)) - 1) << lo) >>> 0;
      const page = Math.floor(g / PG), k = g % PG;
      let pg = this.gmPages.get(page);
      if (!pg) {
        if (!a.write) {
          off = (g + 1) * G;
          continue;
        }
        this.gmPages.set(page, (pg = new GmPage()));
      }
      const w = pg.who[k]!;
      if (w >= 0 && pg.epoch[k] === this.epoch && (pg.mask[k]! & bits) !== 0) {
        const wcore = w >> 3, wpipe = w & 7;
        const bothAtomic = a.atomic && pg.atomic[k] === 1;
        const sameOp = wcore === who.core && wpipe === who.pipe && pg.seq[k] === who.seq;
        const ordered = wcore === who.core ? who.clock[wpipe]! >= pg.seq[k]! : false;
        if (!sameOp && !bothAtomic && !ordered) {
          return {
            detail: `core ${who.core} ${PIPES[who.pipe]} ${a.write ? 'writes' : 'reads'} ${fmtRange('gm', a.addr, a.len)}, written by core ${wcore} ${PIPES[wpipe]} ${wcore === who.core ? 'with no flag or barrier ordering them' : 'in the same sync.all interval'}`,
            otherPc: pg.pc[k]!,
          };
        }
      }
      if (a.write) {
        const keep = w >= 0 && w === id && pg.epoch[k] === this.epoch;
        pg.who[k] = id;
        pg.seq[k] = who.seq;
        pg.epoch[k] = this.epoch;
        pg.pc[k] = who.pc;
        pg.mask[k] = keep ? (pg.mask[k]! | bits) >>> 0 : bits;
        pg.atomic[k] = a.atomic ? 1 : 0;
      }
      off = (g + 1) * G;
    }
    return undefined;
  }
}
