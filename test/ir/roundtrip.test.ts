import fc from 'fast-check';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { f32, formatFloat, parseModule, parseModuleOrThrow, printModule, verifyModule } from '../../src/ir/index.js';
import { fixture } from './helpers.js';
import { randomModule } from './random-kir.js';

const files = readdirSync(join(import.meta.dirname, 'fixtures')).filter((f) => f.endsWith('.kir'));

describe('KIR text round trip', () => {
  it.each(files)('%s: print(parse(print(m))) === print(m), and it verifies', (f) => {
    const m = parseModuleOrThrow(fixture(f), f);
    expect(verifyModule(m).map((e) => e.message)).toEqual([]);
    const t = printModule(m);
    expect(printModule(parseModuleOrThrow(t))).toBe(t);
  });

  it('keeps name hints, renumbers anonymous values, and keeps locations', () => {
    const t = printModule(parseModuleOrThrow(`
kernel @k(%p: ptr<global, f32>) {
  %7 = const 1.5 : f32 loc("a b.cu":3:12)
  %x = add %7, %7 : f32
  %x.1 = mul %x, %x : f32
  %99 = sub %x.1, %7 : f32
  store %99, %p
  return
}`));
    expect(t).toContain('%0 = const 1.5 : f32 loc("a b.cu":3:12)');
    expect(t).toContain('%x.1 = mul %x, %x : f32');
    expect(t).toContain('%1 = sub %x.1, %0 : f32');
  });

  it('prints non-finite and special float constants', () => {
    expect([Infinity, -Infinity, NaN, -0, 0, 1e-45].map((x) => formatFloat(Math.fround(x), f32))).toEqual(['inf', '-inf', 'nan', '-0.0', '0.0', '1e-45']);
    expect(formatFloat(Math.fround(0.1), f32)).toBe('0.1');
    const m = parseModuleOrThrow('kernel @k() {\n  %a = const -inf : f32\n  %b = const nan : f64\n  %c = const -9223372036854775808 : i64\n  %d = const true : i1\n  return\n}\n');
    expect(printModule(m)).toContain('%c = const -9223372036854775808 : i64');
    expect(verifyModule(m)).toEqual([]);
  });

  it('random modules round trip and verify (fast-check)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0x7fffffff }), (seed) => {
        const m = randomModule(seed);
        expect(verifyModule(m).map((e) => e.message)).toEqual([]);
        const t = printModule(m);
        const again = printModule(parseModuleOrThrow(t));
        expect(again).toBe(t);
      }),
      { numRuns: 200 },
    );
  });
});

describe('KIR parse errors', () => {
  const err = (text: string) => {
    const r = parseModule(text, { path: 'bad.kir' });
    expect(r.ok).toBe(false);
    return r.diags.resolve().map((d) => `${d.line}:${d.column}: ${d.message} [${d.code}]`);
  };
  it('reports line and column', () => {
    expect(err('kernel @k() {\n  %a = frob %b : i32\n  return\n}\n')).toEqual(["2:8: unknown KIR op 'frob' [KCC4501]"]);
    expect(err('kernel @k() {\n  %a = add %b, %b : i32\n  return\n}\n')).toEqual(["2:12: use of undefined value '%b' [KCC4502]"]);
    expect(err('kernel @k() {\n  %a = const 1 : i32\n  %a = const 2 : i32\n  return\n}\n')).toEqual(["3:3: value '%a' is defined twice [KCC4503]"]);
    expect(err('kernel @k() {\n  %a = const 1.5 : i32\n  return\n}\n')).toEqual(["2:14: invalid constant '1.5' for i32 [KCC4505]"]);
    expect(err('kernel @k(%p: ptr<far, f32>) {\n  return\n}\n')).toEqual(["1:19: invalid type: unknown address space 'far' [KCC4504]"]);
    expect(err('kernel @k() {\n  %a = const 1 : i32 {x = 1}\n  return\n}\n')[0]).toMatch(/^2:22: expected/);
  });
  it('recovers at the next function and reports each', () => {
    const d = err('kernel @a() {\n  %x = nope\n  return\n}\nkernel @b() {\n  %y = add %z, %z : i32\n  return\n}\nkernel @c() {\n  return\n}\n');
    expect(d).toHaveLength(2);
    expect(d[1]).toMatch(/^6:/);
  });
  it('a value defined inside a region is not visible after it', () => {
    expect(err('kernel @k(%c: i1) {\n  if %c {\n    %v = const 1 : i32\n    yield\n  } else {\n    yield\n  }\n  %w = add %v, %v : i32\n  return\n}\n')[0]).toMatch(/^8:12: use of undefined value '%v'/);
  });
});
