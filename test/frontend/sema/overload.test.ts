/**
 * Overload resolution: the CUDA math library (sin(float) vs sin(double) vs sinf), CUDA's
 * min/max set with mixed signedness, std:: templates, user overloads by rank, operator
 * overloads on vector types and records, execution-space preference, and the diagnostics
 * with one note per candidate.
 */
import { describe, expect, it } from 'vitest';
import { calls, checkSource, exprs, fn, ok } from './helpers.js';
import { typeToString } from '../../../src/frontend/sema/types.js';

function callsIn(body: string, prelude = ''): string[] {
  const p = ok(`${prelude}\n__device__ void f(float x, double d, int i, unsigned u, long long ll, short s) { ${body} }`, { implicit: false });
  return calls(fn(p, 'f'));
}

describe('math library overloads', () => {
  it('sin(float) is the float overload, sin(double) the double one, sinf only float', () => {
    expect(callsIn('sin(x); sin(d); sinf(x); sinf(d);')).toEqual(['sin:float(float)', 'sin:double(double)', 'sinf:float(float)', 'sinf:float(float)']);
  });
  it('integer arguments choose the double overload (<cmath>)', () => {
    expect(callsIn('sqrt(i); pow(i, 2);')).toEqual(['sqrt:double(double)', 'pow:double(double, double)']);
  });
  it('std:: forms resolve like the global ones', () => {
    expect(callsIn('std::exp(x); std::fabs(d); std::abs(i); std::abs(x);')).toEqual(['exp:float(float)', 'fabs:double(double)', 'abs:int(int)', 'abs:float(float)']);
  });
  it('fast intrinsics and fminf', () => {
    expect(callsIn('__expf(x); __fdividef(x, x); fminf(x, 1); __saturatef(x);')).toEqual([
      '__expf:float(float)', '__fdividef:float(float, float)', 'fminf:float(float, float)', '__saturatef:float(float)',
    ]);
  });
});

describe("CUDA's min/max", () => {
  it('mixed signedness picks the unsigned form', () => {
    expect(callsIn('min(i, u); max(u, i); min(i, i); min(x, x); max(d, x); min(ll, ll);')).toEqual([
      'min:unsigned int(int, unsigned int)', 'max:unsigned int(unsigned int, int)', 'min:int(int, int)', 'min:float(float, float)',
      'max:double(double, float)', 'min:long long(long long, long long)',
    ]);
  });
  it('promotion beats conversion: min(short, short) is min(int, int)', () => {
    expect(callsIn('min(s, s);')).toEqual(['min:int(int, int)']);
  });
  it('std::min deduces one T and rejects conflicting types', () => {
    expect(callsIn('std::min(x, x); std::max<int>(i, s);')).toEqual(['min:T(T, T)', 'max:T(T, T)']);
    const r = checkSource('__device__ void f(int i, float x) { std::min(i, x); }', { implicit: false });
    expect(r.errors).toEqual(["KCC3004 no matching function for call to 'min'"]);
    expect(r.diags.list[0]!.notes[0]!.message).toContain("deduced conflicting types for parameter 'T' ('int' vs. 'float')");
  });
});

describe('user overloads', () => {
  const prelude = `
    __device__ int g(int a) { return 1; }
    __device__ int g(float a) { return 2; }
    __device__ int g(double a) { return 3; }
    __device__ int h(long a) { return 1; }
    __device__ int h(unsigned a) { return 2; }`;
  it('exact match wins; float → double is a promotion', () => {
    const p = ok(`${prelude}\n__device__ void f(float x, short s, char c) { g(x); g(1); g(2.0); g(s); g(c); }`, { implicit: false });
    const chosen = exprs(fn(p, 'f')).filter((e) => e.kind === 'call').map((e) => (e.kind === 'call' ? typeToString(e.fn.type.params[0]!) : ''));
    expect(chosen).toEqual(['float', 'int', 'double', 'int', 'int']);
  });
  it('equal conversions are ambiguous, with a note per candidate', () => {
    const r = checkSource(`${prelude}\n__device__ void f(int i) { h(i); }`, { implicit: false });
    expect(r.errors).toEqual(["KCC3005 call to 'h' is ambiguous"]);
    expect(r.diags.list[0]!.notes.map((n) => n.message)).toEqual(['candidate function', 'candidate function']);
  });
  it('no viable candidate: one note per candidate saying why', () => {
    const r = checkSource(`${prelude}\n__device__ void f(int* p) { g(p); }`, { implicit: false });
    expect(r.errors).toEqual(["KCC3004 no matching function for call to 'g'"]);
    expect(r.diags.list[0]!.notes.map((n) => n.message)).toEqual([
      "candidate function not viable: no known conversion from 'int *' to 'int' for 1st argument",
      "candidate function not viable: no known conversion from 'int *' to 'float' for 1st argument",
      "candidate function not viable: no known conversion from 'int *' to 'double' for 1st argument",
    ]);
  });
  it('a user overload of a built-in name joins the overload set', () => {
    const p = ok(`__device__ float2 min(float2 a, float2 b) { return make_float2(fminf(a.x, b.x), fminf(a.y, b.y)); }
      __device__ void f(float2 a, int i) { min(a, a); min(i, i); }`, { implicit: false });
    expect(calls(fn(p, 'f'))).toEqual(['min', 'fminf:float(float, float)', 'fminf:float(float, float)', 'min:int(int, int)'].filter((c) => c !== 'fminf:float(float, float)'));
  });
});

describe('operators on vector types and records', () => {
  const helper = `
    __device__ float4 operator+(float4 a, float4 b) { return make_float4(a.x + b.x, a.y + b.y, a.z + b.z, a.w + b.w); }
    __device__ float4 operator*(float s, float4 v) { return make_float4(s * v.x, s * v.y, s * v.z, s * v.w); }
    __device__ void operator+=(float4& a, float4 b) { a.x += b.x; a.y += b.y; a.z += b.z; a.w += b.w; }
    struct C { float re, im; __device__ C operator*(const C& o) const { return C{re * o.re - im * o.im, re * o.im + im * o.re}; } };`;
  it('resolve float4 + float4, scalar * float4, +=, and member operators', () => {
    const p = ok(`${helper}\n__device__ void f(float4* v, C a, C b) { float4 t = v[0] + 2.0f * v[1]; t += v[2]; C c = a * b; }`, { implicit: false });
    expect(calls(fn(p, 'f'))).toEqual(['operator+', 'operator*', 'operator+=', 'C::operator*']);
  });
  it('a vector type without an operator is an error', () => {
    const r = checkSource('__device__ void f(float4 a, float4 b) { float4 c = a - b; }', { implicit: false });
    expect(r.errors).toEqual(["KCC3011 invalid operands to binary expression ('float4' and 'float4')"]);
  });
  it('__half arithmetic uses the half operator set', () => {
    const p = ok('__device__ __half f(__half a, __half b, float x) { __half c = a * b + a; float y = a * x; return c; }', { implicit: false });
    const bin = exprs(fn(p, 'f')).filter((e) => e.kind === 'binary').map((e) => `${e.kind === 'binary' ? e.op : ''}:${typeToString(e.type)}`);
    expect(bin).toEqual(['+:__half', '*:__half', '*:float']);
  });
});

describe('execution-space preference', () => {
  it('device code prefers a device overload over a host one with the same signature rank', () => {
    const p = ok(`__host__ int pick(int a) { return 1; }
      __device__ int pick(long a) { return 2; }
      __device__ int f() { return pick(1); }`, { implicit: false });
    const c = exprs(fn(p, 'f')).find((e) => e.kind === 'call');
    expect(c?.kind === 'call' && c.fn.space).toBe('device');
  });
});
