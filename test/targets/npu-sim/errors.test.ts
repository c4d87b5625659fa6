// One test per error class: assembler diagnostics (with line and column), and faults found
// while simulating — overflow, misalignment, out-of-allocation, race, deadlock, step budget,
// arithmetic — each naming its instruction.
import { describe, expect, it } from 'vitest';
import { assemble, makeConfig, NpuLaunchError, SimFault } from '../../../src/targets/npu-sim/index.js';
import { run } from './helpers.js';

function diags(text: string) {
  const r = assemble(text, { filename: 'k.s' });
  expect(r.program).toBeUndefined();
  return r.bag.resolve().map((d) => ({ code: d.code, line: d.line, column: d.column, message: d.message }));
}

function fault(text: string, args: Parameters<typeof run>[1] = [], opts: Parameters<typeof run>[2] = {}): SimFault {
  try {
    run(text, args, opts);
  } catch (e) {
    if (e instanceof SimFault) return e;
    throw e;
  }
  throw new Error('expected a fault');
}

describe('assembler diagnostics', () => {
  it('report line and column, several per run', () => {
    const d = diags(`.kernel k(ptr a)
.alloc ub x, 64
    vadd.f32 ub[x], ub[x]
    frob s1, s2
    add s1, s2, ub[x]
    li s40, 1
    b nowhere
    dma.gm2ub ub[x], gm[a], len=32, color=red
    vadd.f99 ub[x], ub[x], ub[x]
    add s1, s2, s3 $`);
    expect(d).toEqual(expect.arrayContaining([
      expect.objectContaining({ code: 'KCC6104', line: 3, column: 5 }),
      expect.objectContaining({ code: 'KCC6102', line: 4, column: 5, message: "unknown instruction 'frob'" }),
      expect.objectContaining({ code: 'KCC6105', line: 5, column: 17 }),
      expect.objectContaining({ code: 'KCC6111', line: 6, column: 8 }),
      expect.objectContaining({ code: 'KCC6108', line: 7, column: 7 }),
      expect.objectContaining({ code: 'KCC6106', line: 8, column: 37 }),
      expect.objectContaining({ code: 'KCC6110', line: 9, column: 5 }),
      expect.objectContaining({ code: 'KCC6101', line: 10, column: 20 }),
    ]));
    expect(d).toHaveLength(8); // one diagnostic per problem
  });
  it('missing options, bad words, duplicate labels, missing .kernel, f64 params', () => {
    expect(diags('.kernel k()\n    dma.l12l0a l0a[0], l1[0]').map((x) => x.code)).toContain('KCC6107');
    expect(diags('.kernel k()\n.alloc ub x, 64\n    vcvt.i32.f32 ub[x], ub[x], round=up').map((x) => x.code)).toContain('KCC6120');
    expect(diags('.kernel k()\na:\na:\n    exit').map((x) => x.code)).toContain('KCC6109');
    expect(diags('    exit').map((x) => x.code)).toContain('KCC6112');
    expect(diags('.kernel k(f64 x)\n    exit')[0]).toMatchObject({ code: 'KCC6117', line: 1, column: 11 });
    expect(diags('.kernel k()\n.alloc l1 y, 64\n    vadd.f32 ub[y], ub[y], ub[y]').map((x) => x.code)).toContain('KCC6123');
    expect(diags('.kernel k()\n    setf V>V, 0').map((x) => x.code)).toContain('KCC6122');
    expect(diags('.kernel k()\n    ld.f32 s1, ub[0]').map((x) => x.code)).toContain('KCC6110');
  });
  it('buffer overflow at assembly: .alloc beyond capacity', () => {
    expect(diags('.kernel k()\n.alloc ub a, 100000\n.alloc ub b, 100000\n    exit')[0]).toMatchObject({ code: 'KCC6114', line: 3, column: 11 });
  });
});

describe('faults while simulating', () => {
  const k = '.kernel k(ptr g)\n.alloc ub x, 4096\n.alloc ub y, 4096\n';
  const g = [new Uint8Array(4096)];
  it('overflow: beyond the buffer', () => {
    const f = fault(`${k}    vadd.f32 ub[196352], ub[x], ub[x], rep=2\n    exit`, g);
    expect(f.kind).toBe('overflow');
    expect(f.where.ins?.line).toBe(4);
  });
  it('misaligned operand', () => {
    expect(fault(`${k}    vadd.f32 ub[x + 4], ub[y], ub[y]\n    exit`, g).kind).toBe('misaligned');
    expect(fault(`.kernel k()\n.alloc l0a a, 4096\n.alloc l0b b, 4096\n.alloc l0c c, 4096\n    mmad.f16 l0c[c], l0a[a + 32], l0b[b], m=16, k=16, n=16\n    exit`).kind).toBe('misaligned');
  });
  it('out of allocation: on core and in GM', () => {
    expect(fault(`${k}    vadd.f32 ub[y + 4096], ub[y], ub[y]\n    exit`, g).kind).toBe('out-of-allocation');
    const f = fault(`${k}    dma.gm2ub ub[x], gm[g + 4000], len=256\n    exit`, g);
    expect(f.kind).toBe('out-of-allocation');
    expect(f.detail).toContain("past the end of buffer 'g");
  });
  it('race: a DMA and a vector op without a flag', () => {
    const f = fault(`${k}    dma.gm2ub ub[x], gm[g], len=256\n    vadd.f32 ub[y], ub[x], ub[x]\n    exit`, g);
    expect(f.kind).toBe('race');
    expect(f.where.ins?.line).toBe(5);
    expect(f.notes[0]?.ins?.line).toBe(4);
  });
  it('race: dependent vector ops need bar V; with it, none', () => {
    expect(fault(`${k}    vadd.f32 ub[x], ub[y], ub[y]\n    vmul.f32 ub[y], ub[x], ub[x]\n    exit`, g).kind).toBe('race');
    expect(() => run(`${k}    vadd.f32 ub[x], ub[y], ub[y]\n    bar V\n    vmul.f32 ub[y], ub[x], ub[x]\n    exit`, g)).not.toThrow();
  });
  it('race: two cores write the same GM bytes between barriers', () => {
    const f = fault(`${k}    dma.ub2gm gm[g], ub[x], len=64\n    exit`, g, { config: makeConfig({ cores: 2 }) });
    expect(f.kind).toBe('race');
    expect(f.detail).toContain('same sync.all interval');
    // atomics do not race
    expect(() => run(`${k}    dma.ub2gm gm[g], ub[x], len=64, atomic=add, type=f32\n    exit`, g, { config: makeConfig({ cores: 2 }) })).not.toThrow();
  });
  it('deadlock: a wait that is never set', () => {
    const f = fault(`${k}    waitf MTE2>V, 0\n    vadd.f32 ub[x], ub[y], ub[y]\n    exit`, g);
    expect(f.kind).toBe('deadlock');
    expect(f.detail).toContain('pipe V waits for flag MTE2>V id 0');
  });
  it('deadlock: sync.all while another core has exited; front end waiting on a flag', () => {
    const f = fault(`${k}    mov s1, %core\n    beq s1, 0, out\n    sync.all\nout:\n    exit`, g, { config: makeConfig({ cores: 2 }) });
    expect(f.kind).toBe('deadlock');
    expect(f.detail).toContain('sync.all');
    expect(fault(`${k}    waitf V>S, 1\n    exit`, g).detail).toContain('front end waits for flag V>S id 1');
  });
  it('step budget', () => {
    const f = fault(`${k}loop:\n    b loop`, g, { maxSteps: 1000 });
    expect(f.kind).toBe('step-budget');
  });
  it('arithmetic: integer division by zero', () => {
    expect(fault(`${k}    li s1, 0\n    div s2, s1, s1\n    exit`, g).kind).toBe('arith');
  });
  it('launch errors: argument count and kind', () => {
    expect(() => run(`${k}    exit`, [])).toThrow(NpuLaunchError);
    expect(() => run(`${k}    exit`, [1.5])).toThrow(NpuLaunchError);
  });
});
