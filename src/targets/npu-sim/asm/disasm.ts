/**
 * The disassembler: Program → canonical assembly text. Driven by the same Instr/Operand shapes
 * the assembler builds from the table, so `assemble(disassemble(p))` yields p again (operands
 * resolved: parameter aliases print as their registers, allocation names as offsets in memory
 * operands) and `disassemble` is idempotent over that round trip.
 */
import type { Instr, Operand, Program } from '../isa/program.js';

export function formatFloat(v: number): string {
  if (Number.isNaN(v)) return 'nan';
  if (v === Infinity) return 'inf';
  if (v === -Infinity) return '-inf';
  if (Object.is(v, -0)) return '-0.0';
  const s = String(v);
  return /[.e]/.test(s) ? s : `${s}.0`;
}

export function formatOperand(o: Operand): string {
  switch (o.kind) {
    case 'sreg': return `s${o.reg}`;
    case 'freg': return `f${o.reg}`;
    case 'imm': return o.text ?? o.value.toString();
    case 'fimm': return formatFloat(o.value);
    case 'special': return `%${o.name}`;
    case 'mem': {
      const parts: string[] = [];
      if (o.base !== undefined) parts.push(`s${o.base}`);
      if (o.offset !== 0 || o.base === undefined) {
        if (parts.length) parts.push(o.offset < 0 ? `- ${-o.offset}` : `+ ${o.offset}`);
        else parts.push(String(o.offset));
      }
      return `${o.space}[${parts.join(' ')}]`;
    }
    case 'label': return o.name;
    case 'pipe': return o.pipe;
    case 'pair': return `${o.src}>${o.dst}`;
    case 'word': return o.word;
    case 'list': return o.items.map(formatOperand).join(':');
  }
}

export function mnemonicOf(ins: Instr): string {
  return [ins.def.name, ...(ins.cc ? [ins.cc] : []), ...ins.types].join('.');
}

export function formatInstr(ins: Instr): string {
  const parts = ins.args.map(formatOperand);
  for (const [k, v] of ins.opts) parts.push(`${k}=${formatOperand(v)}`);
  parts.push(...ins.flags);
  // the DMA path word of dma.gather/dma.scatter is written without a comma after it
  if (ins.def.args[0] === 'path') return `${mnemonicOf(ins)} ${parts[0]} ${parts.slice(1).join(', ')}`;
  return parts.length ? `${mnemonicOf(ins)} ${parts.join(', ')}` : mnemonicOf(ins);
}

export function disassemble(p: Program): string {
  const out: string[] = [];
  out.push(`.kernel ${p.kernel.name}(${p.kernel.params.map((q) => `${q.type} ${q.name}`).join(', ')})`);
  for (const [name, v] of p.equs) out.push(`.equ ${name}, ${v}`);
  for (const a of p.allocs) out.push(`.alloc ${a.space} ${a.name}, ${a.bytes}, align=${a.align}`);
  const labelsAt = new Map<number, string[]>();
  for (const [name, pc] of p.labels) labelsAt.set(pc, [...(labelsAt.get(pc) ?? []), name]);
  for (let pc = 0; pc <= p.instrs.length; pc++) {
    for (const l of labelsAt.get(pc) ?? []) out.push(`${l}:`);
    const ins = p.instrs[pc];
    if (ins) out.push(`    ${formatInstr(ins)}`);
  }
  return out.join('\n') + '\n';
}
