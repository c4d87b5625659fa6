// One functional test per vector instruction (pipe V), on the types where it is most telling:
// f32 rounding, f16/bf16 rounding per op, integer wraparound, masks, strides.
import { describe, expect, it } from 'vitest';
import { f32ToF16Bits } from '../../../src/support/half.js';
import { F16_TABLE, fmaF32 } from '../../../src/targets/npu-sim/types.js';
import { f32s, layout, region, runUb } from './helpers.js';

const N = 64; // f32 lanes per repeat
const seq = (n: number, f: (i: number) => number) => Array.from({ length: n }, (_, i) => f(i));
const A = seq(N, (i) => (i - 20) * 0.37);
const B = seq(N, (i) => 1 + i * 0.11);
const ab = layout({ 0: f32s(...A), 1: f32s(...B) });
const outF32 = (ub: Uint8Array, r = 2) => Array.from(region(ub, r, Float32Array, N));
const fr = Math.fround;
const fa = A.map(fr), fb = B.map(fr);

describe('vector f32 element-wise', () => {
  const bin: Array<[string, (a: number, b: number) => number]> = [
    ['vadd', (a, b) => a + b], ['vsub', (a, b) => a - b], ['vmul', (a, b) => a * b], ['vdiv', (a, b) => a / b],
    ['vmax', Math.max], ['vmin', Math.min],
  ];
  for (const [op, f] of bin) {
    it(op, () => {
      expect(outF32(runUb(`    ${op}.f32 ub[R2], ub[R0], ub[R1]`, ab))).toEqual(fa.map((a, i) => fr(f(a, fb[i]!))));
    });
  }
  const sc: Array<[string, (a: number) => number]> = [['vadds', (a) => a + fr(0.3)], ['vmuls', (a) => a * fr(0.3)], ['vmaxs', (a) => Math.max(a, fr(0.3))], ['vmins', (a) => Math.min(a, fr(0.3))]];
  for (const [op, f] of sc) {
    it(`${op} (scalar from an f register)`, () => {
      expect(outF32(runUb(`    fli f1, 0.3\n    ${op}.f32 ub[R2], ub[R0], f1`, ab))).toEqual(fa.map((a) => fr(f(a))));
    });
  }
  it('vadd with a broadcast immediate', () => {
    expect(outF32(runUb('    vadd.f32 ub[R2], ub[R0], 2', ab))).toEqual(fa.map((a) => fr(a + 2)));
  });
  const un: Array<[string, (a: number) => number, number[]]> = [
    ['vexp', Math.exp, fa], ['vln', Math.log, fb], ['vsqrt', Math.sqrt, fb], ['vrsqrt', (x) => 1 / Math.sqrt(x), fb],
    ['vrelu', (x) => (x > 0 ? x : 0), fa], ['vabs', Math.abs, fa], ['vcopy', (x) => x, fa],
  ];
  for (const [op, f, src] of un) {
    it(op, () => {
      const ub = layout({ 0: f32s(...src) });
      expect(outF32(runUb(`    ${op}.f32 ub[R2], ub[R0]`, ub))).toEqual(src.map((x) => fr(f(x))));
    });
  }
  it('vmla: dst = a·b + dst with one rounding', () => {
    const ub = layout({ 0: f32s(...A), 1: f32s(...B), 2: f32s(...seq(N, (i) => i)) });
    expect(outF32(runUb('    vmla.f32 ub[R2], ub[R0], ub[R1]', ub))).toEqual(fa.map((a, i) => fmaF32(a, fb[i]!, i)));
  });
  it('vdup', () => {
    expect(outF32(runUb('    fli f1, -1.5\n    vdup.f32 ub[R2], f1, rep=2', ab), 3)).toEqual(seq(N, () => -1.5));
  });
});

describe('vector f16 / bf16 round per op', () => {
  it('vadd.f16 rounds each sum to f16', () => {
    const a = seq(128, (i) => f32ToF16Bits(1 + i / 1024)), b = seq(128, () => f32ToF16Bits(1 / 4096));
    const ub = layout({ 0: new Uint8Array(new Uint16Array(a).buffer), 1: new Uint8Array(new Uint16Array(b).buffer) });
    const out = Array.from(region(runUb('    vadd.f16 ub[R2], ub[R0], ub[R1]', ub), 2, Uint16Array, 128));
    expect(out).toEqual(a.map((x, i) => f32ToF16Bits(F16_TABLE[x]! + F16_TABLE[b[i]!]!)));
  });
  it('vmul.bf16', () => {
    const bits = (x: number) => new Float32Array([x]).buffer;
    const bf = (x: number) => new Uint32Array(bits(x))[0]! >>> 16;
    const a = seq(128, (i) => bf(1 + i / 64)), b = seq(128, () => bf(3));
    const ub = layout({ 0: new Uint8Array(new Uint16Array(a).buffer), 1: new Uint8Array(new Uint16Array(b).buffer) });
    const out = Array.from(region(runUb('    vmul.bf16 ub[R2], ub[R0], ub[R1]', ub), 2, Uint16Array, 128));
    expect(out[1]).toBe(bf(3 * (1 + 1 / 64))); // exact in bf16
    expect(out[3]).toBe(bf(fr(3 * (1 + 3 / 64))));
  });
});

describe('vector integers wrap', () => {
  const i32 = (ub: Uint8Array, r = 2) => Array.from(region(ub, r, Int32Array, 64));
  const ia = Array.from(new Int32Array(seq(64, (i) => (i % 2 ? -1 : 1) * (0x7ffffff0 + i)))), ib = seq(64, (i) => i + 1);
  const ints = layout({ 0: new Uint8Array(new Int32Array(ia).buffer), 1: new Uint8Array(new Int32Array(ib).buffer) });
  const cases: Array<[string, (a: number, b: number) => number]> = [
    ['vadd', (a, b) => (a + b) | 0], ['vsub', (a, b) => (a - b) | 0], ['vmul', (a, b) => Math.imul(a, b)], ['vdiv', (a, b) => Math.trunc(a / b) | 0],
    ['vmax', Math.max], ['vmin', Math.min], ['vand', (a, b) => a & b], ['vor', (a, b) => a | b], ['vxor', (a, b) => a ^ b],
    ['vshl', (a, b) => (b >= 32 ? 0 : a << b)], ['vshr', (a, b) => a >> Math.min(b, 31)],
  ];
  for (const [op, f] of cases) {
    it(`${op}.i32`, () => {
      expect(i32(runUb(`    ${op}.i32 ub[R2], ub[R0], ub[R1]`, ints))).toEqual(ia.map((a, i) => f(a, ib[i]!)));
    });
  }
  it('vshr.u32 is logical, vnot, vabs, vrelu, vpopc, vclz', () => {
    const u = (op: string) => Array.from(region(runUb(`    ${op}`, ints), 2, Uint32Array, 64));
    expect(u('vshr.u32 ub[R2], ub[R0], 4')[1]).toBe((ia[1]! >>> 0) >>> 4);
    expect(i32(runUb('    vnot.i32 ub[R2], ub[R0]', ints))[0]).toBe(~ia[0]!);
    expect(i32(runUb('    vabs.i32 ub[R2], ub[R0]', ints))[1]).toBe(Math.abs(ia[1]!));
    expect(i32(runUb('    vrelu.i32 ub[R2], ub[R0]', ints)).slice(0, 2)).toEqual([ia[0], 0]);
    expect(i32(runUb('    vpopc.i32 ub[R2], ub[R1]', ints)).slice(0, 4)).toEqual([1, 1, 2, 1]);
    expect(i32(runUb('    vclz.i32 ub[R2], ub[R1]', ints)).slice(0, 4)).toEqual([31, 30, 30, 29]);
  });
  it('i8 and i16 wrap, i64 is exact', () => {
    const b8 = layout({ 0: new Uint8Array(256).fill(200), 1: new Uint8Array(256).fill(100) });
    expect(region(runUb('    vadd.u8 ub[R2], ub[R0], ub[R1]', b8), 2, Uint8Array, 256)[255]).toBe(44);
    expect(region(runUb('    vmul.i16 ub[R2], ub[R0], ub[R1]', b8), 2, Int16Array, 128)[0]).toBe(((200 * 256 + 200) * (100 * 256 + 100)) << 16 >> 16);
    const b64 = layout({ 0: new Uint8Array(new BigInt64Array(32).fill(2n ** 62n).buffer), 1: new Uint8Array(new BigInt64Array(32).fill(3n).buffer) });
    expect(region(runUb('    vmul.i64 ub[R2], ub[R0], ub[R1]', b64), 2, BigInt64Array, 32)[0]).toBe(BigInt.asIntN(64, 3n * 2n ** 62n));
  });
});

describe('vector conversions, compares, selects, reductions', () => {
  it('vcvt f32→f16 (64 lanes per repeat), f32→i32 round modes, i32→f32', () => {
    const ub = layout({ 0: f32s(...A) });
    const h = region(runUb('    vcvt.f16.f32 ub[R2], ub[R0]', ub), 2, Uint16Array, 64);
    expect(Array.from(h)).toEqual(fa.map((x) => f32ToF16Bits(x)));
    const rz = region(runUb('    vcvt.i32.f32 ub[R2], ub[R0]', ub), 2, Int32Array, 64);
    const rd = region(runUb('    vcvt.i32.f32 ub[R2], ub[R0], round=rd', ub), 2, Int32Array, 64);
    expect([rz[0], rd[0]]).toEqual([Math.trunc(fa[0]!), Math.floor(fa[0]!)]);
    const ints = layout({ 0: new Uint8Array(new Int32Array(seq(64, (i) => 16777217 + i)).buffer) });
    expect(region(runUb('    vcvt.f32.i32 ub[R2], ub[R0]', ints), 2, Float32Array, 64)[0]).toBe(16777216);
  });
  it('vcmp.cc writes one mask bit per lane; masked ops keep masked-off lanes', () => {
    for (const [cc, f] of [['lt', (a: number, b: number) => a < b], ['ge', (a: number, b: number) => a >= b], ['eq', (a: number, b: number) => a === b]] as const) {
      const ub = runUb(`    vcmp.${cc}.f32 ub[R3], ub[R0], ub[R1]`, ab);
      const bits = region(ub, 3, Uint8Array, 8);
      expect(seq(64, (i) => (bits[i >> 3]! >> (i & 7)) & 1)).toEqual(fa.map((a, i) => (f(a, fb[i]!) ? 1 : 0)));
    }
    const ub = runUb('    vcmp.gt.f32 ub[R3], ub[R0], 0\n    bar V\n    vdup.f32 ub[R2], 7, mask=ub[R3]', ab);
    expect(outF32(ub)).toEqual(fa.map((a) => (a > 0 ? 7 : 0)));
  });
  it('vsel picks a where the mask is set', () => {
    const ub = runUb('    vcmp.gt.f32 ub[R3], ub[R0], 0\n    bar V\n    vsel.f32 ub[R2], ub[R0], ub[R1], mask=ub[R3]', ab);
    expect(outF32(ub)).toEqual(fa.map((a, i) => (a > 0 ? a : fb[i]!)));
  });
  it('register mask: vmask.cont, vmask.bits, vmask.all', () => {
    expect(outF32(runUb('    vmask.cont 3\n    vdup.f32 ub[R2], 1.0\n    vmask.all', ab)).slice(0, 5)).toEqual([1, 1, 1, 0, 0]);
    expect(outF32(runUb('    li s2, 0x8000000000000001\n    vmask.bits s2\n    vdup.f32 ub[R2], 1.0', ab)).filter((x) => x === 1).length).toBe(2);
  });
  it('vmask.and / or / not combine masks in UB', () => {
    const ub = layout({ 3: new Uint8Array(8).fill(0b1100), 4: new Uint8Array(8).fill(0b1010) });
    const r = (op: string) => region(runUb(`    ${op}`, ub), 5, Uint8Array, 8)[0];
    expect([r('vmask.and.f32 ub[R5], ub[R3], ub[R4]'), r('vmask.or.f32 ub[R5], ub[R3], ub[R4]'), r('vmask.not.f32 ub[R5], ub[R3]')]).toEqual([0b1000, 0b1110, 0b11110011]);
  });
  it('vrsum / vrmax / vrmin reduce each repeat pairwise', () => {
    const ub = layout({ 0: f32s(...A), 1: f32s(...B) });
    const sum = (xs: number[]): number => (xs.length === 1 ? xs[0]! : sum(seq(xs.length / 2, (k) => fr(xs[2 * k]! + xs[2 * k + 1]!))));
    const out = outF32(runUb('    vrsum.f32 ub[R2], ub[R0], rep=2\n    vrmax.f32 ub[R2 + 32], ub[R0], rep=2\n    vrmin.f32 ub[R2 + 64], ub[R0], rep=2', ub));
    expect(out.slice(0, 2)).toEqual([sum(fa), sum(fb)]);
    expect(out.slice(8, 10)).toEqual([Math.max(...fa), Math.max(...fb)]);
    expect(out.slice(16, 18)).toEqual([Math.min(...fa), Math.min(...fb)]);
  });
  it('vgather, vscatter, vpermute', () => {
    const idx = new Uint32Array(seq(64, (i) => 63 - i));
    const ub = layout({ 0: f32s(...A), 4: new Uint8Array(idx.buffer) });
    expect(outF32(runUb('    vgather.f32 ub[R2], ub[R0], idx=ub[R4]', ub))).toEqual([...fa].reverse());
    expect(outF32(runUb('    vscatter.f32 ub[R2], ub[R0], idx=ub[R4]', ub))).toEqual([...fa].reverse());
    expect(outF32(runUb('    vpermute.f32 ub[R2], ub[R0], idx=ub[R4]', ub))).toEqual([...fa].reverse());
  });
  it('block and repeat strides', () => {
    // dst blocks 0,2,4,… (blockstride 2 on dst only), sources dense: 8 blocks of 8 lanes
    const out = outF32(runUb('    vadd.f32 ub[R2], ub[R0], ub[R1], blockstride=2:1:1, repstride=16:8:8', ab).subarray(0, 2048));
    expect(out.slice(0, 8)).toEqual(fa.slice(0, 8).map((a, i) => fr(a + fb[i]!)));
    expect(out.slice(8, 16)).toEqual(seq(8, () => 0));
    expect(out.slice(16, 24)).toEqual(fa.slice(8, 16).map((a, i) => fr(a + fb[i + 8]!)));
  });
});
