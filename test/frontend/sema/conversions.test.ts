/**
 * Integer promotions and the usual arithmetic conversions over every pair of arithmetic
 * types, as C/C++ define them. The expected matrix was produced by nvcc 13 on x86-64
 * (`decltype((A)0 + (B)0)` for all 14 x 14 pairs, printed by a host program), so it is the
 * compiler kcc must agree with; each pair is checked both through the conversion functions
 * and end to end through the checker (`auto r = a + b;`).
 */
import { describe, expect, it } from 'vitest';
import { arithmeticOperandType, promote, scalarConversion, usualArithmetic } from '../../../src/frontend/sema/conversions.js';
import { T, type Type, typeToString } from '../../../src/frontend/sema/types.js';
import { exprs, fn, ok } from './helpers.js';

const TYPES: [string, string, Type][] = [
  ['bool', 'b', T.bool], ['char', 'c', T.char], ['signed char', 'sc', T.schar], ['unsigned char', 'uc', T.uchar],
  ['short', 's', T.short], ['unsigned short', 'us', T.ushort], ['int', 'i', T.int], ['unsigned int', 'ui', T.uint],
  ['long', 'l', T.long], ['unsigned long', 'ul', T.ulong], ['long long', 'll', T.llong], ['unsigned long long', 'ull', T.ullong],
  ['float', 'f', T.float], ['double', 'd', T.double],
];
const BY_ABBR = new Map(TYPES.map(([name, a]) => [a, name]));

// row: left operand, column: right operand (order of TYPES); confirmed with nvcc
const MATRIX = [
  /*               bool */ 'i i i i i i i ui l ul ll ull f d',
  /*               char */ 'i i i i i i i ui l ul ll ull f d',
  /*        signed char */ 'i i i i i i i ui l ul ll ull f d',
  /*      unsigned char */ 'i i i i i i i ui l ul ll ull f d',
  /*              short */ 'i i i i i i i ui l ul ll ull f d',
  /*     unsigned short */ 'i i i i i i i ui l ul ll ull f d',
  /*                int */ 'i i i i i i i ui l ul ll ull f d',
  /*       unsigned int */ 'ui ui ui ui ui ui ui ui l ul ll ull f d',
  /*               long */ 'l l l l l l l l l ul ll ull f d',
  /*      unsigned long */ 'ul ul ul ul ul ul ul ul ul ul ull ull f d',
  /*          long long */ 'll ll ll ll ll ll ll ll ll ull ll ull f d',
  /* unsigned long long */ 'ull ull ull ull ull ull ull ull ull ull ull ull f d',
  /*              float */ 'f f f f f f f f f f f f f d',
  /*             double */ 'd d d d d d d d d d d d d d',
];

describe('usual arithmetic conversions', () => {
  it('match nvcc for all 196 pairs (conversion functions)', () => {
    TYPES.forEach(([, , a], i) => {
      const row = MATRIX[i]!.split(' ');
      TYPES.forEach(([, , b], j) => {
        expect(typeToString(usualArithmetic(a, b)!), `${typeToString(a)} + ${typeToString(b)}`).toBe(BY_ABBR.get(row[j]!));
      });
    });
  });

  it('match nvcc for all 196 pairs (end to end: auto r = a + b)', () => {
    const decls = TYPES.map(([name, a]) => `${name} v_${a} = 0;`).join(' ');
    const sums = TYPES.flatMap(([, a]) => TYPES.map(([, b]) => `auto r_${a}_${b} = v_${a} + v_${b};`)).join('\n');
    const p = ok(`__device__ void f() { ${decls}\n${sums}\n }`, { implicit: false });
    const vars = new Map<string, string>();
    for (const s of fn(p, 'f').body.stmts) {
      const stmts = s.kind === 'block' ? s.stmts : [s];
      for (const v of stmts) if (v.kind === 'var') vars.set(v.entity.name, typeToString(v.entity.type));
    }
    TYPES.forEach(([, a], i) => {
      const row = MATRIX[i]!.split(' ');
      TYPES.forEach(([, b], j) => expect(vars.get(`r_${a}_${b}`), `${a} + ${b}`).toBe(BY_ABBR.get(row[j]!)));
    });
  });

  it('promote small integers, bool and enums to int', () => {
    expect(promote(T.bool)).toBe(T.int);
    expect(promote(T.uchar)).toBe(T.int);
    expect(promote(T.ushort)).toBe(T.int);
    expect(promote(T.uint)).toBe(T.uint);
    expect(promote(T.long)).toBe(T.long);
    expect(promote(T.float)).toBe(T.float);
  });

  it('treat __half as CUDA does: half with half stays half, mixed widens to float', () => {
    expect(arithmeticOperandType(T.half, T.half)).toBe(T.half);
    expect(arithmeticOperandType(T.half, T.float)).toBe(T.float);
    expect(arithmeticOperandType(T.half, T.int)).toBe(T.float);
    expect(arithmeticOperandType(T.half, T.double)).toBe(T.double);
    expect(arithmeticOperandType(T.half, T.bfloat16)).toBeUndefined();
  });

  it('name each scalar conversion', () => {
    expect(scalarConversion(T.int, T.long)).toBe('int-extend');
    expect(scalarConversion(T.long, T.int)).toBe('int-truncate');
    expect(scalarConversion(T.int, T.uint)).toBe('int-reinterpret');
    expect(scalarConversion(T.int, T.float)).toBe('int-to-float');
    expect(scalarConversion(T.double, T.int)).toBe('float-to-int');
    expect(scalarConversion(T.float, T.double)).toBe('float-extend');
    expect(scalarConversion(T.double, T.float)).toBe('float-truncate');
    expect(scalarConversion(T.float, T.half)).toBe('float-truncate');
    expect(scalarConversion(T.half, T.bfloat16)).toBe('float-reformat');
    expect(scalarConversion(T.float, T.bool)).toBe('to-bool');
    expect(scalarConversion(T.bool, T.int)).toBe('int-extend');
    expect(scalarConversion(T.int, T.int)).toBe('none');
  });
});

describe('implicit conversions are explicit in the checked tree', () => {
  it('makes loads, promotions and arithmetic conversions visible', () => {
    const p = ok('__device__ float f(short s, unsigned u, const float* x) { return s * u + x[0]; }', { implicit: false });
    const kinds = exprs(fn(p, 'f')).filter((e) => e.kind === 'convert').map((e) => (e.kind === 'convert' ? `${e.conversion}:${typeToString(e.type)}` : ''));
    // (float)((unsigned)s * u) + x[0]: short sign-extended straight to unsigned (promotion + UAC), then to float
    expect(kinds).toEqual(['int-to-float:float', 'int-extend:unsigned int', 'load:short', 'load:unsigned int', 'load:float', 'load:const float *']);
  });

  it('never leaves an lvalue where a value is read', () => {
    const p = ok(`
      struct S { int a[4]; float f; };
      __device__ float g(S* s, int i) { int t = s->a[i] + i; s->f += t; return s->f * 2 + (i ? s->a[0] : t); }`, { implicit: false });
    for (const e of exprs(fn(p, 'g'))) {
      if (e.kind === 'binary' || e.kind === 'compare') {
        expect(e.left.category).toBe('rvalue');
        expect(e.right.category).toBe('rvalue');
      }
      if (e.kind === 'convert' && e.conversion !== 'load' && e.conversion !== 'array-to-pointer' && e.conversion !== 'materialize' && e.conversion !== 'derived-to-base') {
        expect(e.operand.category).toBe('rvalue');
      }
    }
  });

  it('folds constants, sizeof and enumerators', () => {
    const p = ok(`enum E { A = 3, B }; constexpr int N = 4 * B;
      __device__ unsigned long f() { return sizeof(float4) * N + alignof(double2); }`, { implicit: false });
    const ret = fn(p, 'f').body.stmts[0]!;
    expect(ret.kind === 'return' && ret.value?.kind === 'const' && ret.value.value.value).toBe(16n * 16n + 16n);
  });
});
