/**
 * Expression grammar: precedence and associativity of every C operator level, casts,
 * construction, names and templates, literals.
 */
import { describe, expect, test } from 'vitest';
import { exprAst } from './helpers.js';

describe('precedence and associativity', () => {
  const table: [string, string][] = [
    ['a + b * c', '(binary + a (binary * b c))'],
    ['a * b + c', '(binary + (binary * a b) c)'],
    ['a - b - c', '(binary - (binary - a b) c)'],
    ['a / b % c', '(binary % (binary / a b) c)'],
    ['a << b + c', '(binary << a (binary + b c))'],
    ['a >> b >> c', '(binary >> (binary >> a b) c)'],
    ['a < b << c', '(binary < a (binary << b c))'],
    ['a == b < c', '(binary == a (binary < b c))'],
    ['a >= b != c <= d', '(binary != (binary >= a b) (binary <= c d))'],
    ['a & b == c', '(binary & a (binary == b c))'],
    ['a ^ b & c', '(binary ^ a (binary & b c))'],
    ['a | b ^ c', '(binary | a (binary ^ b c))'],
    ['a && b | c', '(binary && a (binary | b c))'],
    ['a || b && c', '(binary || a (binary && b c))'],
    ['a || b || c', '(binary || (binary || a b) c)'],
    ['a ? b : c ? d : e', '(cond a b (cond c d e))'],
    ['a || b ? c : d', '(cond (binary || a b) c d)'],
    ['a = b = c', '(assign = a (assign = b c))'],
    ['a += b * c', '(assign += a (binary * b c))'],
    ['a >>= 2', '(assign >>= a 2)'],
    ['a <<= b | c', '(assign <<= a (binary | b c))'],
    ['a = b ? c : d', '(assign = a (cond b c d))'],
    ['a ? b : c = d', '(cond a b (assign = c d))'],
    ['a, b = c, d', '(binary , (binary , a (assign = b c)) d)'],
    ['-a * b', '(binary * (unary - a) b)'],
    ['!a && ~b', '(binary && (unary ! a) (unary ~ b))'],
    ['*p++', '(unary * (postfix ++ p))'],
    ['++*p', '(unary ++ (unary * p))'],
    ['&a[i]', '(unary & (index a i))'],
    ['- - a', '(unary - (unary - a))'],
    ['a->b.c[1]()', '(call (index (member (arrow a b) c) 1))'],
    ['(a + b) * c', '(binary * (binary + a b) c)'],
    ['(float)a / b', '(binary / (cast c float a) b)'],
    ['(unsigned int)-x', "(cast c 'unsigned int' (unary - x))"],
    ['sizeof a + 1', '(binary + (sizeof a) 1)'],
    ['sizeof(int) * n', '(binary * (sizeof-type int) n)'],
    ['sizeof(x)', '(sizeof x)'],
    ['a < b > c', '(binary > (binary < a b) c)'],
    ['x >> 1 > 0', '(binary > (binary >> x 1) 0)'],
  ];
  test.each(table)('%s', (src, expected) => {
    expect(exprAst(src, 'int a, b, c, d, e, i, x; int *p;')).toBe(expected);
  });
});

describe('names, casts and construction', () => {
  const prelude = 'template <typename T, int N> __device__ T f(T x); template <typename T> struct S { static const int value = 1; }; struct P { int x; };';
  const table: [string, string][] = [
    ['f<float, 4>(x)', '(call f<float, 4> x)'],
    ['S<int>::value', 'S<int>::value'],
    ['static_cast<float>(x)', '(cast static float x)'],
    ['reinterpret_cast<float4*>(p)', '(cast reinterpret (ptr float4) p)'],
    ['const_cast<int*>(q)', '(cast const (ptr int) q)'],
    ['float(x)', '(construct float x)'],
    ['float4{1, 2, 3, 4}', '(construct-list float4 1 2 3 4)'],
    ['make_float4(1, 2, 3, 4)', '(call make_float4 1 2 3 4)'],
    ['P{1}', '(construct-list P 1)'],
    ['cg::tiled_partition<32>(block)', '(call cg::tiled_partition<32> block)'],
    ['::g(1)', '(call ::g 1)'],
    ['std::min<int>(a, b)', '(call std::min<int> a b)'],
    ['f<S<int>, 2>(x)', '(call f<S<int>, 2> x)'],
    ['f<float, (3 > 2)>(x)', '(call f<float, (binary > 3 2)> x)'],
    ['v.template get<0>()', '(call (member v get<0>))'],
    ['new float[n]', '(new float [n])'],
    ['new P(1)', '(new P (1))'],
    ['delete[] p', '(delete[] p)'],
    ['throw 1', '(throw 1)'],
    ['[=](int i) { return i; }', '(lambda)'],
    ['this->x', '(arrow this x)'],
    ['nullptr', 'nullptr'],
    ['true || false', '(binary || true false)'],
    ['typeid(x)', '(unsupported typeid)'],
    ['alignof(float4)', '(alignof float4)'],
    ['k<<<grid, 256>>>(x, n)', '(launch k (config grid 256) x n)'],
    ['k<<<g, b, 0, s>>>()', '(launch k (config g b 0 s))'],
    ['f<float, 2><<<1, 32>>>(x)', '(launch f<float, 2> (config 1 32) x)'],
  ];
  test.each(table)('%s', (src, expected) => {
    expect(exprAst(src, prelude)).toBe(expected);
  });
});

describe('literals', () => {
  const table: [string, string][] = [
    ['42', '42'],
    ['42u', '42u'],
    ['42UL', '42ul'],
    ['42ll', '42ll'],
    ['0xFFFFFFFFFFFFFFFFull', '18446744073709551615ull'],
    ['017', '15'],
    ['0b101', '5'],
    ["1'000'000", '1000000'],
    ['1.5f', '1.5f'],
    ['1e-3', '0.001'],
    ['.5', '0.5'],
    ['2.', '2.0'],
    ['0x1.8p1f', '3.0f'],
    ['1.0L', '1.0l'],
    ["'a'", '(char 97)'],
    ["'\\n'", '(char 10)'],
    ["'\\x41'", '(char 65)'],
    ["'\\0'", '(char 0)'],
    ["'\\''", '(char 39)'],
    ["L'x'", '(char L120)'],
    ['"a" "b"', '"ab"'],
    ['"tab\\there"', '"tab\\there"'],
    ['"\\x41\\102"', '"AB"'],
    ['u8"x"', 'u8"x"'],
  ];
  test.each(table)('%s', (src, expected) => {
    expect(exprAst(src)).toBe(expected);
  });

  test('integer values are bigints with flags', async () => {
    const { parseText } = await import('./helpers.js');
    const p = parseText('int a = 0x10; long b = 10l;');
    const a = p.tu.decls[0]!;
    expect(a.kind === 'var' && a.init?.kind === 'int' && a.init.value === 16n && !a.init.decimal).toBe(true);
    const b = p.tu.decls[1]!;
    expect(b.kind === 'var' && b.init?.kind === 'int' && b.init.long === 1 && b.init.decimal).toBe(true);
  });
});
