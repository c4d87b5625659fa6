/**
 * The key acceptance test of lowering: every kernel of every `examples/*.cu` lowers to a module
 * that verifies and round-trips through the KIR text form, and every case of examples/cases.ts
 * runs on the KIR interpreter (sanitizer on) without faults and matches its CPU reference
 * within the case's tolerance.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_CASES, compareBuffers } from '../../../examples/cases.js';
import { lowerSource } from '../../../src/frontend/lower/index.js';
import { Memory, type DeviceBuffer, type KernelArg, interpret, parseModuleOrThrow, printModule, verifyModule } from '../../../src/ir/index.js';
import { materializeArgs, typedArrayFor } from '../../../src/support/args.js';
import { formatDiagnostics } from '../../../src/support/diagnostics/index.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const files = readdirSync(join(ROOT, 'examples')).filter((f) => f.endsWith('.cu'));
const source = (f: string) => readFileSync(join(ROOT, 'examples', f), 'utf8');

function lower(file: string, defines?: Record<string, string>, kernels?: string[]) {
  const r = lowerSource(source(file), { filename: file, defines, kernels });
  const errors = r.diagnostics.list.filter((d) => d.severity === 'error');
  expect(errors, formatDiagnostics(r.sources, errors)).toEqual([]);
  return r.lowered!;
}

describe('examples lower to valid KIR', () => {
  it('there are 18 example files', () => expect(files.length).toBe(18));
  for (const f of files) {
    it(f, () => {
      const { module, kernels } = lower(f);
      expect(kernels.length).toBeGreaterThan(0);
      const errs = verifyModule(module);
      expect(errs.map((e) => e.message)).toEqual([]);
      const text = printModule(module);
      expect(printModule(parseModuleOrThrow(text))).toBe(text);
      for (const fn of module.funcs) expect(fn.body.ops.every((op) => op.loc !== undefined), fn.name).toBe(true);
    });
  }
});

describe('example cases run on the interpreter', () => {
  for (const c of EXAMPLE_CASES) {
    it(c.name, () => {
      const { module, kernels } = lower(c.file, c.defines, [c.kernel]);
      const k = kernels.find((x) => x.name === c.kernel);
      expect(k, `kernel ${c.kernel}`).toBeDefined();
      const inputs = materializeArgs(c.args);
      const mem = new Memory();
      for (const [name, s] of Object.entries(c.symbols ?? {})) {
        const data = typedArrayFor(s.type, s.values.length);
        s.values.forEach((v, i) => ((data as unknown as number[])[i] = v));
        mem.write(mem.symbol(module, name), data);
      }
      const bufs: (DeviceBuffer | undefined)[] = [];
      const args: KernelArg[] = inputs.map((v, i) => {
        if (typeof v === 'number' || typeof v === 'bigint') return v;
        const copy = v.slice();
        return (bufs[i] = mem.upload(copy, `arg${i}`));
      });
      const r = interpret(module, k!.func, { grid: c.grid as [number, number?, number?], block: c.block as [number, number?, number?], args, memory: mem, sharedBytes: c.sharedBytes, sanitize: true });
      expect(r.faults.map((f) => `${f.kind}: ${f.message} at ${f.loc ? `${f.loc.line}:${f.loc.col}` : '?'}`)).toEqual([]);
      const want = c.reference(inputs);
      for (const [idx, expected] of Object.entries(want)) {
        const i = Number(idx);
        const spec = c.args[i]!;
        if (spec.kind !== 'buffer') continue;
        const bytes = mem.read(bufs[i]!);
        const got = typedArrayFor(spec.type, spec.count);
        new Uint8Array(got.buffer, got.byteOffset, got.byteLength).set(bytes.subarray(0, got.byteLength));
        const cmp = compareBuffers(spec.type, got, expected, c.tolerance);
        expect(cmp, `argument ${i}`).toMatchObject({ ok: true });
      }
    });
  }
});
