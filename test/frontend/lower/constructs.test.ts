/**
 * Focused lowering tests, one construct each: each kernel is lowered, verified, and run on the
 * interpreter (sanitizer on) against values computed by hand.
 */
import { describe, expect, it } from 'vitest';
import { lowerSource } from '../../../src/frontend/lower/index.js';
import { printModule, walkOps } from '../../../src/ir/index.js';
import { lowerOk, runKernel } from './helpers.js';

function run1(src: string, kernel: string, args: (number | Int32Array | Float32Array | Uint32Array)[], o: { grid?: number; block?: number; sharedBytes?: number } = {}) {
  const { module, kernels } = lowerOk(src);
  const k = kernels.find((x) => x.name === kernel)!;
  const r = runKernel(module, k.func, { ...o, args });
  expect(r.faults.map((f) => f.message)).toEqual([]);
  return r;
}

describe('expressions', () => {
  it('short-circuit && and || skip the right operand', () => {
    const src = `
__device__ int hits;
__device__ bool touch(int* c) { (*c)++; return true; }
__global__ void k(int* out) {
  int c = 0;
  int t = threadIdx.x;
  bool a = (t > 1) && touch(&c);
  bool b = (t > 1) || touch(&c);
  out[t * 3] = a; out[t * 3 + 1] = b; out[t * 3 + 2] = c;
}`;
    const r = run1(src, 'k', [new Int32Array(12)], { block: 4 });
    expect([...r.out[0]!]).toEqual([0, 1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1]);
  });

  it('?: as rvalue and lvalue, comma, pre/post increment', () => {
    const src = `
__global__ void k(int* out) {
  int t = threadIdx.x;
  int a = 10, b = 20;
  (t & 1 ? a : b) = 5;
  int x = (a++, b++);
  int y = ++a + b--;
  out[t * 4] = a; out[t * 4 + 1] = b; out[t * 4 + 2] = x; out[t * 4 + 3] = y + (t ? 1 : 2);
}`;
    const r = run1(src, 'k', [new Int32Array(8)], { block: 2 });
    // t=0: b=5 → x=5, a=11→12, b=6, y=12+6=18, then b=5; t=1: a=5 → a=6→7, b=20→21; y=7+21=28; b=20
    expect([...r.out[0]!]).toEqual([12, 5, 5, 20, 7, 20, 20, 29]);
  });

  it('compound assignment on struct members, arrays of structs and vector members', () => {
    const src = `
struct P { int a; float b; int arr[3]; };
__global__ void k(int* out, float* fo) {
  P p = {1, 2.0f, {1, 2, 3}};
  P ps[2];
  ps[1] = p;
  ps[1].a += 4; ps[1].b *= 3.0f; ps[1].arr[2] <<= 2; p.arr[0] -= 7;
  float4 v = make_float4(1.0f, 2.0f, 3.0f, 4.0f);
  v.y += 0.5f; v.w /= 2.0f;
  out[0] = ps[1].a; out[1] = ps[1].arr[2]; out[2] = p.arr[0]; out[3] = p.a;
  fo[0] = ps[1].b; fo[1] = v.y; fo[2] = v.w;
}`;
    const r = run1(src, 'k', [new Int32Array(4), new Float32Array(3)]);
    expect([...r.out[0]!]).toEqual([5, 12, -6, 1]);
    expect([...r.out[1]!]).toEqual([6, 2.5, 2]);
  });

  it('pointer arithmetic: ptr ± int, ptr − ptr, increments, comparison', () => {
    const src = `
__global__ void k(int* data, long* out) {
  int* p = data + 5;
  int* q = p - 2;
  q++;
  --p;
  out[0] = p - data;
  out[1] = *q;
  out[2] = (p == q) ? 1 : 0;
  int* e = data + 8;
  long s = 0;
  for (int* it = data; it < e; it += 2) s += *it;
  out[3] = s;
}`;
    const { module, kernels } = lowerOk(src);
    const data = new Int32Array([0, 10, 20, 30, 40, 50, 60, 70]);
    const r = runKernel(module, kernels[0]!.func, { args: [data, new Int32Array(8)] });
    expect(r.faults).toEqual([]);
    const out = new BigInt64Array(r.out[1]!.buffer);
    expect([...out]).toEqual([4n, 40n, 1n, 120n]);
  });

  it('casts, bit casts, unsigned/signed mixing and shifts', () => {
    const src = `
__global__ void k(int* out) {
  unsigned u = 0xffffffffu;
  int i = -8;
  out[0] = (int)(u >> 28);
  out[1] = i >> 1;
  out[2] = (unsigned)i >> 28;
  out[3] = __float_as_int(1.0f);
  out[4] = (int)(-2.7f);
  out[5] = (char)300;
  out[6] = 7 / -2;
  out[7] = 7 % -2;
}`;
    const r = run1(src, 'k', [new Int32Array(8)]);
    expect([...r.out[0]!]).toEqual([15, -4, 15, 0x3f800000, -2, 44, -3, 1]);
  });
});

describe('statements', () => {
  it('switch with fallthrough, default in the middle, break', () => {
    const src = `
__global__ void k(int* out) {
  int t = threadIdx.x;
  int r = 0;
  switch (t) {
    case 0: r += 1;
    case 1: r += 10; break;
    default: r += 100;
    case 3: r += 1000; break;
    case 4: { r = -1; break; }
  }
  out[t] = r;
}`;
    const r = run1(src, 'k', [new Int32Array(6)], { block: 6 });
    expect([...r.out[0]!]).toEqual([11, 10, 1100, 1000, -1, 1100]);
  });

  it('continue inside a switch inside a loop continues the loop', () => {
    const src = `
__global__ void k(int* out) {
  int s = 0;
  for (int i = 0; i < 6; i++) {
    switch (i % 3) {
      case 0: continue;
      case 1: s += 1; break;
      default: s += 10;
    }
    s += 100;
  }
  out[0] = s;
}`;
    const r = run1(src, 'k', [new Int32Array(1)]);
    expect(r.out[0]![0]).toBe(2 * 111 + 200);
  });

  it('nested loops with break and continue; while and do/while', () => {
    const src = `
__global__ void k(int* out) {
  int s = 0;
  for (int i = 0; i < 5; i++) {
    if (i == 3) continue;
    for (int j = 0; ; j++) {
      if (j > i) break;
      if (j == 1) continue;
      s += j * 10 + i;
    }
  }
  int n = 0, w = 0;
  while (n < 10) { n += 3; if (n == 6) continue; w += n; }
  int d = 0, cnt = 0;
  do { cnt++; if (cnt == 2) continue; d += cnt; } while (cnt < 4);
  out[0] = s; out[1] = w; out[2] = d; out[3] = cnt;
}`;
    const r = run1(src, 'k', [new Int32Array(4)]);
    let s = 0;
    for (let i = 0; i < 5; i++) {
      if (i === 3) continue;
      for (let j = 0; ; j++) {
        if (j > i) break;
        if (j === 1) continue;
        s += j * 10 + i;
      }
    }
    expect([...r.out[0]!]).toEqual([s, 3 + 9 + 12, 1 + 3 + 4, 4]);
  });

  it('early return from kernels and device functions', () => {
    const src = `
__device__ int classify(int x) {
  if (x < 0) return -1;
  for (int i = 0; i < 10; i++) if (i * i >= x) return i;
  return 99;
}
__global__ void k(int* out, int n) {
  int t = threadIdx.x;
  if (t >= n) return;
  out[t] = classify(t * 7 - 3);
}`;
    const r = run1(src, 'k', [new Int32Array(8).fill(-5), 6], { block: 8 });
    expect([...r.out[0]!]).toEqual([-1, 2, 4, 5, 5, 6, -5, -5]);
  });
});

describe('memory', () => {
  it('dynamic shared memory and static shared arrays with barriers', () => {
    const src = `
__global__ void k(const float* in, float* out) {
  extern __shared__ float buf[];
  __shared__ int tile[2][4];
  int t = threadIdx.x;
  buf[t] = in[t] * 2.0f;
  tile[t / 4][t % 4] = t;
  __syncthreads();
  out[t] = buf[blockDim.x - 1 - t] + tile[(7 - t) / 4][(7 - t) % 4];
}`;
    const input = Float32Array.from({ length: 8 }, (_, i) => i);
    const r = run1(src, 'k', [input, new Float32Array(8)], { block: 8, sharedBytes: 32 });
    expect([...r.out[1]!]).toEqual(Array.from({ length: 8 }, (_, t) => (7 - t) * 2 + (7 - t)));
  });

  it('references, device calls with struct values, __constant__ data', () => {
    const src = `
__constant__ int coef[3] = {2, 3, 4};
struct V { float x, y; };
__device__ void bump(int& r, int by) { r += by; }
__device__ V scale(V v, float s) { v.x *= s; v.y *= s; return v; }
__global__ void k(int* out, float* fo) {
  int a = 1;
  int& ra = a;
  bump(ra, coef[1]);
  bump(out[0], coef[2]);
  V v = {1.0f, 2.0f};
  V w = scale(v, 3.0f);
  out[1] = a;
  fo[0] = w.x; fo[1] = w.y;
}`;
    const r = run1(src, 'k', [new Int32Array([10, 0]), new Float32Array(2)]);
    expect([...r.out[0]!]).toEqual([14, 4]);
    expect([...r.out[1]!]).toEqual([3, 6]);
  });

  it('atomics, warp votes and shuffles, cooperative groups reduce', () => {
    const src = `
#include <cooperative_groups.h>
namespace cg = cooperative_groups;
__global__ void k(int* out) {
  cg::thread_block blk = cg::this_thread_block();
  cg::thread_block_tile<32> w = cg::tiled_partition<32>(blk);
  int t = threadIdx.x;
  atomicAdd(&out[0], 1);
  atomicMax(&out[1], t);
  unsigned m = __ballot_sync(0xffffffffu, t & 1);
  int s = cg::reduce(w, t, cg::plus<int>());
  int up = __shfl_down_sync(0xffffffffu, t, 1);
  if (t == 0) { out[2] = (int)m; out[3] = s; out[4] = up; out[5] = w.thread_rank() + w.size(); }
  blk.sync();
}`;
    const r = run1(src, 'k', [new Int32Array(6)], { block: 32 });
    expect([...r.out[0]!]).toEqual([32, 31, 0xaaaaaaaa | 0, 496, 1, 32]);
  });

  it('printf and assert', () => {
    const src = `
#include <cstdio>
#include <cassert>
__global__ void k(int n) {
  printf("t=%d n=%d f=%.2f\\n", (int)threadIdx.x, n, 1.5f);
  assert(n > 0);
}`;
    const { module, kernels } = lowerOk(src);
    const r = runKernel(module, kernels[0]!.func, { block: 2, args: [3] });
    expect(r.printf).toBe('t=0 n=3 f=1.50\nt=1 n=3 f=1.50\n');
    const bad = runKernel(module, kernels[0]!.func, { block: 1, args: [0] });
    expect(bad.faults.map((f) => f.kind)).toContain('assert');
  });

  it('math, half and integer intrinsics', () => {
    const src = `
#include <cuda_fp16.h>
__global__ void k(float* fo, int* io) {
  __half h = __float2half(1.5f);
  __half g = __hadd(h, __hmul(h, h));
  fo[0] = __half2float(g);
  fo[1] = sqrtf(16.0f) + fabsf(-1.0f) + fminf(2.0f, 3.0f);
  fo[2] = __expf(0.0f);
  io[0] = __popc(0xf0u) + __clz(1) * 100;
  io[1] = min(3, -4) + max(2u, 5u);
}`;
    const r = run1(src, 'k', [new Float32Array(3), new Int32Array(2)]);
    expect([...r.out[0]!]).toEqual([3.75, 7, 1]);
    expect([...r.out[1]!]).toEqual([4 + 3100, 1]);
  });
});

describe('diagnostics', () => {
  it('an unsupported construct is a diagnostic, not a crash', () => {
    // device-side malloc has no lowering (no device heap in KIR yet)
    const r = lowerSource(`__global__ void k(float* o) { float* p = (float*)malloc(16); o[0] = p[0]; }`, { filename: 'x.cu' });
    const codes = r.diagnostics.list.map((d) => d.code);
    expect(codes).toContain('KCC4002');
  });

  it('every op carries a location', () => {
    const { module } = lowerOk(`__global__ void k(int* o) { for (int i = 0; i < 3; i++) o[i] = i; }`);
    const missing: string[] = [];
    for (const f of module.funcs) walkOps(f.body, (op) => void (op.loc || missing.push(op.name)));
    expect(missing).toEqual([]);
    expect(printModule(module)).toContain('loc("test.cu":1:');
  });
});
