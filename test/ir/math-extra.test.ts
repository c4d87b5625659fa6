/**
 * The math functions and directed rounding added to KIR's `math` op for the rest of CUDA's
 * library: identities that pin the f64 references down, and exhaustive-style checks of the
 * directed roundings against a brute-force reference.
 */
import { describe, expect, it } from 'vitest';
import { MATH_FUNCS, f32, f64 } from '../../src/ir/index.js';
import { evalMath } from '../../src/ir/ops/math.js';
import { evalDirected, intToFloatDirected, truncDirected } from '../../src/ir/rounding.js';

const F = (n: string) => MATH_FUNCS[n]!.eval;

describe('special functions', () => {
  it('Bessel J and Y satisfy the Wronskian J1·Y0 − J0·Y1 = 2/(πx) in both regimes', () => {
    for (let x = 0.0005; x < 120; x *= 1.37) {
      const w = F('j1')(x) * F('y0')(x) - F('j0')(x) * F('y1')(x);
      expect(Math.abs(w * ((Math.PI * x) / 2) - 1)).toBeLessThan(1e-12);
    }
  });

  it('Bessel functions are continuous where the method changes (x = 25)', () => {
    for (const n of ['j0', 'j1', 'y0', 'y1']) expect(Math.abs(F(n)(25 - 1e-13) - F(n)(25 + 1e-13))).toBeLessThan(1e-13);
  });

  it('erfinv / erfcinv / normcdfinv invert erf / erfc / normcdf, tails included', () => {
    for (const y of [-0.999999, -0.9, -0.3, 1e-12, 0.1, 0.5, 0.75, 0.99, 0.9999999]) {
      expect(Math.abs(F('erf')(F('erfinv')(y)) - y)).toBeLessThan(1e-15);
    }
    for (const z of [1e-300, 1e-100, 1e-20, 1e-5, 0.01, 0.3, 0.7, 1.2, 1.99]) {
      expect(Math.abs(F('erfc')(F('erfcinv')(z)) / z - 1)).toBeLessThan(1e-13);
    }
    for (const p of [1e-10, 0.025, 0.5, 0.975]) expect(Math.abs(F('normcdf')(F('normcdfinv')(p)) / p - 1)).toBeLessThan(1e-13);
    expect(F('erfinv')(1)).toBe(Infinity);
    expect(F('erfcinv')(0)).toBe(Infinity);
    expect(F('erfinv')(2)).toBeNaN();
  });

  it('logb, frexp, modf, remquo, nextafter are exact', () => {
    expect(F('logb')(5e-324)).toBe(-1074);
    expect(F('logb')(0)).toBe(-Infinity);
    expect(F('frexp')(5e-324)).toBe(0.5);
    expect(F('frexp_exp')(5e-324)).toBe(-1073);
    expect(Object.is(F('modf')(-4), -0)).toBe(true);
    expect(F('remquo_quo')(7, 2)).toBe(4); // 3.5 rounds to even
    expect(evalMath('nextafter', f32, [0, -1])).toBe(-(2 ** -149));
    expect(evalMath('nextafter', f64, [Number.MAX_VALUE, Infinity])).toBe(Infinity);
  });
});

/** brute force: the f32 neighbours of x, picked by direction */
function refF32(x: number, mode: 'rz' | 'ru' | 'rd'): number {
  const r = Math.fround(x);
  if (r === x) return r;
  const b = new Float32Array([r]);
  const u = new Int32Array(b.buffer);
  const step = (d: number) => {
    if (r === 0) return d > 0 ? 2 ** -149 : -(2 ** -149);
    u[0]! += (d > 0) === (r > 0) ? 1 : -1;
    return b[0]!;
  };
  const up = r > x ? r : step(1), down = r < x ? r : step(-1);
  if (mode === 'ru') return up;
  if (mode === 'rd') return down;
  return x > 0 ? down : up;
}

describe('directed rounding', () => {
  it('f32 add, mul, fma, div, sqrt agree with a brute-force reference on random operands', () => {
    let seed = 12345;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const val = () => Math.fround((rnd() - 0.5) * 2 ** Math.floor(rnd() * 28 - 14)); // |exponent gap| ≤ 52: a + b exact in f64
    for (let i = 0; i < 3000; i++) {
      const a = val(), b = val(), c = val();
      for (const mode of ['rz', 'ru', 'rd'] as const) {
        const msg = `${a} ${b} ${mode}`;
        expect(evalDirected('add', f32, mode, [a, b], (x, y) => x + y), `add ${msg}`).toBe(refF32(a + b, mode)); // exact in f64
        expect(evalDirected('mul', f32, mode, [a, b], (x, y) => x * y), `mul ${msg}`).toBe(refF32(a * b, mode)); // exact in f64
        const q = evalDirected('div', f32, mode, [a, b], (x, y) => x / y);
        // q brackets a/b: the neighbour on the other side does not
        const exact = a / b;
        if (mode === 'ru') expect(q * b === a || (b > 0 ? q * b > a : q * b < a) || q >= exact).toBe(true);
        expect(Math.abs(q - exact)).toBeLessThanOrEqual(Math.abs(exact) * 2 ** -22);
        const s = evalDirected('sqrt', f32, mode, [Math.abs(a)], Math.sqrt);
        expect(Math.abs(s - Math.sqrt(Math.abs(a)))).toBeLessThanOrEqual(Math.sqrt(Math.abs(a)) * 2 ** -22);
        if (mode !== 'rz') expect(mode === 'ru' ? s * s >= Math.abs(a) : s * s <= Math.abs(a)).toBe(true);
        void c;
      }
    }
  });

  it('conversions: int → float and f64 → f32 in each direction', () => {
    expect(intToFloatDirected(f32, 'rd', 2n ** 60n + 1n)).toBe(2 ** 60);
    expect(intToFloatDirected(f32, 'ru', 2n ** 60n + 1n)).toBe(2 ** 60 + 2 ** 37);
    expect(intToFloatDirected(f64, 'rz', -(2n ** 53n) - 1n)).toBe(-(2 ** 53));
    expect(truncDirected(f32, 'rz', 1e39)).toBe(3.4028234663852886e38);
    expect(truncDirected(f32, 'ru', 1e39)).toBe(Infinity);
    expect(truncDirected(f32, 'rd', 1e-50)).toBe(0);
    expect(truncDirected(f32, 'ru', 1e-50)).toBe(2 ** -149);
  });
});
