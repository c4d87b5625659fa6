/**
 * The one C layout: sizes, alignments and field offsets of records and vector types.
 * Every expected number below was confirmed with nvcc 13 on x86-64 (a host program printing
 * sizeof/alignof/offsetof of the same declarations, compiled with `nvcc -x cu`), so kcc
 * lays data out exactly as CUDA code copied between host and device expects.
 */
import { describe, expect, it } from 'vitest';
import { VECTOR_TYPES } from '../../../src/frontend/builtins/types.js';
import type { RecordInfo } from '../../../src/frontend/sema/entities.js';
import { alignOf, sizeOf } from '../../../src/frontend/sema/layout.js';
import { T } from '../../../src/frontend/sema/types.js';
import { checkSource, ok } from './helpers.js';

const DECLS = `
struct A { char c; int i; };
struct B { char c; double d; short s; };
struct C { char c; float4 v; };
struct D { float3 p; float m; };
struct E { char a; char2 b; short4 c; };
struct __align__(16) F { float x; };
struct G { int a; __align__(8) int b; };
struct H { A a; char c; };
union U { char c; double d; int3 i; };
struct I { int a : 3; int b : 5; int c : 25; char d; };
struct J { char c; unsigned x : 4; unsigned y : 30; };
struct J2 { char c; unsigned short x : 4; unsigned char y : 3; long z : 40; };
struct K { double2 d; char c; };
struct L { __half h; float f; __half2 h2; };
struct M { char c[3]; long long ll; };
struct N {};
struct O : N { int x; };
struct P : A { char d; };
struct Q { bool b; long l; uchar3 u; dim3 g; };
`;

// nvcc: `S(T)` printed "sizeof alignof"; offsets by offsetof
const SIZES: Record<string, [number, number]> = {
  A: [8, 4], B: [24, 8], C: [32, 16], D: [16, 4], E: [16, 8], F: [16, 16], G: [16, 8], H: [12, 4], U: [16, 8],
  I: [12, 4], J: [8, 4], J2: [8, 8], K: [32, 16], L: [12, 4], M: [16, 8], N: [1, 1], O: [4, 4], P: [12, 4], Q: [32, 8],
};
const OFFSETS: Record<string, number> = {
  'A.i': 4, 'B.d': 8, 'B.s': 16, 'C.v': 16, 'D.m': 12, 'E.b': 2, 'E.c': 8, 'G.b': 8, 'H.c': 8, 'I.d': 8, 'K.c': 16,
  'L.f': 4, 'L.h2': 8, 'M.ll': 8, 'O.x': 0, 'P.d': 8, 'Q.l': 8, 'Q.u': 16, 'Q.g': 20,
};

function records(): Map<string, RecordInfo> {
  const p = ok(DECLS, { implicit: false });
  return new Map(p.records.map((r) => [r.name, r]));
}

describe('record layout (confirmed with nvcc)', () => {
  const recs = records();
  for (const [name, [size, align]] of Object.entries(SIZES)) {
    it(`${name}: sizeof ${size}, alignof ${align}`, () => {
      const r = recs.get(name)!;
      expect(r.layout).toMatchObject({ size, align });
    });
  }
  it('field offsets', () => {
    for (const [key, off] of Object.entries(OFFSETS)) {
      const [rec, field] = key.split('.');
      const r = recs.get(rec!)!;
      const f = r.fields.find((x) => x.name === field)!;
      expect(f.offset, key).toBe(off);
    }
  });
  it('bit-fields share storage units as SysV does', () => {
    const i = recs.get('I')!;
    const [a, b, c] = i.fields;
    expect([a!.offset, a!.bitOffset, b!.offset, b!.bitOffset, c!.offset, c!.bitOffset]).toEqual([0, 0, 0, 3, 4, 0]);
    const j = recs.get('J')!;
    expect(j.fields.map((f) => [f.offset, f.bitOffset ?? 0])).toEqual([[0, 0], [0, 8], [4, 0]]);
  });
  it('agrees with static_assert in source', () => {
    const r = checkSource(`${DECLS}
      static_assert(sizeof(C) == 32 && alignof(C) == 16, "C");
      static_assert(sizeof(Q) == 32, "Q");
      static_assert(sizeof(B) == 16, "B is 24");`, { implicit: false });
    expect(r.errors).toEqual(['KCC3029 static assertion failed: B is 24']);
  });
});

describe('vector types (CUDA vector_types.h alignments, confirmed with nvcc)', () => {
  const expected: Record<string, [number, number]> = {
    char1: [1, 1], char2: [2, 2], char3: [3, 1], char4: [4, 4], uchar4: [4, 4], short1: [2, 2], short2: [4, 4], short3: [6, 2],
    short4: [8, 8], int1: [4, 4], int2: [8, 8], int3: [12, 4], int4: [16, 16], long2: [16, 16], long3: [24, 8], long4: [32, 16],
    longlong2: [16, 16], longlong4: [32, 16], float1: [4, 4], float2: [8, 8], float3: [12, 4], float4: [16, 16],
    double1: [8, 8], double2: [16, 16], double3: [24, 8], double4: [32, 16], dim3: [12, 4], uint3: [12, 4],
    __half2: [4, 4], __nv_bfloat162: [4, 4],
  };
  for (const [name, [size, align]] of Object.entries(expected)) {
    it(`${name}: ${size}/${align}`, () => {
      const v = VECTOR_TYPES.get(name)!;
      expect([sizeOf(v), alignOf(v)]).toEqual([size, align]);
    });
  }
  it('scalars: long is 64-bit, long double unsupported, __half 2 bytes', () => {
    expect(sizeOf(T.long)).toBe(8);
    expect(sizeOf(T.ulong)).toBe(8);
    expect(sizeOf(T.half)).toBe(2);
    expect(alignOf(T.bfloat16)).toBe(2);
    expect(sizeOf(T.bool)).toBe(1);
  });
});
