/**
 * Statements: every C statement, C++ additions (if constexpr, init-statements, range-for),
 * loop pragmas, asm, try/catch, labels and goto, declaration vs expression statements.
 */
import { describe, expect, test } from 'vitest';
import { parseText } from './helpers.js';

/** the AST of a function body, flattened to one line (indentation is not what is tested) */
function body(src: string, prelude = ''): { toContain(s: string): void } {
  const p = parseText(`${prelude}\n__device__ void f(int n, float* x) {\n${src}\n}`);
  expect(p.messages).toEqual([]);
  const flat = p.ast.replace(/\n\s*/g, ' ');
  return { toContain: (s: string) => expect(flat).toContain(s.replace(/\n\s*/g, ' ')) };
}

describe('statements', () => {
  test('if / else, dangling else, if constexpr, init-statement, condition declaration', () => {
    const ast = body(`if (n > 0) x[0] = 1; else if (n < 0) x[0] = -1; else x[0] = 0;
if (n) if (n > 1) n = 2; else n = 3;
if constexpr (sizeof(float) == 4) { n = 4; }
if (int k = n * 2; k > 4) n = k;
if (int m = n) n = m;`);
    ast.toContain('(if 3:1 (binary > n 0)\n      (expr 3:12 (assign = (index x 0) 1))\n      (if 3:27 (binary < n 0)');
    ast.toContain('(if 4:1 n\n      (if 4:8 (binary > n 1)\n        (expr 4:19 (assign = n 2))\n        (expr 4:31 (assign = n 3))))');
    ast.toContain('(if constexpr 5:1 (binary == (sizeof-type float) 4)');
    ast.toContain('(if 6:1 (binary > k 4)\n      (decl 6:5 (var k int (binary * n 2)))');
    ast.toContain('(if 7:1 (var m int n)');
  });

  test('loops with pragmas, range-for, do/while, break/continue', () => {
    const ast = body(`#pragma unroll
for (int i = 0, j = 1; i < n; ++i, j += 2) { if (i == 3) continue; if (j > 9) break; }
#pragma unroll 4
while (n > 0) --n;
#pragma nounroll
do { n++; } while (n < 10);
for (;;) break;
float a[4];
for (float& v : a) v = 0;
for (auto v : {1, 2, 3}) n += v;`);
    ast.toContain('(for 4:1 [unroll]\n      (init\n        (decl 4:6 (var i int 0) (var j int 1)))\n      (cond (binary < i n))\n      (step (binary , (unary ++ i) (assign += j 2)))');
    ast.toContain('(continue 4:58)');
    ast.toContain('(while 6:1 [unroll 4] (binary > n 0)');
    ast.toContain('(do 8:1 [nounroll] (binary < n 10)');
    ast.toContain('(for 9:1\n      (init)\n      (cond)\n      (step)\n      (break 9:10))');
    ast.toContain('(range-for 11:1 (var v (ref float)) a');
    ast.toContain('(range-for 12:1 (var v auto) (init-list 1 2 3)');
  });

  test('switch with case and default labels wrapping the next statement', () => {
    const ast = body(`switch (n) { case 0: case 1: n = 2; break; case 2 ... 4: { n = 5; } default: n = 0; }`);
    ast.toContain('(case 3:14 0\n          (case 3:22 1\n            (expr 3:30 (assign = n 2))))\n        (break 3:37)');
    ast.toContain('(case 3:44 2 4');
    ast.toContain('(default 3:69 (expr 3:78 (assign = n 0)))');
  });

  test('labels, goto, return, empty, asm, try', () => {
    const ast = body(`again: n--; if (n) goto again; ;
asm volatile("mov.u32 %0, %%laneid;" : "=r"(n));
asm("nop");
try { n = 1; } catch (...) { n = 2; }
return;`);
    ast.toContain('(label 3:1 again\n      (expr 3:8 (postfix -- n)))');
    ast.toContain('(goto 3:20 again)');
    ast.toContain('(empty 3:32)');
    ast.toContain('(asm 4:1 volatile "mov.u32 %0, %%laneid;")');
    ast.toContain('(asm 5:1 "nop")');
    ast.toContain('(unsupported 6:1 try)');
    ast.toContain('(return 7:1)');
  });

  test('declaration or expression statement', () => {
    const ast = body(`T * p; a * b; size_t s = n; Unknown u; S(n); float(n); float4 v = make_float4(0, 0, 0, 0);
typedef int I; I i2 = 0; struct L { int q; } l; using J = I; static_assert(true, "ok"); p = (T*)x;`, 'struct T {}; struct S { S(int); }; int a, b;');
    ast.toContain('(decl 3:1 (var p (ptr T)))');
    ast.toContain('(expr 3:8 (binary * a b))');
    ast.toContain('(decl 3:15 (var s size_t n))');
    ast.toContain('(decl 3:29 (var u Unknown))');
    ast.toContain('(expr 3:40 (construct S n))');
    ast.toContain('(expr 3:46 (construct float n))');
    ast.toContain('(decl 4:16 (var i2 I 0))');
    ast.toContain('(decl 4:26\n        (struct L');
    ast.toContain('(decl 4:49 (typedef J I))');
    ast.toContain('(assign = p (cast c (ptr T) x))');
  });

  test('a pragma before something that is not a loop is ignored with a warning', () => {
    const p = parseText('__device__ void f(int n) {\n#pragma unroll\n n++; }');
    expect(p.messages).toEqual(["2:1: warning: '#pragma unroll' must precede a for, while or do loop; ignored"]);
  });
});
