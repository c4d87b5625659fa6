/**
 * Templates: deduction from call arguments, explicit arguments, non-type parameters,
 * defaults, class templates, instantiation on request by name expression, memoisation of
 * instances, and "in instantiation of" notes on errors inside an instance.
 */
import { describe, expect, it } from 'vitest';
import { calls, checkSource, fn, ok } from './helpers.js';
import { typeToString } from '../../../src/frontend/sema/types.js';

const REDUCE = `
template <typename T, int BLOCK = 256>
__global__ void reduce(const T* in, T* out, int n) {
  __shared__ T s[BLOCK];
  T acc = T(0);
  for (int i = threadIdx.x; i < n; i += BLOCK) acc += in[i];
  s[threadIdx.x] = acc;
  __syncthreads();
#pragma unroll
  for (int k = BLOCK / 2; k > 0; k >>= 1) { if (threadIdx.x < k) s[threadIdx.x] += s[threadIdx.x + k]; __syncthreads(); }
  if (threadIdx.x == 0) out[blockIdx.x] = s[0];
}`;

describe('function templates', () => {
  it('deduce T from arguments, and instantiate once per argument list', () => {
    const p = ok(`template <typename T> __device__ T sq(T x) { return x * x; }
      __global__ void k(float* f, int* i) { f[0] = sq(f[1]); i[0] = sq(i[1]); f[2] = sq(f[3]) + sq<double>(1); }`, { implicit: false });
    expect(calls(fn(p, 'k'))).toEqual(['sq<float>', 'sq<int>', 'sq<float>', 'sq<double>']);
    expect(p.functions.map((f) => f.name)).toEqual(['sq<float>', 'sq<int>', 'sq<double>']);
  });
  it('deduce through pointers and const references; non-type parameters from arrays', () => {
    const p = ok(`template <typename T> __device__ T first(const T* p) { return p[0]; }
      template <typename T> __device__ T get(const T& r) { return r; }
      template <typename T, int N> __device__ int count(T (&a)[N]) { return N; }
      __global__ void k(double* d) { float a[7]; first(d); get(a[0]); d[0] = count(a); }`, { implicit: false });
    expect(calls(fn(p, 'k'))).toEqual(['first<double>', 'get<float>', 'count<float, 7>']);
  });
  it('non-type parameters fold to constants and size arrays', () => {
    const p = ok(`${REDUCE}\ntemplate __global__ void reduce<float, 128>(const float*, float*, int);`, { implicit: false });
    const k = fn(p, 'reduce<float, 128>');
    expect(k.staticVars.map((v) => typeToString(v.type))).toEqual(['float [128]']);
    expect(p.kernels.map((x) => x.name)).toEqual(['reduce<float, 128>']);
  });
  it('default template arguments', () => {
    const p = ok(REDUCE, { implicit: false, instantiate: ['reduce<int>'] });
    expect(p.kernels.map((k) => k.name)).toEqual(['reduce<int, 256>']);
    expect(fn(p, 'reduce<int, 256>').staticVars[0]!.type).toMatchObject({ kind: 'array', size: 256 });
  });
  it('instantiates on request by name expression, memoised', () => {
    const p = ok(REDUCE, { implicit: false, instantiate: ['reduce<float, 256>', 'reduce<double, 64>', 'reduce<float, 256>'] });
    expect(p.kernels.map((k) => k.name)).toEqual(['reduce<float, 256>', 'reduce<double, 64>']);
    const again = p.kernel('reduce<unsigned int, 32>');
    expect(again?.name).toBe('reduce<unsigned int, 32>');
    expect(p.kernel('reduce<unsigned int, 32>')).toBe(again);
  });
  it('reports a request for something that is not a kernel template', () => {
    const r = checkSource(`${REDUCE}\ntemplate <typename T> __device__ T id(T x) { return x; }`, { implicit: false, instantiate: ['nothing<int>', 'id<int>'] });
    expect(r.errors).toEqual(["KCC3053 no __global__ function template named 'nothing<int>' to instantiate", "KCC3094 'id<int>' is not a __global__ function"]);
  });
  it('errors inside an instance carry an instantiation note', () => {
    const r = checkSource(`template <typename T> __device__ void bad(T* p) { p->missing = 1; }
      __global__ void k(float4* v) { bad(v); }`, { implicit: false });
    expect(r.errors).toEqual(["KCC3003 no member named 'missing' in 'float4'"]);
    const note = r.diags.list[0]!.notes.at(-1)!;
    expect(note.message).toBe("in instantiation of 'bad<float4>' requested here");
    expect(r.sources.describe(note.span!).line).toBe(2);
  });
  it('a candidate whose parameter cannot be deduced says so', () => {
    const r = checkSource(`template <typename T, typename U> __device__ U conv(T x) { return U(x); }
      __device__ void f() { conv(1); }`, { implicit: false });
    expect(r.errors).toEqual(["KCC3004 no matching function for call to 'conv'"]);
    expect(r.diags.list[0]!.notes[0]!.message).toBe("candidate template ignored: couldn't infer template argument 'U'");
  });
  it('deep recursion stops with a diagnostic', () => {
    const r = checkSource(`template <int N> __device__ int f() { return f<N + 1>(); }
      __global__ void k(int* o) { o[0] = f<0>(); }`, { implicit: false });
    expect(r.errors[0]).toBe('KCC3051 recursive template instantiation exceeded maximum depth of 64');
  });
});

describe('class templates', () => {
  it('instantiate members with their arguments; constexpr statics and methods', () => {
    const p = ok(`template <typename T, int N> struct Vec {
        static constexpr int size = N;
        T v[N];
        __device__ T dot(const Vec& o) const { T s = 0; for (int i = 0; i < N; ++i) s += v[i] * o.v[i]; return s; }
      };
      static_assert(sizeof(Vec<double, 3>) == 24, "");
      __global__ void k(float* out) { Vec<float, 4> a{}; out[0] = a.dot(a) + Vec<float, 4>::size; }`, { implicit: false });
    expect(calls(fn(p, 'k'))).toEqual(['Vec<float, 4>::dot']);
    expect(p.records.map((r) => r.displayName)).toContain('Vec<float, 4>');
  });
  it('alias templates and typedefs of instances', () => {
    ok(`template <typename T> struct Pair { T a, b; };
      template <typename T> using P = Pair<T>;
      typedef Pair<int> IP;
      __device__ int f(P<int> p, IP q) { return p.a + q.b; }`, { implicit: false });
  });
});
