/**
 * The geometry of a vector instruction: lanes per repeat, the 32-byte blocks each operand
 * spans per repeat, block and repeat strides (in blocks), the byte ranges an operand touches
 * (for bounds and race checks) and the element index of every lane (for the functional model).
 *
 * A repeat processes `bytesPerRepeat` bytes (256) of the widest element type: 64 f32 lanes,
 * 128 f16 lanes, 256 i8 lanes. Lane l of repeat r of an operand with element size z lives at
 *   base + (r·repstride + ⌊l / (32/z)⌋·blockstride)·32 + (l mod 32/z)·z.
 * Defaults: blockstride 1, repstride = the operand's blocks per repeat (dense).
 */
import type { NpuConfig } from '../config.js';
import type { Access, Resolved, Space } from './program.js';

export interface VecOperand {
  space: Space;
  base: number;
  size: number;
  blk: number;
  rep: number;
  /** blocks per repeat */
  bpr: number;
  /** lanes per 32-byte block */
  epb: number;
}

/** Stride option value for operand `i` (a single value or a colon list dst:src0:src1). */
export function strideFor(r: Resolved, name: string, i: number, dflt: number): number {
  const v = r.o[name];
  if (v === undefined) return dflt;
  if (Array.isArray(v)) return v[i] ?? v[v.length - 1] ?? dflt;
  return Number(v);
}

export function vecOperand(space: Space, base: number, size: number, lanes: number, r: Resolved, i: number): VecOperand {
  const bpr = Math.max(1, Math.ceil((lanes * size) / 32));
  return {
    space, base, size, bpr, epb: 32 / size,
    blk: strideFor(r, 'blockstride', i, 1),
    rep: strideFor(r, 'repstride', i, bpr),
  };
}

/** Element index (byte address / size) of lane l in repeat r. */
export function laneIndex(o: VecOperand, r: number, l: number): number {
  if (o.blk === 1) return (o.base + r * o.rep * 32) / o.size + l;
  const b = Math.floor(l / o.epb);
  return (o.base + (r * o.rep + b * o.blk) * 32) / o.size + (l % o.epb);
}

/** The bytes an operand touches over `reps` repeats, merged into few ranges. */
export function vecRanges(o: VecOperand, reps: number, write: boolean): Access[] {
  const raw: Array<[number, number]> = [];
  const blockBytes = Math.min(32, o.bpr * 32);
  if (o.blk === 1) {
    for (let r = 0; r < reps; r++) raw.push([o.base + r * o.rep * 32, o.bpr * 32]);
  } else {
    for (let r = 0; r < reps; r++) for (let b = 0; b < o.bpr; b++) raw.push([o.base + (r * o.rep + b * o.blk) * 32, blockBytes]);
  }
  return mergeRanges(raw).map(([addr, len], k) => ({ space: o.space, addr, len, write, alignCheck: k === 0 && addr === o.base }));
}

export function mergeRanges(raw: Array<[number, number]>): Array<[number, number]> {
  if (raw.length <= 1) return raw;
  raw.sort((x, y) => x[0] - y[0]);
  const out: Array<[number, number]> = [];
  let [s, l] = raw[0]!;
  let e = s + l;
  for (let i = 1; i < raw.length; i++) {
    const [a, n] = raw[i]!;
    if (a <= e) e = Math.max(e, a + n);
    else {
      out.push([s, e - s]);
      s = a;
      e = a + n;
    }
  }
  out.push([s, e - s]);
  return out;
}

/** Lanes per repeat for an element size (the widest operand decides). */
export function lanesFor(cfg: NpuConfig, size: number): number {
  return cfg.vector.bytesPerRepeat / size;
}

/** True when some operand is not dense (costs double: NPU.md cost rule 3). */
export function isStrided(ops: readonly VecOperand[]): boolean {
  return ops.some((o) => o.blk !== 1);
}

/** A lane predicate over repeats: from mask bits in UB, or the register mask. */
export interface LaneMask {
  all: boolean;
  active(r: number, l: number): boolean;
}

export function laneMask(ub: Uint8Array, maskAddr: number | undefined, maskReg: Uint8Array, lanes: number): LaneMask {
  if (maskAddr !== undefined) {
    return {
      all: false,
      active: (r, l) => {
        const bit = r * lanes + l;
        return ((ub[maskAddr + (bit >> 3)]! >> (bit & 7)) & 1) === 1;
      },
    };
  }
  let all = true;
  for (let l = 0; l < lanes; l++) if (!((maskReg[l >> 3]! >> (l & 7)) & 1)) all = false;
  return { all, active: (_r, l) => ((maskReg[l >> 3]! >> (l & 7)) & 1) === 1 };
}

/** Number of active lanes of the register mask among the first `lanes`. */
export function regMaskCount(maskReg: Uint8Array, lanes: number): number {
  let n = 0;
  for (let l = 0; l < lanes; l++) if ((maskReg[l >> 3]! >> (l & 7)) & 1) n++;
  return n;
}
