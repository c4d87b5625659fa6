/**
 * `KernelModule`: what `dev.compile` returns — a compiled program loaded on a device. It
 * launches kernels by public name (instantiating templates on request: `'reduce<float, 256>'`),
 * checks the launch configuration against the target's limits and converts arguments by
 * parameter type (launch-args.ts), and reads and writes `__constant__`/`__device__` globals
 * (`setSymbol`/`getSymbol`, CUDA's cudaMemcpyToSymbol/FromSymbol).
 */
import { type DeviceBuffer as RawBuffer, printModule } from '../ir/index.js';
import type { InterpDevice, InterpStats } from '../targets/interp/index.js';
import { DeviceBuffer, type TypedArray, type TypedArrayConstructor, bytesOf, typedFromBytes } from './buffer.js';
import { LaunchError } from './errors.js';
import { type Dim3Arg, convertArgs, normaliseDim, signature } from './launch-args.js';
import type { KernelInfo, KirProgram } from './pipeline.js';

export interface LaunchConfig {
  grid: Dim3Arg;
  block: Dim3Arg;
  /** dynamic shared memory (`extern __shared__`), bytes */
  sharedBytes?: number;
  /** interp: sanitizer checks (default: the device's setting, on unless turned off) */
  sanitize?: boolean;
  /** interp: instruction budget of the launch */
  fuel?: number;
}

export type KernelArgValue = DeviceBuffer | null | number | bigint | boolean | Record<string, unknown> | readonly unknown[];

export interface LaunchResult {
  /** target-specific; always `target` and `wallMs` */
  stats: InterpStats;
  /** device printf output, in CUDA's order */
  printf: string;
}

export interface Artifact {
  kind: 'kir' | 'llvm' | 'wgsl' | 'npu-asm';
  text: string;
  sourceMap?: unknown;
}

/** How a module reaches its device (device.ts implements it). */
export interface ModuleHost {
  readonly target: InterpDevice;
  readonly token: object;
  readonly sanitize: boolean;
  readonly fuel: number;
  onPrintf?: (text: string) => void;
  checkLive(): void;
  pointerOf(v: unknown): number | string;
}

export class KernelModule {
  /** @internal */
  constructor(
    private readonly host: ModuleHost,
    private readonly program: KirProgram,
  ) {}

  /** names of the non-template `__global__` functions */
  get kernels(): string[] {
    return [...this.program.initialKernels];
  }

  /** the target's artifact: KIR text on interp (grows as template kernels are instantiated) */
  get artifact(): Artifact {
    return { kind: 'kir', text: printModule(this.program.module) };
  }

  /** the kernel's public name, KIR function and parameters (instantiating a template on request) */
  kernel(name: string): KernelInfo {
    this.host.checkLive();
    if (typeof name !== 'string') throw new LaunchError('unknown-kernel', `a kernel name must be a string, got ${typeof name}`);
    const k = this.program.resolve(name, (from, to) => this.host.target.migrateGlobals(from, to));
    if (!k) {
      const known = this.program.kernels.map((x) => x.name);
      throw new LaunchError('unknown-kernel', `no kernel named '${name}' in the module (kernels: ${known.join(', ') || 'none'}; a template kernel is launched by its name with arguments, e.g. 'reduce<float, 256>')`, name);
    }
    return k;
  }

  async launch(name: string, cfg: LaunchConfig, args: readonly KernelArgValue[]): Promise<LaunchResult> {
    const k = this.kernel(name);
    if (typeof cfg !== 'object' || cfg === null) throw new LaunchError('configuration', `${name}: the launch configuration must be { grid, block, sharedBytes? }`, name);
    const target = this.host.target;
    const lim = target.limits;
    const grid = normaliseDim(cfg.grid, 'grid', k.name);
    const block = normaliseDim(cfg.block, 'block', k.name);
    const threads = block[0] * block[1] * block[2];
    if (threads > lim.maxThreadsPerBlock)
      throw new LaunchError('configuration', `${k.name}: a block of ${threads} threads ([${block.join(', ')}]) is larger than ${target.name} allows (${lim.maxThreadsPerBlock} threads per block)`, k.name);
    for (let i = 0; i < 3; i++) {
      const axis = 'xyz'[i]!;
      if (block[i]! > lim.maxBlockDim[i]!)
        throw new LaunchError('configuration', `${k.name}: block.${axis} = ${block[i]} exceeds ${target.name}'s limit of ${lim.maxBlockDim[i]}`, k.name);
      if (grid[i]! > lim.maxGridDim[i]!)
        throw new LaunchError('configuration', `${k.name}: grid.${axis} = ${grid[i]} exceeds ${target.name}'s limit of ${lim.maxGridDim[i]}`, k.name);
    }
    const dyn = cfg.sharedBytes ?? 0;
    if (typeof dyn !== 'number' || !Number.isInteger(dyn) || dyn < 0)
      throw new LaunchError('configuration', `${k.name}: sharedBytes must be a non-negative integer, got ${String(dyn)}`, k.name);
    const stat = target.staticSharedBytes(this.program.module);
    if (stat + dyn > lim.maxSharedBytes)
      throw new LaunchError('configuration', `${k.name}: ${stat + dyn} bytes of shared memory (${stat} static + ${dyn} dynamic) exceed ${target.name}'s limit of ${lim.maxSharedBytes} bytes per block`, k.name);
    const values = convertArgs(k, args, (v) => this.host.pointerOf(v));
    const fuel = cfg.fuel ?? this.host.fuel;
    const r = target.launch(this.program.module, k.func, k.name, { grid, block, sharedBytes: dyn, sanitize: cfg.sanitize ?? this.host.sanitize, fuel }, values, this.program.sources);
    if (r.printf && this.host.onPrintf) this.host.onPrintf(r.printf);
    return r;
  }

  /** the kernel's C signature, for messages and tools */
  signature(name: string): string {
    return signature(this.kernel(name));
  }

  private symbol(name: string): RawBuffer {
    this.host.checkLive();
    const s = this.host.target.symbol(this.program.module, name);
    if (!s) {
      const names = this.program.module.globals.filter((g) => g.space !== 'shared').map((g) => g.name);
      throw new LaunchError('symbol', `no __constant__ or __device__ variable named '${name}' in the module (symbols: ${names.join(', ') || 'none'})`);
    }
    return s;
  }

  /** copies `data` into a global (at `byteOffset`), as cudaMemcpyToSymbol */
  setSymbol(name: string, data: ArrayBufferView | ArrayBuffer, byteOffset = 0): void {
    const s = this.symbol(name);
    const bytes = bytesOf(data);
    if (!Number.isInteger(byteOffset) || byteOffset < 0 || byteOffset + bytes.byteLength > s.size)
      throw new LaunchError('symbol', `setSymbol('${name}'): ${bytes.byteLength} bytes at offset ${byteOffset} do not fit in '${name}' (${s.size} bytes)`);
    this.host.target.write(s, byteOffset, bytes);
  }

  /** a global's contents, as cudaMemcpyFromSymbol */
  async getSymbol<T extends TypedArray = Uint8Array>(name: string, Ctor?: TypedArrayConstructor<T>): Promise<T> {
    const s = this.symbol(name);
    const bytes = this.host.target.read(s, 0, s.size);
    return typedFromBytes(bytes, Ctor ?? (Uint8Array as unknown as TypedArrayConstructor<T>));
  }
}

export { DeviceBuffer };
