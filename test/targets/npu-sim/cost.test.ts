// Cost-model tests: small programs whose cycle counts are computed by hand (NPU.md "Cost
// model"), on one core with the L2 disabled unless a test says otherwise. Reminders:
// the front end issues one instruction per cycle from cycle 0; an instruction starts at
// max(prev start + prev occupancy, issue, flag, barrier); done = start + occupancy + latency;
// the kernel ends at the last done (or the exit's issue, if later).
import { describe, expect, it } from 'vitest';
import { makeConfig } from '../../../src/targets/npu-sim/index.js';
import { run } from './helpers.js';

const cfg = (o: Record<string, unknown> = {}) => makeConfig({ cores: 1, l2: { bytes: 0 }, ...o });
const cycles = (body: string, allocs = '.alloc ub x, 16384', args: Array<ArrayBufferView | number> = [], params = '', o: Record<string, unknown> = {}) =>
  run(`.kernel t(${params})\n${allocs}\n${body}\n    exit`, args, { config: cfg(o) }).stats;

describe('vector costs', () => {
  it('one vadd: occupancy rep × 1, latency 8', () => {
    // issue 0, start 0, occupancy 4 → done 0 + 4 + 8 = 12
    expect(cycles('    vadd.f32 ub[x], ub[x], ub[x], rep=4').cycles).toBe(12);
  });
  it('two independent vadds pipeline; bar V waits for done', () => {
    // second: start max(0 + 4, issue 1) = 4, done 4 + 4 + 8 = 16
    expect(cycles('    vadd.f32 ub[x], ub[x], ub[x], rep=4\n    vadd.f32 ub[x + 1024], ub[x + 1024], ub[x + 1024], rep=4').cycles).toBe(16);
    // bar V at 4 sets the barrier to the first's done (12): second starts 12, done 12 + 4 + 8 = 24
    expect(cycles('    vadd.f32 ub[x], ub[x], ub[x], rep=4\n    bar V\n    vadd.f32 ub[x], ub[x], ub[x], rep=4').cycles).toBe(24);
  });
  it('cycles per repeat: exp 4, mla 2, strided ×2, gather lanes/8', () => {
    expect(cycles('    vexp.f32 ub[x], ub[x], rep=2').cycles).toBe(2 * 4 + 8); // 16
    expect(cycles('    vmla.f32 ub[x], ub[x], ub[x], rep=3').cycles).toBe(3 * 2 + 8); // 14
    expect(cycles('    vadd.f32 ub[x], ub[x], ub[x], rep=1, blockstride=2').cycles).toBe(2 + 8); // 10
    // 64 f32 lanes / 8 = 8 cycles per repeat
    expect(cycles('    vgather.f32 ub[x], ub[x + 4096], idx=ub[x + 8192], rep=1').cycles).toBe(8 + 8);
  });
  it('masked-off lanes still cost, and count as issued lanes', () => {
    const s = cycles('    vmask.cont 16\n    vadd.f32 ub[x], ub[x], ub[x], rep=4');
    // vmask.cont: start 0, occupancy 1; vadd start 1, occupancy 4 → done 1 + 4 + 8 = 13
    expect(s.cycles).toBe(13);
    expect(s.vector.laneUtilisation).toBe(25);
  });
});

describe('cube and on-core DMA costs', () => {
  const l0 = '.alloc l0a a, 8192\n.alloc l0b b, 8192\n.alloc l0c c, 16384\n.alloc l1 l, 16384';
  it('mmad: ⌈m/16⌉⌈k/16⌉⌈n/16⌉, ×4 for f32, latency 16', () => {
    expect(cycles('    mmad.f16 l0c[c], l0a[a], l0b[b], m=32, k=32, n=48', l0).cycles).toBe(2 * 2 * 3 + 16); // 28
    expect(cycles('    mmad.f32 l0c[c], l0a[a], l0b[b], m=32, k=32, n=48', l0).cycles).toBe(2 * 2 * 3 * 4 + 16); // 64
    expect(cycles('    mmad.i8 l0c[c], l0a[a], l0b[b], m=32, k=64, n=48', l0).cycles).toBe(2 * 2 * 3 + 16); // k/32
  });
  it('l12l0a: bytes / 512 + 2 per burst, latency 20', () => {
    expect(cycles('    dma.l12l0a l0a[a], l1[l], len=4096', l0).cycles).toBe(4096 / 512 + 2 + 20); // 30
    expect(cycles('    dma.l12l0b l0b[b], l1[l], n=2, len=1024', l0).cycles).toBe(2048 / 256 + 2 * 2 + 20); // 32
    expect(cycles('    dma.l12ub ub[x], l1[l], len=4096', `${l0}\n.alloc ub x, 4096`).cycles).toBe(4096 / 128 + 2 + 20); // 54
  });
});

describe('GM DMA costs', () => {
  const gm = (body: string, o: Record<string, unknown> = {}) => cycles(body, '.alloc ub x, 16384', [new Uint8Array(65536)], 'ptr g', o);
  it('one aligned transfer: bytes / port + 4 per burst + latency 400', () => {
    // rate min(128, 833/1) = 128: 4096/128 = 32, + 4 → busy until 36, done 436
    expect(gm('    dma.gm2ub ub[x], gm[g], len=4096').cycles).toBe(436);
  });
  it('a burst off a 512-byte line pays one extra line', () => {
    // (4096 + 512)/128 = 36, + 4 = 40, + 400 = 440
    expect(gm('    dma.gm2ub ub[x], gm[g + 32], len=4096').cycles).toBe(440);
  });
  it('4 bursts: 4 cycles each; 32-byte granularity', () => {
    // 4 × 1024 aligned: 32 + 16 = 48 → 448
    expect(gm('    dma.gm2ub ub[x], gm[g], n=4, len=1024').cycles).toBe(448);
    // 40 bytes rounds up to 64: 64/128 = 0.5, + 4 → 4.5 + 400 = 404.5 → 405
    expect(gm('    dma.gm2ub ub[x], gm[g], len=40').cycles).toBe(405);
  });
  it('shared HBM: rates recomputed when a transfer ends', () => {
    // two cores, HBM 128 B/cycle, port 128. Both start at cycle 2 (mov, bne issue first):
    // each gets 64 B/cycle; core 0's 4096 B end at 2 + 64 = 66; core 1 then has 4096 B left
    // at 128 B/cycle: ends 66 + 32 = 98; busy +4 → 102; done 502.
    const body = `    mov s1, %core
    bne s1, 0, other
    dma.gm2ub ub[x], gm[g], len=4096
    exit
other:
    dma.gm2ub ub[x], gm[g + 8192], len=8192`;
    const s = gm(body, { cores: 2, hbm: { bytesPerCycle: 128 } });
    expect(s.cycles).toBe(502);
    expect(s.perCore.map((c) => c.cycles)).toEqual([470, 502]);
  });
  it('L2 hits do not use HBM bandwidth', () => {
    const s = run(`.kernel t(ptr g)
.alloc ub x, 16384
    dma.gm2ub ub[x], gm[g], len=4096
    dma.gm2ub ub[x + 4096], gm[g], len=4096
    exit`, [new Uint8Array(65536)], { config: makeConfig({ cores: 1 }) }).stats;
    expect([s.hbmBytesRead, s.l2HitBytes]).toEqual([4096, 4096]);
  });
});

describe('flags, queues, scalar latency', () => {
  it('setf fires when the source pipe is done; waitf starts the destination then', () => {
    // dma: start 0, busy 36, done 436; setf on MTE2 at 36 fires at 436; waitf on V → 436;
    // vadd: start 436, occupancy 64, done 436 + 64 + 8 = 508
    const s = cycles(`    dma.gm2ub ub[x], gm[g], len=4096
    setf MTE2>V, 0
    waitf MTE2>V, 0
    vadd.f32 ub[x], ub[x], ub[x], rep=64`, '.alloc ub x, 16384', [new Uint8Array(65536)], 'ptr g');
    expect(s.cycles).toBe(508);
    expect(s.pipes.V.stallFlag).toBe(436 - 2);
  });
  it('a full queue stalls the front end', () => {
    // depth 2; four vadds of occupancy 10: v2 waits for v0 to start (0), v3 for v1 (10):
    // front end stalls 10 − 3 = 7 cycles; last vadd starts 30, done 30 + 10 + 8 = 48
    const s = cycles([0, 1, 2, 3].map((k) => `    vadd.f32 ub[x + ${k * 2560}], ub[x + 10240], ub[x + 10240], rep=10`).join('\n'), '.alloc ub x, 16384', [], '', { queueDepth: 2 });
    expect(s.cycles).toBe(48);
    expect(s.frontEnd.stallQueue).toBe(7);
  });
  it('scalar results arrive after their latency', () => {
    // mul at 0 (latency 3) → add waits until 3 → exit issues at 4
    expect(cycles('    mul s1, s2, s3\n    add s4, s1, 1', '').cycles).toBe(4);
    expect(cycles('    mul s1, s2, s3\n    add s4, s2, 1', '').cycles).toBe(2);
  });
  it('sync.all waits for the last core', () => {
    // core 1 issues a vadd of occupancy 100 at 2 (mov 0, beq 1): done 2 + 100 + 8 = 110;
    // sync.all releases both cores at 110 and exit issues at 111 on both
    const s = cycles(`    mov s1, %core
    beq s1, 0, meet
    vadd.f32 ub[x], ub[x], ub[x], rep=100
meet:
    sync.all`, '.alloc ub x, 32768', [], '', { cores: 2 });
    expect(s.perCore.map((c) => c.cycles)).toEqual([111, 111]);
  });
});
