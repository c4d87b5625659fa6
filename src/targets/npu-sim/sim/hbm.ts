/**
 * Global-memory bandwidth (NPU.md rule 6, with the L2 of docs/npu-sim.md): every transfer in
 * its data phase gets
 *
 *   rate = min(port, L2 bandwidth / active, (HBM bandwidth / active-with-misses) / missFraction)
 *
 * recomputed whenever a transfer starts or ends; each transfer's remaining bytes are brought up
 * to date at that moment and its end rescheduled. With the L2 disabled every byte misses and the
 * rule is exactly min(port, HBM / active). The L2 holds 512-byte lines, filled on read misses
 * and on writes (write-allocate; writes always go on to HBM), evicted first-in first-out.
 */
import type { NpuConfig } from '../config.js';
import type { EventQueue } from './events.js';
import { GM_BASE } from './memory.js';

interface Transfer {
  remaining: number;
  rate: number;
  since: number;
  miss: number;
  version: number;
  onDone: (t: number) => void;
}

export interface BandwidthSample {
  time: number;
  /** HBM bytes per cycle, all transfers together */
  hbm: number;
  active: number;
}

export class HbmModel {
  private active = new Set<Transfer>();
  private l2Lines: Uint8Array;
  private fifo: Int32Array;
  private fifoHead = 0;
  private fifoCount = 0;
  readonly samples: BandwidthSample[] = [];
  hbmBytesRead = 0;
  hbmBytesWritten = 0;
  l2HitBytes = 0;
  gmBytesRead = 0;
  gmBytesWritten = 0;

  constructor(private readonly cfg: NpuConfig, private readonly q: EventQueue, gmBytes: number, private readonly sampling: boolean) {
    const lines = Math.ceil(gmBytes / cfg.hbm.lineBytes) + 1;
    this.l2Lines = new Uint8Array(cfg.l2.bytes > 0 ? lines : 0);
    this.fifo = new Int32Array(cfg.l2.bytes > 0 ? Math.max(1, Math.floor(cfg.l2.bytes / cfg.hbm.lineBytes)) : 0);
  }

  /** fraction of a transfer's lines that miss the L2 (and updates residency) */
  private lookup(ranges: ReadonlyArray<[number, number]>, write: boolean): number {
    if (this.cfg.l2.bytes <= 0) return 1;
    const lb = this.cfg.hbm.lineBytes;
    let total = 0, miss = 0;
    for (const [addr, len] of ranges) {
      const a = addr - GM_BASE;
      const l0 = Math.floor(a / lb), l1 = Math.floor((a + Math.max(len, 1) - 1) / lb);
      for (let l = l0; l <= l1; l++) {
        total++;
        if (this.l2Lines[l]) continue;
        miss++;
        this.insert(l);
      }
    }
    return write ? 1 : total ? miss / total : 0;
  }

  private insert(line: number): void {
    const cap = this.fifo.length;
    if (this.fifoCount === cap) {
      const old = this.fifo[this.fifoHead]!;
      this.l2Lines[old] = 0;
      this.fifo[this.fifoHead] = line;
      this.fifoHead = (this.fifoHead + 1) % cap;
    } else {
      this.fifo[(this.fifoHead + this.fifoCount) % cap] = line;
      this.fifoCount++;
    }
    this.l2Lines[line] = 1;
  }

  /**
   * Starts the data phase of a transfer of `bytes` (effective bytes) at the queue's current
   * time; onDone receives the time its last byte has moved.
   */
  start(bytes: number, ranges: ReadonlyArray<[number, number]>, write: boolean, onDone: (t: number) => void): void {
    const miss = this.lookup(ranges, write);
    const moved = ranges.reduce((s, r) => s + r[1], 0);
    if (write) {
      this.gmBytesWritten += moved;
      this.hbmBytesWritten += bytes;
    } else {
      this.gmBytesRead += moved;
      this.hbmBytesRead += bytes * miss;
      this.l2HitBytes += bytes * (1 - miss);
    }
    if (bytes <= 0) {
      onDone(this.q.now);
      return;
    }
    this.update();
    const t: Transfer = { remaining: bytes, rate: 0, since: this.q.now, miss, version: 0, onDone };
    this.active.add(t);
    this.reschedule();
  }

  /** brings remaining bytes up to now */
  private update(): void {
    const now = this.q.now;
    for (const t of this.active) {
      t.remaining -= t.rate * (now - t.since);
      t.since = now;
    }
  }

  private reschedule(): void {
    const cfg = this.cfg;
    const n = this.active.size;
    let nMiss = 0;
    for (const t of this.active) if (t.miss > 0) nMiss++;
    let hbm = 0;
    for (const t of this.active) {
      let r = cfg.hbm.portBytesPerCycle;
      if (cfg.l2.bytes > 0) r = Math.min(r, cfg.l2.bytesPerCycle / n);
      if (t.miss > 0) r = Math.min(r, cfg.hbm.bytesPerCycle / nMiss / t.miss);
      t.rate = r;
      hbm += r * t.miss;
      const v = ++t.version;
      const end = this.q.now + Math.max(0, t.remaining) / r;
      this.q.at(end, () => {
        if (t.version !== v || !this.active.has(t)) return;
        this.update();
        this.active.delete(t);
        this.reschedule();
        t.onDone(this.q.now);
      });
    }
    if (this.sampling) {
      const last = this.samples[this.samples.length - 1];
      if (last && last.time === this.q.now) {
        last.hbm = hbm;
        last.active = n;
      } else this.samples.push({ time: this.q.now, hbm, active: n });
    }
  }
}
