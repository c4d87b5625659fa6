/**
 * The error classes of API.md that the library throws:
 *  - `CompileError`: the source did not compile (diagnostics resolved, message clang-style);
 *  - `LaunchError`: a launch was refused before running (kernel name, argument count or type,
 *    launch configuration), saying what was expected;
 *  - `KernelFault`: a fault found while running (out-of-bounds, race, barrier divergence, fuel…),
 *    with the kernel source location, block and thread;
 *  - `TargetUnavailableError`: a target name this version cannot provide.
 */
import type { ResolvedDiagnostic } from '../support/diagnostics/index.js';

/** Compilation failed: `diagnostics` holds every error (and warning), `message` the clang-style text. */
export class CompileError extends Error {
  override readonly name = 'CompileError';
  constructor(
    message: string,
    readonly diagnostics: ResolvedDiagnostic[],
  ) {
    super(message);
  }
}

/** What kind of launch problem a LaunchError reports. */
export type LaunchErrorKind =
  | 'unknown-kernel'
  | 'argument-count'
  | 'argument-type'
  | 'argument-value'
  | 'configuration'
  | 'symbol'
  | 'buffer';

/** A launch (or a symbol/buffer operation) refused before anything ran. */
export class LaunchError extends Error {
  override readonly name = 'LaunchError';
  constructor(
    readonly kind: LaunchErrorKind,
    message: string,
    /** the kernel, when the error is about one */
    readonly kernel?: string,
    /** the 0-based argument index, for argument errors */
    readonly argIndex?: number,
  ) {
    super(message);
  }
}

/** One fault of a run (a KernelFault carries them all in `faults`). */
export interface FaultRecord {
  /** out-of-bounds, misaligned, null-pointer, uninitialized-read, data-race, barrier-divergence, deadlock, fuel-exhausted, undefined-behavior, assert, stack-overflow */
  kind: string;
  /** the fault without its location: `out-of-bounds read of 4 bytes at …` */
  detail: string;
  file?: string;
  line?: number;
  column?: number;
  block: [number, number, number];
  thread: [number, number, number];
}

/**
 * A fault detected while a kernel ran. `message` is the clang-style diagnostic
 * (`k.cu:7:12: error: out-of-bounds read … in block (1,0,0), thread (3,0,0) [KCC7001]`, with the
 * source line when the source is known); the fields describe the first fault, `faults` all of them.
 */
export class KernelFault extends Error {
  override readonly name = 'KernelFault';
  readonly kind: string;
  readonly detail: string;
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
  readonly block: [number, number, number];
  readonly thread: [number, number, number];
  constructor(
    message: string,
    first: FaultRecord,
    readonly faults: FaultRecord[],
    /** the kernel that faulted */
    readonly kernel: string,
    /** output of device printf before the fault */
    readonly printf = '',
  ) {
    super(message);
    this.kind = first.kind;
    this.detail = first.detail;
    if (first.file !== undefined) this.file = first.file;
    if (first.line !== undefined) this.line = first.line;
    if (first.column !== undefined) this.column = first.column;
    this.block = first.block;
    this.thread = first.thread;
  }
}

/** A target this version of kcc cannot compile for or run on. */
export class TargetUnavailableError extends Error {
  override readonly name = 'TargetUnavailableError';
  constructor(
    message: string,
    readonly target: string,
    readonly available: readonly string[],
  ) {
    super(message);
  }
}
