/**
 * The NPU simulator's public surface: the machine config, the assembler and disassembler, the
 * instruction table, `simulate()`, statistics and traces. The compiler backend (issue 8) emits
 * the assembly that `assemble` reads; `runAsm` is the one-call path the CLI and tests use.
 */
import './diagnostics.js';
import { assemble, type AssembleOptions } from './asm/assembler.js';
import type { Program } from './isa/program.js';
import { simulate, type SimArg, type SimOptions, type SimResult } from './sim/machine.js';

export { dv910b, makeConfig, parseConfigJson, peaks, NpuConfigError, type NpuConfig } from './config.js';
export { assemble, type AssembleOptions, type AssembleResult } from './asm/assembler.js';
export { disassemble, formatInstr } from './asm/disasm.js';
export { INSTRUCTION_TABLE, lookupOp } from './isa/table.js';
export type { Program, Instr, Operand, OpDef, Pipe, Space, KernelParam, Allocation } from './isa/program.js';
export { simulate, NpuLaunchError, GM_BASE, type SimArg, type SimOptions, type SimResult } from './sim/machine.js';
export { SimFault } from './sim/fault.js';
export { buildStats, formatStats, type SimStats } from './stats.js';
export type { ChromeTrace, TraceEvent } from './trace.js';
export { npuDiagnostics } from './diagnostics.js';
export { ELEM, type ElemType } from './types.js';

/** Assembles `text` and throws with the formatted diagnostics on errors (tests, benches). */
export function assembleOrThrow(text: string, opts: AssembleOptions = {}): Program {
  const r = assemble(text, opts);
  if (!r.program) {
    const msgs = r.bag.resolve().map((d) => `${d.line}:${d.column}: ${d.message} [${d.code}]`);
    throw new Error(`assembly failed:\n${msgs.join('\n')}`);
  }
  return r.program;
}

/** Assembles and runs in one call. */
export function runAsm(text: string, args: readonly SimArg[], opts: SimOptions & AssembleOptions = {}): SimResult {
  return simulate(assembleOrThrow(text, { filename: opts.filename, config: opts.config }), args, opts);
}
export { packA, packB, randomF16, referenceGemm } from './pack.js';
