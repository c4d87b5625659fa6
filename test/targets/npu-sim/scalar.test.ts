// One functional test per scalar instruction (pipe S): results are stored to UB and read back.
import { describe, expect, it } from 'vitest';
import { runUb } from './helpers.js';

/** Runs `body`, then stores s/f registers named in `out` to UB and returns their values. */
function scalar(body: string, out: string[], ub = new Uint8Array(0)): Array<bigint | number> {
  const stores = out.map((r, k) => (r.startsWith('f') ? `    st.f32 ub[R7 + ${8 * k}], ${r}` : `    st.i64 ub[R7 + ${8 * k}], ${r}`)).join('\n');
  const bytes = runUb(`${body}\n${stores}`, ub);
  const dv = new DataView(bytes.buffer, bytes.byteOffset);
  return out.map((r, k) => (r.startsWith('f') ? dv.getFloat32(1792 + 8 * k, true) : dv.getBigInt64(1792 + 8 * k, true)));
}

describe('scalar integer ALU', () => {
  const cases: Array<[string, bigint, bigint, bigint]> = [
    ['add', 5n, 7n, 12n], ['sub', 5n, 7n, -2n], ['mul', -3n, 7n, -21n], ['div', -7n, 2n, -3n], ['rem', -7n, 2n, -1n],
    ['divu', -2n, 2n, 0x7fffffffffffffffn], ['remu', 7n, 4n, 3n], ['and', 12n, 10n, 8n], ['or', 12n, 10n, 14n],
    ['xor', 12n, 10n, 6n], ['shl', 1n, 63n, -(2n ** 63n)], ['shr', -1n, 60n, 15n], ['sra', -16n, 2n, -4n],
    ['min', -1n, 3n, -1n], ['max', -1n, 3n, 3n], ['minu', -1n, 3n, 3n], ['maxu', -1n, 3n, -1n],
    ['slt', -1n, 3n, 1n], ['sltu', -1n, 3n, 0n],
  ];
  for (const [op, a, b, want] of cases) {
    it(`${op} ${a}, ${b}`, () => {
      expect(scalar(`    li s2, ${a}\n    li s3, ${b}\n    ${op} s4, s2, s3`, ['s4'])[0]).toBe(want);
    });
  }
  it('add wraps at 64 bits and takes immediates', () => {
    expect(scalar('    li s2, 0x7fffffffffffffff\n    add s4, s2, 1', ['s4'])[0]).toBe(-(2n ** 63n));
  });
  it('shift counts outside 0..63', () => {
    expect(scalar('    li s2, -8\n    shl s3, s2, 64\n    shr s4, s2, 70\n    sra s5, s2, 99', ['s3', 's4', 's5'])).toEqual([0n, 0n, -1n]);
  });
  it('popc, clz, ext', () => {
    expect(scalar('    li s2, 0xff00\n    popc s3, s2\n    clz s4, s2\n    li s5, 0x1ff\n    ext.i8 s6, s5\n    ext.u8 s7, s5\n    li s8, 0xffffffff\n    ext.i32 s9, s8\n    ext.u16 s10, s8',
      ['s3', 's4', 's6', 's7', 's9', 's10'])).toEqual([8n, 48n, -1n, 255n, -1n, 65535n]);
  });
  it('li, mov, %core, %ncores, %nblocks', () => {
    expect(scalar('    li s2, -5\n    mov s3, s2\n    mov s4, %core\n    mov s5, %ncores\n    mov s6, %nblocks', ['s3', 's4', 's5', 's6'])).toEqual([-5n, 0n, 1n, 1n]);
  });
  it('nop does nothing', () => {
    expect(scalar('    li s2, 3\n    nop', ['s2'])[0]).toBe(3n);
  });
});

describe('scalar float unit (f32)', () => {
  it('fli fmov fadd fsub fmul fdiv fmin fmax', () => {
    const r = scalar('    fli f2, 1.5\n    fli f3, 0.1\n    fmov f9, f2\n    fadd f4, f2, f3\n    fsub f5, f2, f3\n    fmul f6, f2, f3\n    fdiv f7, f2, f3\n    fmin f8, f2, nan\n    fmax f10, f2, f3',
      ['f9', 'f4', 'f5', 'f6', 'f7', 'f8', 'f10']);
    const a = 1.5, b = Math.fround(0.1);
    expect(r).toEqual([1.5, Math.fround(a + b), Math.fround(a - b), Math.fround(a * b), Math.fround(a / b), 1.5, 1.5]);
  });
  it('fsqrt fneg fabs fma (one rounding)', () => {
    const r = scalar('    fli f2, 2.0\n    fsqrt f3, f2\n    fneg f4, f2\n    fabs f5, f4\n    fli f6, 16777216.0\n    fli f7, 1.0\n    fli f8, 1.0\n    fma f9, f7, f8, f6', ['f3', 'f4', 'f5', 'f9']);
    expect(r).toEqual([Math.fround(Math.SQRT2), -2, 2, 16777216]);
    // 1 + 2^-24·(1 + 2^-23) : a single rounding rounds up, two roundings would tie to 1
    const fma = scalar('    fli f2, 1.0\n    fli f3, 5.960464477539063e-8\n    fli f4, 1.0000001192092896\n    fma f5, f3, f4, f2', ['f5'])[0];
    expect(fma).toBe(Math.fround(1 + 2 ** -23));
  });
  it('feq flt fle', () => {
    expect(scalar('    fli f2, 1.0\n    fli f3, 2.0\n    feq s2, f2, f3\n    flt s3, f2, f3\n    fle s4, f3, f3\n    flt s5, f2, nan', ['s2', 's3', 's4', 's5'])).toEqual([0n, 1n, 1n, 0n]);
  });
  it('fcvt int↔float, rounding modes, f16', () => {
    const r = scalar(
      '    fli f2, -2.5\n    fcvt.i32.f32 s2, f2\n    fcvt.i32.f32 s3, f2, round=rn\n    fcvt.i32.f32 s4, f2, round=rd\n    fcvt.u8.f32 s5, f2\n' +
        '    li s6, 16777217\n    fcvt.f32.i32 f3, s6\n    fli f4, 0.1\n    fcvt.f16.f32 f5, f4\n    fcvt.f32.f32 f6, f2, round=ru\n    li s7, -1\n    fcvt.i8.i64 s8, s7\n    fcvt.u8.i64 s9, s7',
      ['s2', 's3', 's4', 's5', 'f3', 'f5', 'f6', 's8', 's9']);
    expect(r).toEqual([-2n, -2n, -3n, 0n, 16777216, 0.0999755859375, -2, -1n, 255n]);
  });
  it('fmv.x and fmv.f move bit patterns', () => {
    expect(scalar('    fli f2, 1.0\n    fmv.x s2, f2\n    li s3, 0x40490fdb\n    fmv.f f3, s3', ['s2', 'f3'])).toEqual([0x3f800000n, Math.fround(Math.PI)]);
  });
});

describe('scalar memory and mask moves', () => {
  it('ld/st of every type', () => {
    const ub = new Uint8Array(2048);
    const dv = new DataView(ub.buffer);
    dv.setInt8(0, -3); dv.setUint8(1, 250); dv.setInt16(2, -300, true); dv.setUint16(4, 60000, true);
    dv.setInt32(8, -70000, true); dv.setUint32(12, 4000000000, true); dv.setBigInt64(16, -5n, true);
    dv.setFloat32(24, 1.25, true); dv.setUint16(28, 0x3c00, true); dv.setUint16(30, 0x3f80, true);
    const r = scalar('    ld.i8 s2, ub[0]\n    ld.u8 s3, ub[1]\n    ld.i16 s4, ub[2]\n    ld.u16 s5, ub[4]\n    ld.i32 s6, ub[8]\n    ld.u32 s7, ub[12]\n    ld.i64 s8, ub[16]\n    ld.f32 f2, ub[24]\n    ld.f16 f3, ub[28]\n    ld.bf16 f4, ub[30]\n    ld.u64 s9, ub[16]',
      ['s2', 's3', 's4', 's5', 's6', 's7', 's8', 'f2', 'f3', 'f4', 's9'], ub);
    expect(r).toEqual([-3n, 250n, -300n, 60000n, -70000n, 4000000000n, -5n, 1.25, 1, 1, -5n]);
  });
  it('st narrows (wrap, round)', () => {
    const out = runUb('    li s2, 0x1234\n    st.u8 ub[R1], s2\n    st.i16 ub[R1 + 2], s2\n    fli f2, 0.1\n    st.f16 ub[R1 + 4], f2\n    st.bf16 ub[R1 + 6], f2', new Uint8Array(0));
    const dv = new DataView(out.buffer, out.byteOffset + 256);
    expect([dv.getUint8(0), dv.getInt16(2, true), dv.getUint16(4, true), dv.getUint16(6, true)]).toEqual([0x34, 0x1234, 0x2e66, 0x3dcd]);
  });
  it('vmovs reads a lane; vany/vall/vpopc count mask bits', () => {
    const ub = new Uint8Array(2048);
    new Float32Array(ub.buffer, 0, 4).set([1, 2, 3, 4]);
    ub[256] = 0b1011;
    const r = scalar('    li s5, 2\n    vmovs.f32 f2, ub[R0], lane=s5\n    vany s2, ub[R1], bits=4\n    vall s3, ub[R1], bits=4\n    vpopc s4, ub[R1], bits=4\n    vall s6, ub[R1], bits=2', ['f2', 's2', 's3', 's4', 's6'], ub);
    expect(r).toEqual([3, 1n, 0n, 3n, 1n]);
  });
});

describe('branches', () => {
  const cases: Array<[string, bigint, bigint, boolean]> = [
    ['beq', 1n, 1n, true], ['bne', 1n, 1n, false], ['blt', -1n, 0n, true], ['bge', -1n, 0n, false], ['bltu', -1n, 0n, false], ['bgeu', -1n, 0n, true],
  ];
  for (const [op, a, b, taken] of cases) {
    it(`${op} ${a}, ${b} is ${taken ? '' : 'not '}taken`, () => {
      const r = scalar(`    li s2, ${a}\n    li s3, ${b}\n    li s4, 0\n    ${op} s2, s3, skip\n    li s4, 1\nskip:`, ['s4']);
      expect(r[0]).toBe(taken ? 0n : 1n);
    });
  }
  it('b and a counted loop', () => {
    expect(scalar('    li s2, 0\n    li s3, 0\nloop:\n    add s3, s3, s2\n    add s2, s2, 1\n    blt s2, 10, loop\n    b end\n    li s3, -1\nend:', ['s3'])[0]).toBe(45n);
  });
});
