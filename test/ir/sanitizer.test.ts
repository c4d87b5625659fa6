import { describe, expect, it } from 'vitest';
import { Memory, interpret } from '../../src/ir/index.js';
import { fixture, kir } from './helpers.js';

const m = kir(fixture('bugs.kir'));
const at = (line: number, col: number) => ({ file: 'bugs.cu', line, col });

describe('KIR sanitizer: each class with a planted bug', () => {
  it('out-of-bounds access names the buffer and the index (fatal)', () => {
    const mem = new Memory();
    const x = mem.upload(new Float32Array(100), 'x');
    const r = interpret(m, 'oob', { grid: 1, block: 128, args: [x], memory: mem });
    expect(r.faults).toHaveLength(1);
    expect(r.faults[0]).toMatchObject({ kind: 'out-of-bounds', loc: at(3, 10), thread: [100, 0, 0], block: [0, 0, 0], fatal: true });
    expect(r.faults[0]!.message).toBe("out-of-bounds load of 4 bytes at byte offset 400 (index 100) of global buffer 'x' (400 bytes, 100 elements)");
    // out-of-bounds is caught with the sanitizer off too (never a JS exception)
    expect(interpret(m, 'oob', { grid: 1, block: 128, args: [x], memory: mem, sanitize: false }).faults[0]!.kind).toBe('out-of-bounds');
  });

  it('misaligned access', () => {
    const mem = new Memory();
    const p = mem.upload(new Uint8Array(16), 'bytes');
    const r = interpret(m, 'misaligned', { grid: 1, block: 1, args: [p], memory: mem });
    expect(r.faults.map((f) => [f.kind, f.loc])).toEqual([['misaligned', at(8, 12)]]);
    expect(r.faults[0]!.message).toMatch(/byte offset 1 of global buffer 'bytes' is not a multiple of 4/);
  });

  it('read of uninitialised shared memory', () => {
    const mem = new Memory();
    const out = mem.alloc(256, 'out', 4);
    const r = interpret(m, 'uninit', { grid: 1, block: 64, args: [out], memory: mem });
    expect(r.faults).toHaveLength(1);
    expect(r.faults[0]).toMatchObject({ kind: 'uninitialized-read', loc: at(14, 11), thread: [32, 0, 0], fatal: false });
    expect(r.faults[0]!.message).toMatch(/\(index 32\) of 's'/);
  });

  it('data race between threads of a block on shared memory', () => {
    const mem = new Memory();
    const out = mem.alloc(256, 'out', 4);
    const r = interpret(m, 'race_shared', { grid: 1, block: 64, args: [out], memory: mem });
    expect(r.faults.map((f) => [f.kind, f.loc, f.thread])).toEqual([['data-race', at(20, 10), [1, 0, 0]]]);
    expect(r.faults[0]!.message).toMatch(/write conflicts with a write by thread \(0,0,0\) of the same block, in the same barrier interval/);
  });

  it('data race between blocks on global memory (a counter without atomics)', () => {
    const mem = new Memory();
    const c = mem.alloc(4, 'count', 4);
    const r = interpret(m, 'race_blocks', { grid: 2, block: 1, args: [c], memory: mem });
    expect(r.faults.map((f) => [f.kind, f.block])).toEqual([['data-race', [1, 0, 0]], ['data-race', [1, 0, 0]]]);
    expect(r.faults[0]!.message).toMatch(/of block 0 \(blocks of one launch are unordered\)/);
    // a later launch does not race with an earlier one
    expect(interpret(m, 'race_blocks', { grid: 1, block: 1, args: [c], memory: mem }).faults).toEqual([]);
  });

  it('warp-synchronous code without __syncwarp is reported; with it, no report', () => {
    const mem = new Memory();
    const out = mem.alloc(256, 'out', 4);
    const bad = interpret(m, 'warp_sync', { grid: 1, block: 32, args: [out, false], memory: mem });
    // threads are not run in lockstep between warp sync points: lane 0 reads s[16] before lane 16
    // wrote it (an uninitialised read), and lane 16's write then races with that read
    expect(bad.faults.map((f) => [f.kind, f.thread[0]])).toEqual([['uninitialized-read', 0], ['data-race', 16]]);
    expect(bad.faults[1]!.message).toMatch(/write conflicts with a read by thread \(0,0,0\) of the same block.*same warp: implicit warp lockstep is not guaranteed; use __syncwarp/);
    expect(interpret(m, 'warp_sync', { grid: 1, block: 32, args: [out, true], memory: mem }).faults).toEqual([]);
  });

  it('barrier divergence: a barrier reached by part of the live threads', () => {
    const r = interpret(m, 'divergent_barrier', { grid: 1, block: 32, args: [], memory: new Memory() });
    expect(r.faults).toHaveLength(1);
    expect(r.faults[0]).toMatchObject({ kind: 'barrier-divergence', fatal: true });
    expect(r.faults[0]!.message).toBe('barrier divergence: 16 thread(s) wait at the barrier at bugs.cu:40:5 and 16 at the barrier at bugs.cu:42:3');
  });

  it('deadlock: warp collectives that can never complete', () => {
    const mem = new Memory();
    const out = mem.alloc(128, 'out', 4);
    const r = interpret(m, 'deadlock', { grid: 1, block: 32, args: [out], memory: mem });
    expect(r.faults.map((f) => [f.kind, f.fatal])).toEqual([['deadlock', true]]);
    expect(r.faults[0]!.message).toMatch(/^deadlock: shuffle at bugs.cu:(48|50):14 in warp 0 waits for lanes that never arrive/);
  });

  it('fuel exhaustion', () => {
    const r = interpret(m, 'spin', { grid: 1, block: 4, args: [], memory: new Memory(), fuel: 10_000 });
    expect(r.faults.map((f) => f.kind)).toEqual(['fuel-exhausted']);
    expect(r.stats.instructions).toBe(10_000);
  });

  it('undefined behaviour: signed overflow, oversized shift, division by zero, float→int out of range', () => {
    const mem = new Memory();
    const out = mem.alloc(4, 'out', 4);
    const r = interpret(m, 'ub', { grid: 1, block: 1, args: [1, 1e10, out], memory: mem });
    expect(r.faults.map((f) => [f.kind, f.detail, f.loc?.line, f.fatal])).toEqual([
      ['undefined-behavior', 'signed-overflow', 60, false],
      ['undefined-behavior', 'shift', 61, false],
      ['undefined-behavior', 'division-by-zero', 62, false],
      ['undefined-behavior', 'float-to-int', 63, false],
    ]);
    expect(r.faults[0]!.message).toBe('undefined behavior: signed overflow in 2147483647 + 1 (i32, nsw)');
    // with the sanitizer off the launch runs with defined fallback results and no report
    expect(interpret(m, 'ub', { grid: 1, block: 1, args: [1, 1e10, out], memory: mem, sanitize: false }).faults).toEqual([]);
  });

  it('assert reports the message, block and thread', () => {
    const k = kir('kernel @a(%x: i32) {\n  %t = thread_id x : u32\n  %ti = bitcast %t : i32\n  %ok = cmp ne %ti, %x : i1\n  assert "i != x" %ok loc("a.cu":5:3)\n  return\n}\n');
    const r = interpret(k, 'a', { grid: 2, block: 4, args: [2], memory: new Memory() });
    expect(r.faults).toEqual([{ kind: 'assert', fatal: true, loc: { file: 'a.cu', line: 5, col: 3 }, block: [0, 0, 0], thread: [2, 0, 0], message: 'a.cu:5: block: [0,0,0], thread: [2,0,0] Assertion `i != x` failed.' }]);
  });
});
