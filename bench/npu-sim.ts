/**
 * NPU simulator figures (issue 7), on the dv910b preset (24 cores):
 *  - fp32 vector add over 64 MiB per array, single- vs double-buffered: % of the HBM roofline
 *  - fp16 GEMM 2048³ on the cube, multi-buffered vs single-buffered: % of cube peak, TFLOP/s.
 *    The 2048³ runs are timing-only (8.6 G MACs are too many to compute in JS in seconds); the
 *    same program is checked bit-exact with the functional model at 256³ (mismatch count).
 *  - DMA efficiency vs burst size (aligned, and starting off a 512-byte line)
 *  - simulator speed: simulated instructions/s and cycles/s, and the 2048³ GEMM's wall time
 * Runnable standalone: `node --import ./scripts/register-ts.mjs bench/npu-sim.ts`.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assembleOrThrow, makeConfig, packA, packB, randomF16, referenceGemm, simulate, type SimResult } from '../src/targets/npu-sim/index.js';
import { atLeast, atMost, type BenchResult } from './harness.js';

const dir = join(dirname(fileURLToPath(import.meta.url)), '../examples/npu');
const program = (name: string) => assembleOrThrow(readFileSync(join(dir, `${name}.s`), 'utf8'), { filename: `${name}.s` });
const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;

function vadd(name: string): SimResult {
  const n = (64 << 20) / 4;
  const a = new Float32Array(n), b = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    a[i] = i * 0.25;
    b[i] = 1 - i;
  }
  const r = simulate(program(name), [a, b, new Float32Array(n), n]);
  const c = new Float32Array(r.buffers[2]!.buffer);
  for (let i = 0; i < n; i += 4099) if (c[i] !== Math.fround(a[i]! + b[i]!)) throw new Error(`${name}: wrong result at ${i}`);
  return r;
}

function gemm(name: string, size: number, functional: boolean): { r: SimResult; mismatches: number } {
  const a = randomF16(size * size, 1), b = randomF16(size * size, 2);
  const r = simulate(program(name), [packA(a, size, size), packB(b, size, size), new Float32Array(size * size), size, size, size], { functional });
  let mismatches = 0;
  if (functional) {
    const ref = referenceGemm(a, b, size, size, size);
    const c = new Float32Array(r.buffers[2]!.buffer);
    for (let i = 0; i < ref.length; i++) if (c[i] !== ref[i]) mismatches++;
  }
  return { r, mismatches };
}

function dmaCopy(burst: number, off: number, config?: ReturnType<typeof makeConfig>): SimResult {
  const n = 16 << 20;
  return simulate(program('dma_copy'), [new Uint8Array(n + 512), new Uint8Array(n), n, burst, off], { config });
}

export async function benchNpuSim(): Promise<BenchResult[]> {
  const out: BenchResult[] = [];
  const single = vadd('vadd_single');
  const double = vadd('vadd_double');
  out.push({ name: 'vadd f32 64 MiB, single-buffered: % of HBM roofline', value: round(single.stats.hbmUtilisation), unit: '%', note: `${round(single.stats.timeUs)} µs` });
  out.push({ name: 'vadd f32 64 MiB, double-buffered: % of HBM roofline', value: round(double.stats.hbmUtilisation), unit: '%', note: `${round(double.stats.timeUs)} µs`, ...atLeast(round(double.stats.hbmUtilisation), 90) });

  const check = gemm('gemm_double', 256, true);
  out.push({ name: 'GEMM f16 256³ functional check: mismatching elements', value: check.mismatches, unit: 'elements', note: 'bit-exact vs the reference', ...atMost(check.mismatches, 0) });
  const t0 = performance.now();
  const g2 = gemm('gemm_double', 2048, false).r;
  const wall = (performance.now() - t0) / 1000;
  const g1 = gemm('gemm_single', 2048, false).r;
  out.push({ name: 'GEMM f16 2048³ multi-buffered: % of cube peak', value: round(g2.stats.cube.utilisation), unit: '%', note: `timing-only, ${round(g2.stats.tflops)} TFLOP/s, ${round(g2.stats.timeUs)} µs`, ...atLeast(round(g2.stats.cube.utilisation), 85) });
  out.push({ name: 'GEMM f16 2048³ single-buffered: % of cube peak', value: round(g1.stats.cube.utilisation), unit: '%', note: `timing-only, ${round(g1.stats.tflops)} TFLOP/s, ${round(g1.stats.timeUs)} µs` });
  out.push({ name: 'GEMM f16 2048³ multi- vs single-buffered speed-up', value: round(g1.stats.cycles / g2.stats.cycles, 2), unit: '×', ...atLeast(round(g1.stats.cycles / g2.stats.cycles, 2), 1.5) });
  out.push({ name: 'GEMM f16 2048³ simulation wall time', value: round(wall, 2), unit: 's', note: 'timing-only, includes assembling and data packing', ...atMost(round(wall, 2), 10) });
  out.push({ name: 'simulator speed (GEMM 2048³, timing-only)', value: Math.round(g2.stats.simulatedInstructionsPerSecond), unit: 'instr/s', note: `${Math.round(g2.stats.simulatedCyclesPerSecond).toLocaleString('en-US')} cycles/s` });
  out.push({ name: 'simulator speed (vadd 64 MiB double-buffered, functional)', value: Math.round(double.stats.simulatedInstructionsPerSecond), unit: 'instr/s', note: `${Math.round(double.stats.simulatedCyclesPerSecond).toLocaleString('en-US')} cycles/s` });

  for (const burst of [32, 64, 128, 256, 512, 1024, 4096, 32768]) {
    // useful bytes (read + written) per cycle against the HBM peak
    const useful = (s: SimResult['stats']) => round((100 * (s.gmBytesRead + s.gmBytesWritten)) / s.cycles / s.hbmPeakBytesPerCycle);
    const aligned = dmaCopy(burst, 0).stats;
    const off = dmaCopy(burst, 32).stats;
    out.push({
      name: `DMA copy 16 MiB in ${burst}-byte bursts: useful bandwidth, % of HBM peak`,
      value: useful(aligned),
      unit: '%',
      note: `source 32 B off the 512-B lines: ${useful(off)}%`,
    });
  }
  // Without the L2, the line penalty of bursts that start off a 512-byte line is paid in HBM
  // bandwidth (with it, the extra line is the next burst's, served by the L2).
  const noL2 = makeConfig({ l2: { bytes: 0 } });
  for (const burst of [512, 4096]) {
    const useful = (s: SimResult['stats']) => round((100 * (s.gmBytesRead + s.gmBytesWritten)) / s.cycles / s.hbmPeakBytesPerCycle);
    out.push({
      name: `DMA copy 16 MiB in ${burst}-byte bursts, L2 disabled: useful bandwidth, % of HBM peak`,
      value: useful(dmaCopy(burst, 0, noL2).stats),
      unit: '%',
      note: `source 32 B off the 512-B lines: ${useful(dmaCopy(burst, 32, noL2).stats)}%`,
    });
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const r of await benchNpuSim()) console.log(`${r.name}: ${r.value} ${r.unit}${r.note ? ` (${r.note})` : ''}${r.goal ? ` [goal ${r.goal}: ${r.pass ? 'met' : 'NOT met'}]` : ''}`);
}
