/**
 * Tests for src/support/args.ts (the `--arg SPEC` grammar) and src/support/prng.ts.
 */

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';
import {
  parseArgSpec, formatArgSpec, materializeBuffer, materializeScalar, materializeArgs, typedArrayFor,
  bufferValues, ArgSpecError, SCALAR_TYPES, type ArgSpec, type TypedArray, type ScalarType, type BufferArgSpec,
} from '../../src/support/args.js';
import { Mulberry32 } from '../../src/support/prng.js';
import { f16BitsToF32 } from '../../src/support/half.js';

const TYPES = Object.keys(SCALAR_TYPES) as ScalarType[];

/** The elements of any materialised buffer (Array.from cannot take the TypedArray union). */
const arr = (t: TypedArray): (number | bigint)[] => Array.from(t as ArrayLike<number | bigint>);

function buffer(text: string): BufferArgSpec {
  const s = parseArgSpec(text);
  if (s.kind !== 'buffer') throw new Error('not a buffer');
  return s;
}

describe('parseArgSpec', () => {
  it('parses scalars', () => {
    expect(parseArgSpec('i32=1024')).toEqual({ kind: 'scalar', type: 'i32', value: 1024 });
    expect(parseArgSpec('f32=2.5')).toEqual({ kind: 'scalar', type: 'f32', value: 2.5 });
    expect(parseArgSpec('f32=-1e-3')).toEqual({ kind: 'scalar', type: 'f32', value: -1e-3 });
    expect(parseArgSpec('f32=.5f')).toEqual({ kind: 'scalar', type: 'f32', value: 0.5 });
    expect(parseArgSpec('u32=0xffffffff')).toEqual({ kind: 'scalar', type: 'u32', value: 0xffffffff });
    expect(parseArgSpec('i8=-128')).toEqual({ kind: 'scalar', type: 'i8', value: -128 });
    expect(parseArgSpec('u8=0b101')).toEqual({ kind: 'scalar', type: 'u8', value: 5 });
    expect(parseArgSpec('i64=-9223372036854775808')).toEqual({ kind: 'scalar', type: 'i64', value: -(2n ** 63n) });
    expect(parseArgSpec('u64=18446744073709551615')).toEqual({ kind: 'scalar', type: 'u64', value: 2n ** 64n - 1n });
    expect(parseArgSpec('f64=inf')).toEqual({ kind: 'scalar', type: 'f64', value: Infinity });
    expect(parseArgSpec('f16=-inf')).toEqual({ kind: 'scalar', type: 'f16', value: -Infinity });
    const nan = parseArgSpec('bf16=nan');
    expect(nan.kind === 'scalar' && Number.isNaN(nan.value)).toBe(true);
    expect(parseArgSpec('  i32=7  ')).toEqual({ kind: 'scalar', type: 'i32', value: 7 });
  });

  it('parses buffers and their initialisers', () => {
    expect(parseArgSpec('f32[1000]')).toEqual({ kind: 'buffer', type: 'f32', count: 1000, init: { kind: 'zeros' } });
    expect(parseArgSpec('f32[1000]=zeros').kind).toBe('buffer');
    expect(parseArgSpec('f16[8]=ones')).toEqual({ kind: 'buffer', type: 'f16', count: 8, init: { kind: 'ones' } });
    expect(parseArgSpec('u32[4]=iota')).toEqual({ kind: 'buffer', type: 'u32', count: 4, init: { kind: 'iota' } });
    expect(parseArgSpec('f32[1000]=rand:7')).toEqual({ kind: 'buffer', type: 'f32', count: 1000, init: { kind: 'rand', seed: 7 } });
    expect(parseArgSpec('f32[10]=rand')).toEqual({ kind: 'buffer', type: 'f32', count: 10, init: { kind: 'rand', seed: 0 } });
    expect(parseArgSpec('u8[3]=@data/in.bin')).toEqual({ kind: 'buffer', type: 'u8', count: 3, init: { kind: 'file', path: 'data/in.bin' } });
    expect(parseArgSpec('u8[3]=1,2,3')).toEqual({ kind: 'buffer', type: 'u8', count: 3, init: { kind: 'list', values: [1, 2, 3] } });
    expect(parseArgSpec('f32[3]=-inf,0.5,nan').kind).toBe('buffer');
    expect(parseArgSpec('f32[0]')).toEqual({ kind: 'buffer', type: 'f32', count: 0, init: { kind: 'zeros' } });
  });

  const bad: [string, RegExp][] = [
    ['', /empty spec/],
    ['f33=1', /unknown type 'f33'/],
    ['int=1', /unknown type 'int'.*expected one of i8/],
    ['i32', /needs a value/],
    ['i32=', /missing i32 value/],
    ['i32=1.5', /not an integer \(i32 takes an integer\)/],
    ['i32=abc', /'abc' is not an integer/],
    ['i8=128', /out of range for i8 \[-128, 127\]/],
    ['u8=-1', /out of range for u8/],
    ['u32=4294967296', /out of range for u32/],
    ['i64=9223372036854775808', /out of range for i64/],
    ['f32=1.2.3', /not a f32 number/],
    ['f32=0x10', /not a f32 number/],
    ['f32[abc]', /count 'abc'/],
    ['f32[-1]', /count '-1'/],
    ['f32[]', /count ''/],
    ['f32[4]=', /missing initialiser/],
    ['f32[4]=rand:', /seed ''/],
    ['f32[4]=rand:-1', /seed '-1'/],
    ['f32[4]=rand:x', /seed 'x'/],
    ['f32[4]=random', /unknown initialiser 'random'/],
    ['f32[4]=@', /needs a file path/],
    ['u8[16]=1,2,3', /the list has 3 values but the buffer has 16 elements/],
    ['u8[2]=1,2,3', /the list has 3 values but the buffer has 2 elements/],
    ['u8[1]=300', /out of range for u8/],
    ['i32[2]=1,', /missing i32 value/],
    ['u64[1]=18446744073709551615', /not exact as a number/],
    ['f32[4', /expected TYPE=VALUE or TYPE\[COUNT\]/],
    ['f32 [4]', /expected TYPE=VALUE/],
  ];
  for (const [text, msg] of bad) {
    it(`rejects '${text}'`, () => {
      expect(() => parseArgSpec(text)).toThrow(ArgSpecError);
      expect(() => parseArgSpec(text)).toThrow(msg);
    });
  }

  it('names the spec in the message', () => {
    expect(() => parseArgSpec('i8=999')).toThrow("invalid argument spec 'i8=999'");
  });
});

describe('formatArgSpec', () => {
  it('writes canonical text', () => {
    expect(formatArgSpec(parseArgSpec('f32[8]=zeros'))).toBe('f32[8]');
    expect(formatArgSpec(parseArgSpec('f32[8]=rand'))).toBe('f32[8]=rand:0');
    expect(formatArgSpec(parseArgSpec('f32=-0'))).toBe('f32=-0');
    expect(formatArgSpec(parseArgSpec('f64=-inf'))).toBe('f64=-inf');
    expect(formatArgSpec(parseArgSpec('u32=0x10'))).toBe('u32=16');
    expect(formatArgSpec(parseArgSpec('i64=-5'))).toBe('i64=-5');
    expect(formatArgSpec(parseArgSpec('f32[2]=1e30,5e-7'))).toBe('f32[2]=1e+30,5e-7');
  });

  // Arbitrary well-formed specs; parse(format(s)) must give s back.
  const scalarArb: fc.Arbitrary<ArgSpec> = fc.constantFrom(...TYPES).chain((type): fc.Arbitrary<ArgSpec> => {
    const info = SCALAR_TYPES[type];
    if (info.kind === 'float') {
      return fc.double().map((value) => ({ kind: 'scalar', type, value }));
    }
    const lo = info.signed ? -(2n ** BigInt(info.bits - 1)) : 0n;
    const hi = info.signed ? 2n ** BigInt(info.bits - 1) - 1n : 2n ** BigInt(info.bits) - 1n;
    return fc.bigInt(lo, hi).map((v) => ({ kind: 'scalar', type, value: info.bits === 64 ? v : Number(v) }));
  });
  // Built once: stringMatching compiles its regex per arbitrary, too slow to do inside chain.
  const pathArb = fc.stringMatching(/^[a-z0-9_./-]{1,12}$/);
  const bufferArb: fc.Arbitrary<ArgSpec> = fc.tuple(fc.constantFrom(...TYPES), fc.nat(20)).chain(([type, count]) => {
    const info = SCALAR_TYPES[type];
    const value: fc.Arbitrary<number> = info.kind === 'float'
      ? fc.double()
      : info.bits === 64
        ? fc.maxSafeInteger().filter((v) => info.signed || v >= 0)
        : fc.integer({ min: info.signed ? -(2 ** (info.bits - 1)) : 0, max: info.signed ? 2 ** (info.bits - 1) - 1 : 2 ** info.bits - 1 });
    const init = fc.oneof(
      fc.constant({ kind: 'zeros' as const }),
      fc.constant({ kind: 'ones' as const }),
      fc.constant({ kind: 'iota' as const }),
      fc.nat().map((seed) => ({ kind: 'rand' as const, seed })),
      pathArb.map((path) => ({ kind: 'file' as const, path })),
      ...(count > 0 ? [fc.array(value, { minLength: count, maxLength: count }).map((values) => ({ kind: 'list' as const, values }))] : []),
    );
    return init.map((i): ArgSpec => ({ kind: 'buffer', type, count, init: i }));
  });

  it('round-trips with parseArgSpec (property)', () => {
    fc.assert(
      // isDeepStrictEqual compares numbers with SameValue: NaN equals NaN, -0 differs from 0.
      fc.property(fc.oneof(scalarArb, bufferArb), (spec) => isDeepStrictEqual(parseArgSpec(formatArgSpec(spec)), spec)),
      { numRuns: 3000 },
    );
  });
});

describe('materializeBuffer', () => {
  it('gives the typed array of each type', () => {
    const expected: Record<ScalarType, string> = {
      i8: 'Int8Array', u8: 'Uint8Array', i16: 'Int16Array', u16: 'Uint16Array', i32: 'Int32Array',
      u32: 'Uint32Array', i64: 'BigInt64Array', u64: 'BigUint64Array', f16: 'Uint16Array',
      bf16: 'Uint16Array', f32: 'Float32Array', f64: 'Float64Array',
    };
    for (const t of TYPES) {
      expect(materializeBuffer(buffer(`${t}[3]`)).constructor.name).toBe(expected[t]);
      expect(typedArrayFor(t, 5).length).toBe(5);
      expect(typedArrayFor(t, 1).BYTES_PER_ELEMENT).toBe(SCALAR_TYPES[t].size);
    }
  });

  it('fills zeros, ones, iota, lists', () => {
    expect(arr(materializeBuffer(buffer('f32[3]=ones')))).toEqual([1, 1, 1]);
    expect(arr(materializeBuffer(buffer('f16[2]=ones')))).toEqual([0x3c00, 0x3c00]);
    expect(arr(materializeBuffer(buffer('bf16[2]=ones')))).toEqual([0x3f80, 0x3f80]);
    expect(arr(materializeBuffer(buffer('i64[2]=ones')))).toEqual([1n, 1n]);
    expect(arr(materializeBuffer(buffer('i32[4]=iota')))).toEqual([0, 1, 2, 3]);
    expect(arr(materializeBuffer(buffer('f16[3]=iota'))).map((b) => f16BitsToF32(Number(b)))).toEqual([0, 1, 2]);
    expect(materializeBuffer(buffer('u8[300]=iota'))[257]).toBe(1); // wraps like C
    expect(arr(materializeBuffer(buffer('f32[3]=0.1,-inf,2')))).toEqual([Math.fround(0.1), -Infinity, 2]);
    expect(arr(materializeBuffer(buffer('u64[2]=0,9007199254740991')))).toEqual([0n, 9007199254740991n]);
    expect(arr(materializeBuffer(buffer('f32[2]')))).toEqual([0, 0]);
  });

  it('rejects a list of the wrong length built by hand', () => {
    expect(() => materializeBuffer({ kind: 'buffer', type: 'f32', count: 4, init: { kind: 'list', values: [1] } }))
      .toThrow(/list has 1 values but the buffer has 4/);
    expect(() => materializeBuffer({ kind: 'buffer', type: 'i32', count: 1, init: { kind: 'list', values: [0.5] } }))
      .toThrow(/not an integer/);
  });

  it('rand is deterministic per seed and in the documented ranges', () => {
    const a = materializeBuffer(buffer('f32[10000]=rand:7'));
    const b = materializeBuffer(buffer('f32[10000]=rand:7'));
    const c = materializeBuffer(buffer('f32[10000]=rand:8'));
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
    const fs = Array.from(a as Float32Array);
    expect(Math.min(...fs)).toBeGreaterThanOrEqual(-1);
    expect(Math.max(...fs)).toBeLessThan(1);
    const mean = fs.reduce((s, v) => s + v, 0) / fs.length;
    expect(Math.abs(mean)).toBeLessThan(0.05); // uniform: mean ≈ 0
    for (const t of ['f16', 'bf16', 'f64'] as const) {
      const v = bufferValues(t, materializeBuffer(buffer(`${t}[5000]=rand:3`)));
      expect(Math.min(...v)).toBeGreaterThanOrEqual(-1);
      expect(Math.max(...v)).toBeLessThan(1);
      expect(new Set(v).size).toBeGreaterThan(100);
    }
    for (const t of TYPES.filter((t) => SCALAR_TYPES[t].kind === 'int')) {
      const v = bufferValues(t, materializeBuffer(buffer(`${t}[4000]=rand:1`)));
      const [lo, hi] = SCALAR_TYPES[t].signed ? [-128, 127] : [0, 255];
      expect(Math.min(...v)).toBe(lo); // 4000 draws from 256 values hit both ends
      expect(Math.max(...v)).toBe(hi);
    }
  });

  it('rand values are pinned (same on every platform)', () => {
    // mulberry32, seed 1: the first outputs of the reference JS implementation (Ettinger's).
    const r = new Mulberry32(1);
    expect([r.nextU32(), r.nextU32(), r.nextU32()]).toEqual([2693262067, 11749833, 2265367787]);
    const v = arr(materializeBuffer(buffer('f32[3]=rand:1')) as Float32Array);
    expect(v).toEqual([2693262067, 11749833, 2265367787].map((u) => Math.floor(u / 256) / 2 ** 23 - 1));
    expect(arr(materializeBuffer(buffer('u8[3]=rand:1')))).toEqual([2693262067 >>> 24, 11749833 >>> 24, 2265367787 >>> 24]);
    expect(arr(materializeBuffer(buffer('i8[3]=rand:1')))).toEqual([(2693262067 >>> 24) - 128, (11749833 >>> 24) - 128, (2265367787 >>> 24) - 128]);
  });

  it('reads raw little-endian files of exactly COUNT elements', () => {
    const bytes = new Uint8Array([1, 0, 0, 0, 0xff, 0xff, 0xff, 0xff, 0, 0, 0x80, 0x3f]);
    const files: Record<string, Uint8Array> = { 'x.bin': bytes, 'odd.bin': bytes.subarray(1, 9) };
    const read = (p: string): Uint8Array => {
      const f = files[p];
      if (!f) throw new Error('ENOENT: no such file');
      return f;
    };
    expect(arr(materializeBuffer(buffer('i32[3]=@x.bin'), read))).toEqual([1, -1, 0x3f800000]);
    expect(arr(materializeBuffer(buffer('f32[3]=@x.bin'), read))[2]).toBe(1);
    expect(arr(materializeBuffer(buffer('u16[6]=@x.bin'), read))[0]).toBe(1);
    // an unaligned view still works (DataView)
    expect(arr(materializeBuffer(buffer('u32[2]=@odd.bin'), read))).toEqual([0xff000000, 0x00ffffff]);
    expect(() => materializeBuffer(buffer('i32[4]=@x.bin'), read)).toThrow(/has 12 bytes, expected 16/);
    expect(() => materializeBuffer(buffer('i32[4]=@nope.bin'), read)).toThrow(/cannot read 'nope.bin'.*ENOENT/);
  });
});

describe('materializeScalar / materializeArgs / bufferValues', () => {
  it('rounds floats to the type and keeps integers exact', () => {
    expect(materializeScalar({ kind: 'scalar', type: 'f32', value: 0.1 })).toBe(Math.fround(0.1));
    expect(materializeScalar({ kind: 'scalar', type: 'f64', value: 0.1 })).toBe(0.1);
    expect(materializeScalar({ kind: 'scalar', type: 'f16', value: 0.1 })).toBe(0.0999755859375);
    expect(materializeScalar({ kind: 'scalar', type: 'i64', value: 5 })).toBe(5n);
    expect(materializeScalar({ kind: 'scalar', type: 'u32', value: 7n })).toBe(7);
    expect(() => materializeScalar({ kind: 'scalar', type: 'i32', value: 2 ** 40 })).toThrow(/out of range/);
    expect(() => materializeScalar({ kind: 'scalar', type: 'i32', value: 0.5 })).toThrow(/not an integer/);
  });

  it('materialises a whole argument list', () => {
    const args = materializeArgs(['i32=3', 'f32[3]=iota', 'f16=1.5'].map(parseArgSpec));
    expect(args[0]).toBe(3);
    expect(Array.from(args[1] as Float32Array)).toEqual([0, 1, 2]);
    expect(args[2]).toBe(1.5);
  });

  it('decodes half buffers', () => {
    expect(bufferValues('f16', Uint16Array.of(0x3c00, 0xc000))).toEqual([1, -2]);
    expect(bufferValues('bf16', Uint16Array.of(0x3f80))).toEqual([1]);
    expect(bufferValues('i64', BigInt64Array.of(-3n))).toEqual([-3]);
  });
});

describe('Mulberry32', () => {
  it('nextUnitBits is on the documented grid', () => {
    const r = new Mulberry32(42);
    for (const p of [1, 8, 11, 24, 32, 33, 53]) {
      for (let k = 0; k < 200; k++) {
        const v = r.nextUnitBits(p);
        expect(v).toBeGreaterThanOrEqual(-1);
        expect(v).toBeLessThan(1);
        expect(Number.isInteger((v + 1) * 2 ** (p - 1))).toBe(true);
      }
    }
    expect(() => r.nextUnitBits(54)).toThrow(RangeError);
  });

  it('seeds modulo 2^32', () => {
    expect(new Mulberry32(-1).nextU32()).toBe(new Mulberry32(0xffffffff).nextU32());
  });
});
