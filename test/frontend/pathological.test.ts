/**
 * Pathological inputs end quickly with a result or a clear diagnostic — never a stack overflow,
 * a hang or an exception. Bounds are generous (a loaded CI machine must not flake); the bench
 * measures the real times.
 */
import { describe, expect, it } from 'vitest';
import { runFrontend } from '../../src/frontend/index.js';
import { runCli } from '../../src/cli/cli.js';
import { memoryIO } from '../../src/cli/io.js';

const BOUND_MS = 20_000;

function timed<T>(f: () => T): { value: T; ms: number } {
  const t0 = performance.now();
  const value = f();
  return { value, ms: performance.now() - t0 };
}

function codes(text: string): string[] {
  const { value, ms } = timed(() => runFrontend(text, { filename: 'p.cu' }));
  expect(ms).toBeLessThan(BOUND_MS);
  return value.diagnostics.list.filter((d) => d.severity === 'error').map((d) => d.code);
}

describe('pathological inputs', () => {
  it('20,000 nested parentheses in a kernel', () => {
    const n = 20_000;
    const src = `__global__ void k(int *p) { p[0] = ${'('.repeat(n)}1${')'.repeat(n)}; }\n`;
    expect(codes(src).length).toBeGreaterThan(0);
  });

  it('20,000 nested parentheses in #if', () => {
    const n = 20_000;
    expect(codes(`#if ${'('.repeat(n)}1${')'.repeat(n)}\nint x;\n#endif\n`).length).toBeGreaterThan(0);
  });

  it('20,000 nested braces', () => {
    const n = 20_000;
    expect(codes(`__global__ void k() ${'{'.repeat(n)}${'}'.repeat(n)}\n`).length).toBeGreaterThan(0);
  });

  it('a macro that expands to itself stops (and is an undeclared name, not a hang)', () => {
    const src = '#define x x + 1\n#define f(a) f(a) * 2\n__global__ void k(int *p) { p[0] = x; p[1] = f(3); }\n';
    expect(codes(src).length).toBeGreaterThan(0);
  });

  it('exponential macro expansion is cut off with a diagnostic', () => {
    let src = '#define a0 1\n';
    for (let i = 1; i <= 40; i++) src += `#define a${i} a${i - 1} + a${i - 1}\n`;
    src += '__global__ void k(int *p) { p[0] = a40; }\n';
    expect(codes(src).length).toBeGreaterThan(0);
  });

  it('an unterminated comment', () => {
    expect(codes('__global__ void k(float *x) { /* never closed\n x[0] = 1;\n').length).toBeGreaterThan(0);
  });

  it('a 5 MB file of kernels', () => {
    const kernel = (i: number) =>
      `__global__ void k${i}(float *y, const float *x, float a, int n) {\n  int i = blockIdx.x * blockDim.x + threadIdx.x;\n  if (i < n) y[i] = a * x[i] + y[i];\n}\n`;
    let src = '';
    for (let i = 0; src.length < 5_000_000; i++) src += kernel(i);
    expect(codes(src)).toEqual([]);
  });

  it('random bytes without NULs', () => {
    let s = 0x12345678;
    let src = '';
    for (let i = 0; i < 200_000; i++) {
      s = (s * 1103515245 + 12345) >>> 0;
      src += String.fromCharCode(1 + ((s >>> 16) % 255));
    }
    expect(codes(src).length).toBeGreaterThan(0);
  });

  it('binary data through the CLI is one clear diagnostic', async () => {
    const io = memoryIO({ 'bin.cu': '\x7fELF\0\0\0garbage' });
    expect(await runCli(['bin.cu'], io)).toBe(1);
    expect(io.err).toContain('does not look like source text');
  });
});
