/**
 * The shapes shared by the ISA table, the assembler, the disassembler and the simulator:
 * pipes, memory spaces, operands, instructions, assembled programs, and the contract an
 * instruction definition (`OpDef`) fulfils — operand kinds for the assembler, `plan` (the
 * accesses and cost of one execution, from operand values read at issue) for the timing model,
 * `exec` for the functional model. Nothing here executes anything.
 */
import type { Span } from '../../../support/source.js';
import type { NpuConfig } from '../config.js';
import type { ElemType, RoundMode } from '../types.js';

export type Pipe = 'S' | 'MTE2' | 'MTE1' | 'M' | 'V' | 'FIX' | 'MTE3';
export const PIPES: readonly Pipe[] = ['S', 'MTE2', 'MTE1', 'M', 'V', 'FIX', 'MTE3'];
export const PIPE_INDEX: Readonly<Record<Pipe, number>> = { S: 0, MTE2: 1, MTE1: 2, M: 3, V: 4, FIX: 5, MTE3: 6 };
export const NPIPES = PIPES.length;

export type Space = 'gm' | 'ub' | 'l1' | 'l0a' | 'l0b' | 'l0c';
export const SPACES: readonly Space[] = ['gm', 'ub', 'l1', 'l0a', 'l0b', 'l0c'];

/** Operands as written (after symbol and label resolution). */
export type Operand =
  | { kind: 'sreg'; reg: number }
  | { kind: 'freg'; reg: number }
  | { kind: 'imm'; value: bigint; text?: string }
  | { kind: 'fimm'; value: number }
  | { kind: 'special'; name: 'core' | 'ncores' | 'nblocks' }
  | { kind: 'mem'; space: Space; base: number | undefined; offset: number }
  | { kind: 'label'; name: string; target: number }
  | { kind: 'pipe'; pipe: Pipe | 'all' }
  | { kind: 'pair'; src: Pipe; dst: Pipe }
  | { kind: 'word'; word: string }
  | { kind: 'list'; items: Operand[] };

/**
 * What an operand position accepts:
 *  sd/fd: destination register; s: s-register; f: f-register;
 *  sv: s-register, integer immediate or %core/%ncores; fv: f-register or float immediate;
 *  any: s or f register or immediate (typed by the instruction); reg: s or f register;
 *  vsrc: a UB address or, for a broadcast scalar, anything `any` accepts;
 *  mem:SPACE / mem:*: an address; label; pipe; pair; path (a DMA path word); val: integer
 *  immediate or s-register; vlist: val or a colon list of vals; word: a keyword.
 */
export type OperandKind =
  | 'sd' | 'fd' | 's' | 'f' | 'sv' | 'fv' | 'any' | 'reg' | 'vsrc'
  | `mem:${Space}` | 'mem:*' | 'label' | 'pipe' | 'pair' | 'path' | 'val' | 'vlist' | 'word';

export interface OptionSpec {
  kind: OperandKind;
  required?: boolean;
  /** allowed words for kind 'word' */
  words?: readonly string[];
}

/** How the dotted suffixes after the mnemonic stem are read. */
export type SuffixSpec = 'none' | 'type' | 'cc.type' | 'type.type' | 'optype';

export interface Instr {
  readonly def: OpDef;
  /** element types named by the suffix (vadd.f32 → [f32]; vcvt.f16.f32 → [f16, f32]) */
  readonly types: ElemType[];
  /** comparison condition (vcmp.lt.f32 → 'lt') */
  readonly cc?: string;
  readonly args: Operand[];
  readonly opts: ReadonlyMap<string, Operand>;
  readonly flags: readonly string[];
  readonly pipe: Pipe;
  readonly span?: Span;
  readonly line: number;
  /** index in the program */
  readonly pc: number;
}

export interface KernelParam {
  name: string;
  /** 'ptr' or an element type / f64 */
  type: string;
  /** the register the value arrives in */
  reg: { kind: 'sreg' | 'freg'; reg: number };
}

export interface Allocation {
  space: Exclude<Space, 'gm'>;
  name: string;
  offset: number;
  bytes: number;
  align: number;
  line: number;
}

export interface Program {
  kernel: { name: string; params: KernelParam[] };
  allocs: Allocation[];
  instrs: Instr[];
  /** label name → instruction index */
  labels: ReadonlyMap<string, number>;
  /** `.equ` constants (printed back by the disassembler) */
  equs: ReadonlyMap<string, bigint>;
  /** the source the program came from (diagnostics) */
  fileId?: number;
}

/** Operand values read at issue time: registers become numbers/bigints, addresses numbers. */
export type Value = number | bigint | string | number[] | undefined;

export interface Resolved {
  ins: Instr;
  /** positional values */
  a: Value[];
  /** option values by name */
  o: Record<string, Value>;
}

/** One contiguous byte range an operation touches. */
export interface Access {
  space: Space;
  addr: number;
  len: number;
  write: boolean;
  /** the operand's required alignment applies to addr */
  alignCheck?: boolean;
  /** atomic GM read-modify-write (no race with other atomics) */
  atomic?: boolean;
}

/** Timing of one execution. GM DMA costs are resolved by the HBM model at run time. */
export interface Cost {
  /** cycles the pipe is busy (for GM DMA: the fixed part, added after the data phase) */
  occupancy: number;
  /** cycles after the busy time until results are visible */
  latency: number;
  /** GM transfer: bytes moved through the HBM/L2 model (effective, with penalties) */
  gmBytes?: number;
  /** GM transfer direction, and the GM byte ranges (for L2 residency) */
  gmWrite?: boolean;
  gmRanges?: Array<[number, number]>;
  /** why the occupancy is what it is (trace args) */
  note?: string;
  /** statistics */
  flops?: number;
  macs?: number;
  lanesActive?: number;
  lanesIssued?: number;
  /** bytes per on-core path, by path name */
  pathBytes?: number;
  path?: string;
}

export interface Plan {
  accesses: Access[];
  cost: Cost;
}

/** What the functional model needs from a core. */
export interface ExecEnv {
  readonly cfg: NpuConfig;
  /** the bytes of an on-core buffer, or of GM (index = address − gmBase) */
  bytes(space: Space): Uint8Array;
  readonly gmBase: number;
  /** the register lane mask (256 bits) used by vector ops without mask= */
  readonly maskReg: Uint8Array;
  fault(kind: FaultKind, message: string): never;
}

export type FaultKind =
  | 'overflow' | 'misaligned' | 'out-of-allocation' | 'race' | 'deadlock' | 'step-budget'
  | 'arith' | 'invalid-operand';

export interface OpDef {
  /** mnemonic stem, dots included: 'add', 'vadd', 'dma.gm2ub', 'vmask.cont' */
  readonly name: string;
  readonly family: 'scalar' | 'vector' | 'dma' | 'cube' | 'sync' | 'branch';
  readonly pipe: Pipe;
  readonly suffix: SuffixSpec;
  /** element types the suffix may name (all when absent) */
  readonly types?: readonly ElemType[];
  readonly args: readonly OperandKind[];
  /** optional trailing positional operands (count of the last args that may be omitted) */
  readonly optionalArgs?: number;
  readonly options?: Readonly<Record<string, OptionSpec>>;
  /** bare keywords allowed among the options (e.g. relu) */
  readonly flags?: readonly string[];
  /** one line for the ISA reference */
  readonly doc: string;
  /** the cost rule, for the ISA reference */
  readonly costDoc: string;
  /** static checks beyond operand kinds; returns the problem */
  validate?(ins: Instr): string | undefined;
  /** memory accesses and cost of one execution (non-scalar ops) */
  plan?(env: ExecEnv, r: Resolved): Plan;
  /** functional semantics (non-scalar ops), run when the op starts on its pipe */
  exec?(env: ExecEnv, r: Resolved): void;
}

export function opt(r: Resolved, name: string, dflt: number): number {
  const v = r.o[name];
  return v === undefined ? dflt : Number(v);
}

export type { ElemType, RoundMode };
