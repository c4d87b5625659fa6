/**
 * `DeviceBuffer`: the host's handle to device memory — an allocation of one device, or a view
 * into one at a byte offset (`dev.view(x, 256)` is CUDA's `d_x + 64` for floats). A view shares
 * the storage of its allocation; freeing or disposing the allocation invalidates its views.
 */
import type { DeviceBuffer as RawBuffer } from '../ir/index.js';

export type TypedArray =
  | Int8Array | Uint8Array | Uint8ClampedArray | Int16Array | Uint16Array | Int32Array | Uint32Array
  | BigInt64Array | BigUint64Array | Float32Array | Float64Array;

/** A typed-array constructor download/getSymbol can fill. */
export interface TypedArrayConstructor<T extends TypedArray> {
  new (buffer: ArrayBuffer, byteOffset?: number, length?: number): T;
  readonly BYTES_PER_ELEMENT: number;
  readonly name: string;
}

export class DeviceBuffer {
  /** @internal */
  constructor(
    /** the device that owns the storage (an opaque token) */
    readonly owner: object,
    /** @internal the target's allocation */
    readonly raw: RawBuffer,
    /** byte offset of this buffer (view) into its allocation */
    readonly byteOffset: number,
    /** bytes from byteOffset to the end of the buffer (or view) */
    readonly byteLength: number,
    /** the allocation this is a view of (itself for an allocation) */
    readonly base?: DeviceBuffer,
  ) {}

  get isView(): boolean {
    return this.base !== undefined;
  }

  toString(): string {
    return `DeviceBuffer(${this.raw.name}${this.byteOffset ? ` + ${this.byteOffset}` : ''}, ${this.byteLength} bytes)`;
  }
}

/** The bytes of any TypedArray, DataView or ArrayBuffer, without copying. */
export function bytesOf(data: ArrayBufferView | ArrayBuffer): Uint8Array {
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  throw new TypeError(`expected a TypedArray, DataView or ArrayBuffer, got ${typeof data}`);
}

/** `bytes` as a new typed array of `Ctor` (whole elements only). */
export function typedFromBytes<T extends TypedArray>(bytes: Uint8Array, Ctor: TypedArrayConstructor<T>): T {
  const n = Math.floor(bytes.byteLength / Ctor.BYTES_PER_ELEMENT);
  const copy = bytes.slice(0, n * Ctor.BYTES_PER_ELEMENT); // fresh, aligned storage
  return new Ctor(copy.buffer, 0, n);
}
