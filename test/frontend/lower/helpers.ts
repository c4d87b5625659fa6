/** Shared helpers for the lowering tests: lower a source, verify, run a kernel on the interpreter. */
import { expect } from 'vitest';
import { type KernelArg, Memory, type Module, interpret, printModule, verifyModule } from '../../../src/ir/index.js';
import { lowerSource } from '../../../src/frontend/lower/index.js';
import { formatDiagnostics } from '../../../src/support/diagnostics/index.js';

export function lowerOk(text: string, opts: Parameters<typeof lowerSource>[1] = {}) {
  const r = lowerSource(text, { filename: 'test.cu', ...opts });
  const errors = r.diagnostics.list.filter((d) => d.severity === 'error');
  expect(errors, formatDiagnostics(r.sources, errors)).toEqual([]);
  const m = r.lowered!.module;
  const errs = verifyModule(m);
  expect(errs.map((e) => e.message), printModule(m)).toEqual([]);
  return { ...r, module: m, kernels: r.lowered!.kernels };
}

/** runs kernel `name` with int32/float32 buffers given as arrays; returns the buffers' contents */
export function runKernel(
  m: Module,
  name: string,
  o: { grid?: number; block?: number; sharedBytes?: number; args: (number | Int32Array | Float32Array | Uint32Array)[] },
) {
  const mem = new Memory();
  const bufs = o.args.map((a) => (typeof a === 'number' ? undefined : mem.upload(a)));
  const args: KernelArg[] = o.args.map((a, i) => (typeof a === 'number' ? a : bufs[i]!));
  const r = interpret(m, name, { grid: o.grid ?? 1, block: o.block ?? 1, args, memory: mem, sharedBytes: o.sharedBytes });
  const out = o.args.map((a, i) => {
    if (typeof a === 'number') return undefined;
    const bytes = mem.read(bufs[i]!);
    const copy = new Uint8Array(bytes).buffer;
    return a instanceof Float32Array ? new Float32Array(copy) : a instanceof Uint32Array ? new Uint32Array(copy) : new Int32Array(copy);
  });
  return { ...r, out };
}
