/**
 * Tests for src/support/half.ts: exhaustive round trips over every 16-bit pattern, known
 * values from the IEEE 754 tables, and rounding (ties to even, subnormals, overflow) checked
 * against an independent f64 model of round-to-nearest-even.
 */

import { describe, expect, it } from 'vitest';
import {
  f32ToF16Bits, f16BitsToF32, f32ToBf16Bits, bf16BitsToF32, f64ToF16Bits,
  toF16Array, fromF16Array, toBf16Array, fromBf16Array, roundToF16, roundToBf16, f32Bits, bitsToF32,
} from '../../src/support/half.js';

/**
 * Independent model: the f16 value nearest to x (ties to even), by brute force over the two
 * f16 neighbours found by a binary search over the ordered positive patterns. Slow but simple.
 */
function nearestF16(x: number): number {
  if (Number.isNaN(x)) return NaN;
  const sign = x < 0 || Object.is(x, -0) ? -1 : 1;
  const a = Math.abs(x);
  if (a >= 65520) return sign * Infinity; // max 65504; halfway to the next binade step 65536
  let lo = 0, hi = 0x7bff; // largest pattern with value <= a
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (f16BitsToF32(mid) <= a) lo = mid;
    else hi = mid - 1;
  }
  const below = f16BitsToF32(lo), above = f16BitsToF32(lo + 1);
  let r: number;
  if (a - below < above - a) r = below;
  else if (a - below > above - a) r = above;
  else r = lo % 2 === 0 ? below : above;
  return sign * r;
}

describe('f16', () => {
  it('round-trips all 65,536 bit patterns (NaNs come back quiet, with sign and payload)', () => {
    let nans = 0;
    for (let b = 0; b < 0x10000; b++) {
      const v = f16BitsToF32(b);
      expect(Math.fround(v)).toBe(v); // every f16 value is an f32 value
      const back = f32ToF16Bits(v);
      // Converting a signalling NaN quiets it (IEEE 754 convertFormat, and what cvt does).
      const isNaN = (b & 0x7c00) === 0x7c00 && (b & 0x3ff) !== 0;
      const want = isNaN ? b | 0x0200 : b;
      if (isNaN) nans++;
      if (back !== want) throw new Error(`pattern 0x${b.toString(16)} → ${v} → 0x${back.toString(16)}`);
    }
    expect(nans).toBe(2 * 1023);
  });

  it('decodes known values', () => {
    expect(f16BitsToF32(0x0000)).toBe(0);
    expect(Object.is(f16BitsToF32(0x8000), -0)).toBe(true);
    expect(f16BitsToF32(0x3c00)).toBe(1);
    expect(f16BitsToF32(0xc000)).toBe(-2);
    expect(f16BitsToF32(0x3555)).toBe(0.333251953125);
    expect(f16BitsToF32(0x7bff)).toBe(65504); // max finite
    expect(f16BitsToF32(0x0400)).toBe(2 ** -14); // min normal
    expect(f16BitsToF32(0x0001)).toBe(2 ** -24); // min subnormal
    expect(f16BitsToF32(0x03ff)).toBe(1023 * 2 ** -24); // max subnormal
    expect(f16BitsToF32(0x7c00)).toBe(Infinity);
    expect(f16BitsToF32(0xfc00)).toBe(-Infinity);
    expect(Number.isNaN(f16BitsToF32(0x7e00))).toBe(true);
    expect(Number.isNaN(f16BitsToF32(0x7c01))).toBe(true); // signalling payload still NaN
  });

  it('encodes known values and rounds to nearest even', () => {
    expect(f32ToF16Bits(1)).toBe(0x3c00);
    expect(f32ToF16Bits(-0)).toBe(0x8000);
    expect(f32ToF16Bits(65504)).toBe(0x7bff);
    expect(f32ToF16Bits(65519)).toBe(0x7bff); // just below the halfway point to 65536
    expect(f32ToF16Bits(65520)).toBe(0x7c00); // halfway, ties to even = Inf
    expect(f32ToF16Bits(1e6)).toBe(0x7c00);
    expect(f32ToF16Bits(-1e6)).toBe(0xfc00);
    expect(f32ToF16Bits(1 + 2 ** -11)).toBe(0x3c00); // tie: 1.0 is even
    expect(f32ToF16Bits(1 + 3 * 2 ** -11)).toBe(0x3c02); // tie: rounds up to even 0x3c02
    expect(f32ToF16Bits(1 + 2 ** -11 + 2 ** -20)).toBe(0x3c01); // just above the tie
    expect(f32ToF16Bits(2 ** -25)).toBe(0x0000); // half the min subnormal: tie to even 0
    expect(f32ToF16Bits(2 ** -25 + 2 ** -35)).toBe(0x0001);
    expect(f32ToF16Bits(3 * 2 ** -25)).toBe(0x0002); // 1.5 subnormal units: tie to even 2
    expect(f32ToF16Bits(2 ** -14 - 2 ** -26)).toBe(0x0400); // rounds up into the normals
    expect(f32ToF16Bits(1e-10)).toBe(0x0000);
    expect(f32ToF16Bits(-1e-10)).toBe(0x8000);
    expect(f32ToF16Bits(2 ** -149)).toBe(0x0000); // f32 subnormal input
    expect(f32ToF16Bits(Infinity)).toBe(0x7c00);
    expect(f32ToF16Bits(NaN) & 0x7e00).toBe(0x7e00);
    expect(f32ToF16Bits(bitsToF32(0xffc00000)) & 0xfe00).toBe(0xfe00); // negative NaN keeps its sign
  });

  it('agrees with an f64 model of round-to-nearest-even on 20,000 f32 values', () => {
    let s = 12345;
    const next = (): number => (s = (Math.imul(s, 1103515245) + 12345) >>> 0);
    for (let k = 0; k < 20000; k++) {
      // random f32 bit patterns biased to the f16 range (exponents 100..145)
      const exp = 100 + (next() % 46);
      const bits = ((next() & 1) << 31) | (exp << 23) | (next() & 0x7fffff);
      const x = bitsToF32(bits >>> 0);
      const want = nearestF16(x);
      const got = f16BitsToF32(f32ToF16Bits(x));
      if (!Object.is(got, want)) throw new Error(`x=${x}: got ${got}, want ${want}`);
    }
  });

  it('converts every f16 midpoint (the ties) to the even neighbour', () => {
    for (let b = 0; b < 0x7bff; b++) {
      const mid = (f16BitsToF32(b) + f16BitsToF32(b + 1)) / 2; // exact in f32
      expect(Math.fround(mid)).toBe(mid);
      const want = b % 2 === 0 ? b : b + 1;
      if (f32ToF16Bits(mid) !== want) throw new Error(`tie above 0x${b.toString(16)}`);
    }
  });

  it('f64ToF16Bits rounds once (differs from rounding through f32 at double-rounding cases)', () => {
    // 1 + 2^-11 + 2^-40: rounds up in one step (above the tie); through f32 it becomes exactly
    // the tie 1 + 2^-11 (the 2^-40 is lost), which rounds to even (down).
    const x = 1 + 2 ** -11 + 2 ** -40;
    expect(f64ToF16Bits(x)).toBe(0x3c01);
    expect(f32ToF16Bits(x)).toBe(0x3c00);
    for (let b = 0; b < 0x10000; b += 7) {
      const v = f16BitsToF32(b);
      if (Number.isNaN(v)) continue;
      expect(f64ToF16Bits(v)).toBe(b);
    }
    expect(f64ToF16Bits(65520)).toBe(0x7c00);
    expect(f64ToF16Bits(-(2 ** -26))).toBe(0x8000);
  });

  it('array helpers', () => {
    const v = [0, 1, -2.5, 65504, 1e-7];
    const bits = toF16Array(v);
    expect(Array.from(bits)).toEqual(v.map(f32ToF16Bits));
    expect(Array.from(fromF16Array(bits))).toEqual(v.map(roundToF16));
    expect(roundToF16(0.1)).toBe(0.0999755859375);
  });
});

describe('bf16', () => {
  it('round-trips all 65,536 bit patterns (NaNs come back quiet, with sign and payload)', () => {
    for (let b = 0; b < 0x10000; b++) {
      const v = bf16BitsToF32(b);
      const back = f32ToBf16Bits(v);
      const want = (b & 0x7f80) === 0x7f80 && (b & 0x7f) !== 0 ? b | 0x0040 : b;
      if (back !== want) throw new Error(`pattern 0x${b.toString(16)} → ${v} → 0x${back.toString(16)}`);
    }
  });

  it('known values, ties to even, overflow, NaN', () => {
    expect(f32ToBf16Bits(1)).toBe(0x3f80);
    expect(f32ToBf16Bits(-2)).toBe(0xc000);
    expect(bf16BitsToF32(0x4049)).toBe(3.140625);
    expect(f32ToBf16Bits(Math.PI)).toBe(0x4049);
    expect(f32ToBf16Bits(1 + 2 ** -8)).toBe(0x3f80); // tie: even
    expect(f32ToBf16Bits(1 + 3 * 2 ** -8)).toBe(0x3f82); // tie: up to even
    expect(f32ToBf16Bits(1 + 2 ** -8 + 2 ** -20)).toBe(0x3f81);
    expect(f32ToBf16Bits(bitsToF32(0x7f7fffff))).toBe(0x7f80); // FLT_MAX rounds to Inf
    expect(f32ToBf16Bits(bitsToF32(0x7f7f7fff))).toBe(0x7f7f); // below the halfway point
    expect(f32ToBf16Bits(bitsToF32(0x00008000))).toBe(0x0000); // subnormal tie to even
    expect(f32ToBf16Bits(bitsToF32(0x00018000))).toBe(0x0002);
    expect(f32ToBf16Bits(-Infinity)).toBe(0xff80);
    // A NaN whose payload lives only in the low 16 bits must not truncate to Inf.
    const nanBits = f32ToBf16Bits(bitsToF32(0x7f800001));
    expect(Number.isNaN(bf16BitsToF32(nanBits))).toBe(true);
    expect(Array.from(fromBf16Array(toBf16Array([1, 0.1])))).toEqual([1, roundToBf16(0.1)]);
    expect(roundToBf16(0.1)).toBe(0.10009765625);
  });

  it('is exactly truncation plus round-to-nearest-even of the f32 pattern', () => {
    let s = 99;
    for (let k = 0; k < 20000; k++) {
      s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
      const x = bitsToF32(s);
      if (Number.isNaN(x)) continue;
      const b = f32Bits(x);
      const lo = b & 0xffff;
      let want = b >>> 16;
      if (lo > 0x8000 || (lo === 0x8000 && (want & 1) === 1)) want += 1;
      expect(f32ToBf16Bits(x)).toBe(want & 0xffff);
    }
  });
});
