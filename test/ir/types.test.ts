import { describe, expect, it } from 'vitest';
import { alignOf, array, bf16, f16, f32, f64, i1, i16, i32, i64, i8, layoutOf, parseType, ptr, sizeOf, struct, u32, u64, u8, vec } from '../../src/ir/index.js';

describe('KIR types', () => {
  it('interns types: structural equality is identity', () => {
    expect(vec(f32, 4)).toBe(vec(f32, 4));
    expect(struct([f32, i32])).toBe(struct([f32, i32]));
    expect(ptr('global', f32)).not.toBe(ptr('shared', f32));
    expect(i32).not.toBe(u32);
  });

  it('scalar sizes and alignments (x86-64 / nvcc)', () => {
    for (const [t, s] of [[i1, 1], [i8, 1], [u8, 1], [i16, 2], [f16, 2], [bf16, 2], [i32, 4], [f32, 4], [i64, 8], [u64, 8], [f64, 8], [ptr('global', f32), 8]] as const) {
      expect(sizeOf(t)).toBe(s);
      expect(alignOf(t)).toBe(s);
    }
  });

  it('CUDA vector types: float2/float4/double2 aligned to their size, float3 to 4', () => {
    expect(layoutOf(vec(f32, 2))).toEqual({ size: 8, align: 8 });
    expect(layoutOf(vec(f32, 4))).toEqual({ size: 16, align: 16 });
    expect(layoutOf(vec(f32, 3))).toEqual({ size: 12, align: 4 });
    expect(layoutOf(vec(f64, 2))).toEqual({ size: 16, align: 16 });
    expect(layoutOf(vec(u8, 4))).toEqual({ size: 4, align: 4 });
  });

  it('struct layout: padding, offsets, tail padding, nested arrays', () => {
    // struct { char c; double d; int i; } → c@0 d@8 i@16, size 24, align 8
    const s = struct([i8, f64, i32]);
    expect(layoutOf(s)).toEqual({ size: 24, align: 8, offsets: [0, 8, 16] });
    // struct { short a; char b[3]; float4 v; } → a@0 b@2 v@16, size 32
    const t = struct([i16, array(i8, 3), vec(f32, 4)]);
    expect(layoutOf(t)).toEqual({ size: 32, align: 16, offsets: [0, 2, 16] });
    expect(sizeOf(array(s, 3))).toBe(72);
    expect(layoutOf(struct([]))).toEqual({ size: 0, align: 1, offsets: [] });
  });

  it('__align__ overrides raise alignment and size', () => {
    const s = struct([f32, f32], 16);
    expect(layoutOf(s)).toEqual({ size: 16, align: 16, offsets: [0, 4] });
    expect(s.text).toBe('{f32, f32; align 16}');
  });

  it('types print and parse back', () => {
    for (const t of [i32, u64, bf16, vec(f32, 4), array(array(f32, 16), 16), struct([i8, ptr('shared', f32)], 8), ptr('generic', struct([f32, vec(i32, 2)])), ptr('host', ptr('global', u8))]) {
      expect(parseType(t.text)).toBe(t);
    }
    expect(() => parseType('ptr<nowhere, f32>')).toThrow(/unknown address space/);
    expect(() => parseType('{f32; align 3}')).toThrow(/power of two/);
  });
});
