/**
 * CUDA's rules and built-ins: execution spaces of calls (host ↔ device, __global__),
 * __shared__/__constant__ placement and initialisation, dynamic shared memory, features
 * outside the subset (goto, asm, lambdas, exceptions, recursion, variadic device functions),
 * the built-in variables, atomics, warp functions, cooperative groups, printf and assert.
 */
import { describe, expect, it } from 'vitest';
import { calls, checkSource, exprs, fn, ok } from './helpers.js';
import { typeToString } from '../../../src/frontend/sema/types.js';

function errors(src: string): string[] {
  return checkSource(src, { implicit: false }).errors;
}

describe('execution spaces', () => {
  it('__global__ must return void, not be a member, take no references', () => {
    expect(errors('__global__ int k() { return 0; }')).toEqual(["KCC3013 __global__ function 'k' must have a void return type"]);
    expect(errors('__global__ void k(int& r) {}')).toEqual(["KCC3055 __global__ function 'k' cannot have a parameter of reference type"]);
  });
  it('device code calling a host function: error naming it, note at its declaration', () => {
    const r = checkSource('int helper(int x) { return x; }\n__global__ void k(int* p) { p[0] = helper(1); }', { implicit: false });
    expect(r.errors).toEqual(["KCC3015 reference to __host__ function 'helper' in __global__ function"]);
    expect(r.diags.list[0]!.notes[0]).toMatchObject({ message: "'helper' declared here" });
    expect(r.sources.describe(r.diags.list[0]!.notes[0]!.span!).line).toBe(1);
  });
  it('host code calling a device function, and kernels called without <<<>>>', () => {
    expect(errors('__device__ int d() { return 1; }\n__global__ void k() {}\nint main() { d(); k(); return 0; }')).toEqual([
      "KCC3016 reference to __device__ function 'd' in __host__ function",
      "KCC3084 call to __global__ function 'k' needs a launch configuration <<<...>>>",
    ]);
  });
  it('dynamic parallelism is diagnosed', () => {
    expect(errors('__global__ void a() {}\n__global__ void b() { a<<<1, 1>>>(); a(); }')).toEqual([
      'KCC3085 launching a kernel from device code needs dynamic parallelism, which kcc does not support',
      "KCC3014 calling __global__ function 'a' from device code needs dynamic parallelism, which kcc does not support",
    ]);
  });
  it('__host__ __device__ functions may call host functions unless device code reaches them', () => {
    expect(errors('int h() { return 1; }\n__host__ __device__ int hd() { return h(); }\nint main() { return hd(); }')).toEqual([]);
    expect(errors('int h() { return 1; }\n__host__ __device__ int hd() { return h(); }\n__global__ void k(int* p) { p[0] = hd(); }')).toEqual([
      "KCC3015 reference to __host__ function 'h' in __host__ __device__ function",
    ]);
  });
  it('host variables are not visible in device code; constexpr ones are', () => {
    expect(errors('int g = 1; constexpr int N = 4;\n__global__ void k(int* p) { p[0] = N; p[1] = g; }')).toEqual([
      "KCC3057 reference to __host__ variable 'g' in __global__ function",
    ]);
  });
  it('launches check their configuration and arguments', () => {
    const p = ok(`__global__ void k(float* x, int n) {}
      int main() { float* d; cudaMalloc(&d, 16); k<<<dim3(2, 2), 256, 0>>>(d, 4); cudaDeviceSynchronize(); return 0; }`, { implicit: false });
    const launch = exprs(fn(p, 'main')).find((e) => e.kind === 'launch');
    expect(launch?.kind === 'launch' && launch.config.map((c) => typeToString(c.type))).toEqual(['dim3', 'dim3', 'unsigned long']);
    expect(errors('__global__ void k(float* x) {}\nint main() { k<<<1, 1>>>(1.5f); return 0; }')).toEqual(["KCC3004 no matching function for call to 'k'"]);
  });
});

describe('memory spaces', () => {
  it('__shared__: no initialiser, not in host code; extern __shared__ arrays are dynamic', () => {
    expect(errors('__global__ void k() { __shared__ int s = 1; }')).toEqual(["KCC3018 initialization is not supported for __shared__ variables ('s')"]);
    expect(errors('void h() { __shared__ int s[4]; }')).toEqual(["KCC3017 __shared__ variable 's' declared in a host function"]);
    expect(errors('__global__ void k() { extern __shared__ float s; }')).toEqual(["KCC3020 extern __shared__ variable 's' must be an array of unknown size"]);
    const p = ok('__global__ void k(float* o) { extern __shared__ float dyn[]; __shared__ float st[2][32]; dyn[0] = st[1][2]; o[0] = dyn[0]; }', { implicit: false });
    const k = fn(p, 'k');
    expect(k.staticVars.map((v) => [v.name, v.space, v.dynamicShared ?? false, typeToString(v.type)])).toEqual([
      ['dyn', 'shared', true, 'float []'], ['st', 'shared', false, 'float [2][32]'],
    ]);
  });
  it('__constant__ only at namespace scope, with constant initialisers', () => {
    expect(errors('__global__ void k() { __constant__ float c[2]; }')).toEqual(["KCC3019 __constant__ variable 'c' must be declared at namespace scope"]);
    const p = ok('__constant__ float c[4] = {1, 2}; __device__ int counter; __shared__ float tile[16];', { implicit: false });
    expect(p.globals.map((g) => [g.entity.name, g.entity.space])).toEqual([['c', 'constant'], ['counter', 'global'], ['tile', 'shared']]);
    expect(p.globals[0]!.value).toEqual({ kind: 'aggregate', items: [{ kind: 'float', value: 1 }, { kind: 'float', value: 2 }] });
  });
  it('pointer address spaces are inferred where known', () => {
    const p = ok('__device__ float g[4]; __global__ void k() { __shared__ float s[8]; float l; float* a = s; float* b = &l; float* c = g; }', { implicit: false });
    const decays = exprs(fn(p, 'k')).filter((e) => e.kind === 'convert' && e.conversion === 'array-to-pointer' || e.kind === 'address-of');
    expect(decays.map((e) => (e.type.kind === 'pointer' ? e.type.space : ''))).toEqual(['shared', 'local', 'global']);
  });
});

describe('outside the subset', () => {
  it('goto, asm, recursion, variadic device functions', () => {
    expect(errors('__device__ void f() { goto x; x: ; }')).toEqual(["KCC3021 'goto' is not supported by kcc: control flow must be structured"]);
    expect(errors('__device__ int f(int n) { return n ? f(n - 1) : 0; }\n__global__ void k(int* p) { p[0] = f(3); }')).toEqual([
      "KCC3025 recursion is not supported in device code: 'f' calls itself",
    ]);
    expect(errors('__device__ int a(int n); __device__ int b(int n) { return a(n); } __device__ int a(int n) { return b(n); }\n__global__ void k(int* p) { p[0] = a(3); }')[0]).toContain('recursion is not supported');
    expect(errors('__device__ void f(int n, ...) {}')).toEqual(["KCC3026 variadic device function 'f' is not supported (only printf is variadic in device code)"]);
  });
  it('host code with unsupported constructs is only marked not runnable', () => {
    const r = checkSource('int main() { goto done; done: return 0; }', { implicit: false });
    expect(r.errors).toEqual([]);
    expect(fn(r.program, 'main').notRunnable).toBe("uses 'goto'");
  });
});

describe('built-ins', () => {
  it('threadIdx/blockIdx are const uint3, blockDim/gridDim const dim3, warpSize folds to 32', () => {
    const p = ok('__global__ void k(unsigned* o) { o[0] = threadIdx.x + blockIdx.y * blockDim.z + gridDim.x + warpSize; }', { implicit: false });
    const vars = exprs(fn(p, 'k')).filter((e) => e.kind === 'builtin-var').map((e) => `${e.kind === 'builtin-var' ? e.name : ''}:${typeToString(e.type)}`);
    expect(vars).toEqual(['threadIdx:const uint3', 'blockIdx:const uint3', 'blockDim:const dim3', 'gridDim:const dim3']);
    expect(errors('__global__ void k() { threadIdx.x = 1; }')).toEqual(["KCC3006 cannot assign to variable 'threadIdx.x' with const-qualified type 'const unsigned int'"]);
    expect(errors('int main() { return threadIdx.x; }')).toEqual(["KCC3058 'threadIdx' is only available in device code"]);
  });
  it('atomics, warp functions and sync pick the declared overloads', () => {
    const p = ok(`__global__ void k(int* i, unsigned long long* u, float* f, double* d) {
      atomicAdd(i, 1); atomicAdd(u, 1ull); atomicAdd(f, 1.0f); atomicCAS(i, 0, 1); atomicMax_block(i, 3); atomicExch(f, 2.f);
      float v = __shfl_down_sync(0xffffffffu, f[0], 16); double w = __shfl_xor_sync(0xffffffffu, d[0], 1, 16);
      unsigned b = __ballot_sync(__activemask(), v > 0); __syncwarp(); __syncthreads(); int c = __syncthreads_count(v > 0);
      __threadfence(); i[1] = __popc(b) + __clz(c) + __ffs(c); float l = __ldg(f); }`, { implicit: false });
    expect(calls(fn(p, 'k'))).toEqual([
      'atomicAdd:int(int *, int)', 'atomicAdd:unsigned long long(unsigned long long *, unsigned long long)', 'atomicAdd:float(float *, float)',
      'atomicCAS:int(int *, int, int)', 'atomicMax_block:int(int *, int)', 'atomicExch:float(float *, float)',
      'float:__shfl_down_sync', 'double:__shfl_xor_sync', '__ballot_sync:unsigned int(unsigned int, int)', '__activemask:unsigned int()',
      '__syncwarp:void(unsigned int=4294967295)', '__syncthreads:void()', '__syncthreads_count:int(int)', '__threadfence:void()',
      '__popc:int(unsigned int)', '__clz:int(int)', '__ffs:int(int)', '__ldg:T(const T *)',
    ].map((c) => (c === 'float:__shfl_down_sync' ? '__shfl_down_sync:float(unsigned int, float, unsigned int, int=32)' : c === 'double:__shfl_xor_sync' ? '__shfl_xor_sync:double(unsigned int, double, int, int=32)' : c)));
    // default arguments are filled in: __shfl_down_sync gets width 32
    const shfl = exprs(fn(p, 'k')).find((e) => e.kind === 'builtin-call' && e.builtin.name === '__shfl_down_sync');
    expect(shfl?.kind === 'builtin-call' && shfl.args.length).toBe(4);
  });
  it('removed pre-CUDA-9 warp functions get a clear error', () => {
    expect(errors('__device__ int f(int v) { return __shfl_down(v, 1); }')).toEqual([
      "KCC3052 '__shfl_down' is not supported: '__shfl_down' was removed in CUDA 9; use '__shfl_down_sync' with an explicit mask",
    ]);
  });
  it('cooperative groups: blocks, tiles, reduce', () => {
    const p = ok(`namespace cg = cooperative_groups;
      __global__ void k(float* o) {
        cg::thread_block block = cg::this_thread_block();
        cg::thread_block_tile<32> tile = cg::tiled_partition<32>(block);
        float v = o[block.thread_rank()];
        v += tile.shfl_down(v, 8);
        v = cg::reduce(tile, v, cg::plus<float>());
        if (tile.thread_rank() == 0 && tile.meta_group_rank() < tile.size()) o[0] = v;
        block.sync();
      }`, { implicit: false });
    expect(calls(fn(p, 'k'))).toEqual([
      'this_thread_block:thread_block()', 'tiled_partition:tile(group)', 'thread_rank:unsigned int()', 'shfl_down:T(T, unsigned int)',
      'reduce:T(tile, T, cgop)', 'thread_rank:unsigned int()', 'meta_group_rank:unsigned int()', 'size:unsigned int()', 'sync:void()',
    ]);
    expect(errors('namespace cg = cooperative_groups; __global__ void k() { auto t = cg::tiled_partition<48>(cg::this_thread_block()); }')[0]).toContain('thread_block_tile size must be a power of two');
    expect(errors('namespace cg = cooperative_groups; __global__ void k() { cg::grid_group g = cg::this_grid(); g.sync(); }')).toEqual([
      "KCC3052 'sync' is not supported: grid-wide synchronisation (grid_group::sync) is outside the kcc subset",
    ]);
  });
  it('printf promotes variadic arguments; INFINITY, NAN and assert expand to built-ins', () => {
    const p = ok(`#include <math.h>
      #include <assert.h>
      __global__ void k(float x, short s) { printf("%f %d\\n", x, s); float i = INFINITY; float n = NAN; assert(x > 0); }`);
    const pf = exprs(fn(p, 'k')).find((e) => e.kind === 'builtin-call' && e.builtin.name === 'printf');
    expect(pf?.kind === 'builtin-call' && pf.args.map((a) => typeToString(a.type))).toEqual(['const char *', 'double', 'int']);
    expect(calls(fn(p, 'k'))).toEqual(['printf:int(const char *, ...)', '__builtin_huge_valf:float()', '__builtin_nanf:float(const char *)', '__kcc_assert:void(bool, const char *, const char *, int)']);
  });
  it('half and bfloat16 conversions and pairs', () => {
    const p = ok(`__global__ void k(__half* h, __nv_bfloat16* b, float* f) {
      __half2 p = __floats2half2_rn(f[0], f[1]); float2 q = __half22float2(p); h[0] = __float2half(q.x) + __low2half(p);
      b[0] = __float2bfloat16(f[2]); f[3] = __bfloat162float(b[0]) + __half2float(__hmul(h[0], h[1])); }`, { implicit: false });
    expect(calls(fn(p, 'k'))).toContain('__hmul:__half(__half, __half)');
  });
  it('numeric_limits folds to constants', () => {
    const p = ok('__device__ float f() { return std::numeric_limits<float>::max() + std::numeric_limits<int>::min(); }', { implicit: false });
    const c = exprs(fn(p, 'f')).filter((e) => e.kind === 'const').map((e) => (e.kind === 'const' ? String(e.value.value) : ''));
    expect(c).toContain('3.4028234663852886e+38');
  });
});
