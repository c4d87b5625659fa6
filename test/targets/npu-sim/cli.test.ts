// `kcc sim` in-process: output, --stats, --trace, --out, and each exit code.
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { registerSimCommand } from '../../../src/cli/sim.js';
import { memoryIO } from '../../../src/cli/io.js';

const ADD = `.kernel add(ptr a, ptr b, u32 n)
.alloc ub x, 512
    dma.gm2ub ub[x], gm[a], len=256
    dma.gm2ub ub[x + 256], gm[b], len=256
    setf MTE2>V, 0
    waitf MTE2>V, 0
    vadd.f32 ub[x], ub[x], ub[x + 256]
    setf V>MTE3, 0
    waitf V>MTE3, 0
    dma.ub2gm gm[b], ub[x], len=256
    exit
`;

async function sim(args: string[], files: Record<string, string> = { 'add.s': ADD }) {
  const io = memoryIO(files);
  let code = -1;
  const program = new Command('kcc').exitOverride();
  registerSimCommand(program, io, (c) => (code = c));
  await program.parseAsync(['sim', ...args], { from: 'user' });
  return { code, io };
}

describe('kcc sim', () => {
  it('runs, prints buffers, stats, writes trace and JSON', async () => {
    const { code, io } = await sim(['add.s', '--arg', 'f32[64]=iota', '--arg', 'f32[64]=ones', '--arg', 'u32=64', '--stats', '--trace', 't.json', '--out', 'o.json', '--npu-config', 'c.json'], { 'add.s': ADD, 'c.json': '{"cores": 1}' });
    expect(code).toBe(0);
    expect(io.out).toContain('arg 1 f32[64]: 1, 2, 3, 4');
    expect(io.out).toContain('bound by');
    expect(JSON.parse(io.written['t.json']!).traceEvents.length).toBeGreaterThan(10);
    const out = JSON.parse(io.written['o.json']!);
    expect(out).toMatchObject({ kernel: 'add', target: 'npu-sim' });
    expect(out.buffers[1].data.slice(0, 3)).toEqual([1, 2, 3]);
  });
  it('exit 1 on assembler errors, with clang-style diagnostics', async () => {
    const { code, io } = await sim(['bad.s'], { 'bad.s': '.kernel k()\n    vadd.f32 ub[0]\n' });
    expect(code).toBe(1);
    expect(io.err).toContain("bad.s:2:5: error: 'vadd.f32' takes 3 operands, found 1 [KCC6104]");
  });
  it('exit 1 on bad args and configs', async () => {
    expect((await sim(['add.s', '--arg', 'f32[64]', '--arg', 'f32=1', '--arg', 'u32=64'])).code).toBe(1);
    expect((await sim(['add.s', '--arg', 'f99[3]'])).code).toBe(1);
    expect((await sim(['add.s'])).io.err).toContain('takes 3 arguments, got 0 [KCC6301]');
    expect((await sim(['add.s', '--npu-config', 'c.json'], { 'add.s': ADD, 'c.json': '{"cores": 0}' })).code).toBe(1);
  });
  it('exit 3 on a fault, pointing at the instruction', async () => {
    const { code, io } = await sim(['add.s', '--arg', 'f32[16]', '--arg', 'f32[64]', '--arg', 'u32=64']);
    expect(code).toBe(3);
    expect(io.err).toMatch(/add.s:3:5: error: address outside any allocation: .* \[KCC6203\]/);
  });
});
