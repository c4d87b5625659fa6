/**
 * #include resolution, skipped system headers, #pragma once, include guards, depth limit.
 */
import { describe, expect, it } from 'vitest';
import { pp } from './helpers.js';

describe('#include', () => {
  it('quoted: relative to the including file, then -I paths', () => {
    const files = { 'src/a.h': '#include "b.h"\nA', 'src/b.h': 'B', 'inc/c.h': 'C', 'inc/sub/d.h': '#include "../c.h"\nD' };
    const r = pp('#include "a.h"\n#include "c.h"\n#include <sub/d.h>\nM', { files, path: 'src/main.cu', includePaths: ['inc'] });
    expect(r.text).toBe('B A C C D M'); // c.h has no guard: d.h includes it again
    expect(r.codes).toEqual([]);
    expect(r.result.includedFiles).toEqual(['src/a.h', 'src/b.h', 'inc/c.h', 'inc/sub/d.h']);
  });

  it('angled: -I paths, then kcc built-in headers', () => {
    const r = pp('#include <math.h>\nINFINITY', { files: {} });
    expect(r.text).toBe('__builtin_huge_valf ( )');
    const own = pp('#include <math.h>\nINFINITY', { files: { 'inc/math.h': '#define INFINITY mine' }, includePaths: ['inc'] });
    expect(own.text).toBe('mine');
  });

  it('a quoted include falls back to the built-in headers', () => {
    expect(pp('#include "cuda_runtime.h"\ncudaSuccess').codes).toEqual([]);
  });

  it('an unknown system header is skipped with a note and recorded', () => {
    const r = pp('#include <vector>\n#include <thrust/device_vector.h>\nx');
    expect(r.text).toBe('x');
    expect(r.codes).toEqual(['KCC1132@1:10', 'KCC1132@2:10']);
    expect(r.diags[0]!.severity).toBe('note');
    expect(r.diags[1]!.message).toBe("'<thrust/device_vector.h>' is not a header kcc provides; assuming it is host-only and skipping it");
    expect(r.result.skippedHeaders.map((h) => h.name)).toEqual(['vector', 'thrust/device_vector.h']);
    expect(r.result.skippedHeaders[1]!.span).toMatchObject({ start: 27, end: 51 });
  });

  it('a quoted include that is nowhere is an error', () => {
    const r = pp('#include "helper_cuda.h"\nx');
    expect(r.codes).toEqual(['KCC1131@1:10']);
    expect(r.diags[0]!.message).toBe("'helper_cuda.h' file not found");
    expect(r.text).toBe('x');
  });

  it('computed includes', () => {
    const files = { 'k.h': 'K' };
    expect(pp('#define H "k.h"\n#include H', { files }).text).toBe('K');
    expect(pp('#define S <cstdint>\n#include S\nINT8_MAX').tokens.at(-1)!.text).toBe('127');
    expect(pp('#include\n#include 42').codes).toEqual(['KCC1133@1:2', 'KCC1133@2:10']);
  });

  it('#pragma once and include guards keep a file from being entered twice', () => {
    let reads = 0;
    const files: Record<string, string> = { 'o.h': '#pragma once\nO', 'g.h': '// guard\n#ifndef G_H\n#define G_H\nG\n#endif\n', 'n.h': 'N' };
    const proxy = new Proxy(files, { get: (t, p: string) => (reads++, t[p]) });
    const r = pp('#include "o.h"\n#include "o.h"\n#include "g.h"\n#include "g.h"\n#include "n.h"\n#include "n.h"', { files: proxy });
    expect(r.text).toBe('O G N N');
    expect(reads).toBe(3); // each file read once
  });

  it('#pragma once in the main file warns', () => {
    expect(pp('#pragma once\nx').codes).toEqual(['KCC1134@1:9']);
  });

  it('recursive inclusion stops at the depth limit', () => {
    const t0 = performance.now();
    const r = pp('#include "self.h"', { files: { 'self.h': 'x\n#include "self.h"\n' } });
    expect(performance.now() - t0).toBeLessThan(5000);
    expect(r.codes).toEqual(['KCC1130@2:10']);
    expect(r.tokens.length).toBe(199);
  });

  it('diagnostics in included files carry the include chain', () => {
    const r = pp('#include "a.h"', { files: { 'a.h': '\n#error boom' } });
    expect(r.diags[0]).toMatchObject({ code: 'KCC1140', file: 'a.h', line: 2, message: 'boom' });
    expect(r.sources.files.find((f) => f.path === 'a.h')!.includedFrom).toMatchObject({ file: 0, start: 0 });
  });
});
