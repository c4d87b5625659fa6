import { describe, expect, it } from 'vitest';
import { measureInterp } from '../../bench/interp.js';

// A smoke test with a generous bound only: real figures come from `npm run bench` (bench/interp.ts).
describe('KIR interpreter speed (smoke)', () => {
  it('runs straight-line arithmetic loops at well over 1 million thread-instructions/s', () => {
    expect(measureInterp('arith', false, 1)).toBeGreaterThan(1_000_000);
    expect(measureInterp('reduce', true, 1)).toBeGreaterThan(300_000);
  });
});
