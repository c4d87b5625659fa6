// The example programs of examples/npu, run small: bit-exact results, and the timing relations
// the full-size figures (bench/npu-sim.ts) show in the large.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { packA, packB, randomF16, referenceGemm, runAsm } from '../../../src/targets/npu-sim/index.js';

const dir = join(dirname(fileURLToPath(import.meta.url)), '../../../examples/npu');
const src = (f: string) => readFileSync(join(dir, f), 'utf8');

describe('examples/npu', () => {
  it('vadd_single.s and vadd_double.s add exactly; double-buffering is faster', () => {
    const n = 4096 * 96;
    const a = new Float32Array(n).map((_, i) => i / 3), b = new Float32Array(n).map((_, i) => -i / 7);
    const cycles: number[] = [];
    for (const f of ['vadd_single.s', 'vadd_double.s']) {
      const r = runAsm(src(f), [a, b, new Float32Array(n), n], { filename: f });
      const c = new Float32Array(r.buffers[2]!.buffer);
      expect(c.every((x, i) => x === Math.fround(a[i]! + b[i]!))).toBe(true);
      cycles.push(r.stats.cycles);
    }
    expect(cycles[1]).toBeLessThan(cycles[0]!);
  });
  it('gemm_double.s and gemm_single.s are bit-exact at 256³ (full tiles and half tiles)', () => {
    const S = 256;
    const a = randomF16(S * S, 3), b = randomF16(S * S, 4);
    const ref = referenceGemm(a, b, S, S, S);
    for (const f of ['gemm_double.s', 'gemm_single.s']) {
      const r = runAsm(src(f), [packA(a, S, S), packB(b, S, S), new Float32Array(S * S), S, S, S], { filename: f });
      expect(Array.from(new Float32Array(r.buffers[2]!.buffer))).toEqual(Array.from(ref));
    }
  });
  it('gemm on a rectangular problem (M 384, N 512, K 128), timing-only agrees on work', () => {
    const M = 384, N = 512, K = 128;
    const a = randomF16(M * K, 5), b = randomF16(K * N, 6);
    const r = runAsm(src('gemm_double.s'), [packA(a, M, K), packB(b, K, N), new Float32Array(M * N), M, N, K], { filename: 'g' });
    expect(Array.from(new Float32Array(r.buffers[2]!.buffer))).toEqual(Array.from(referenceGemm(a, b, M, N, K)));
    const t = runAsm(src('gemm_double.s'), [packA(a, M, K), packB(b, K, N), new Float32Array(M * N), M, N, K], { filename: 'g', functional: false });
    expect(t.stats.cycles).toBe(r.stats.cycles);
    expect(t.stats.cube.macs).toBe(M * N * K);
  });
  it('dma_copy.s copies for every burst size; longer bursts are faster', () => {
    const n = 32768 * 24;
    const s = new Uint8Array(n + 512).map((_, i) => i * 7);
    const cycles: number[] = [];
    for (const [burst, off] of [[64, 0], [1024, 0], [1024, 32]] as const) {
      const r = runAsm(src('dma_copy.s'), [s, new Uint8Array(n), n, burst, off], { filename: 'dma_copy.s' });
      expect(Buffer.compare(r.buffers[1]!, s.subarray(off, off + n))).toBe(0);
      cycles.push(r.stats.cycles);
    }
    expect(cycles[1]).toBeLessThan(cycles[0]!);
  });
});
