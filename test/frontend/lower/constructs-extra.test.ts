/**
 * Lowering of the constructs issue 3 lists beyond the first subset: unions, bit-fields,
 * function-scope statics, `#pragma unroll`, the remaining builtins and math functions, and the
 * directed-rounding intrinsics. Each kernel is lowered, verified, round-tripped through the
 * KIR text form and run on the interpreter (sanitizer on) against values computed by hand.
 */
import { describe, expect, it } from 'vitest';
import { parseModuleOrThrow, printModule } from '../../../src/ir/index.js';
import { lowerSource } from '../../../src/frontend/lower/index.js';
import { lowerOk, runKernel } from './helpers.js';

type Arg = number | Int32Array | Float32Array | Uint32Array;

function run1(src: string, kernel: string, args: Arg[], o: { grid?: number; block?: number } = {}) {
  const { module, kernels } = lowerOk(src);
  const text = printModule(module);
  expect(printModule(parseModuleOrThrow(text))).toBe(text);
  const k = kernels.find((x) => x.name === kernel)!;
  const r = runKernel(module, k.func, { ...o, args });
  expect(r.faults.map((f) => f.message)).toEqual([]);
  return { ...r, text };
}

const f32 = Math.fround;

describe('unions', () => {
  it('type punning through a union, union initialiser, union in a struct', () => {
    const src = `
union U { float f; unsigned int u; unsigned char b[4]; };
struct S { int tag; U v; };
__global__ void k(unsigned int* out, float* fo) {
  U a; a.f = 1.0f;
  out[0] = a.u;
  out[1] = a.b[3];
  U c = {2.0f};
  out[2] = c.u;
  S s; s.tag = 7; s.v.u = 0x40400000u;
  fo[0] = s.v.f;
  out[3] = s.tag;
  out[4] = sizeof(U);
  a.u += 1;
  fo[1] = a.f;
}`;
    const r = run1(src, 'k', [new Uint32Array(5), new Float32Array(2)]);
    expect([...r.out[0]!]).toEqual([0x3f800000, 0x3f, 0x40000000, 7, 4]);
    expect([...r.out[1]!]).toEqual([3, f32(1 + 2 ** -23)]);
  });
});

describe('bit-fields', () => {
  it('read, write, compound assignment, increments, signed fields and neighbours', () => {
    const src = `
struct B { unsigned int lo : 4; int mid : 5; unsigned int hi : 23; char c; unsigned short w : 3; };
__global__ void k(int* out) {
  B b = {3, -2, 100, 'x', 5};
  out[0] = b.lo; out[1] = b.mid; out[2] = b.hi; out[3] = b.c; out[4] = b.w;
  b.lo = 17;          // truncated to 1
  b.mid += 20;        // -2 + 20 = 18 → 5 bits signed: 18 - 32 = -14
  b.hi++;
  int old = b.w--;
  out[5] = b.lo; out[6] = b.mid; out[7] = b.hi; out[8] = old; out[9] = b.w;
  out[10] = (b.lo = 31);   // the assignment's value is the field's: 15
  out[11] = b.c;
  out[12] = sizeof(B);
  unsigned int* raw = (unsigned int*)&b;
  out[13] = raw[0];
}`;
    const r = run1(src, 'k', [new Int32Array(14)]);
    const w0 = (15 | ((-14 & 31) << 4) | (101 << 9)) | 0;
    expect([...r.out[0]!]).toEqual([3, -2, 100, 120, 5, 1, -14, 101, 5, 4, 15, 120, 8, w0]);
  });

  it('bit-fields in global memory from many threads on separate structs', () => {
    const src = `
struct P { unsigned int a : 7; unsigned int b : 9; };
__global__ void k(P* ps, int* out) {
  int t = threadIdx.x;
  ps[t].a = t * 3;
  ps[t].b = t + 500;
  out[t] = ps[t].a + ps[t].b;
}`;
    const r = run1(src, 'k', [new Uint32Array(8), new Int32Array(8)], { block: 8 });
    expect([...r.out[1]!]).toEqual([0, 1, 2, 3, 4, 5, 6, 7].map((t) => ((t * 3) & 127) + ((t + 500) & 511)));
    expect(r.out[0]![2]).toBe(6 | (502 << 7));
  });
});

describe('function-scope statics', () => {
  it('a static device variable is one module global, initialised once, kept across calls', () => {
    const src = `
__device__ int next() { static int counter = 40; return counter++; }
__global__ void k(int* out) {
  static float scale = 2.5f;
  static int table[3] = {7, 8, 9};
  out[0] = next(); out[1] = next();
  out[2] = (int)(scale * 2.0f);
  table[1] += 1;
  out[3] = table[0] + table[1] + table[2];
  static int zeroed;
  out[4] = zeroed;
}`;
    const r = run1(src, 'k', [new Int32Array(5)]);
    expect([...r.out[0]!]).toEqual([40, 41, 5, 25, 0]);
    expect(r.text).toMatch(/global @next\.counter/);
  });

  it('a non-constant initialiser stays a diagnostic (CUDA forbids dynamic init of device statics)', () => {
    const r = lowerSource(`__global__ void k(int* out) { static int x = threadIdx.x; out[0] = x; }`, { filename: 't.cu' });
    expect(r.diagnostics.list.map((d) => d.code)).toContain('KCC4006');
  });
});

describe('#pragma unroll', () => {
  it('survives as an attribute of the loop op and through the text form', () => {
    const src = `
__global__ void k(int* out) {
  int s = 0;
#pragma unroll
  for (int i = 0; i < 4; ++i) s += i;
#pragma unroll 2
  for (int i = 0; i < 6; i++) s += 10;
#pragma unroll 1
  while (s < 100) s *= 2;
  out[0] = s;
}`;
    const r = run1(src, 'k', [new Int32Array(1)]);
    expect(r.out[0]![0]).toBe(132);
    expect(r.text).toMatch(/loop unroll_full/);
    expect(r.text).toMatch(/loop \{unroll = 2\}/);
    expect(r.text).toMatch(/loop \{unroll = 1\}/);
  });
});

/** |got − want| within `ulps` units in the last place of f32 at `want` */
function nearF32(got: number, want: number, ulps: number) {
  const w = Math.fround(want);
  const ulp = w === 0 ? 2 ** -149 : 2 ** (Math.floor(Math.log2(Math.abs(w))) - 23);
  expect(Math.abs(got - want), `got ${got}, want ${want}`).toBeLessThanOrEqual(ulps * ulp);
}

describe('math functions without a KIR op of their own before', () => {
  it('erfinv, erfcinv, normcdf, normcdfinv, logb, ilogb, rcbrt, rhypot, norm3d, nextafter', () => {
    const src = `
__global__ void k(float* o, int* io) {
  o[0] = erfinvf(0.5f); o[1] = erfcinvf(0.25f); o[2] = normcdff(1.0f); o[3] = normcdfinvf(0.75f);
  o[4] = logbf(10.0f); o[5] = rcbrtf(8.0f); o[6] = rhypotf(3.0f, 4.0f); o[7] = norm3df(2.0f, 3.0f, 6.0f);
  o[8] = nextafterf(1.0f, 2.0f); o[9] = erfinvf(-0.999f); o[10] = (float)erfinv(0.5); o[11] = normcdff(-10.0f);
  io[0] = ilogbf(0.1f); io[1] = ilogb(0.0); io[2] = ilogbf(1.0f / 0.0f); io[3] = ilogb(1e-310);
  io[4] = nextafter(1.0, 0.0) == 1.0 - 1.0 / 9007199254740992.0;
  io[5] = isnormal(1e-40f); io[6] = isnormal(1.0f);
}`;
    const r = run1(src, 'k', [new Float32Array(12), new Int32Array(7)]);
    const o = r.out[0]!;
    nearF32(o[0]!, 0.4769362762044699, 2);
    nearF32(o[1]!, 0.8134198475976185, 4);
    nearF32(o[2]!, 0.8413447460685429, 5);
    nearF32(o[3]!, 0.6744897501960817, 5);
    expect(o[4]).toBe(3);
    expect(o[5]).toBe(0.5);
    expect(o[6]).toBe(f32(0.2));
    expect(o[7]).toBe(7);
    expect(o[8]).toBe(1 + 2 ** -23);
    nearF32(o[9]!, -2.326753765513524 + (f32(-0.999) + 0.999) * 0, 1e3); // sign and magnitude; exact value checked in test/ir
    nearF32(o[10]!, 0.4769362762044699, 1);
    nearF32(o[11]!, 7.619853024160527e-24, 5);
    expect([...r.out[1]!]).toEqual([-4, -2147483648, 2147483647, -1030, 1, 0, 1]);
  });

  it('frexp, modf, remquo write their second result through the pointer', () => {
    const src = `
__global__ void k(float* o, int* io) {
  int e; float ip; int q;
  o[0] = frexpf(12.0f, &e); io[0] = e;
  o[1] = modff(-3.25f, &ip); o[2] = ip;
  o[3] = remquof(10.0f, 3.0f, &q); io[1] = q;
  o[4] = remquof(-11.0f, 4.0f, &q); io[2] = q;
  double dm = frexp(1e-310, &e); io[3] = e; io[4] = dm >= 0.5 && dm < 1.0;
  double di; o[5] = (float)modf(2.5, &di); o[6] = (float)di;
}`;
    const r = run1(src, 'k', [new Float32Array(7), new Int32Array(5)]);
    expect([...r.out[0]!]).toEqual([0.75, -0.25, -3, 1, 1, 0.5, 2]);
    expect([...r.out[1]!]).toEqual([4, 3, -3, -1029, 1]);
  });

  it('Bessel functions j0 j1 y0 y1 (small and large arguments)', () => {
    const src = `
__global__ void k(float* o) {
  o[0] = j0f(1.0f); o[1] = j1f(1.0f); o[2] = y0f(1.0f); o[3] = y1f(1.0f);
  o[4] = (float)j0(10.0); o[5] = (float)j1(10.0); o[6] = (float)y0(10.0); o[7] = (float)y1(10.0);
  o[8] = j0f(0.0f); o[9] = j1f(-1.0f);
}`;
    const r = run1(src, 'k', [new Float32Array(10)]);
    const want = [0.7651976865579666, 0.44005058574493355, 0.08825696421567697, -0.7812128213002887, -0.2459357644513483, 0.04347274616886144, 0.05567116728359939, 0.24901542420695388, 1, -0.44005058574493355];
    want.forEach((w, i) => nearF32(r.out[0]![i]!, w, 1));
  });
});

describe('integer intrinsics, timers, memory functions', () => {
  it('__byte_perm, __mul64hi, __umul64hi', () => {
    const src = `
__global__ void k(unsigned int* o) {
  o[0] = __byte_perm(0x33221100u, 0x77665544u, 0x5410u);
  o[1] = __byte_perm(0x33221100u, 0x77665544u, 0x0123u);
  o[2] = __byte_perm(0x33221100u, 0x77665544u, 0x7777u);
  unsigned long long u = __umul64hi(0xFFFFFFFFFFFFFFFFull, 0xFFFFFFFFFFFFFFFFull);
  o[3] = (unsigned int)(u >> 32); o[4] = (unsigned int)u;
  long long a = __mul64hi(-2LL, 3LL), b = __mul64hi(1LL << 62, 8LL), c = __mul64hi(-1LL, -1LL);
  o[5] = (unsigned int)a; o[6] = (unsigned int)b; o[7] = (unsigned int)c;
  long long d = __mul64hi(0x7FFFFFFFFFFFFFFFLL, -0x7FFFFFFFFFFFFFFFLL);
  o[8] = (unsigned int)(d >> 32); o[9] = (unsigned int)d;
}`;
    const r = run1(src, 'k', [new Uint32Array(10)]);
    // (2^63−1)·−(2^63−1) = −(2^126 − 2^64 + 1): high half −2^62 + 1 − 1 = 0xC000000000000000
    expect([...r.out[0]!]).toEqual([0x55441100, 0x00112233, 0x77777777, 0xffffffff, 0xfffffffe, 0xffffffff, 2, 0, 0xc0000000, 0]);
  });

  it('clock()/clock64() count up per thread; device memcpy and memset', () => {
    const src = `
struct S { int a; float b; char c[6]; };
__global__ void k(int* o, float* g) {
  long long t0 = clock64();
  int s = 0;
  for (int i = 0; i < 50; i++) s += i;
  long long t1 = clock64();
  clock_t t2 = clock();
  o[0] = t1 > t0; o[1] = (t1 - t0) >= 50; o[2] = t2 > t1; o[3] = s;
  S x = {7, 2.5f, "hello"};
  S y;
  memset(&y, 0, sizeof(S));
  o[4] = y.a + y.c[3];
  memcpy(&y, &x, sizeof(S));
  o[5] = y.a; o[6] = y.c[1]; g[0] = y.b;
  float loc[4] = {1, 2, 3, 4};
  memcpy(g + 1, loc, 3 * sizeof(float));
  memset(o + 7, 0xff, sizeof(int));
}`;
    const r = run1(src, 'k', [new Int32Array(8), new Float32Array(4)]);
    expect([...r.out[0]!]).toEqual([1, 1, 1, 1225, 0, 7, 101, -1]);
    expect([...r.out[1]!]).toEqual([2.5, 1, 2, 3]);
  });
});

describe('directed rounding intrinsics', () => {
  it('f32 add/sub/mul/div/fma/rcp/sqrt in every direction, exactly', () => {
    const src = `
__global__ void k(float* o) {
  float t = 1e-10f, third = 1.0f / 3.0f;
  o[0] = __fadd_ru(1.0f, t); o[1] = __fadd_rd(1.0f, t); o[2] = __fadd_rz(-1.0f, -t); o[3] = __fadd_rd(-1.0f, -t);
  o[4] = __fmul_ru(third, 3.0f); o[5] = __fmul_rd(third, 3.0f); o[6] = __fmul_rz(third, 3.0f); o[7] = __fmul_rn(third, 3.0f);
  o[8] = __frcp_ru(3.0f); o[9] = __fdiv_rz(1.0f, 3.0f); o[10] = __fsqrt_rd(2.0f); o[11] = __fsqrt_ru(2.0f);
  o[12] = __frcp_rd(3.0f); o[13] = __fmaf_ru(1.0f, 1.0f, 1e-30f); o[14] = __fmaf_rd(1.0f, 1.0f, 1e-30f);
  o[15] = __fmul_rz(3e38f, 10.0f); o[16] = __fmul_ru(3e38f, 10.0f); o[17] = 1.0f / __fsub_rd(1.0f, 1.0f);
  o[18] = __fsub_ru(1.0f, 1e-10f); o[19] = __fadd_ru(1e-45f, 0.0f);
}`;
    const r = run1(src, 'k', [new Float32Array(20)]);
    const third = f32(1 / 3), below = third - 2 ** -25;
    expect([...r.out[0]!]).toEqual([
      1 + 2 ** -23, 1, -1, -(1 + 2 ** -23),
      1 + 2 ** -23, 1, 1, 1,
      third, below, f32(Math.SQRT2), f32(Math.SQRT2) + 2 ** -23,
      below, 1 + 2 ** -23, 1,
      3.4028234663852886e38, Infinity, -Infinity,
      1, 2 ** -149,
    ]);
  });

  it('conversions with a direction, and the f64 forms', () => {
    const src = `
__global__ void k(float* o, int* io) {
  o[0] = __int2float_rd(16777217); o[1] = __int2float_ru(16777217); o[2] = __uint2float_ru(0xFFFFFFFFu);
  o[3] = __double2float_ru(0.1); o[4] = __double2float_rd(0.1); o[5] = __double2float_rz(-0.1);
  o[6] = __ll2float_rd(9007199254740993LL);
  io[0] = __float2int_ru(2.1f); io[1] = __float2int_rd(-2.1f); io[2] = __float2int_rz(-2.9f);
  io[3] = __dadd_ru(1.0, 1e-20) == 1.0 + 2.220446049250313e-16;
  io[4] = __dadd_rd(1.0, 1e-20) == 1.0;
  io[5] = __ddiv_ru(1.0, 3.0) == 0.33333333333333337;
  io[6] = __ddiv_rd(1.0, 3.0) == 0.3333333333333333;
  io[7] = __dmul_rz(1e308, 10.0) == 1.7976931348623157e308;
  io[8] = __dsqrt_rd(2.0) == 1.4142135623730951 - 2.220446049250313e-16 && __dsqrt_ru(2.0) == 1.4142135623730951;
  io[9] = __fma_rd(1.0, 1.0, -1e-30) == 1.0 - 1.1102230246251565e-16;
}`;
    const r = run1(src, 'k', [new Float32Array(7), new Int32Array(10)]);
    expect([...r.out[0]!]).toEqual([16777216, 16777218, 4294967296, f32(0.1), f32(0.1) - 2 ** -27 * 1, -(f32(0.1) - 2 ** -27), 9007199254740992]);
    expect([...r.out[1]!]).toEqual([3, -3, -2, 1, 1, 1, 1, 1, 1, 1]);
  });
});

describe('initialisers of unions and bit-field records in module globals', () => {
  it('are laid out by their C layout', () => {
    const src = `
union U { float f; unsigned int u; };
struct B { unsigned int lo : 4; int mid : 5; short s; unsigned char hi : 3; };
struct W { int tag; U u; B b[2]; };
__device__ U gu = {1.0f};
__constant__ B cb = {9, -3, 1000, 6};
__device__ W gw = {5, {2.0f}, {{1, 2, 3, 4}, {15, -16, -1, 7}}};
__global__ void k(int* o) {
  static U su = {0.5f};
  o[0] = gu.u; o[1] = cb.lo; o[2] = cb.mid; o[3] = cb.s; o[4] = cb.hi;
  o[5] = gw.tag; o[6] = gw.u.u; o[7] = gw.b[1].lo; o[8] = gw.b[1].mid; o[9] = gw.b[1].s; o[10] = gw.b[1].hi;
  o[11] = su.u; o[12] = gw.b[0].hi;
}`;
    const r = run1(src, 'k', [new Int32Array(13)]);
    expect([...r.out[0]!]).toEqual([0x3f800000, 9, -3, 1000, 6, 5, 0x40000000, 15, -16, -1, 7, 0x3f000000, 4]);
  });
});

describe('bit-fields in shared memory', () => {
  it('a bit-field store is no read of uninitialised shared memory; a bit-field read still is', () => {
    const src = `
struct B { unsigned a : 4; unsigned b : 4; };
__global__ void k(int* o) {
  __shared__ B sb;
  if (threadIdx.x == 0) { sb.a = 3; sb.b = 5; }
  __syncthreads();
  o[threadIdx.x] = sb.a + sb.b;
}`;
    const r = run1(src, 'k', [new Int32Array(4)], { block: 4 });
    expect([...r.out[0]!]).toEqual([8, 8, 8, 8]);
    expect(r.text).toMatch(/load bitfield/);
    const { module, kernels } = lowerOk(`struct B { unsigned a : 4; unsigned b : 4; };
__global__ void k(int* o) { __shared__ B sb; o[0] = sb.b; }`);
    const bad = runKernel(module, kernels[0]!.func, { args: [new Int32Array(1)] });
    expect(bad.faults.map((f) => f.kind)).toContain('uninitialized-read');
  });
});
