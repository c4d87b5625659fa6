/**
 * `device(name)` and `Device`: the JIT side of the library (API.md). A device owns its memory
 * (upload/alloc/view/download) and compiles source for itself:
 *
 *   source ─ pipeline.ts (frontend ▸ lowering ▸ verify) ─▶ KIR ─▶ KernelModule on the target
 *
 * The wiring from source to device lives here in the API layer; the target (src/targets/interp)
 * only runs KIR. Only `interp` is available in this version; other names get a
 * TargetUnavailableError that lists what is.
 */
import { INTERP_LIMITS, InterpDevice } from '../targets/interp/index.js';
import { DeviceBuffer, type TypedArray, type TypedArrayConstructor, bytesOf, typedFromBytes } from './buffer.js';
import { LaunchError } from './errors.js';
import { KernelModule, type ModuleHost } from './module.js';
import { type SourceOptions, compileToKir } from './pipeline.js';
import { requireTarget } from './targets.js';

export interface DeviceOptions {
  /** interp: run the sanitizer on every launch (default true) */
  sanitize?: boolean;
  /** interp: default instruction budget of a launch */
  fuel?: number;
  /** receives device printf output after each launch (default: none; it is also in the result) */
  printf?: (text: string) => void;
}

export type CompileOptions = Omit<SourceOptions, 'errorLimit'>;

export class Device {
  readonly target = 'interp' as const;
  readonly limits = INTERP_LIMITS;
  private readonly impl = new InterpDevice();
  private readonly host: ModuleHost;

  /** @internal use `device('interp')` */
  constructor(opts: DeviceOptions = {}) {
    const self = this;
    this.host = {
      target: this.impl,
      token: this,
      sanitize: opts.sanitize ?? true,
      fuel: opts.fuel ?? INTERP_LIMITS.defaultFuel,
      ...(opts.printf ? { onPrintf: opts.printf } : {}),
      checkLive: () => self.checkLive(),
      pointerOf: (v) => self.pointerOf(v),
    };
  }

  private checkLive(): void {
    if (this.impl.disposed) throw new Error(`the ${this.target} device was disposed`);
  }

  private pointerOf(v: unknown): number | string {
    if (!(v instanceof DeviceBuffer)) {
      if (ArrayBuffer.isView(v) || v instanceof ArrayBuffer) return 'expected a DeviceBuffer (upload host arrays with dev.upload first), got a host array';
      return `expected a DeviceBuffer, a view or null, got ${typeof v === 'object' ? 'an object' : String(v)}`;
    }
    if (v.owner !== this) return 'the buffer belongs to another device';
    return this.impl.pointer(v.raw, v.byteOffset);
  }

  private own(buf: unknown, op: string): DeviceBuffer {
    this.checkLive();
    if (!(buf instanceof DeviceBuffer)) throw new LaunchError('buffer', `${op}: expected a DeviceBuffer`);
    if (buf.owner !== this) throw new LaunchError('buffer', `${op}: the buffer belongs to another device`);
    return buf;
  }

  /** compiles CUDA source (or KIR text) for this device; errors throw CompileError */
  async compile(source: string, opts: CompileOptions = {}): Promise<KernelModule> {
    this.checkLive();
    return new KernelModule(this.host, compileToKir(source, opts));
  }

  /** a zero-filled buffer of `byteLength` bytes */
  alloc(byteLength: number, name?: string): DeviceBuffer {
    this.checkLive();
    if (!Number.isInteger(byteLength) || byteLength < 0) throw new LaunchError('buffer', `alloc: the size must be a non-negative integer, got ${byteLength}`);
    const raw = this.impl.alloc(byteLength, name);
    return new DeviceBuffer(this, raw, 0, byteLength);
  }

  /** a new buffer holding a copy of `data` (any TypedArray, DataView or ArrayBuffer) */
  upload(data: ArrayBufferView | ArrayBuffer, name?: string): DeviceBuffer {
    this.checkLive();
    const bytes = bytesOf(data);
    const elem = (data as { BYTES_PER_ELEMENT?: number }).BYTES_PER_ELEMENT ?? 1;
    const raw = this.impl.alloc(bytes.byteLength, name, elem);
    this.impl.write(raw, 0, bytes);
    return new DeviceBuffer(this, raw, 0, bytes.byteLength);
  }

  /** a pointer into `buf` at `byteOffset` (and `byteLength` bytes long, default: to the end) */
  view(buf: DeviceBuffer, byteOffset: number, byteLength?: number): DeviceBuffer {
    const b = this.own(buf, 'view');
    const len = byteLength ?? b.byteLength - byteOffset;
    if (!Number.isInteger(byteOffset) || byteOffset < 0 || byteOffset > b.byteLength || !Number.isInteger(len) || len < 0 || byteOffset + len > b.byteLength)
      throw new LaunchError('buffer', `view: offset ${byteOffset} and length ${len} are outside the buffer (${b.byteLength} bytes)`);
    return new DeviceBuffer(this, b.raw, b.byteOffset + byteOffset, len, b.base ?? b);
  }

  /** writes `data` into `buf` at `byteOffset` */
  write(buf: DeviceBuffer, data: ArrayBufferView | ArrayBuffer, byteOffset = 0): void {
    const b = this.own(buf, 'write');
    const bytes = bytesOf(data);
    if (!Number.isInteger(byteOffset) || byteOffset < 0 || byteOffset + bytes.byteLength > b.byteLength)
      throw new LaunchError('buffer', `write: ${bytes.byteLength} bytes at offset ${byteOffset} do not fit in the buffer (${b.byteLength} bytes)`);
    this.impl.write(b.raw, b.byteOffset + byteOffset, bytes);
  }

  /** a copy of the buffer's contents as `Ctor` (default Uint8Array; whole elements only) */
  async download<T extends TypedArray = Uint8Array>(buf: DeviceBuffer, Ctor?: TypedArrayConstructor<T>): Promise<T> {
    const b = this.own(buf, 'download');
    const bytes = this.impl.read(b.raw, b.byteOffset, b.byteLength);
    return typedFromBytes(bytes, Ctor ?? (Uint8Array as unknown as TypedArrayConstructor<T>));
  }

  /** frees an allocation (not a view); its views become invalid */
  free(buf: DeviceBuffer): void {
    const b = this.own(buf, 'free');
    if (b.isView) throw new LaunchError('buffer', 'free: a view cannot be freed; free the buffer it views');
    this.impl.free(b.raw);
  }

  /** releases everything the device holds; later calls throw */
  dispose(): void {
    this.impl.dispose();
  }
}

/** A device of the named target. Only `interp` is available in this version. */
export async function device(name: string, opts: DeviceOptions = {}): Promise<Device> {
  requireTarget(name, 'device');
  return new Device(opts);
}
