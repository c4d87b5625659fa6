import { describe, expect, it } from 'vitest';
import { Memory, Module, buildFunc, f32, i32, i64, i8, interpret, ptr, semantics, u32, u8, voidT, type Builder, type Type, type Value } from '../../src/ir/index.js';

/** builds a kernel that stores one value per expression into out[k] and returns what it stored */
function evaluate(type: Type, exprs: ((b: Builder) => Value)[]): (number | bigint)[] {
  const m = new Module();
  buildFunc(m, 'kernel', 'k', [{ name: 'out', type: ptr('global', type) }], voidT, (b, [out]) => {
    exprs.forEach((e, k) => b.store(e(b), b.ptradd(out!, b.i32(k))));
  });
  const mem = new Memory();
  const size = type === i64 ? 8 : type === i8 || type === u8 ? 1 : 4;
  const buf = mem.alloc(exprs.length * size, 'out', size);
  const r = interpret(m, 'k', { grid: 1, block: 1, args: [buf], memory: mem, sanitize: false });
  expect(r.faults).toEqual([]);
  const bytes = mem.read(buf);
  if (type === i64) return Array.from(new BigInt64Array(bytes.buffer));
  if (type === f32) return Array.from(new Float32Array(bytes.buffer));
  if (type === u32) return Array.from(new Uint32Array(bytes.buffer));
  if (type === i8) return Array.from(new Int8Array(bytes.buffer));
  if (type === u8) return Array.from(bytes);
  return Array.from(new Int32Array(bytes.buffer));
}

describe('KIR semantics in the interpreter', () => {
  it('f32: every op rounds once; fma rounds once for the whole a*b+c', () => {
    const a = 1 + 2 ** -12;
    const c = -(1 + 2 ** -11);
    const [mulAdd, fused, third, sum] = evaluate(f32, [
      (b) => b.add(b.mul(b.f32(a), b.f32(a)), b.f32(c)),
      (b) => b.fma(b.f32(a), b.f32(a), b.f32(c)),
      (b) => b.div(b.f32(1), b.f32(3)),
      (b) => b.add(b.f32(0.1), b.f32(0.2)),
    ]);
    expect(mulAdd).toBe(0); // a*a = 1 + 2^-11 + 2^-24 rounds (tie to even) to 1 + 2^-11
    expect(fused).toBe(2 ** -24);
    expect(third).toBe(Math.fround(1 / 3));
    expect(sum).toBe(Math.fround(Math.fround(0.1) + Math.fround(0.2)));
    expect(semantics.fmaF32(Math.fround(a), Math.fround(a), Math.fround(c))).toBe(2 ** -24);
  });

  it('i32: wraparound, C division and remainder of negatives, arithmetic vs logical shifts', () => {
    expect(evaluate(i32, [
      (b) => b.add(b.i32(2147483647), b.i32(1)),
      (b) => b.div(b.i32(-7), b.i32(2)),
      (b) => b.rem(b.i32(-7), b.i32(2)),
      (b) => b.div(b.i32(7), b.i32(-2)),
      (b) => b.rem(b.i32(7), b.i32(-2)),
      (b) => b.shr(b.i32(-8), b.i32(1)),
      (b) => b.mul(b.i32(65537), b.i32(65537)),
      (b) => b.div(b.i32(-2147483648), b.i32(-1)),
      (b) => b.convert(b.const(i8, -1), i32),
      (b) => b.convert(b.const(u8, 255), i32),
      (b) => b.create('fptosi', [b.f32(-3.99)], { types: [i32] }).result,
      (b) => b.create('clz', [b.i32(1)]).result,
      (b) => b.create('popc', [b.i32(-1)]).result,
      (b) => b.create('ffs', [b.i32(40)]).result,
    ])).toEqual([-2147483648, -3, -1, -3, 1, -4, 131073, -2147483648, -1, 255, -3, 31, 32, 4]);
  });

  it('u32 and narrow integers wrap at their width', () => {
    expect(evaluate(u32, [
      (b) => b.sub(b.u32(0), b.u32(1)),
      (b) => b.shr(b.u32(0x80000000), b.u32(31)),
      (b) => b.div(b.u32(0xfffffffe), b.u32(3)),
      (b) => b.mul(b.u32(0xffffffff), b.u32(0xffffffff)),
      (b) => b.create('brev', [b.u32(1)]).result,
    ])).toEqual([4294967295, 1, 1431655764, 1, 0x80000000]);
    expect(evaluate(i8, [(b) => b.add(b.const(i8, 127), b.const(i8, 1)), (b) => b.convert(b.i32(300), i8)])).toEqual([-128, 44]);
  });

  it('64-bit integers are exact', () => {
    expect(evaluate(i64, [
      (b) => b.mul(b.const(i64, 3037000500n), b.const(i64, 3037000500n)),
      (b) => b.sub(b.const(i64, -9223372036854775808n), b.const(i64, 1n)),
      (b) => b.rem(b.const(i64, -7n), b.const(i64, 3n)),
      (b) => b.shr(b.const(i64, -1n << 40n), b.const(i64, 39n)),
      (b) => b.convert(b.i32(-5), i64),
      (b) => b.convert(b.u32(0xffffffff), i64),
    ])).toEqual([9223372037000250000n - 2n ** 64n, 9223372036854775807n, -1n, -2n, -5n, 4294967295n]);
  });

  it('integer → float conversion rounds once, also beyond 2^53', () => {
    const x = (1n << 60n) + (1n << 36n) + 1n; // just above a tie in f32
    expect(semantics.intToFloat(f32, x)).toBe(Math.fround(2 ** 60 + 2 ** 37));
    expect(semantics.intToFloat(f32, (1n << 60n) + (1n << 36n))).toBe(2 ** 60); // exact tie → even
  });
});
