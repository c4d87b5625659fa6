/**
 * Root causes found by running kcc on real CUDA files (llm.c, cuda-samples, Rodinia,
 * HeCBench, PolyBench): each test is a small snippet of the pattern, written for kcc.
 */
import { describe, expect, it } from 'vitest';
import { checkSource, fn, ok } from './helpers.js';

const kernelNames = (src: string, opts: Parameters<typeof checkSource>[1] = {}): string[] => checkSource(src, opts).program.kernels.map((k) => k.name);

describe('host declarations kcc cannot express (lenient host code)', () => {
  it('a host global of a type from a skipped header is set aside with a note', () => {
    const r = checkSource('#include <cublas_v2.h>\ncublasHandle_t h;\n__global__ void k(float *x) { x[0] = 1; }\nvoid use() { cublasDestroy(h); }');
    expect(r.errors).toEqual([]);
    expect(r.messages.some((m) => m.startsWith("KCC3119 host declaration of 'h' set aside"))).toBe(true);
    expect(fn(r.program, 'use').notRunnable).toBeDefined();
  });
  it('a host function parameter of an unknown type: not runnable, no error', () => {
    const r = checkSource('#include <cublas_v2.h>\n__global__ void k(float *x) { x[0] = 1; }\nvoid run(cublasHandle_t h, float *x) { k<<<1, 1>>>(x); }');
    expect(r.errors).toEqual([]);
    expect(fn(r.program, 'run').notRunnable).toMatch(/cublasHandle_t/);
  });
  it('device code still may not use a set-aside host global', () => {
    const r = checkSource('#include <cublas_v2.h>\ncublasHandle_t h;\n__global__ void k(float *x) { x[0] = h; }');
    expect(r.errors.length).toBeGreaterThan(0);
  });
  it('other host errors in lenient code make the function not runnable, with one note', () => {
    const r = checkSource('#include <vector>\nstruct R { float d; };\n__global__ void k(R *r) { r[0].d = 0; }\nint main() { std::vector<R> v(4); k<<<1, 1>>>(&v[0]); return 0; }');
    expect(r.errors).toEqual([]);
    expect(r.messages.filter((m) => m.startsWith('KCC3118'))).toHaveLength(1);
    expect(fn(r.program, 'main').notRunnable).toBeDefined();
  });
  it('execution-space misuse in lenient host code is still an error', () => {
    const r = checkSource('#include <vector>\n__device__ int f() { return 1; }\nint main() { return f(); }');
    expect(r.errors).toEqual(["KCC3016 reference to __device__ function 'f' in __host__ function"]);
  });
});

describe('functions as values in host code', () => {
  it('a kernel pointer launched from host code: not runnable, no error', () => {
    const r = checkSource('__global__ void a(float *x) { x[0] = 1; }\n__global__ void b(float *x) { x[0] = 2; }\nint main(int n, char **) { void (*k)(float *) = n > 1 ? &a : &b; k<<<1, 1>>>(0); return 0; }', { implicit: false });
    expect(r.errors).toEqual([]);
    expect(fn(r.program, 'main').notRunnable).toMatch(/as a value|function pointer/);
    expect(r.program.kernels.map((k) => k.name).sort()).toEqual(['a', 'b']);
  });
  it('device code still may not take a function as a value', () => {
    expect(checkSource('__device__ float g(float v) { return v; }\n__global__ void k(float *o) { float (*p)(float) = g; o[0] = p(1.0f); }').errors[0]).toMatch(/^KCC3054/);
  });
});

describe('template kernels launched from host code are kernels', () => {
  it('explicit arguments, in a host function kcc cannot run', () => {
    const names = kernelNames('#include <helper_cuda.h>\ntemplate <int B> __global__ void mm(float *c) { __shared__ float t[B]; t[threadIdx.x] = 0; c[0] = t[0]; }\nint main() { float *c; checkCudaErrors(cudaMalloc(&c, 4)); mm<16><<<1, 16>>>(c); mm<32><<<1, 32>>>(c); return 0; }');
    expect(names).toEqual(['mm<16>', 'mm<32>']);
  });
  it('deduced arguments, in a runnable host function', () => {
    expect(kernelNames('template <class T> __global__ void z(T *p) { p[0] = 0; }\nint main() { int *p; cudaMalloc(&p, 4); z<<<1, 1>>>(p); return 0; }')).toEqual(['z<int>']);
  });
  it('launches in an explicitly instantiated host template', () => {
    const src = `template <class T> __global__ void k(T *o) { o[0] = 1; }
template <class T> void pick(int w, T *p) { switch (w) { case 9: { constexpr int g = 2; k<T><<<g, 32>>>(p); break; } } }
template void pick<float>(int, float *);`;
    expect(kernelNames(src)).toEqual(['k<float>']);
  });
  it('a launch whose arguments cannot be checked still instantiates the named kernel', () => {
    const names = kernelNames('#include <thrust/device_vector.h>\ntemplate <int N> __global__ void t(float *o) { o[threadIdx.x] = N; }\nint main() { thrust::device_vector<float> v(8); t<8><<<1, 8>>>(thrust::raw_pointer_cast(v.data())); return 0; }');
    expect(names).toEqual(['t<8>']);
  });
});

describe('host C library and runtime declarations', () => {
  it('stdio files, clock_t, struct timeval, cudaDeviceProp', () => {
    const p = ok(`#include <stdio.h>
#include <time.h>
#include <sys/time.h>
__global__ void k(clock_t *t) { t[blockIdx.x] = clock(); }
double now() { struct timeval tv; gettimeofday(&tv, 0); return tv.tv_sec + tv.tv_usec * 1e-6; }
int main() {
  FILE *f = fopen("in.txt", "r"); int n = 0; fscanf(f, "%d", &n); fclose(f);
  cudaDeviceProp prop; cudaGetDeviceProperties(&prop, 0);
  clock_t *t; cudaMalloc(&t, 8); k<<<prop.multiProcessorCount, 1>>>(t);
  return n + (int)now();
}`);
    expect(fn(p, 'main').notRunnable).toBeUndefined();
    expect(p.kernels.map((k) => k.name)).toEqual(['k']);
  });
  it('a string literal converts to char * with a warning (as nvcc accepts it)', () => {
    const r = checkSource('void fatal(char *s) { printf("%s", s); }\nint main() { fatal("x"); char *p = "y"; return p[0]; }');
    expect(r.errors).toEqual([]);
    expect(r.messages.filter((m) => m.startsWith('KCC3120'))).toHaveLength(2);
  });
});

describe('class features of real device code', () => {
  it('const and non-const overloads of a member operator', () => {
    const p = ok(`template <class T> struct V4 { T v[4];
  __device__ T &operator[](int i) { return v[i]; }
  __device__ const T &operator[](int i) const { return v[i]; } };
__device__ float get(const V4<float> &c) { return c[1]; }
__global__ void k(float *o) { V4<float> a; a[0] = 1.0f; o[0] = a[0] + get(a); }`);
    expect(p.kernels).toHaveLength(1);
  });
  it('a defaulted constructor is __host__ __device__', () => {
    ok('struct P { P() = default; __device__ explicit P(int4 b) { bits = b; } int4 bits; };\n__global__ void k(int4 *o) { P p; p = P(o[1]); o[0] = p.bits; }');
  });
  it('constructor member initialisers assign the fields before the body', () => {
    const p = ok('struct P { __device__ P(int a, float b) : x(a), y{b} { z = x; } int x; float y; int z; };\n__global__ void k(int *o) { P p(o[0], 2.0f); o[1] = p.z; }');
    const ctor = p.allFunctions.find((f) => f.name === 'P::P')!;
    expect(ctor.body.stmts.slice(0, 2).map((s) => (s.kind === 'expr' ? s.expr.kind : s.kind))).toEqual(['assign', 'assign']);
  });
  it('a user-defined conversion operator (the SharedMemory<T> idiom)', () => {
    const p = ok(`template <class T> struct Smem { __device__ operator T *() { extern __shared__ int s[]; return (T *)s; } };
template <class T> __global__ void k(T *o) { T *s = Smem<T>(); s[threadIdx.x] = o[0]; o[1] = s[0]; }
template __global__ void k<float>(float *);`);
    expect(p.kernels.map((k) => k.name)).toEqual(['k<float>']);
  });
  it('several explicit specialisations of one class template', () => {
    const p = ok(`template <class T> struct Sm { __device__ T *get() { return 0; } };
template <> struct Sm<int> { __device__ int *get() { extern __shared__ int si[]; return si; } };
template <> struct Sm<float> { __device__ float *get() { extern __shared__ float sf[]; return sf; } };
template <class T> __global__ void k(T *o) { Sm<T> m; m.get()[threadIdx.x] = o[0]; }
template __global__ void k<float>(float *);
template __global__ void k<int>(int *);
template __global__ void k<double>(double *);`);
    expect(p.kernels.map((k) => k.name)).toEqual(['k<float>', 'k<int>', 'k<double>']);
  });
});

describe('cooperative groups', () => {
  it('thread_block and tiles convert to a thread_group parameter', () => {
    ok(`#include <cooperative_groups.h>
namespace cg = cooperative_groups;
__device__ int rank_of(cg::thread_group g) { return g.thread_rank(); }
__global__ void k(int *o) { cg::thread_block b = cg::this_thread_block(); cg::thread_block_tile<16> t = cg::tiled_partition<16>(b); o[threadIdx.x] = rank_of(b) + rank_of(t); }`);
  });
  it('block_tile_memory and labeled_partition: clear "not supported" errors, the kernel is kept', () => {
    const r = checkSource(`#include <cooperative_groups.h>
namespace cg = cooperative_groups;
template <unsigned B> __global__ void k(float *o) { __shared__ cg::block_tile_memory<B> m; o[0] = 1; }
template __global__ void k<128>(float *);
__global__ void l(int *c, int b) { auto g = cg::labeled_partition(cg::tiled_partition<32>(cg::this_thread_block()), b); c[0] = 0; }`);
    expect(r.errors).toEqual([
      "KCC3052 'cooperative_groups::block_tile_memory' is not supported: block_tile_memory (tiles of more than one warp) is outside the kcc subset",
      "KCC3052 'labeled_partition' is not supported: labeled partitions (cooperative_groups::labeled_partition) are outside the kcc subset",
    ]);
    expect(r.program.kernels.map((k) => k.name).sort()).toEqual(['k<128>', 'l']);
  });
});

describe('launches in set-aside host items', () => {
  it('a kernel instance launched only from a set-aside item is compiled, with its errors', () => {
    const r = checkSource(`#include <vector>
template <int N> __global__ void t(float *o) { o[threadIdx.x] = N + undeclared_in_kernel; }
template <class T> std::vector<T> make(int n) try { std::vector<T> v(n); t<4><<<1, 4>>>(0); return v; } catch (...) { return {}; }`);
    expect(r.program.kernels.map((k) => k.name)).toEqual(['t<4>']);
    expect(r.errors).toEqual(["KCC3001 use of undeclared identifier 'undeclared_in_kernel'"]);
  });
});

describe('function templates used before their definition', () => {
  it('a host template called from main and defined later launches its kernel instances', () => {
    const names = kernelNames(`template <class T> __global__ void tk(T *o) { o[threadIdx.x] = T(1); }
template <class T> void runTest(int n);
int main() { runTest<float>(32); runTest<int>(64); return 0; }
template <class T> void runTest(int n) { T *d; cudaMalloc(&d, n * sizeof(T)); tk<T><<<1, n>>>(d); cudaFree(d); }`);
    expect(names).toEqual(['tk<float>', 'tk<int>']);
  });
});
