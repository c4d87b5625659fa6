/**
 * Source locations through macro expansion: spans, Expansion chains, and the diagnostics'
 * "expanded from macro" notes.
 */
import { describe, expect, it } from 'vitest';
import { DiagnosticBag, formatDiagnostics } from '../../../src/support/diagnostics/index.js';
import type { Span } from '../../../src/support/source.js';
import { pp } from './helpers.js';

const at = (src: string, s: Span): string => src.slice(s.start, s.end);

describe('spans of expanded tokens', () => {
  it('file tokens keep their own spans and have no expansion', () => {
    const src = 'int x;';
    const r = pp(src);
    expect(r.tokens.map((t) => at(src, t.span))).toEqual(['int', 'x', ';']);
    expect(r.tokens.every((t) => t.span.expansion === undefined)).toBe(true);
  });

  it('a replacement-list token is spelled in the #define; the site is the invocation', () => {
    const src = '#define SQ(x) ((x)*(x))\nint y = SQ(a);';
    const r = pp(src);
    const star = r.tokens.find((t) => t.text === '*')!;
    expect(at(src, star.span)).toBe('*');
    expect(star.span.start).toBe(src.indexOf('*'));
    expect(star.span.expansion!.macro).toBe('SQ');
    expect(at(src, star.span.expansion!.definition)).toBe('*');
    expect(at(src, star.span.expansion!.site)).toBe('SQ(a)');
    // argument tokens keep the argument's spelling
    const a = r.tokens.filter((t) => t.text === 'a');
    expect(a.map((t) => t.span.start)).toEqual([src.lastIndexOf('a'), src.lastIndexOf('a')]);
    expect(a[0]!.span.expansion).toBeUndefined();
  });

  it('nested expansions chain through site.expansion', () => {
    const src = '#define INNER 42\n#define OUTER (INNER + 1)\nOUTER';
    const r = pp(src);
    const n = r.tokens.find((t) => t.text === '42')!;
    expect(n.span.expansion!.macro).toBe('INNER');
    const site = n.span.expansion!.site;
    expect(at(src, site)).toBe('INNER');
    expect(site.expansion!.macro).toBe('OUTER');
    expect(at(src, site.expansion!.site)).toBe('OUTER');
    expect(site.expansion!.site.expansion).toBeUndefined();
    expect(r.sources.userSpan(n.span).start).toBe(src.lastIndexOf('OUTER'));
  });

  it('an object-like expansion inside an argument keeps its own chain', () => {
    const src = '#define N 8\n#define F(x) [x]\nF(N)';
    const r = pp(src);
    const n = r.tokens.find((t) => t.text === '8')!;
    expect(n.span.expansion!.macro).toBe('N');
    expect(at(src, n.span.expansion!.site)).toBe('N');
    expect(n.span.expansion!.site.start).toBe(src.lastIndexOf('N'));
  });

  it('a diagnostic inside a macro names the use site and the definition', () => {
    const src = '#define C(a,b) a##b\n\nint v = C(+,-);';
    const r = pp(src);
    const text = formatDiagnostics(r.sources, r.bag.list);
    expect(text).toContain('main.cu:3:9: error: pasting formed');
    expect(text).toContain("main.cu:1:17: note: expanded from macro 'C'");
  });

  it('#include directive spans and skipped-header spans point at the header name', () => {
    const src = '#include <iostream>';
    const r = pp(src);
    expect(at(src, r.result.skippedHeaders[0]!.span)).toBe('<iostream>');
    expect(r.bag).toBeInstanceOf(DiagnosticBag);
  });

  it('multi-line invocation sites span name through )', () => {
    const src = '#define F(x) x+1\nF(\n  2\n)';
    const r = pp(src);
    const plus = r.tokens.find((t) => t.text === '+')!;
    expect(at(src, plus.span.expansion!.site)).toBe('F(\n  2\n)');
  });
});
