/**
 * The `interp` target: the KIR interpreter (src/ir/interp, KIR's executable semantics) as a
 * device. It owns one interpreter `Memory` — global buffers, module globals (`__constant__`,
 * `__device__`, kept per module across launches as a CUDA module's are) — and runs launches of
 * KIR kernels on it, turning the interpreter's faults into `KernelFault`s.
 *
 * It knows nothing of CUDA source: the API layer (src/api) compiles source to KIR, checks and
 * converts arguments to KIR values, and calls `launch` with them. Buffers are addressed by
 * (buffer, byte offset); a pointer argument is `pointer(buffer, offset)`.
 */
import { type DeviceBuffer, type Fault, type LaunchStats, Memory, type Module, interpret, layoutOf } from '../../ir/index.js';
import type { SourceManager } from '../../support/source.js';
import { kernelFault } from './faults.js';

export { formatFault, kernelFault, faultRecord, interpFaultDiagnostics } from './faults.js';

/** What a launch on `interp` may ask for (those of a CUDA device of compute capability 8.x). */
export const INTERP_LIMITS = {
  maxThreadsPerBlock: 1024,
  maxBlockDim: [1024, 1024, 64] as const,
  maxGridDim: [2 ** 31 - 1, 65535, 65535] as const,
  /** static + dynamic shared memory per block */
  maxSharedBytes: 48 * 1024,
  /** default instruction budget of a launch */
  defaultFuel: 200_000_000,
} as const;

export interface InterpLaunchConfig {
  grid: readonly [number, number, number];
  block: readonly [number, number, number];
  sharedBytes: number;
  /** sanitizer checks (default on for interp) */
  sanitize: boolean;
  fuel: number;
}

/** `stats` of a launch on interp: API.md's `target` and `wallMs`, then the interpreter's counts. */
export interface InterpStats {
  target: 'interp';
  wallMs: number;
  /** simulated thread-instructions (one per executed KIR op, per thread) */
  instructions: number;
  threads: number;
  blocks: number;
  barriers: number;
  collectives: number;
  sanitize: boolean;
}

export interface InterpLaunchResult {
  stats: InterpStats;
  /** device printf output, in CUDA's order */
  printf: string;
}

export class InterpDevice {
  readonly name = 'interp';
  readonly limits = INTERP_LIMITS;
  private memory: Memory | undefined = new Memory();

  private get mem(): Memory {
    if (!this.memory) throw new Error('the interp device was disposed');
    return this.memory;
  }

  get disposed(): boolean {
    return this.memory === undefined;
  }

  /** a zero-filled global buffer */
  alloc(bytes: number, name?: string, elemSize = 1): DeviceBuffer {
    return this.mem.alloc(bytes, name, elemSize);
  }

  write(buf: DeviceBuffer, offset: number, bytes: Uint8Array): void {
    this.mem.write(buf, bytes, offset);
  }

  /** a copy of `length` bytes at `offset` */
  read(buf: DeviceBuffer, offset: number, length: number): Uint8Array {
    return this.mem.get(buf).bytes.slice(offset, offset + length);
  }

  free(buf: DeviceBuffer): void {
    this.mem.freeBuffer(buf);
  }

  /** the pointer value a kernel receives for `buf + offset` (the interpreter's address encoding) */
  pointer(buf: DeviceBuffer, offset: number): number {
    return buf.addr + offset;
  }

  /** a module's `__constant__`/`__device__` global, or undefined when there is none by that name */
  symbol(module: Module, name: string): DeviceBuffer | undefined {
    const g = module.global(name);
    if (!g || g.space === 'shared') return undefined;
    return this.mem.symbol(module, name);
  }

  /**
   * Carries the values of `from`'s globals over to `to` (same names): used when a module is
   * rebuilt (a template kernel instantiated on request) so that symbols already set survive.
   */
  migrateGlobals(from: Module, to: Module): void {
    for (const g of from.globals) {
      if (g.space === 'shared') continue;
      const ng = to.global(g.name);
      if (!ng || ng.space === 'shared' || layoutOf(ng.type).size !== layoutOf(g.type).size) continue;
      const src = this.mem.symbol(from, g.name);
      this.mem.write(this.mem.symbol(to, g.name), this.mem.read(src));
      this.mem.freeBuffer(src);
    }
  }

  /** bytes of static `__shared__` memory a block of this module uses */
  staticSharedBytes(module: Module): number {
    let n = 0;
    for (const g of module.globals) if (g.space === 'shared') n += layoutOf(g.type).size;
    return n;
  }

  /**
   * Runs `func` of `module` with arguments already converted to KIR values (pointers as
   * `pointer()` numbers, 64-bit integers as bigints, structs as arrays of field values).
   * Throws `KernelFault` when the run reported any fault.
   */
  launch(module: Module, func: string, kernelName: string, cfg: InterpLaunchConfig, args: readonly unknown[], sources?: SourceManager): InterpLaunchResult {
    const r = interpret(module, func, {
      grid: cfg.grid,
      block: cfg.block,
      sharedBytes: cfg.sharedBytes,
      sanitize: cfg.sanitize,
      fuel: cfg.fuel,
      memory: this.mem,
      args: args as Parameters<typeof interpret>[2]['args'],
    });
    if (r.faults.length) throw kernelFault(kernelName, r.faults as Fault[], r.printf, sources);
    return { stats: statsOf(r.stats, cfg.sanitize), printf: r.printf };
  }

  dispose(): void {
    this.memory = undefined;
  }
}

function statsOf(s: LaunchStats, sanitize: boolean): InterpStats {
  return {
    target: 'interp', wallMs: s.wallMs, instructions: s.instructions, threads: s.threads, blocks: s.blocks,
    barriers: s.barriers, collectives: s.collectives, sanitize,
  };
}
