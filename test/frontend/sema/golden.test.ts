/**
 * The invalid-input golden files of semantic analysis (test/filetests/invalid/sema-*.cu):
 * each must produce exactly one error, a KCC3xxx code no other file uses. (Their CHECK
 * lines are written by `npm run bless`; this test keeps the files honest before that.)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSource } from './helpers.js';

const DIR = join(__dirname, '../../filetests/invalid');
const files = readdirSync(DIR).filter((f) => f.startsWith('sema-') && f.endsWith('.cu')).sort();

describe('sema golden files', () => {
  const codes = new Map<string, string>();
  it('there are at least 20', () => expect(files.length).toBeGreaterThanOrEqual(20));
  for (const f of files) {
    it(f, () => {
      const text = readFileSync(join(DIR, f), 'utf8');
      expect(text.startsWith('// RUN: not kcc %s -fsyntax-only\n')).toBe(true);
      const r = checkSource(text, { filename: f });
      const errors = r.diags.list.filter((d) => d.severity === 'error');
      expect(errors.map((e) => `${e.code} ${e.message}`), r.text).toHaveLength(1);
      const code = errors[0]!.code;
      expect(code).toMatch(/^KCC3\d{3}$/);
      expect(codes.get(code), `${code} also used by ${codes.get(code)}`).toBeUndefined();
      codes.set(code, f);
    });
  }
});
