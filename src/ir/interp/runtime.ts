/**
 * The interpreter's run-time data: threads, frames, the launch context, faults, and the
 * address encoding of pointers.
 *
 * Execution model: each function is pre-compiled (compile.ts) into a flat array of closures
 * `Instr = (frame, thread) => nextPc`; structured control flow becomes jumps inside that
 * array. A thread is an explicit state (frame stack + pc), so a barrier or a warp collective
 * simply returns SUSPEND and the scheduler resumes the thread later: no generators, no
 * string switches at run time.
 *
 * Registers: every SSA value has a slot in one of three banks of its frame — `n` (a
 * Float64Array: i1, integers up to 32 bits, all floats, pointers), `b` (bigints: 64-bit
 * integers) and `o` (aggregate values as JS arrays).
 *
 * Pointers are numbers: `id · 2^32 + 2^31 + offset` — the allocation id in the high bits and a
 * signed offset around 2^31, so p − k stays in the same allocation and is caught as
 * out-of-bounds naming the right buffer. Id 0 is never allocated: the null pointer is 0.
 */
import type { Loc } from '../core.js';

export type Instr = (f: Frame, t: Thread) => number;

/** control codes returned by instructions instead of a pc */
export const EXIT = -1;
export const SUSPEND = -2;
export const FRAME = -3;
export const STOP = -4;
/** a `clock` op: the scheduler writes the thread's instruction count to `t.clockSlot`, resumes at `t.pc` */
export const CLOCK = -5;

export const TWO32 = 4294967296;
export const TWO31 = 2147483648;
export const addrOf = (id: number, off: number): number => id * TWO32 + TWO31 + off;

export interface Frame {
  n: Float64Array;
  b: bigint[];
  o: unknown[];
  code: Instr[];
  /** caller's pc to resume at, and where the result goes */
  retPc: number;
  retBank: number;
  retSlot: number;
  /** local allocations to free when the frame returns */
  locals: number[] | undefined;
}

export type ThreadState = 0 | 1 | 2; // RUN, WAIT, EXIT
export const RUN = 0, WAIT = 1, DONE = 2;

/** What a suspended thread waits for: a barrier or a warp collective. */
export interface SyncPoint {
  readonly kind: 'barrier' | 'shuffle' | 'vote' | 'syncwarp' | 'activemask';
  /** barrier kind / shuffle mode / vote mode */
  readonly mode: string;
  readonly loc: Loc | undefined;
  /** operand slots (bank, index) and result slot */
  readonly args: readonly (readonly [number, number])[];
  readonly result: readonly [number, number] | undefined;
}

export interface Thread {
  /** threadIdx */
  readonly tx: number;
  readonly ty: number;
  readonly tz: number;
  /** linear index in the block, lane and warp */
  readonly linear: number;
  readonly lane: number;
  readonly warp: number;
  /** launch-wide linear thread id (race shadow) */
  readonly gid: number;
  readonly blk: BlockState;
  readonly ctx: LaunchCtx;
  f: Frame;
  frames: Frame[];
  pc: number;
  state: ThreadState;
  wait: SyncPoint | undefined;
  printfSeq: number;
  /** instructions this thread has executed in earlier runs (the `clock` op's counter) */
  steps: number;
  /** the `clock` op being completed: result bank and slot */
  clockSlot: readonly [number, number] | undefined;
}

export interface BlockState {
  readonly bx: number;
  readonly by: number;
  readonly bz: number;
  readonly linear: number;
  /** addresses of the static shared globals (by module global index) and dynamic shared memory */
  readonly sharedAddr: number[];
  dynShared: number;
  /** the barrier interval (globally unique, grows) */
  epoch: number;
  /** per-warp interval counters (syncwarp and warp collectives) */
  warpEpoch: Int32Array;
}

export type FaultKind =
  | 'out-of-bounds' | 'misaligned' | 'null-pointer' | 'uninitialized-read' | 'data-race'
  | 'barrier-divergence' | 'deadlock' | 'fuel-exhausted' | 'undefined-behavior' | 'assert' | 'stack-overflow';

export interface Fault {
  kind: FaultKind;
  message: string;
  loc?: Loc;
  block: [number, number, number];
  thread: [number, number, number];
  /** true when the launch stopped because of it */
  fatal: boolean;
  /** for undefined-behavior: signed-overflow, shift, division-by-zero, float-to-int, … */
  detail?: string;
}

export interface PrintfRecord {
  epoch: number;
  block: number;
  warp: number;
  seq: number;
  lane: number;
  text: string;
}

export interface LaunchCtx {
  readonly sanitize: boolean;
  readonly grid: readonly [number, number, number];
  readonly block: readonly [number, number, number];
  readonly threadsPerBlock: number;
  /** addresses of the module's globals by index (shared ones are per block: see BlockState) */
  readonly globalAddr: number[];
  readonly mem: import('./memory.js').Memory;
  fuel: number;
  instructions: number;
  faults: Fault[];
  faultKeys: Set<string>;
  stopped: boolean;
  printf: PrintfRecord[];
  /** the first barrier epoch of this launch (older shadow entries are from earlier launches) */
  readonly firstEpoch: number;
  maxFaults: number;
}

/** Records a fault (deduplicated by kind and location); fatal ones stop the launch. */
export function fault(t: Thread, kind: FaultKind, message: string, loc: Loc | undefined, fatal: boolean, detail?: string): void {
  const ctx = t.ctx;
  const key = `${kind}|${loc ? `${loc.file}:${loc.line}:${loc.col}` : ''}|${fatal ? message : ''}`;
  if (fatal) ctx.stopped = true;
  if (ctx.faultKeys.has(key) || ctx.faults.length >= ctx.maxFaults) return;
  ctx.faultKeys.add(key);
  const b = t.blk;
  ctx.faults.push({ kind, message, loc, block: [b.bx, b.by, b.bz], thread: [t.tx, t.ty, t.tz], fatal, ...(detail ? { detail } : {}) });
}
