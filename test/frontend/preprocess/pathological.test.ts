/**
 * Pathological input ends quickly with a result or a diagnostic, never a stack overflow or a
 * hang. Time bounds are generous so the tests do not flake on a loaded machine.
 */
import { describe, expect, it } from 'vitest';
import { pp, timed } from './helpers.js';

describe('pathological input', () => {
  it('exponential expansion stops at the expansion limit', () => {
    let src = '#define a0 x\n';
    for (let k = 1; k <= 40; k++) src += `#define a${k} a${k - 1} a${k - 1}\n`;
    src += 'a40\n';
    const { value: r, ms } = timed(() => pp(src, { limits: { expansionTokens: 1_000_000 } }));
    expect(ms).toBeLessThan(5000);
    expect(r.codes).toEqual(['KCC1124@42:1']);
  });

  it('with the default limit too', () => {
    let src = '#define a0 x\n';
    for (let k = 1; k <= 40; k++) src += `#define a${k} a${k - 1} a${k - 1}\n`;
    const { value: r, ms } = timed(() => pp(src + 'a40\n'));
    expect(ms).toBeLessThan(10000);
    expect(r.codes.map((c) => c.slice(0, 7))).toEqual(['KCC1124']);
  });

  it('deep nesting of invocations in arguments is limited', () => {
    const src = '#define f(x) x\n' + 'f('.repeat(5000) + '1' + ')'.repeat(5000);
    const { value: r, ms } = timed(() => pp(src));
    expect(ms).toBeLessThan(5000);
    expect(r.codes[0]).toMatch(/^KCC1125@2:/);
  });

  it('long chains of macros expand', () => {
    let src = '';
    for (let k = 0; k < 1000; k++) src += `#define m${k} m${k + 1}\n`;
    const { value: r, ms } = timed(() => pp(src + 'm0'));
    expect(ms).toBeLessThan(5000);
    expect(r.text).toBe('m1000');
  });

  it('mutually recursive function-like macros terminate', () => {
    const src = '#define f(x) g(x) + f(x)\n#define g(x) f(x) * g(x)\nf(1)';
    expect(pp(src).text).toBe('f ( 1 ) * g ( 1 ) + f ( 1 )');
  });

  it('an unterminated comment ends the file with one error', () => {
    const r = pp('int a;\n/* open\n#define X\nint b;');
    expect(r.text).toBe('int a ;');
    expect(r.codes).toEqual(['KCC1004@2:1']);
  });

  it('an unterminated comment inside #if 0 is still reported', () => {
    expect(pp('#if 0\n/* open').codes).toEqual(['KCC1004@2:1', 'KCC1100@1:1']);
  });

  it('random bytes end quickly with a few diagnostics', () => {
    let seed = 7;
    const rnd = (): number => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 16) & 0xff;
    const text = Buffer.from(Array.from({ length: 500_000 }, rnd)).toString('latin1');
    const { value: r, ms } = timed(() => pp(text));
    expect(ms).toBeLessThan(5000);
    expect(r.diags.length).toBeGreaterThan(0);
    expect(r.diags.length).toBeLessThan(1100);
  });

  it('random printable noise with # lines stops at the error limit', () => {
    let seed = 3;
    const chars = '#\n ()",\'ab01+-*/\\<>{};';
    let s = '';
    for (let k = 0; k < 300_000; k++) s += chars[((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 16) % chars.length];
    const { ms } = timed(() => pp(s));
    expect(ms).toBeLessThan(5000);
  });

  it('a 5 MB file', () => {
    const unit = '#define IDX(i, j) ((i) * n + (j))\n__global__ void k(float *y, int n) { y[IDX(threadIdx.x, 1)] = 2.0f * y[0]; }\n';
    const src = unit.repeat(Math.ceil(5_000_000 / unit.length));
    const { value: r, ms } = timed(() => pp(src));
    expect(ms).toBeLessThan(10000);
    expect(r.codes).toEqual([]);
    expect(r.tokens.length).toBeGreaterThan(1_000_000);
  });
});
