/**
 * The library API of API.md on `interp`, driven with KIR input (test/api/fixtures/api.kir), so
 * every piece of the launch machinery is tested independently of the CUDA lowering: buffers and
 * views, scalar conversion by parameter type, struct arguments, symbols, each LaunchError kind,
 * KernelFault with its location, target names, dispose and emit-only compile.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CompileError, KernelFault, LaunchError, TargetUnavailableError, compile, device, type Device, type KernelModule,
} from '../../src/index.js';

const KIR = readFileSync(join(import.meta.dirname, 'fixtures', 'api.kir'), 'utf8');

async function setup(): Promise<{ dev: Device; mod: KernelModule }> {
  const dev = await device('interp');
  const mod = await dev.compile(KIR, { filename: 'api.kir' });
  return { dev, mod };
}

async function launchError(p: Promise<unknown>): Promise<LaunchError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(LaunchError);
    return e as LaunchError;
  }
  throw new Error('expected a LaunchError');
}

describe('API on interp (KIR input)', () => {
  it('compiles KIR: kernels and the KIR artifact', async () => {
    const { mod } = await setup();
    expect(mod.kernels).toEqual(['saxpy', 'scalars', 'takes_struct', 'use_symbols']);
    expect(mod.artifact.kind).toBe('kir');
    expect(mod.artifact.text).toContain('kernel @saxpy(');
  });

  it('saxpy with buffers and scalars; number and array grids give the same result', async () => {
    const { dev, mod } = await setup();
    const n = 1000;
    const xs = Float32Array.from({ length: n }, (_, i) => i * 0.25);
    const ys = Float32Array.from({ length: n }, (_, i) => 1 - i);
    for (const cfg of [{ grid: 4, block: 256 }, { grid: [4], block: [256, 1, 1] }, { grid: [2, 1], block: [512] }]) {
      const x = dev.upload(xs);
      const y = dev.upload(ys);
      const r = await mod.launch('saxpy', cfg, [n, 2.5, x, y]);
      expect(r.stats.target).toBe('interp');
      expect(r.stats.wallMs).toBeGreaterThanOrEqual(0);
      expect(r.stats.threads).toBe(1024);
      expect(r.stats.instructions).toBeGreaterThan(n);
      const out = await dev.download(y, Float32Array);
      for (let i = 0; i < n; i++) expect(out[i]).toBe(Math.fround(Math.fround(2.5 * xs[i]!) + ys[i]!));
    }
  });

  it('views at byte offsets act as pointer arithmetic; alloc is zero-filled; ArrayBuffer uploads', async () => {
    const { dev, mod } = await setup();
    const x = dev.upload(new Float32Array([1, 2, 3, 4, 5, 6, 7, 8]).buffer);
    const y = dev.alloc(8 * 4);
    expect(Array.from(await dev.download(y, Float32Array))).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
    // y + 2 = 1 * (x + 4) + (y + 2) for 3 elements
    await mod.launch('saxpy', { grid: 1, block: 3 }, [3, 1, dev.view(x, 16), dev.view(y, 8)]);
    expect(Array.from(await dev.download(y, Float32Array))).toEqual([0, 0, 5, 6, 7, 0, 0, 0]);
    const v = dev.view(y, 8, 12);
    expect(Array.from(await dev.download(v, Float32Array))).toEqual([5, 6, 7]);
    expect(dev.view(v, 4).byteOffset).toBe(12);
    dev.write(y, new Float32Array([9]), 28);
    expect((await dev.download(y, Float32Array))[7]).toBe(9);
    expect(() => dev.view(x, 64)).toThrow(LaunchError);
  });

  it('scalars are converted by parameter type: i64 exact (bigint), u8, bool', async () => {
    const { dev, mod } = await setup();
    const out = dev.alloc(24);
    await mod.launch('scalars', { grid: 1, block: 1 }, [out, 2n ** 62n + 3n, 255, true]);
    expect(Array.from(await dev.download(out, BigInt64Array))).toEqual([2n ** 62n + 3n, 255n, 1n]);
    await mod.launch('scalars', { grid: 1, block: 1 }, [out, -(2 ** 53) + 1, 0, false]);
    expect(Array.from(await dev.download(out, BigInt64Array))).toEqual([-(2n ** 53n) + 1n, 0n, 0n]);
  });

  it('LaunchError: values that do not fit their parameter', async () => {
    const { dev, mod } = await setup();
    const out = dev.alloc(24);
    const cfg = { grid: 1, block: 1 };
    const frac = await launchError(mod.launch('saxpy', cfg, [2.5, 1, out, out]));
    expect(frac.kind).toBe('argument-value');
    expect(frac.argIndex).toBe(0);
    expect(frac.message).toContain("argument 1 ('n', i32): 2.5 is not an integer");
    const big = await launchError(mod.launch('scalars', cfg, [out, 2 ** 60, 0, false]));
    expect(big.message).toContain('past 2^53');
    expect((await launchError(mod.launch('scalars', cfg, [out, 1, 256, false]))).message).toContain('does not fit in u8 [0, 255]');
    expect((await launchError(mod.launch('scalars', cfg, [out, 1, -1, false]))).kind).toBe('argument-value');
    expect((await launchError(mod.launch('scalars', cfg, [out, 2n ** 63n, 0, false]))).message).toContain('does not fit in i64');
    expect((await launchError(mod.launch('scalars', cfg, [out, 1, 0, 2]))).message).toContain('expected a boolean');
    expect((await launchError(mod.launch('saxpy', cfg, [1, 'x' as unknown as number, out, out]))).message).toContain('expected a number');
  });

  it('LaunchError: wrong argument types and counts', async () => {
    const { dev, mod } = await setup();
    const x = dev.alloc(16);
    const cfg = { grid: 1, block: 1 };
    const count = await launchError(mod.launch('saxpy', cfg, [1, 2, x]));
    expect(count.kind).toBe('argument-count');
    expect(count.message).toContain('takes 4 arguments, got 3');
    expect(count.message).toContain('saxpy(i32 n, f32 a, ptr<global, f32> x, ptr<global, f32> y)');
    const host = await launchError(mod.launch('saxpy', cfg, [1, 2, new Float32Array(4) as unknown as null, x]));
    expect(host.kind).toBe('argument-type');
    expect(host.message).toContain('upload host arrays with dev.upload first');
    expect((await launchError(mod.launch('saxpy', cfg, [x, 2, x, x]))).message).toContain('expected an integer');
    expect((await launchError(mod.launch('saxpy', cfg, [1, 2, 7, x]))).message).toContain('expected a DeviceBuffer');
    const other = await device('interp');
    const foreign = other.alloc(16);
    expect((await launchError(mod.launch('saxpy', cfg, [1, 2, foreign, x]))).message).toContain('belongs to another device');
    // null is a null pointer: fine when the kernel does not touch it
    await mod.launch('saxpy', cfg, [0, 2, null, null]);
  });

  it('LaunchError: unknown kernel and bad configurations', async () => {
    const { dev, mod } = await setup();
    const x = dev.alloc(16);
    const unknown = await launchError(mod.launch('saxpyy', { grid: 1, block: 1 }, []));
    expect(unknown.kind).toBe('unknown-kernel');
    expect(unknown.message).toContain("no kernel named 'saxpyy'");
    expect(unknown.message).toContain('saxpy, scalars');
    const args = [1, 2, x, x];
    const big = await launchError(mod.launch('saxpy', { grid: 1, block: 2048 }, args));
    expect(big.kind).toBe('configuration');
    expect(big.message).toContain('a block of 2048 threads');
    expect(big.message).toContain('1024');
    expect((await launchError(mod.launch('saxpy', { grid: 1, block: [1, 1, 128] }, args))).message).toContain('block.z = 128');
    expect((await launchError(mod.launch('saxpy', { grid: 0, block: 1 }, args))).message).toContain('positive integers');
    expect((await launchError(mod.launch('saxpy', { grid: [1, 2, 3, 4], block: 1 }, args))).message).toContain('1 to 3 numbers');
    expect((await launchError(mod.launch('saxpy', { grid: 1.5, block: 1 }, args))).kind).toBe('configuration');
    const shared = await launchError(mod.launch('saxpy', { grid: 1, block: 1, sharedBytes: 1 << 20 }, args));
    expect(shared.message).toContain('shared memory');
    expect((await launchError(mod.launch('saxpy', { grid: 1, block: 1, sharedBytes: -4 }, args))).kind).toBe('configuration');
  });

  it('struct arguments without C field names take their fields in order', async () => {
    const { dev, mod } = await setup();
    const out = dev.alloc(4);
    await mod.launch('takes_struct', { grid: 1, block: 1 }, [[3, 0.5], out]);
    expect((await dev.download(out, Float32Array))[0]).toBe(3.5);
    expect((await launchError(mod.launch('takes_struct', { grid: 1, block: 1 }, [[3], out]))).message).toContain('expected 2 field values');
    expect((await launchError(mod.launch('takes_struct', { grid: 1, block: 1 }, [{ a: 1 }, out]))).kind).toBe('argument-type');
  });

  it('setSymbol / getSymbol on __constant__ and __device__ globals', async () => {
    const { dev, mod } = await setup();
    expect(Array.from(await mod.getSymbol('coeffs', Float32Array))).toEqual([1, 2, 3, 4]);
    mod.setSymbol('coeffs', new Float32Array([10, 20, 30, 40]));
    mod.setSymbol('coeffs', new Float32Array([35]), 8);
    const out = dev.alloc(16);
    await mod.launch('use_symbols', { grid: 1, block: 4 }, [out]);
    expect(Array.from(await dev.download(out, Float32Array))).toEqual([10, 20, 35, 40]);
    // two blocks writing the same out[] would race (the sanitizer says so): one buffer per block
    await mod.launch('use_symbols', { grid: 1, block: 4 }, [dev.alloc(16)]);
    await mod.launch('use_symbols', { grid: 1, block: 4 }, [dev.alloc(16)]);
    expect(Array.from(await mod.getSymbol('counter', Uint32Array))).toEqual([12]);
    expect(() => mod.setSymbol('nope', new Uint8Array(1))).toThrow(/no __constant__ or __device__ variable named 'nope'.*coeffs, counter/);
    expect(() => mod.setSymbol('coeffs', new Float32Array(5))).toThrow(LaunchError);
  });

  it('KernelFault: kind, clang-style message, location, block and thread', async () => {
    const { dev, mod } = await setup();
    const x = dev.upload(new Float32Array(100));
    const y = dev.upload(new Float32Array(100));
    let fault: KernelFault | undefined;
    try {
      await mod.launch('saxpy', { grid: 2, block: 64 }, [128, 1, x, y]);
    } catch (e) {
      fault = e as KernelFault;
    }
    expect(fault).toBeInstanceOf(KernelFault);
    expect(fault!.kind).toBe('out-of-bounds');
    expect([fault!.file, fault!.line, fault!.column]).toEqual(['saxpy.cu', 3, 22]);
    expect(fault!.block).toEqual([1, 0, 0]);
    expect(fault!.thread).toEqual([36, 0, 0]);
    expect(fault!.message).toMatch(/^saxpy\.cu:3:22: error: out-of-bounds load .*\(index 100\) .* in block \(1,0,0\), thread \(36,0,0\) \[KCC7001\]/);
    expect(fault!.kernel).toBe('saxpy');
    expect(fault!.faults.length).toBeGreaterThanOrEqual(1);
  });

  it('fuel exhaustion is a KernelFault; the sanitizer can be turned off per launch', async () => {
    const { dev, mod } = await setup();
    const x = dev.upload(new Float32Array(1024));
    const y = dev.upload(new Float32Array(1024));
    const f = await mod.launch('saxpy', { grid: 4, block: 256, fuel: 100 }, [1024, 1, x, y]).catch((e: unknown) => e);
    expect(f).toBeInstanceOf(KernelFault);
    expect((f as KernelFault).kind).toBe('fuel-exhausted');
    const r = await mod.launch('saxpy', { grid: 4, block: 256, sanitize: false }, [1024, 1, x, y]);
    expect(r.stats.sanitize).toBe(false);
  });

  it('KIR that does not parse or verify is a CompileError with diagnostics', async () => {
    const dev = await device('interp');
    const e = await dev.compile('kernel @k() {\n  %x = bogus\n  return\n}\n', { filename: 'bad.kir' }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(CompileError);
    const ce = e as CompileError;
    expect(ce.diagnostics[0]).toMatchObject({ severity: 'error', file: 'bad.kir', line: 2 });
    expect(ce.message).toMatch(/^bad\.kir:2:\d+: error: /);
  });

  it('device(): other targets are not available in this version, with the list of those that are', async () => {
    await expect(device('wgsl')).rejects.toThrow(TargetUnavailableError);
    await expect(device('npu-sim')).rejects.toThrow("target 'npu-sim' is not available in this version of kcc (available: interp)");
    await expect(device('cuda')).rejects.toThrow("unknown target 'cuda'");
    await expect(compile(KIR, { target: 'llvm-cpu', language: 'kir' })).rejects.toThrow(/not available.*available: interp/);
  });

  it('compile() emit-only gives the KIR text', async () => {
    const r = await compile(KIR, { filename: 'api.kir' });
    expect(r.target).toBe('interp');
    expect(r.artifact.kind).toBe('kir');
    expect(r.artifact.text).toContain('global constant @coeffs');
    expect(r.kernels).toContain('saxpy');
  });

  it('dispose frees the device; later use throws', async () => {
    const { dev, mod } = await setup();
    const x = dev.alloc(4);
    dev.dispose();
    expect(() => dev.alloc(4)).toThrow(/disposed/);
    await expect(dev.download(x)).rejects.toThrow(/disposed/);
    await expect(mod.launch('saxpy', { grid: 1, block: 1 }, [0, 1, null, null])).rejects.toThrow(/disposed/);
  });
});
