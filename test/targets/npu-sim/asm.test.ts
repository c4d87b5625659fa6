// The assembler and disassembler round-trip over every instruction of the table and over the
// example programs; every table row is documented and has a functional test in this folder.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { assemble, disassemble, formatInstr, INSTRUCTION_TABLE, type OpDef, type Program } from '../../../src/targets/npu-sim/index.js';
import { ELEM } from '../../../src/targets/npu-sim/types.js';

const here = dirname(fileURLToPath(import.meta.url));
const examples = join(here, '../../../examples/npu');

function asm(text: string): Program {
  const r = assemble(text, { filename: 'x.s' });
  if (!r.program) throw new Error(r.bag.resolve().map((d) => `${d.line}:${d.column} ${d.message}`).join('\n'));
  return r.program;
}

/** One plausible instance of every table row. */
function sample(def: OpDef): string {
  const types = def.suffix === 'type' ? [def.types?.includes('f32') ? 'f32' : def.types?.[0] ?? 'f32'] : def.suffix === 'type.type' ? ['f16', 'f32'] : def.suffix === 'cc.type' ? ['f32'] : [];
  const mn = [def.name, ...(def.suffix === 'cc.type' ? ['lt'] : []), ...types].join('.');
  const isFloat = (k: number) => ELEM[(types[Math.min(k, types.length - 1)] ?? 'i32') as 'f32']?.float;
  const spaceAlign: Record<string, number> = { ub: 64, l1: 64, l0a: 512, l0b: 1024, l0c: 128, gm: 4096 };
  const operand = (kind: string, k: number): string => {
    if (kind.startsWith('mem:')) {
      const sp = kind.slice(4) === '*' ? 'ub' : kind.slice(4);
      return `${sp}[s4 + ${spaceAlign[sp]}]`;
    }
    switch (kind) {
      case 'sd': return 's1';
      case 's': return 's2';
      case 'sv': return '-3';
      case 'fd': return 'f1';
      case 'f': return 'f2';
      case 'fv': return '1.5';
      case 'any': return isFloat(0) ? 'f3' : 's3';
      case 'reg': return (def.name === 'fcvt' ? isFloat(k) : isFloat(0)) ? `f${k + 1}` : `s${k + 1}`;
      case 'vsrc': return 'ub[96]';
      case 'label': return 'top';
      case 'pipe': return def.name === 'bar' ? 'V' : 'V';
      case 'pair': return 'MTE2>V';
      case 'path': return def.name === 'dma.gather' ? 'gm2ub' : 'ub2gm';
      case 'val': return '4';
      case 'vlist': return '8:8:0';
      default: return 'rn';
    }
  };
  const args = def.args.map(operand);
  const opts = Object.entries(def.options ?? {}).filter(([, o]) => o.required).map(([n, o]) => `${n}=${o.words ? o.words[0] : o.kind.startsWith('mem') ? 'ub[256]' : n === 'm' || n === 'n' ? '16' : n === 'k' ? (types[0] === 'i8' ? '32' : '16') : '32'}`);
  if (def.options?.['rep']) opts.push('rep=2');
  if (def.options?.['sgap']) opts.push('n=2', 'sgap=32');
  const parts = [...args, ...opts];
  if (def.args[0] === 'path') return `    ${mn} ${parts[0]} ${parts.slice(1).join(', ')}`;
  return `    ${mn}${parts.length ? ' ' + parts.join(', ') : ''}`;
}

const KITCHEN = `.kernel all(ptr p, u32 n, f32 x)\n.alloc ub u, 4096\ntop:\n${INSTRUCTION_TABLE.map(sample).join('\n')}\n`;

function shape(p: Program) {
  return p.instrs.map((i) => formatInstr(i));
}

describe('assembler ↔ disassembler', () => {
  it('every instruction of the table assembles and round-trips', () => {
    const p1 = asm(KITCHEN);
    expect(p1.instrs).toHaveLength(INSTRUCTION_TABLE.length);
    const t1 = disassemble(p1);
    const p2 = asm(t1);
    expect(disassemble(p2)).toBe(t1);
    expect(shape(p2)).toEqual(shape(p1));
    expect(p2.instrs.map((i) => [i.def.name, i.pipe, i.args, [...i.opts]])).toEqual(p1.instrs.map((i) => [i.def.name, i.pipe, i.args, [...i.opts]]));
  });
  for (const f of readdirSync(examples).filter((x) => x.endsWith('.s'))) {
    it(`examples/npu/${f} round-trips`, () => {
      const p1 = asm(readFileSync(join(examples, f), 'utf8'));
      const t1 = disassemble(p1);
      const p2 = asm(t1);
      expect(disassemble(p2)).toBe(t1);
      expect(p2.kernel).toEqual(p1.kernel);
      expect(p2.allocs.map((a) => [a.space, a.offset, a.bytes])).toEqual(p1.allocs.map((a) => [a.space, a.offset, a.bytes]));
      expect([...p2.labels]).toEqual([...p1.labels]);
    });
  }
  it('parameters arrive in registers; names are aliases', () => {
    const p = asm('.kernel k(ptr a, f32 x, u32 n, bf16 y)\n    add s5, n, 1\n    fadd f3, x, y');
    expect(p.kernel.params.map((q) => q.reg)).toEqual([{ kind: 'sreg', reg: 0 }, { kind: 'freg', reg: 0 }, { kind: 'sreg', reg: 1 }, { kind: 'freg', reg: 1 }]);
    expect(disassemble(p)).toContain('add s5, s1, 1');
  });
  it('constant expressions, .equ and .alloc placement', () => {
    const p = asm('.kernel k()\n.equ T, 4*32+1\n.alloc ub a, 100\n.alloc ub b, 64, align=256\n    li s1, T - 1\n    li s2, b');
    expect(p.allocs.map((a) => a.offset)).toEqual([0, 256]);
    expect(disassemble(p)).toContain('li s1, 128');
  });
});

describe('the instruction table', () => {
  it('documents every row (operands, pipe, cost)', () => {
    for (const d of INSTRUCTION_TABLE) {
      expect(d.doc.length, d.name).toBeGreaterThan(5);
      expect(d.costDoc.length, d.name).toBeGreaterThan(5);
      if (d.family === 'vector' || d.family === 'dma' || d.family === 'cube') {
        expect(typeof d.plan, d.name).toBe('function');
        expect(typeof d.exec, d.name).toBe('function');
      }
    }
  });
  it('docs/npu-sim.md lists every instruction', () => {
    const doc = readFileSync(join(here, '../../../docs/npu-sim.md'), 'utf8');
    expect(INSTRUCTION_TABLE.filter((d) => !doc.includes(`\`${d.name}`)).map((d) => d.name)).toEqual([]);
  });
  it('every row has a functional test in this folder', () => {
    const text = readdirSync(here).filter((f) => f.endsWith('.test.ts') && f !== 'asm.test.ts').map((f) => readFileSync(join(here, f), 'utf8')).join('\n');
    const missing = INSTRUCTION_TABLE.filter((d) => !new RegExp(`[\\s'\`(]${d.name.replace(/\./g, '\\.')}[\\s.']`).test(text)).map((d) => d.name);
    expect(missing).toEqual([]);
  });
});
