/**
 * Exact conversions between f32 (JS numbers rounded to binary32) and the 16-bit float formats
 * IEEE binary16 (`__half`, "f16") and bfloat16 (`__nv_bfloat16`, "bf16"), on bit patterns.
 *
 * Node 20 has no Float16Array, so half-precision buffers travel as Uint16Array bit patterns
 * (API.md). These helpers are the one place that knows the formats:
 *  - f32 → f16/bf16 rounds to nearest, ties to even, as `__float2half` / `__float2bfloat16`
 *    (`cvt.rn`) do; overflow goes to ±Inf; results below the smallest normal become subnormals
 *    (f16) with correct rounding, or ±0; NaN stays NaN (quiet, sign kept; f16 keeps the top
 *    payload bits, bf16 truncates the payload, forcing the quiet bit so it cannot become Inf).
 *  - f16/bf16 → f32 is exact (every f16 and bf16 value is an f32 value).
 * The input of the f32 → 16-bit direction is any JS number: it is first rounded to f32
 * (`Math.fround`), because that is the value a CUDA `float` would hold; converting a double
 * straight to f16 (`__double2half`) is a different, single rounding, given by `f64ToF16Bits`.
 */

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

/** The binary32 bit pattern of `x` (after rounding x to f32). */
export function f32Bits(x: number): number {
  f32[0] = x;
  return u32[0]!;
}

/** The f32 value of a binary32 bit pattern. */
export function bitsToF32(bits: number): number {
  u32[0] = bits >>> 0;
  return f32[0]!;
}

/**
 * Rounds the magnitude `m` (an f32 bit pattern without its sign) to a narrower format whose
 * significand keeps `keep` fewer low bits than f32's: round to nearest, ties to even.
 * Returns the shifted, rounded magnitude (a carry into the exponent is correct by construction:
 * the significand overflowing rounds up to the next binade, or to Inf at the top).
 */
function roundShift(m: number, drop: number): number {
  const half = 1 << (drop - 1);
  const rest = m & ((1 << drop) - 1);
  let r = m >>> drop;
  if (rest > half || (rest === half && (r & 1) === 1)) r += 1;
  return r;
}

/** f32 → f16 bits, round to nearest even. */
export function f32ToF16Bits(x: number): number {
  const b = f32Bits(x);
  const sign = (b >>> 16) & 0x8000;
  const exp = (b >>> 23) & 0xff;
  const mant = b & 0x7fffff;
  if (exp === 0xff) {
    if (mant === 0) return sign | 0x7c00; // ±Inf
    // NaN: keep the top 10 payload bits and force the quiet bit so it stays a NaN.
    return sign | 0x7e00 | (mant >>> 13);
  }
  // Unbiased exponent; f16 normal range is e in [-14, 15].
  const e = exp - 127;
  if (e > 15) return sign | 0x7c00; // overflow (also covers values that would round past max)
  if (e >= -14) {
    // Normal in f16: rebias the exponent (127 → 15) in place and round 13 significand bits away;
    // a carry out of the significand increments the exponent, up to 0x7c00 = Inf.
    const m = ((e + 15) << 23) | mant;
    return sign | roundShift(m, 13);
  }
  // Subnormal or zero in f16: value = mant24 * 2^(e-23); f16 subnormal unit is 2^-24,
  // so the result is mant24 >> (-e - 1) rounded. Below 2^-25 (half the smallest subnormal)
  // everything rounds to zero; exactly 2^-25 is a tie and rounds to even (zero).
  if (e < -25) return sign;
  const mant24 = mant | 0x800000; // exp ≠ 0 here, since f32 subnormals have e = -127
  return sign | roundShift(mant24, -e - 1);
}

/** f16 bits → f32 value (exact). */
export function f16BitsToF32(bits: number): number {
  const h = bits & 0xffff;
  const sign = h & 0x8000 ? -1 : 1;
  const exp = (h >>> 10) & 0x1f;
  const mant = h & 0x3ff;
  if (exp === 0) return sign * mant * 2 ** -24; // zero and subnormals
  if (exp === 0x1f) {
    if (mant === 0) return sign * Infinity;
    // Keep the payload (and sign) so NaN bit patterns survive a round trip through f32.
    return bitsToF32(((h & 0x8000) << 16) | 0x7f800000 | (mant << 13));
  }
  return sign * (1024 + mant) * 2 ** (exp - 25);
}

/** f32 → bf16 bits, round to nearest even. bf16 is the top half of an f32. */
export function f32ToBf16Bits(x: number): number {
  const b = f32Bits(x);
  if ((b & 0x7f800000) === 0x7f800000 && (b & 0x7fffff) !== 0) {
    // NaN: truncating could clear every payload bit left (→ Inf); force the quiet bit.
    return ((b >>> 16) | 0x0040) & 0xffff;
  }
  // Same exponent width as f32, so rounding the low 16 bits away handles normals, subnormals
  // and overflow to Inf alike (a carry out of the significand bumps the exponent).
  const sign = (b >>> 16) & 0x8000;
  return sign | roundShift(b & 0x7fffffff, 16);
}

/** bf16 bits → f32 value (exact). */
export function bf16BitsToF32(bits: number): number {
  return bitsToF32((bits & 0xffff) << 16);
}

/**
 * f64 → f16 with a single rounding (`__double2half`). Going through f32 first would round
 * twice, which differs from one rounding in rare ties; this path is exact.
 */
export function f64ToF16Bits(x: number): number {
  if (Number.isNaN(x) || !Number.isFinite(x) || x === 0) return f32ToF16Bits(x);
  const sign = x < 0 || Object.is(x, -0) ? 0x8000 : 0;
  const a = Math.abs(x);
  // Scale into units of the f16 ulp at a's binade (or the subnormal unit 2^-24) and round
  // half to even; all of this is exact in f64 because a has at most 53 significant bits.
  const e = Math.max(Math.floor(Math.log2(a)), -14);
  // log2 can be off by one at binade edges; correct it.
  let ee = e;
  if (ee > -14 && 2 ** ee > a) ee -= 1;
  else if (2 ** (ee + 1) <= a) ee += 1;
  ee = Math.max(ee, -14);
  const unit = 2 ** (ee - 10);
  const q = a / unit; // exact: division by a power of two
  let n = Math.floor(q);
  const frac = q - n;
  if (frac > 0.5 || (frac === 0.5 && n % 2 === 1)) n += 1;
  const v = n * unit;
  if (v >= 65520) return sign | 0x7c00;
  return sign | f32ToF16Bits(v); // v is exactly representable in f16, so this is exact
}

/** Converts an array of numbers to f16 bit patterns. */
export function toF16Array(values: ArrayLike<number>): Uint16Array {
  const out = new Uint16Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = f32ToF16Bits(values[i]!);
  return out;
}

/** Converts f16 bit patterns to f32 values. */
export function fromF16Array(bits: ArrayLike<number>): Float32Array {
  const out = new Float32Array(bits.length);
  for (let i = 0; i < bits.length; i++) out[i] = f16BitsToF32(bits[i]!);
  return out;
}

/** Converts an array of numbers to bf16 bit patterns. */
export function toBf16Array(values: ArrayLike<number>): Uint16Array {
  const out = new Uint16Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = f32ToBf16Bits(values[i]!);
  return out;
}

/** Converts bf16 bit patterns to f32 values. */
export function fromBf16Array(bits: ArrayLike<number>): Float32Array {
  const out = new Float32Array(bits.length);
  for (let i = 0; i < bits.length; i++) out[i] = bf16BitsToF32(bits[i]!);
  return out;
}

/** Rounds x to the nearest f16 value and returns it as a number (`__half2float(__float2half(x))`). */
export function roundToF16(x: number): number {
  return f16BitsToF32(f32ToF16Bits(x));
}

/** Rounds x to the nearest bf16 value and returns it as a number. */
export function roundToBf16(x: number): number {
  return bf16BitsToF32(f32ToBf16Bits(x));
}
