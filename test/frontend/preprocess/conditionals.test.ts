/**
 * Conditional inclusion and #if expressions (C17 6.10.1).
 */
import { describe, expect, it } from 'vitest';
import { pp } from './helpers.js';

const cond = (expr: string, defs = ''): string => pp(`${defs}\n#if ${expr}\nyes\n#else\nno\n#endif`).text;

describe('#if / #ifdef / #elif / #else / #endif', () => {
  it('selects one group', () => {
    const src = '#define A\n#ifdef A\na\n#endif\n#ifndef A\nb\n#endif\n#if 0\nc\n#elif 1\nd\n#elif 1\ne\n#else\nf\n#endif';
    expect(pp(src).text).toBe('a d');
  });

  it('elifdef / elifndef (C++23)', () => {
    expect(pp('#define B\n#ifdef A\na\n#elifdef B\nb\n#endif').text).toBe('b');
    expect(pp('#ifdef A\na\n#elifndef B\nb\n#endif').text).toBe('b');
  });

  it('skipped groups nest and are not evaluated or lexed strictly', () => {
    const src = `#if 0
#if 1/0
#bogus directive
don't stop 'at apostrophes
#else
#error no
#endif
#endif
ok`;
    const r = pp(src);
    expect(r.text).toBe('ok');
    expect(r.codes).toEqual([]);
  });

  it('after a taken group, later #elif conditions are not evaluated', () => {
    expect(pp('#if 1\na\n#elif 1/0\nb\n#endif').codes).toEqual([]);
  });

  it('reports unbalanced conditionals', () => {
    expect(pp('#if 1\nx').codes).toEqual(['KCC1100@1:1']);
    expect(pp('#endif').codes).toEqual(['KCC1101@1:2']);
    expect(pp('#else').codes).toEqual(['KCC1102@1:2']);
    expect(pp('#elif 1').codes).toEqual(['KCC1103@1:2']);
    expect(pp('#if 1\n#else\n#else\n#endif').codes).toEqual(['KCC1104@3:2']);
    expect(pp('#if 0\n#else\n#elif 1\n#endif').codes).toEqual(['KCC1105@3:2']);
    expect(pp('#ifdef\n#endif').codes).toEqual(['KCC1108@1:2']);
  });

  it('a conditional must end in the file it started in', () => {
    const r = pp('#include "a.h"\n#endif', { files: { 'a.h': '#if 1\n' } });
    expect(r.codes).toEqual(['KCC1100@1:1', 'KCC1101@2:2']);
    expect(r.diags[0]!.file).toBe('a.h');
  });

  it('handles 10,000 nested groups', () => {
    const src = '#if 1\n'.repeat(10_000) + 'x\n' + '#endif\n'.repeat(10_000) + '#if 0\n'.repeat(10_000) + 'y\n' + '#endif\n'.repeat(10_000);
    const r = pp(src);
    expect(r.text).toBe('x');
    expect(r.codes).toEqual([]);
  });
});

describe('#if expressions', () => {
  it('defined in both forms, and through macros', () => {
    expect(cond('defined X && defined(X) && !defined Y', '#define X')).toBe('yes');
    expect(cond('D', '#define X\n#define D defined(X) && defined X')).toBe('yes');
  });

  it('integer arithmetic with C precedence', () => {
    expect(cond('1 + 2 * 3 == 7 && (1 + 2) * 3 == 9 && 7 / 2 == 3 && -7 / 2 == -3 && -7 % 3 == -1')).toBe('yes');
    expect(cond('(1 << 4) == 16 && (256 >> 4) == 16 && (5 & 3) == 1 && (5 | 3) == 7 && (5 ^ 3) == 6 && ~0 == -1')).toBe('yes');
    expect(cond('1 ? 2 : 0 && 0 ? 0 : 1')).toBe('yes');
    expect(cond('(2, 0)')).toBe('no');
    expect(cond('0x10 == 16 && 020 == 16 && 0b10000 == 16 && 1\'000 == 1000 && 10ull == 10')).toBe('yes');
  });

  it('unsigned arithmetic follows the usual arithmetic conversions', () => {
    expect(cond('-1 < 0u')).toBe('no');
    expect(cond('-1 < 0')).toBe('yes');
    expect(cond('0xFFFFFFFFFFFFFFFF == -1')).toBe('yes');
    expect(cond('18446744073709551615u / 2 == 9223372036854775807')).toBe('yes');
    expect(cond('9223372036854775807 + 1 < 0')).toBe('yes'); // wraps in intmax_t
    expect(cond('(1 ? -1 : 0u) > 0')).toBe('yes');
  });

  it('character constants, true/false, unknown names, alternative tokens', () => {
    expect(cond("'A' == 65 && '\\n' == 10 && '\\377' < 0 && '\\x41' == 65 && u'\\xffff' > 0")).toBe('yes');
    expect(cond('true && !false && UNKNOWN == 0')).toBe('yes');
    expect(cond('1 and not 0 or 0')).toBe('yes');
  });

  it('predefined macros', () => {
    expect(cond('__cplusplus == 201703L && __CUDACC__ && __CUDA_ARCH__ == 800 && defined(__NVCC__) && __CUDACC_VER_MAJOR__ >= 11')).toBe('yes');
  });

  it('division by zero is an error only where evaluated', () => {
    const r = pp('#if 1 / 0\n#endif\n#if 0 && 1 / 0\n#endif\n#if 1 || 1 % 0\n#endif\n#if 1 ? 1 : 1/0\n#endif');
    expect(r.codes).toEqual(['KCC1155@1:7']);
  });

  it('reports malformed expressions', () => {
    expect(pp('#if\n#endif').codes).toEqual(['KCC1150@1:2']);
    expect(pp('#if (1\n#endif').codes).toEqual(['KCC1153@1:6']);
    expect(pp('#if 1 +\n#endif').codes).toEqual(['KCC1151@1:7']);
    expect(pp('#if 1 ? 2\n#endif').codes).toEqual(['KCC1154@1:9']);
    expect(pp('#if 1.5\n#endif').codes).toEqual(['KCC1156@1:5']);
    expect(pp('#if "s"\n#endif').codes).toEqual(['KCC1152@1:5']);
    expect(pp('#if 1 2\n#endif').codes).toEqual(['KCC1152@1:7']);
    expect(pp('#if defined\n#endif').codes).toEqual(['KCC1158@1:5']);
  });

  it('__has_include and feature tests', () => {
    const files = { 'inc/x.h': '' };
    const r = pp('#if __has_include("x.h") && __has_include(<cuda_fp16.h>) && !__has_include(<vector>) && !__has_builtin(__builtin_expect)\nyes\n#endif\n#ifdef __has_include\nh\n#endif', { files, includePaths: ['inc'] });
    expect(r.text).toBe('yes h');
  });

  it('20,000 nested parentheses end with a diagnostic, quickly', () => {
    const t0 = performance.now();
    const r = pp(`#if ${'('.repeat(20_000)}1${')'.repeat(20_000)}\nx\n#endif\ny`);
    expect(performance.now() - t0).toBeLessThan(5000);
    expect(r.codes).toEqual(['KCC1157@1:1005']);
    expect(r.text).toBe('y');
    expect(pp(`#if ${'!'.repeat(20_000)}1\n#endif`).codes[0]).toMatch(/^KCC1157/);
    expect(pp(`#if ${'('.repeat(500)}1${')'.repeat(500)}\nok\n#endif`).text).toBe('ok');
  });
});
