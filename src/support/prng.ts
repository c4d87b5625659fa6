/**
 * A small deterministic PRNG for test inputs (`--arg f32[N]=rand:SEED`, example references).
 *
 * The generator is **mulberry32** (Tommy Ettinger's 32-bit-state generator, public domain): one
 * 32-bit word of state, advanced by the Weyl constant 0x6D2B79F5, then mixed with two
 * multiply-xorshift rounds. It is not cryptographic and its period is only 2^32, which is plenty
 * for filling test buffers. It is written with `Math.imul` and `>>> 0` only, so every value is a
 * pure function of the seed and the draw count: the same numbers on every platform and Node
 * version, which is what lets references computed here be compared with buffers filled on a
 * device, and lets a failing `kcc run` be reproduced from its command line alone.
 *
 * Derived draws (each documented where it is defined):
 *  - `nextU32()`: the raw 32-bit output.
 *  - `nextUnitBits(p)`: a float uniform in [-1, 1) on a grid of 2^p points (`k / 2^(p-1) - 1`),
 *    exactly representable in any format with a p-bit significand, so f32 draws (p = 24), f16
 *    draws (p = 11), bf16 draws (p = 8) and f64 draws (p = 53) need no rounding and can never
 *    round up to 1.0.
 */

export class Mulberry32 {
  private state: number;

  constructor(seed: number) {
    // Any integer seed; reduced modulo 2^32 so that -1 and 0xFFFFFFFF are the same stream.
    this.state = seed >>> 0;
  }

  /** The next raw output, an integer in [0, 2^32). */
  nextU32(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let z = this.state;
    z = Math.imul(z ^ (z >>> 15), z | 1);
    z ^= z + Math.imul(z ^ (z >>> 7), z | 61);
    return (z ^ (z >>> 14)) >>> 0;
  }

  /**
   * A value uniform in [-1, 1) on the grid k / 2^(p-1) - 1, k in [0, 2^p), for 1 ≤ p ≤ 53.
   * Up to 32 bits come from one draw (the top bits, which mix best); more take a second draw.
   */
  nextUnitBits(p: number): number {
    if (!Number.isInteger(p) || p < 1 || p > 53) throw new RangeError(`nextUnitBits: p=${p} out of 1..53`);
    let k: number;
    if (p <= 32) {
      k = Math.floor(this.nextU32() / 2 ** (32 - p));
    } else {
      const hi = Math.floor(this.nextU32() / 2 ** (64 - p)); // the high p-32 bits
      const lo = this.nextU32(); // the low 32 bits
      k = hi * 2 ** 32 + lo;
    }
    return k / 2 ** (p - 1) - 1;
  }

  /** An integer uniform in [0, 256): the top byte of one draw. */
  nextByte(): number {
    return this.nextU32() >>> 24;
  }
}
