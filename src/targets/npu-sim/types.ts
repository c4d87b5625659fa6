/**
 * Element types of the NPU and their exact arithmetic helpers: sizes, classes, the rounding of
 * every result to its type (f32 via Math.fround, f16/bf16 through src/support/half.ts, integers
 * by wraparound) and decode tables (a 65,536-entry table per 16-bit float format, so the cube
 * and the vector unit decode an operand with one load).
 */
import { bf16BitsToF32, f16BitsToF32, f32ToBf16Bits, f32ToF16Bits, f64ToF16Bits } from '../../support/half.js';

export type ElemType = 'i8' | 'u8' | 'i16' | 'u16' | 'i32' | 'u32' | 'i64' | 'u64' | 'f16' | 'bf16' | 'f32';

export interface ElemInfo {
  readonly size: number;
  readonly float: boolean;
  readonly signed: boolean;
  readonly bits: number;
}

export const ELEM: Readonly<Record<ElemType, ElemInfo>> = {
  i8: { size: 1, float: false, signed: true, bits: 8 },
  u8: { size: 1, float: false, signed: false, bits: 8 },
  i16: { size: 2, float: false, signed: true, bits: 16 },
  u16: { size: 2, float: false, signed: false, bits: 16 },
  i32: { size: 4, float: false, signed: true, bits: 32 },
  u32: { size: 4, float: false, signed: false, bits: 32 },
  i64: { size: 8, float: false, signed: true, bits: 64 },
  u64: { size: 8, float: false, signed: false, bits: 64 },
  f16: { size: 2, float: true, signed: true, bits: 16 },
  bf16: { size: 2, float: true, signed: true, bits: 16 },
  f32: { size: 4, float: true, signed: true, bits: 32 },
};

export const ELEM_TYPES = Object.keys(ELEM) as ElemType[];

export function isElemType(s: string): s is ElemType {
  return Object.prototype.hasOwnProperty.call(ELEM, s);
}

/** f16 bits → value, for every pattern (built once, 256 KiB). */
export const F16_TABLE: Float32Array = (() => {
  const t = new Float32Array(65536);
  for (let i = 0; i < 65536; i++) t[i] = f16BitsToF32(i);
  return t;
})();

/** bf16 bits → value. */
export const BF16_TABLE: Float32Array = (() => {
  const t = new Float32Array(65536);
  for (let i = 0; i < 65536; i++) t[i] = bf16BitsToF32(i);
  return t;
})();

/**
 * Rounds an exact-or-double result to a float type's value. For f16/bf16 the results of + − × ÷
 * √ of operands of that type are computed in f64 and rounded once (f64 → f16 directly; bf16 via
 * f32, which is innocuous since 24 ≥ 2·8 + 2).
 */
export function roundTo(t: 'f16' | 'bf16' | 'f32', x: number): number {
  if (t === 'f32') return Math.fround(x);
  if (t === 'f16') return F16_TABLE[f64ToF16Bits(x)]!;
  return BF16_TABLE[f32ToBf16Bits(Math.fround(x))]!;
}

/** The 16-bit pattern of a value already representable (or to be rounded) in f16/bf16. */
export function encode16(t: 'f16' | 'bf16', x: number): number {
  return t === 'f16' ? f64ToF16Bits(x) : f32ToBf16Bits(Math.fround(x));
}

export { f32ToF16Bits, f32ToBf16Bits };

/**
 * fma rounded once to f32: a·b + c for f32 operands. a·b is exact in f64 (48 significant bits);
 * the sum is rounded to f64 and then to f32, which can round twice only when the f64 sum lands
 * exactly on an f32 midpoint while the exact sum does not: TwoSum recovers the f64 error and
 * breaks that tie in its direction.
 */
export function fmaF32(a: number, b: number, c: number): number {
  const p = a * b;
  const s = p + c;
  if (!Number.isFinite(s)) return Math.fround(s);
  const bb = s - p;
  const err = p - (s - bb) + (c - bb);
  const r = Math.fround(s);
  if (err === 0 || r === s) return r;
  const other = 2 * s - r;
  if (other === r || Math.fround(other) !== other) return r; // s was not a midpoint
  return err > 0 ? Math.max(r, other) : Math.min(r, other);
}

/** fma of f16/bf16 operands: computed as an f32 fma, then rounded to the type (documented). */
export function fmaTo(t: 'f16' | 'bf16' | 'f32', a: number, b: number, c: number): number {
  const r = fmaF32(a, b, c);
  return t === 'f32' ? r : roundTo(t, r);
}

/** Integer wraparound of a number result to a ≤32-bit integer type. */
export function wrapInt(t: ElemType, v: number): number {
  switch (t) {
    case 'i8': return (v << 24) >> 24;
    case 'u8': return v & 0xff;
    case 'i16': return (v << 16) >> 16;
    case 'u16': return v & 0xffff;
    case 'i32': return v | 0;
    case 'u32': return v >>> 0;
    default: throw new Error(`internal: wrapInt(${t})`);
  }
}

/** Float → integer conversion: round as asked, saturate to the type, NaN → 0. */
export function floatToInt(t: ElemType, x: number, mode: RoundMode): number | bigint {
  const info = ELEM[t];
  if (Number.isNaN(x)) return info.bits === 64 ? 0n : 0;
  const r = roundWith(x, mode);
  if (info.bits === 64) {
    const lo = info.signed ? -(2n ** 63n) : 0n;
    const hi = info.signed ? 2n ** 63n - 1n : 2n ** 64n - 1n;
    if (r === Infinity) return hi;
    if (r === -Infinity) return lo;
    const b = BigInt(r);
    return b < lo ? lo : b > hi ? hi : b;
  }
  const lo = info.signed ? -(2 ** (info.bits - 1)) : 0;
  const hi = info.signed ? 2 ** (info.bits - 1) - 1 : 2 ** info.bits - 1;
  return r < lo ? lo : r > hi ? hi : r;
}

export type RoundMode = 'rn' | 'rz' | 'rd' | 'ru' | 'ra';
export const ROUND_MODES: readonly RoundMode[] = ['rn', 'rz', 'rd', 'ru', 'ra'];

/** Rounds to an integer: to nearest even, toward zero, down, up, or to nearest away from zero. */
export function roundWith(x: number, mode: RoundMode): number {
  switch (mode) {
    case 'rz': return Math.trunc(x);
    case 'rd': return Math.floor(x);
    case 'ru': return Math.ceil(x);
    case 'ra': return Math.sign(x) * Math.round(Math.abs(x));
    case 'rn': {
      const f = Math.floor(x);
      const d = x - f;
      if (d > 0.5) return f + 1;
      if (d < 0.5) return f;
      return f % 2 === 0 ? f : f + 1;
    }
  }
}

/** Signed/unsigned 64-bit wrap of a bigint. */
export function wrap64(signed: boolean, v: bigint): bigint {
  return signed ? BigInt.asIntN(64, v) : BigInt.asUintN(64, v);
}
