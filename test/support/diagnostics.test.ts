import { describe, expect, it } from 'vitest';
import { SourceManager } from '../../src/support/source.js';
import { DiagnosticBag, allDiagnostics, formatDiagnostics, type DiagnosticDef } from '../../src/support/diagnostics/index.js';

const boom: DiagnosticDef = { code: 'KCC0900', severity: 'error', message: "use of undeclared identifier '{name}'" };
const warn: DiagnosticDef = { code: 'KCC0901', severity: 'warning', message: 'something odd' };

describe('diagnostics', () => {
  it('formats clang-style with a caret range', () => {
    const sm = new SourceManager();
    const f = sm.add('k.cu', 'int a;\n  x = yy + 1;\n');
    const bag = new DiagnosticBag(sm);
    bag.report(boom, { file: f.id, start: 13, end: 15 }, { name: "yy" });
    expect(formatDiagnostics(sm, bag.list)).toBe("k.cu:2:7: error: use of undeclared identifier 'yy' [KCC0900]\n  x = yy + 1;\n      ^~\n");
  });

  it('keeps tabs so the caret lines up', () => {
    const sm = new SourceManager();
    const f = sm.add('t.cu', '\tfoo(bar);\n');
    const bag = new DiagnosticBag(sm);
    bag.report(boom, { file: f.id, start: 5, end: 8 }, { name: 'bar' });
    expect(formatDiagnostics(sm, bag.list)).toContain('\tfoo(bar);\n\t    ^~~\n');
  });

  it('reports the macro use site and notes the definition', () => {
    const sm = new SourceManager();
    const f = sm.add('m.cu', '#define M yy\nint z = M;\n');
    const bag = new DiagnosticBag(sm);
    const site = { file: f.id, start: 21, end: 22 }; // the M in `int z = M;`
    bag.report(boom, { file: f.id, start: 10, end: 12, expansion: { macro: 'M', definition: { file: f.id, start: 10, end: 12 }, site } }, { name: 'yy' });
    const text = formatDiagnostics(sm, bag.list);
    expect(text).toContain('m.cu:2:9: error:');
    expect(text).toContain("m.cu:1:11: note: expanded from macro 'M'\n#define M yy\n          ^~\n");
    const [r] = bag.resolve();
    expect(r).toMatchObject({ line: 2, column: 9, notes: [{ message: "expanded from macro 'M'", line: 1, column: 11 }] });
  });

  it('prints the include chain', () => {
    const sm = new SourceManager();
    const main = sm.add('main.cu', '#include "a.h"\n');
    const h = sm.add('a.h', 'bad\n', { file: main.id, start: 0, end: 14 });
    const bag = new DiagnosticBag(sm);
    bag.report(warn, { file: h.id, start: 0, end: 3 });
    expect(formatDiagnostics(sm, bag.list)).toMatch(/^In file included from main\.cu:1:\na\.h:1:1: warning: something odd \[KCC0901\]/);
  });

  it('collects several errors, dedups, and stops at the limit', () => {
    const sm = new SourceManager();
    const f = sm.add('e.cu', 'a b c d e f\n');
    const bag = new DiagnosticBag(sm, 3);
    for (let i = 0; i < 6; i++) bag.report(boom, { file: f.id, start: 2 * i, end: 2 * i + 1 }, { name: String(i) });
    bag.report(boom, { file: f.id, start: 0, end: 1 }, { name: '0' });
    expect(bag.errorCount).toBe(3);
    expect(bag.limitReached).toBe(true);
    expect(bag.list.at(-1)!.message).toContain('too many errors');
  });

  it('catalog codes are unique and well-formed', () => {
    for (const [code, def] of allDiagnostics()) {
      expect(code).toMatch(/^KCC\d{4}$/);
      expect(def.code).toBe(code);
    }
  });
});
