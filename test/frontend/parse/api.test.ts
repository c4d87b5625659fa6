/**
 * The parser's API beyond `parse`: name and type expressions (`reduce<float, 256>`), the
 * grammar's own consistency (chevrotain's checks), and throughput with a generous bound.
 */
import { describe, expect, test } from 'vitest';
import { KccParser, parse, parseNameExpression, parseTypeExpression, parseDiagnostics } from '../../../src/frontend/parse/index.js';
import { printName, printType } from '../../../src/frontend/ast-print.js';
import { allDiagnostics } from '../../../src/support/diagnostics/index.js';
import { tokensOf } from './helpers.js';
import { sampleSource } from './kernel-sample.js';

describe('name and type expressions', () => {
  test('reduce<float, 256> and friends', () => {
    for (const [src, expected] of [
      ['reduce<float, 256>', 'reduce<float, 256>'],
      ['ns::k<int>', 'ns::k<int>'],
      ['saxpy', 'saxpy'],
      ['k<float4, (2 > 1)>', 'k<float4, (binary > 2 1)>'],
      ['outer<inner<int>>', 'outer<inner<int>>'],
    ]) {
      const { tokens, diags } = tokensOf(src!);
      const n = parseNameExpression(tokens, diags);
      expect(diags.list).toEqual([]);
      expect(n && printName(n)).toBe(expected);
    }
  });

  test('a bad name expression is a diagnostic, not an exception', () => {
    const { tokens, diags } = tokensOf('reduce<float,');
    expect(parseNameExpression(tokens, diags)).toBeUndefined();
    expect(diags.list.map((d) => d.message)).toEqual(['expected expression']);
  });

  test('type expressions', () => {
    for (const [src, expected] of [['const float*', '(ptr (const float))'], ['float4', 'float4'], ['unsigned long long', "'unsigned long long'"], ['int[4]', '(array int 4)']]) {
      const { tokens, diags } = tokensOf(src!);
      const t = parseTypeExpression(tokens, diags);
      expect(diags.list).toEqual([]);
      expect(t && printType(t)).toBe(expected);
    }
  });
});

describe('grammar', () => {
  test("chevrotain's grammar checks pass", () => {
    expect(() => new KccParser(true)).not.toThrow();
  });

  test('parser diagnostics are in the catalog with KCC2xxx codes', () => {
    for (const def of Object.values(parseDiagnostics)) {
      expect(def.code).toMatch(/^KCC2\d\d\d$/);
      expect(allDiagnostics().get(def.code)).toBe(def);
    }
  });

  test('throughput of typical kernel code (generous bound; see bench for the figure)', () => {
    const src = sampleSource(200);
    const lines = src.split('\n').length;
    const { tokens, diags } = tokensOf(src);
    parse(tokens, diags);
    const t0 = performance.now();
    const tu = parse(tokens, diags);
    const seconds = (performance.now() - t0) / 1000;
    expect(diags.list).toEqual([]);
    expect(tu.decls).toHaveLength(800);
    // vitest's module transform makes this ~10x slower than the built package
    expect(lines / seconds).toBeGreaterThan(5_000);
  });
});
