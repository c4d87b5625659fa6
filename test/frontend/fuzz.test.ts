/**
 * Robustness: the frontend must only ever answer with diagnostics. fast-check mutates the
 * example files (token drops, duplications, swaps, byte noise, truncation) and the frontend
 * must neither throw nor hang on any of them. `npm test` runs 1,000 cases; `npm run fuzz`
 * (KCC_FUZZ_RUNS=100000) runs a long campaign. A failure prints fast-check's seed and the
 * shrunk input: keep it in test/frontend/fuzz-regressions/ so it stays fixed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runFrontend } from '../../src/frontend/index.js';

const ROOT = join(import.meta.dirname, '..', '..');
const RUNS = Number(process.env['KCC_FUZZ_RUNS'] ?? 1000);

function cuFiles(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((f) => f.endsWith('.cu'))
      .map((f) => join(dir, f));
  } catch {
    return [];
  }
}

const seeds = [...cuFiles(join(ROOT, 'examples')), ...cuFiles(join(ROOT, 'examples', 'programs'))].map((f) => readFileSync(f, 'utf8'));

/** Splits text into word, number, space and single-character pieces; joining them gives it back. */
function pieces(text: string): string[] {
  return text.match(/[A-Za-z_]\w*|\d[\w.]*|\s+|[^\w\s]/g) ?? [];
}

type Mutation =
  | { kind: 'drop'; at: number; len: number }
  | { kind: 'dup'; at: number; len: number }
  | { kind: 'swap'; a: number; b: number }
  | { kind: 'noise'; at: number; bytes: string }
  | { kind: 'truncate'; at: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('drop' as const), at: fc.nat(), len: fc.integer({ min: 1, max: 8 }) }),
  fc.record({ kind: fc.constant('dup' as const), at: fc.nat(), len: fc.integer({ min: 1, max: 8 }) }),
  fc.record({ kind: fc.constant('swap' as const), a: fc.nat(), b: fc.nat() }),
  fc.record({ kind: fc.constant('noise' as const), at: fc.nat(), bytes: fc.string({ unit: 'binary', maxLength: 6 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
);

function mutate(text: string, muts: readonly Mutation[]): string {
  let p = pieces(text);
  for (const m of muts) {
    const n = p.length;
    if (n === 0) break;
    switch (m.kind) {
      case 'drop':
        p = [...p.slice(0, m.at % n), ...p.slice((m.at % n) + m.len)];
        break;
      case 'dup': {
        const at = m.at % n;
        p = [...p.slice(0, at + m.len), ...p.slice(at, at + m.len), ...p.slice(at + m.len)];
        break;
      }
      case 'swap': {
        const a = m.a % n;
        const b = m.b % n;
        [p[a], p[b]] = [p[b]!, p[a]!];
        break;
      }
      case 'noise':
        p.splice(m.at % n, 0, m.bytes.replace(/\0/g, ''));
        break;
      case 'truncate':
        p = p.slice(0, m.at % n);
        break;
    }
  }
  return p.join('');
}

describe('frontend robustness (fuzz)', () => {
  it('has seed files', () => expect(seeds.length).toBeGreaterThanOrEqual(14));

  it(`answers every mutated example with diagnostics only (${RUNS} cases)`, () => {
    fc.assert(
      fc.property(fc.nat({ max: seeds.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 4 }), (i, muts) => {
        const text = mutate(seeds[i]!, muts);
        const r = runFrontend(text, { filename: 'fuzz.cu' });
        for (const d of r.diagnostics.resolve()) {
          expect(d.code).toMatch(/^KCC\d{4}$/);
          expect(d.message.length).toBeGreaterThan(0);
          if (d.line !== undefined) expect(d.line).toBeGreaterThanOrEqual(1);
        }
      }),
      { numRuns: RUNS, seed: process.env['KCC_FUZZ_SEED'] ? Number(process.env['KCC_FUZZ_SEED']) : undefined },
    );
  }, Math.max(120_000, RUNS * 50));

  const regressions = cuFiles(join(ROOT, 'test', 'frontend', 'fuzz-regressions'));
  for (const f of regressions) {
    it(`regression ${f.split('/').pop()}`, () => {
      const r = runFrontend(readFileSync(f, 'utf8'), { filename: f });
      expect(r.diagnostics.list.every((d) => /^KCC\d{4}$/.test(d.code))).toBe(true);
    });
  }
});
