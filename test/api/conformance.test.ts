/**
 * Conformance on `interp`: every case of examples/cases.ts compiled and launched through the
 * public API (device → compile → upload → setSymbol → launch → download), each output buffer
 * compared with the case's CPU reference within the case's tolerance (`compareBuffers`).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_CASES, compareBuffers, type ExampleCase } from '../../examples/cases.js';
import { device, type DeviceBuffer, type KernelArgValue, type TypedArray } from '../../src/index.js';
import { SCALAR_TYPES, materializeArgs, typedArrayFor } from '../../src/support/args.js';

const EXAMPLES = join(dirname(fileURLToPath(import.meta.url)), '../../examples');

const SYMBOL_ARRAYS = {
  i8: Int8Array, u8: Uint8Array, i16: Int16Array, u16: Uint16Array, f16: Uint16Array, bf16: Uint16Array,
  i32: Int32Array, u32: Uint32Array, f32: Float32Array, f64: Float64Array,
} as const;

/** Runs one case on interp; returns a description of every mismatching buffer (empty: pass). */
export async function runCase(c: ExampleCase): Promise<string[]> {
  const dev = await device('interp');
  try {
    const source = readFileSync(join(EXAMPLES, c.file), 'utf8');
    const mod = await dev.compile(source, { filename: c.file, includePaths: [EXAMPLES], ...(c.defines ? { defines: c.defines } : {}) });
    for (const [name, s] of Object.entries(c.symbols ?? {})) {
      const Ctor = SYMBOL_ARRAYS[s.type as keyof typeof SYMBOL_ARRAYS];
      if (!Ctor) throw new Error(`symbol type ${s.type} not supported by the test`);
      mod.setSymbol(name, Ctor.from(s.values));
    }
    const inputs = materializeArgs(c.args);
    const bufs: (DeviceBuffer | undefined)[] = [];
    const args: KernelArgValue[] = inputs.map((v, i) => {
      if (typeof v === 'number' || typeof v === 'bigint') return v;
      return (bufs[i] = dev.upload(v));
    });
    await mod.launch(c.kernel, { grid: c.grid, block: c.block, sharedBytes: c.sharedBytes ?? 0 }, args);
    const want = c.reference(materializeArgs(c.args));
    const problems: string[] = [];
    for (const [k, expected] of Object.entries(want)) {
      const i = Number(k);
      const spec = c.args[i]!;
      if (spec.kind !== 'buffer') throw new Error(`reference for scalar argument ${i}`);
      const got = typedArrayFor(spec.type, spec.count) as TypedArray;
      const bytes = await dev.download(bufs[i]!, Uint8Array);
      new Uint8Array(got.buffer).set(bytes.subarray(0, spec.count * SCALAR_TYPES[spec.type].size));
      const cmp = compareBuffers(spec.type, got as ArrayLike<number | bigint>, expected, c.tolerance);
      if (!cmp.ok)
        problems.push(`arg ${i}: ${cmp.mismatches} mismatches, first at ${cmp.first} (got ${String(got[cmp.first])}, want ${String(expected[cmp.first])}), max abs ${cmp.maxAbsError}, max rel ${cmp.maxRelError}`);
    }
    return problems;
  } finally {
    dev.dispose();
  }
}

describe('examples conform on interp (public API)', () => {
  for (const c of EXAMPLE_CASES) {
    it(c.name, { timeout: 60_000 }, async () => {
      expect(await runCase(c)).toEqual([]);
    });
  }
});
