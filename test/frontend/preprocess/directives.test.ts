/**
 * #error, #warning, #line, pragmas, _Pragma, predefined and dynamic macros, unknown directives.
 */
import { describe, expect, it } from 'vitest';
import { pp } from './helpers.js';

describe('directives', () => {
  it('#error and #warning report their text', () => {
    const r = pp('#error "no CUDA" here\n#warning careful\n#error');
    expect(r.codes).toEqual(['KCC1140@1:2', 'KCC1141@2:2', 'KCC1140@3:2']);
    expect(r.diags.map((d) => d.message)).toEqual(['"no CUDA" here', 'careful', '#error']);
    expect(r.diags[1]!.severity).toBe('warning');
  });

  it('unknown directives are errors; the null directive is nothing', () => {
    expect(pp('#\n#foo bar\n# 1 "x.cu"\nx').codes).toEqual(['KCC1106@2:2']);
    expect(pp('#ident "v1"\n#sccs "v2"').codes).toEqual([]);
  });

  it('extra tokens after #endif / #undef warn', () => {
    expect(pp('#if 1\n#endif X\n#undef A B').codes).toEqual(['KCC1143@2:8', 'KCC1143@3:10']);
  });

  it('#line changes __LINE__ and __FILE__', () => {
    expect(pp('__LINE__\n#line 100 "k.cu"\n__LINE__ __FILE__\n__LINE__').text).toBe('1 100 "k.cu" 101');
    expect(pp('#define L 7\n#line L\n__LINE__').text).toBe('7');
    expect(pp('#line x').codes).toEqual(['KCC1142@1:7']);
  });
});

describe('pragmas', () => {
  it('#pragma unroll / nounroll become pragma tokens, counts macro-expanded', () => {
    const r = pp('#define N 4\n#pragma unroll\n#pragma unroll N\n#pragma unroll (N * 2)\n#pragma nounroll\nfor');
    expect(r.text).toBe('#pragma(unroll) #pragma(unroll 4) #pragma(unroll (4 * 2)) #pragma(nounroll) for');
    const t = r.tokens[1]!;
    expect(t.kind).toBe('pragma');
    expect(r.sources.describe(t.span)).toMatchObject({ line: 3, column: 1, endColumn: 17 });
  });

  it('other pragmas are dropped', () => {
    expect(pp('#pragma omp parallel for\n#pragma GCC diagnostic push\n#pragma nv_diag_suppress 177\nx').text).toBe('x');
  });

  it('_Pragma works directly and from macros', () => {
    const r = pp('#define UNROLL(n) _Pragma("unroll") for\n_Pragma("unroll 2") a UNROLL(1) b _Pragma("once")');
    expect(r.text).toBe('#pragma(unroll 2) a #pragma(unroll) for b');
    expect(pp('_Pragma(1)').codes).toEqual(['KCC1126@1:1']);
  });

  it('push_macro / pop_macro', () => {
    expect(pp('#define X 1\n#pragma push_macro("X")\n#undef X\n#define X 2\nX\n#pragma pop_macro("X")\nX').text).toBe('2 1');
  });
});

describe('predefined and dynamic macros', () => {
  it('__FILE__, __LINE__, __COUNTER__, __DATE__, __TIME__, __INCLUDE_LEVEL__', () => {
    const r = pp('__FILE__ __LINE__\n__COUNTER__ __COUNTER__ __DATE__ __TIME__\n#include "i.h"', { files: { 'i.h': '__FILE__ __INCLUDE_LEVEL__ __BASE_FILE__' } });
    const t = r.tokens.map((x) => x.text);
    expect(t.slice(0, 4)).toEqual(['"main.cu"', '1', '0', '1']);
    expect(t[4]).toMatch(/^"[A-Z][a-z]{2} [ 1-3]\d \d{4}"$/);
    expect(t[5]).toMatch(/^"\d\d:\d\d:\d\d"$/);
    expect(t.slice(6)).toEqual(['"i.h"', '1', '"main.cu"']);
  });

  it('__LINE__ in a macro is the line of the outermost invocation', () => {
    const src = '#define L __LINE__\n#define F(x) x L\n\nF(\n1\n)';
    expect(pp(src).text).toBe('1 4');
  });

  it('-D, -U and forced includes', () => {
    const r = pp('N M(2) __CUDA_ARCH__ FLT_MAX', { defines: { N: '1024', 'M(x)': 'x*x' }, undefines: ['__CUDA_ARCH__'], implicitIncludes: ['cfloat'] });
    expect(r.text).toBe('1024 2 * 2 __CUDA_ARCH__ 3.40282346638528859811704183484516925e+38F');
  });

  it('cuda_runtime.h is force-included by default', () => {
    const r = pp('cudaMemcpyHostToDevice INT_MAX', { implicitIncludes: undefined });
    expect(r.tokens.slice(-2).map((t) => t.text)).toEqual(['cudaMemcpyHostToDevice', '2147483647']);
    expect(r.codes).toEqual([]);
  });

  it('the output ends with one eof token at the end of the main file', () => {
    const r = pp('int x;\n');
    const eof = r.result.tokens[r.result.tokens.length - 1]!;
    expect(eof).toMatchObject({ kind: 'eof', text: '', span: { file: 0, start: 7, end: 7 } });
    expect(r.result.tokens.filter((t) => t.kind === 'eof').length).toBe(1);
  });
});
