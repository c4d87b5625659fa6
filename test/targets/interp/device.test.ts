/**
 * The `interp` target on its own (no API layer): buffers, pointers at offsets, a launch with
 * KIR values, module globals kept per module and carried over a rebuild, static shared size,
 * and faults turned into KernelFault with a clang-style message (quoting the source when known).
 */
import { describe, expect, it } from 'vitest';
import { KernelFault } from '../../../src/api/errors.js';
import { parseModuleOrThrow } from '../../../src/ir/index.js';
import { INTERP_LIMITS, InterpDevice, formatFault } from '../../../src/targets/interp/index.js';
import { SourceManager } from '../../../src/support/source.js';

const KIR = `global constant @k : [2 x i32] = [5, 6]
global shared @tile : [64 x f32]
kernel @copy(%src: ptr<global, i32>, %dst: ptr<global, i32>) {
  %t = thread_id x : u32
  %p = ptradd %src, %t : ptr<global, i32>
  %v = load %p : i32 loc("c.cu":2:11)
  %q = ptradd %dst, %t : ptr<global, i32>
  store %v, %q
  return
}
`;

const cfg = (block: number) => ({ grid: [1, 1, 1] as const, block: [block, 1, 1] as const, sharedBytes: 0, sanitize: true, fuel: INTERP_LIMITS.defaultFuel });

describe('interp target', () => {
  it('runs a launch with pointers at offsets and reports stats', () => {
    const dev = new InterpDevice();
    const m = parseModuleOrThrow(KIR);
    const src = dev.alloc(32, 'src', 4);
    dev.write(src, 0, new Uint8Array(new Int32Array([1, 2, 3, 4, 5, 6, 7, 8]).buffer));
    const dst = dev.alloc(32, 'dst', 4);
    const r = dev.launch(m, 'copy', 'copy', cfg(4), [dev.pointer(src, 16), dev.pointer(dst, 0)]);
    expect(Array.from(new Int32Array(dev.read(dst, 0, 16).buffer))).toEqual([5, 6, 7, 8]);
    expect(r.stats).toMatchObject({ target: 'interp', threads: 4, blocks: 1, sanitize: true });
    expect(r.stats.instructions).toBeGreaterThan(0);
    expect(dev.staticSharedBytes(m)).toBe(256);
  });

  it('module globals: per module, carried over when a module is rebuilt', () => {
    const dev = new InterpDevice();
    const m1 = parseModuleOrThrow(KIR);
    const s = dev.symbol(m1, 'k')!;
    expect(Array.from(new Int32Array(dev.read(s, 0, 8).buffer))).toEqual([5, 6]);
    dev.write(s, 0, new Uint8Array(new Int32Array([9]).buffer));
    expect(dev.symbol(m1, 'tile')).toBeUndefined();
    expect(dev.symbol(m1, 'none')).toBeUndefined();
    const m2 = parseModuleOrThrow(KIR);
    dev.migrateGlobals(m1, m2);
    expect(Array.from(new Int32Array(dev.read(dev.symbol(m2, 'k')!, 0, 8).buffer))).toEqual([9, 6]);
  });

  it('faults become KernelFault; the message quotes the source when it is known', () => {
    const dev = new InterpDevice();
    const m = parseModuleOrThrow(KIR);
    const src = dev.alloc(8, 'src', 4);
    const dst = dev.alloc(64, 'dst', 4);
    let f: KernelFault | undefined;
    try {
      dev.launch(m, 'copy', 'copy', cfg(4), [dev.pointer(src, 0), dev.pointer(dst, 0)]);
    } catch (e) {
      f = e as KernelFault;
    }
    expect(f).toBeInstanceOf(KernelFault);
    expect(f!).toMatchObject({ kind: 'out-of-bounds', file: 'c.cu', line: 2, column: 11, block: [0, 0, 0], thread: [2, 0, 0], kernel: 'copy' });
    expect(f!.message).toMatch(/^c\.cu:2:11: error: out-of-bounds load .*'src'.* in block \(0,0,0\), thread \(2,0,0\) \[KCC7001\]$/);
    const sources = new SourceManager();
    sources.add('c.cu', '__global__ void copy(const int *s, int *d) {\n  d[i] = s[threadIdx.x];\n}\n');
    const text = formatFault(f!.faults[0]!, sources);
    expect(text).toContain('c.cu:2:11: error: out-of-bounds');
    expect(text).toContain('\n  d[i] = s[threadIdx.x];\n          ^');
  });

  it('dispose releases the memory', () => {
    const dev = new InterpDevice();
    dev.alloc(4);
    dev.dispose();
    expect(dev.disposed).toBe(true);
    expect(() => dev.alloc(4)).toThrow(/disposed/);
  });
});
