/**
 * The one instruction table: every row of the scalar, vector, DMA, cube and sync families,
 * looked up by mnemonic stem. The assembler, the disassembler, the functional model, the cost
 * model and docs/npu-sim.md's ISA reference are all driven from these rows.
 */
import { CUBE_OPS } from './cube.js';
import { DMA_OPS } from './dma.js';
import type { OpDef } from './program.js';
import { SCALAR_OPS } from './scalar.js';
import { SYNC_OPS } from './sync.js';
import { VECTOR_OPS } from './vector.js';

export const INSTRUCTION_TABLE: readonly OpDef[] = [...SCALAR_OPS, ...VECTOR_OPS, ...DMA_OPS, ...CUBE_OPS, ...SYNC_OPS];

/**
 * Stems are unique, except that one stem may name two rows told apart by their suffixes:
 * `vpopc.T` (per-element population count, pipe V) and `vpopc` (count of mask bits into a
 * scalar register, pipe S).
 */
const BY_NAME = new Map<string, OpDef[]>();
for (const d of INSTRUCTION_TABLE) {
  const list = BY_NAME.get(d.name) ?? [];
  if (list.some((x) => (x.suffix === 'none') === (d.suffix === 'none'))) throw new Error(`internal: instruction '${d.name}' defined twice`);
  list.push(d);
  BY_NAME.set(d.name, list);
}

export function lookupOp(name: string, suffixes = 0): OpDef | undefined {
  const list = BY_NAME.get(name);
  if (!list) return undefined;
  return list.find((d) => (d.suffix === 'none') === (suffixes === 0)) ?? list[0];
}

/**
 * Splits a dotted mnemonic into the longest known stem and its suffixes:
 * 'vcmp.lt.f32' → vcmp + [lt, f32]; 'dma.gm2ub' → dma.gm2ub + []; 'fmv.x' → fmv.x + [].
 */
export function splitMnemonic(text: string): { def: OpDef; suffixes: string[] } | undefined {
  const parts = text.split('.');
  for (let i = parts.length; i >= 1; i--) {
    const def = lookupOp(parts.slice(0, i).join('.'), parts.length - i);
    if (def) return { def, suffixes: parts.slice(i) };
  }
  return undefined;
}
