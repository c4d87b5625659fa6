/**
 * Frontend benchmarks (issue 2): preprocess+parse+check throughput on a large generated file,
 * time per example file warm, and the pathological inputs' times. Medians of several runs.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runFrontend } from '../src/frontend/index.js';
import { atLeast, atMost, type BenchResult, medianMs } from './harness.js';

const ROOT = join(import.meta.dirname, '..');

/** One unit of generated code: ~50 lines in the style of real kernels, names made unique. */
function unit(i: number): string {
  return `
#define BLOCK_${i} 256
struct Params${i} { float alpha; float beta; int n; };

__device__ __forceinline__ float warp_sum_${i}(float v) {
  for (int off = 16; off > 0; off >>= 1) v += __shfl_down_sync(0xffffffff, v, off);
  return v;
}

template <typename T>
__device__ T clamp_${i}(T x, T lo, T hi) { return x < lo ? lo : (x > hi ? hi : x); }

__global__ void saxpy_${i}(int n, float a, const float *__restrict__ x, float *__restrict__ y) {
  for (int idx = blockIdx.x * blockDim.x + threadIdx.x; idx < n; idx += blockDim.x * gridDim.x) {
    y[idx] = a * x[idx] + y[idx];
  }
}

__global__ void reduce_${i}(const float *in, float *out, int n) {
  __shared__ float buf[BLOCK_${i}];
  unsigned tid = threadIdx.x;
  unsigned i = blockIdx.x * blockDim.x * 2 + threadIdx.x;
  float s = 0.0f;
  if (i < n) s += in[i];
  if (i + blockDim.x < n) s += in[i + blockDim.x];
  buf[tid] = s;
  __syncthreads();
  for (unsigned stride = blockDim.x / 2; stride > 32; stride >>= 1) {
    if (tid < stride) buf[tid] += buf[tid + stride];
    __syncthreads();
  }
  if (tid < 32) {
    float v = buf[tid] + buf[tid + 32];
    v = warp_sum_${i}(v);
    if (tid == 0) out[blockIdx.x] = v;
  }
}

__global__ void scale_${i}(Params${i} p, float *y) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < p.n) y[i] = clamp_${i}<float>(p.alpha * y[i] + p.beta, -1.0f, 1.0f);
}
`;
}

export function generatedSource(minLines: number): { text: string; lines: number } {
  const parts = ['#include <cuda_runtime.h>\n'];
  let lines = 2;
  for (let i = 0; lines < minLines; i++) {
    const u = unit(i);
    parts.push(u);
    lines += u.split('\n').length - 1;
  }
  const text = parts.join('');
  return { text, lines: text.split('\n').length };
}

function exampleFiles(): string[] {
  const dir = join(ROOT, 'examples');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.cu'))
    .map((f) => join(dir, f));
}

export async function benchFrontend(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];

  const { text, lines } = generatedSource(100_000);
  const stages = ['preprocess', 'parse', 'check'] as const;
  const ms: Record<string, number> = {};
  for (const s of stages) ms[s] = medianMs(() => runFrontend(text, { filename: 'gen.cu', stopAfter: s }), 5, 1);
  const check = runFrontend(text, { filename: 'gen.cu' });
  if (!check.ok) throw new Error(`generated benchmark source does not compile: ${check.diagnostics.resolve()[0]?.message}`);
  const lps = Math.round(lines / (ms['check']! / 1000));
  results.push({ name: `frontend throughput, preprocess+parse+check (${lines} generated lines)`, value: lps, unit: 'lines/s', ...atLeast(lps, 200_000) });
  results.push({ name: '  of which preprocess', value: Math.round(lines / (ms['preprocess']! / 1000)), unit: 'lines/s' });
  results.push({ name: '  preprocess+parse', value: Math.round(lines / (ms['parse']! / 1000)), unit: 'lines/s' });

  const perFile: { file: string; ms: number }[] = [];
  for (const f of exampleFiles()) {
    const src = readFileSync(f, 'utf8');
    perFile.push({ file: f, ms: medianMs(() => runFrontend(src, { filename: f }), 21, 5) });
  }
  perFile.sort((a, b) => a.ms - b.ms);
  const median = perFile[perFile.length >> 1]!.ms;
  const worst = perFile[perFile.length - 1]!;
  results.push({ name: `time per example file, warm (median of ${perFile.length} files)`, value: +median.toFixed(3), unit: 'ms', ...atMost(median, 5) });
  results.push({ name: `  slowest example (${worst.file.split('/').pop()})`, value: +worst.ms.toFixed(3), unit: 'ms' });

  for (const [name, src] of pathological()) {
    const t = medianMs(() => runFrontend(src, { filename: 'p.cu' }), 3, 0);
    results.push({ name: `pathological: ${name}`, value: +t.toFixed(1), unit: 'ms', ...atMost(t, 5000) });
  }
  return results;
}

function pathological(): [string, string][] {
  const n = 20_000;
  let expo = '#define a0 1\n';
  for (let i = 1; i <= 40; i++) expo += `#define a${i} a${i - 1} + a${i - 1}\n`;
  let big = '';
  for (let i = 0; big.length < 5_000_000; i++)
    big += `__global__ void k${i}(float *y, const float *x, float a, int n) {\n  int i = blockIdx.x * blockDim.x + threadIdx.x;\n  if (i < n) y[i] = a * x[i] + y[i];\n}\n`;
  let s = 7;
  let bytes = '';
  for (let i = 0; i < 1_000_000; i++) {
    s = (s * 1103515245 + 12345) >>> 0;
    bytes += String.fromCharCode(1 + ((s >>> 16) % 255));
  }
  return [
    ['20,000 nested parentheses', `__global__ void k(int *p) { p[0] = ${'('.repeat(n)}1${')'.repeat(n)}; }\n`],
    ['macro expanding to itself', '#define x x + 1\n__global__ void k(int *p) { p[0] = x; }\n'],
    ['exponential macro expansion', expo + '__global__ void k(int *p) { p[0] = a40; }\n'],
    ['unterminated comment', '__global__ void k(float *x) { /* never closed\n' + 'x[0] = 1;\n'.repeat(10000)],
    ['5 MB file', big],
    ['1 MB of random bytes', bytes],
  ];
}
