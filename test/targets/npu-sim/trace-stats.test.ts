// The Chrome trace's shape (metadata, slices, setf→waitf flows, counters) and the statistics
// object and table; the machine config's preset, overrides and validation.
import { describe, expect, it } from 'vitest';
import { dv910b, formatStats, makeConfig, NpuConfigError, parseConfigJson } from '../../../src/targets/npu-sim/index.js';
import { run } from './helpers.js';

const PROG = `.kernel t(ptr g)
.alloc ub x, 8192
    mov s1, %core
    mul s1, s1, 4096
    add s2, g, s1               ; this core's 4 KiB
    dma.gm2ub ub[x], gm[s2], len=4096
    setf MTE2>V, 0
    waitf MTE2>V, 0
    vadd.f32 ub[x + 4096], ub[x], ub[x], rep=16
    setf V>MTE3, 0
    waitf V>MTE3, 0
    dma.ub2gm gm[s2], ub[x + 4096], len=4096
    exit`;

describe('Chrome trace', () => {
  const r = run(PROG, [new Float32Array(2048).fill(1)], { config: makeConfig({ cores: 2 }), trace: true });
  const ev = r.trace!.traceEvents;
  it('one process per core, one thread per pipe', () => {
    const procs = ev.filter((e) => e.ph === 'M' && e.name === 'process_name').map((e) => e.args!['name']);
    expect(procs).toEqual(['dv910b chip', 'core 0', 'core 1']);
    expect(ev.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.pid === 1).map((e) => e.args!['name'])).toEqual(['S', 'MTE2', 'MTE1', 'M', 'V', 'FIX', 'MTE3']);
  });
  it('a complete slice per instruction with numeric ts and dur', () => {
    const slices = ev.filter((e) => e.ph === 'X' && e.pid === 1);
    expect(slices.map((e) => e.name)).toEqual(expect.arrayContaining(['dma.gm2ub', 'vadd.f32', 'dma.ub2gm', 'setf', 'waitf']));
    for (const s of slices) {
      expect(typeof s.ts).toBe('number');
      expect(s.dur).toBeGreaterThan(0);
      expect(s.tid).toBeGreaterThanOrEqual(0);
    }
    const vadd = slices.find((e) => e.name === 'vadd.f32')!;
    expect(vadd.tid).toBe(4);
    expect(vadd.args!['busy']).toBe(16);
  });
  it('flows from setf to waitf, counters for HBM and buffers', () => {
    const starts = ev.filter((e) => e.ph === 's');
    const ends = ev.filter((e) => e.ph === 'f');
    expect(starts.length).toBe(4);
    expect(ends.map((e) => e.id).sort()).toEqual(starts.map((e) => e.id).sort());
    for (const f of ends) expect(f.ts!).toBeGreaterThanOrEqual(starts.find((s) => s.id === f.id)!.ts!);
    expect(ev.some((e) => e.ph === 'C' && e.name.startsWith('HBM bandwidth'))).toBe(true);
    expect(ev.some((e) => e.ph === 'C' && e.name === 'UB bytes in flight')).toBe(true);
    expect(JSON.parse(JSON.stringify(r.trace))).toEqual(r.trace);
  });
});

describe('statistics', () => {
  const r = run(PROG, [new Float32Array(2048).fill(1)]);
  const s = r.stats;
  it('has the API.md fields and consistent figures', () => {
    expect(s.target).toBe('npu-sim');
    expect(s.cycles).toBeGreaterThan(800);
    expect(s.timeUs).toBeCloseTo(s.cycles / 1800, 2);
    expect([s.gmBytesRead, s.gmBytesWritten]).toEqual([4096, 4096]);
    expect(s.flops).toBe(16 * 64);
    // 16 vector cycles > 8192 B / 833 B/cycle > … : the vector unit bounds this toy
    expect(s.boundBy).toBe('vector');
    expect(s.bounds.hbm).toBeCloseTo(8192 / (1.5e12 / 1.8e9), 6);
    expect(s.rooflinePercent).toBeGreaterThan(0);
    expect(s.pipes.V.busy).toBe(16);
    expect(s.bytesPerPath).toEqual({ gm2ub: 4096, ub2gm: 4096 });
    expect(s.highWater.ub).toBe(8192);
    expect(s.instructionMix['vadd.f32']).toBe(1);
  });
  it('prints a table', () => {
    const t = formatStats(s);
    expect(t).toContain('bound by          vector');
    expect(t).toMatch(/MTE2 +1 +/);
  });
  it('buffers are exact', () => {
    expect(Array.from(new Float32Array(r.buffers[0]!.buffer, 0, 1024)).every((x) => x === 2)).toBe(true);
  });
});

describe('machine config', () => {
  it('dv910b preset figures', () => {
    const c = dv910b();
    expect([c.cores, c.clockGHz, c.buffers.ub.bytes, c.buffers.l0a.align, Math.round(c.hbm.bytesPerCycle)]).toEqual([24, 1.8, 192 * 1024, 512, 833]);
  });
  it('JSON overrides merge; unknown keys and bad values are errors', () => {
    expect(parseConfigJson('{"cores": 4, "hbm": {"latency": 100}}').hbm).toMatchObject({ latency: 100, burstCycles: 4 });
    expect(() => makeConfig({ core: 4 })).toThrow(/unknown config key 'core'/);
    expect(() => makeConfig({ hbm: { latency: -1 } })).toThrow(NpuConfigError);
    expect(() => makeConfig({ buffers: { ub: { align: 48 } } })).toThrow(/power of two/);
    expect(() => parseConfigJson('{')).toThrow(/invalid JSON/);
    expect(() => makeConfig({ preset: 'tpu' })).toThrow(/unknown preset/);
  });
});
