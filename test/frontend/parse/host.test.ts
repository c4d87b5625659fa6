/**
 * Real files are mostly host code: items outside the subset are set aside with a note, device
 * items report errors, one broken item does not hide the next, host code inside the subset
 * (main with launches) is parsed.
 */
import { describe, expect, test } from 'vitest';
import { parseText } from './helpers.js';

describe('host code', () => {
  test('STL and iostream items are set aside with notes; kernels and main parse', () => {
    const p = parseText(`#include <vector>
#include <iostream>
std::vector<float> v;
class Logger { public: void log(const char* m) { std::cout << m << std::endl; } };
template <typename T> std::vector<T> make(int n) { return std::vector<T>(n); }
__global__ void scale(float* x, float a, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) x[i] *= a;
}
int main() {
  float* d;
  cudaMalloc(&d, 256 * sizeof(float));
  scale<<<(256 + 127) / 128, 128>>>(d, 2.0f, 256);
  cudaDeviceSynchronize();
  return 0;
}
void report() { std::vector<int> r(3); for (auto x : r) std::cout << x; }`);
    expect(p.errors).toEqual([]);
    const kinds = p.tu.decls.map((d) => (d.kind === 'set-aside' ? `set-aside:${d.declaredNames.join(',')}` : d.kind));
    expect(kinds).toEqual(['set-aside:v', 'record', 'set-aside:make', 'function', 'function', 'set-aside:report']);
    expect(p.messages.filter((m) => m.includes(': note: host code outside the kcc subset set aside: '))).toHaveLength(3);
    expect(p.ast).toContain('(launch scale (config (binary / (binary + 256 127) 128) 128) d 2.0f 256)');
    const first = p.tu.decls[0]!;
    expect(first.kind === 'set-aside' && first.reason).toBe('expected expression');
  });

  test('declared names of set-aside items', () => {
    const p = parseText(`std::map<int, int> table, other;
typedef std::vector<float> Vec;
using Str = std::basic_string<char>;
struct Holder { std::unique_ptr<int> p; };
std::string name(int id) { return "x"; }
void run(std::vector<int>& v) { v.push_back<>(1); }`);
    const names = p.tu.decls.map((d) => (d.kind === 'set-aside' ? d.declaredNames : [d.kind]));
    // `std::string name(…)` is inside the subset (an unknown qualified type), so it is kept
    expect(names).toEqual([['table', 'other'], ['Vec'], ['Str'], ['Holder'], ['function'], ['run']]);
  });

  test('two broken kernels give two errors; the good one between them parses', () => {
    const p = parseText(`__global__ void a(float* x) { x[0] = 1 }
__global__ void b(float* x) { x[0] = 2; }
__global__ void c(float* x) { x[0] = (3; }`);
    expect(p.errors).toEqual(["1:39: error: expected ';' after expression", "3:40: error: expected ')'"]);
    expect(p.tu.decls.map((d) => d.kind)).toEqual(['set-aside', 'function', 'set-aside']);
    const a = p.tu.decls[0]!;
    expect(a.kind === 'set-aside' && a.error && a.declaredNames).toEqual(['a']);
  });

  test('a struct missing its semicolon, a stray brace, an unterminated body', () => {
    expect(parseText('__device__ struct S { int x; }\n__device__ int y;').errors).toEqual(["1:31: error: expected ';' after struct"]);
    expect(parseText('__device__ int y; }').errors).toEqual(["1:19: error: extraneous closing brace ('}')"]);
    expect(parseText('__global__ void k() { if (1) {').errors).toEqual(["1:31: error: expected '}'"]);
  });
});

describe('robustness', () => {
  test('20,000 nested parentheses give one error, not a stack overflow', () => {
    const src = `__device__ int f() { return ${'('.repeat(20000)}1${')'.repeat(20000)}; }\n__device__ int g() { return 2; }`;
    const t0 = performance.now();
    const p = parseText(src);
    expect(performance.now() - t0).toBeLessThan(20000);
    expect(p.errors).toEqual(['1:284: error: nesting too deep (limit 256)']);
    expect(p.tu.decls[1]!.kind).toBe('function');
  });

  test('deep unbracketed recursion is bounded', () => {
    for (const src of [
      `__device__ int f(int x) { return ${'-'.repeat(20000)}x; }`,
      `__device__ int f(int x) { return ${'x = '.repeat(5000)}x; }`,
      `__device__ int f(int x) { ${'if (x) '.repeat(5000)}x++; }`,
      `__device__ int f(int x) { return ${'x ? x : '.repeat(5000)}x; }`,
      `${'namespace a { '.repeat(3000)}`,
    ]) {
      const p = parseText(src);
      expect(p.errors.length).toBeGreaterThan(0);
      expect(p.errors.join('\n')).toMatch(/nesting too deep|expected/);
    }
  });

  test('binary garbage and truncated input only produce diagnostics', () => {
    let seed = 42;
    const rand = (): number => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    let garbage = '';
    for (let i = 0; i < 20000; i++) garbage += String.fromCharCode(Math.floor(rand() * 256));
    const p = parseText(garbage);
    expect(p.messages.some((m) => m.includes('internal'))).toBe(false);
    const kernel = `template <typename T> __global__ void k(T* x, int n) { for (int i = 0; i < n; ++i) { x[i] = x[i] * 2 + (T)1; } }`;
    for (let cut = 1; cut < kernel.length; cut += 3) {
      const q = parseText(kernel.slice(0, cut));
      expect(q.messages.some((m) => m.includes('internal'))).toBe(false);
    }
  });

  test('token soup made of C++ keywords and punctuators', () => {
    const words = ['template', '<', '>', '(', ')', '{', '}', '[', ']', ';', ',', 'int', 'x', '::', 'struct', 'operator', '=', '*', '&', '__global__', 'return', 'if', 'else', '...', '.', '->', '?', ':', '#pragma unroll\n', 'enum', 'class', 'typename', 'sizeof', 'new', 'delete', '"s"', "'c'", '1', '1.5f', '<<', '>>', 'using', 'namespace'];
    let seed = 7;
    const rand = (): number => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    for (let round = 0; round < 60; round++) {
      let src = '';
      for (let i = 0; i < 200; i++) src += words[Math.floor(rand() * words.length)] + ' ';
      const p = parseText(src);
      expect(p.messages.filter((m) => m.includes('internal'))).toEqual([]);
    }
  });
});
