/**
 * Host-side data for the cube GEMM (examples/npu/gemm_*.s): packing of A and B into the
 * tile-major layouts the kernels read, and the bit-exact reference (the cube's semantics: per
 * output element, k ascending, C = round_f32(C + a·b)).
 */
import { F16_TABLE } from './types.js';
import { Mulberry32 } from '../../support/prng.js';
import { f32ToF16Bits } from '../../support/half.js';

/** M×K (or K×N) f16 bits, uniform in [-1, 1) on the f16 grid, deterministic per seed. */
export function randomF16(count: number, seed: number): Uint16Array {
  const rng = new Mulberry32(seed);
  const out = new Uint16Array(count);
  for (let i = 0; i < count; i++) out[i] = f32ToF16Bits(rng.nextUnitBits(11));
  return out;
}

/** A (M×K row-major) → [M/128][K/64][128][64]. */
export function packA(a: Uint16Array, M: number, K: number): Uint16Array {
  const out = new Uint16Array(M * K);
  let o = 0;
  for (let mi = 0; mi < M / 128; mi++)
    for (let kb = 0; kb < K / 64; kb++)
      for (let r = 0; r < 128; r++)
        for (let c = 0; c < 64; c++) out[o++] = a[(mi * 128 + r) * K + kb * 64 + c]!;
  return out;
}

/** B (K×N row-major) → [N/256][K/64][64][256]. */
export function packB(b: Uint16Array, K: number, N: number): Uint16Array {
  const out = new Uint16Array(K * N);
  let o = 0;
  for (let nj = 0; nj < N / 256; nj++)
    for (let kb = 0; kb < K / 64; kb++)
      for (let r = 0; r < 64; r++)
        for (let c = 0; c < 256; c++) out[o++] = b[(kb * 64 + r) * N + nj * 256 + c]!;
  return out;
}

/** The reference C (f32 M×N) with the cube's rounding. */
export function referenceGemm(a: Uint16Array, b: Uint16Array, M: number, N: number, K: number): Float32Array {
  const c = new Float32Array(M * N);
  const bd = new Float32Array(K * N);
  for (let i = 0; i < K * N; i++) bd[i] = F16_TABLE[b[i]!]!;
  for (let i = 0; i < M; i++)
    for (let k = 0; k < K; k++) {
      const av = F16_TABLE[a[i * K + k]!]!;
      for (let j = 0; j < N; j++) c[i * N + j] = c[i * N + j]! + av * bd[k * N + j]!;
    }
  return c;
}
