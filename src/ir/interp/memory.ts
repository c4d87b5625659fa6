/**
 * Device memory for the interpreter: allocations as byte buffers (DataView), addressed by the
 * pointer encoding of runtime.ts. Global buffers (the API's `alloc`/`upload`/`download`),
 * module globals (`__device__`, `__constant__`, created with their initialisers on first use
 * and kept across launches, as a CUDA module's are), per-block shared memory and per-thread
 * local memory all live here, so generic pointers work across spaces.
 *
 * For the sanitizer an allocation can carry shadow state: which bytes of shared memory were
 * written (uninitialised reads), and the last writer/reader of every byte with the barrier
 * interval it happened in (races).
 */
import type { Init, Module } from '../core.js';
import { f16BitsToF32, f32ToF16Bits, bf16BitsToF32, f32ToBf16Bits } from '../../support/half.js';
import { type Type, layoutOf } from '../types.js';
import { TWO31, TWO32, addrOf } from './runtime.js';

export type Space = 'global' | 'shared' | 'local' | 'constant';

export interface Shadow {
  /** last writer (gid + 1; 0 = none) and its epoch key (blockEpoch · 2^20 + warpEpoch) */
  wTid: Int32Array;
  wEp: Float64Array;
  rTid: Int32Array;
  rEp: Float64Array;
  /** the reader before the last one, when that was another thread (so a thread's own read
   *  before its read-modify-write does not hide another thread's earlier read) */
  r2Tid: Int32Array;
  r2Ep: Float64Array;
}

export interface Alloc {
  readonly id: number;
  readonly name: string;
  readonly space: Space;
  readonly size: number;
  readonly bytes: Uint8Array;
  readonly view: DataView;
  /** shared memory: 1 where a byte was written */
  init?: Uint8Array;
  shadow?: Shadow;
  /** element size for messages ("index 1024") */
  elemSize: number;
}

/** A device buffer as the host sees it. */
export interface DeviceBuffer {
  readonly id: number;
  readonly addr: number;
  readonly size: number;
  readonly name: string;
}

export class Memory {
  readonly allocs: (Alloc | undefined)[] = [undefined];
  private free: number[] = [];
  private moduleGlobals = new WeakMap<Module, Map<string, Alloc>>();
  /** barrier epochs grow across launches so shadow entries of earlier launches never race */
  epochCounter = 1;

  /** allocates zeroed bytes */
  allocate(size: number, space: Space, name: string, elemSize = 1): Alloc {
    const id = this.free.pop() ?? this.allocs.length;
    const bytes = new Uint8Array(size);
    const a: Alloc = { id, name, space, size, bytes, view: new DataView(bytes.buffer), elemSize };
    this.allocs[id] = a;
    return a;
  }

  release(id: number): void {
    if (this.allocs[id]) {
      this.allocs[id] = undefined;
      this.free.push(id);
    }
  }

  /** a global-memory buffer (cudaMalloc) */
  alloc(size: number, name = `buf${this.allocs.length}`, elemSize = 1): DeviceBuffer {
    const a = this.allocate(size, 'global', name, elemSize);
    return { id: a.id, addr: addrOf(a.id, 0), size, name };
  }

  /** allocates and fills a buffer from a typed array */
  upload(data: ArrayBufferView, name?: string): DeviceBuffer {
    const elem = (data as { BYTES_PER_ELEMENT?: number }).BYTES_PER_ELEMENT ?? 1;
    const buf = this.alloc(data.byteLength, name, elem);
    this.write(buf, data);
    return buf;
  }

  write(buf: DeviceBuffer, data: ArrayBufferView, offset = 0): void {
    const a = this.get(buf);
    a.bytes.set(new Uint8Array(data.buffer, data.byteOffset, data.byteLength), offset);
  }

  /** a copy of the buffer's bytes */
  read(buf: DeviceBuffer): Uint8Array {
    return this.get(buf).bytes.slice();
  }
  readF32(buf: DeviceBuffer): Float32Array { return new Float32Array(this.read(buf).buffer); }
  readF64(buf: DeviceBuffer): Float64Array { return new Float64Array(this.read(buf).buffer); }
  readI32(buf: DeviceBuffer): Int32Array { return new Int32Array(this.read(buf).buffer); }
  readU32(buf: DeviceBuffer): Uint32Array { return new Uint32Array(this.read(buf).buffer); }
  readI64(buf: DeviceBuffer): BigInt64Array { return new BigInt64Array(this.read(buf).buffer); }

  freeBuffer(buf: DeviceBuffer): void {
    this.release(buf.id);
  }

  get(buf: DeviceBuffer | number): Alloc {
    const id = typeof buf === 'number' ? buf : buf.id;
    const a = this.allocs[id];
    if (!a) throw new Error(`no device buffer #${id} (freed?)`);
    return a;
  }

  /** the allocation behind a module's `__device__`/`__constant__` global, created on first use */
  globalOf(m: Module, name: string): Alloc {
    let map = this.moduleGlobals.get(m);
    if (!map) this.moduleGlobals.set(m, (map = new Map()));
    let a = map.get(name);
    if (a) return a;
    const g = m.global(name);
    if (!g || g.space === 'shared') throw new Error(`no global or constant '@${name}' in the module`);
    a = this.allocate(layoutOf(g.type).size, g.space, name, elemSizeOf(g.type));
    if (g.init !== undefined) writeInit(a.view, 0, g.type, g.init);
    map.set(name, a);
    return a;
  }

  /** the host's view of a module global (cudaMemcpyToSymbol / FromSymbol) */
  symbol(m: Module, name: string): DeviceBuffer {
    const a = this.globalOf(m, name);
    return { id: a.id, addr: addrOf(a.id, 0), size: a.size, name };
  }
}

export function decodeAddr(addr: number): [id: number, off: number] {
  const id = Math.floor(addr / TWO32);
  return [id, addr - id * TWO32 - TWO31];
}

export function elemSizeOf(t: Type): number {
  let e = t;
  while (e.kind === 'array') e = e.elem;
  return layoutOf(e).size;
}

// ---- values in memory (generic path: aggregates, bitcasts, initialisers) -----------------------

export function readValue(v: DataView, off: number, t: Type): unknown {
  switch (t.kind) {
    case 'bool': return v.getUint8(off) !== 0 ? 1 : 0;
    case 'int':
      switch (t.bits) {
        case 8: return t.signed ? v.getInt8(off) : v.getUint8(off);
        case 16: return t.signed ? v.getInt16(off, true) : v.getUint16(off, true);
        case 32: return t.signed ? v.getInt32(off, true) : v.getUint32(off, true);
        default: return t.signed ? v.getBigInt64(off, true) : v.getBigUint64(off, true);
      }
    case 'float':
      switch (t.fkind) {
        case 'f32': return v.getFloat32(off, true);
        case 'f64': return v.getFloat64(off, true);
        case 'f16': return f16BitsToF32(v.getUint16(off, true));
        case 'bf16': return bf16BitsToF32(v.getUint16(off, true));
      }
      break;
    case 'ptr': return v.getUint32(off, true) + v.getUint32(off + 4, true) * TWO32;
    case 'vec': case 'array': {
      const es = layoutOf(t.elem).size;
      return Array.from({ length: t.len }, (_, i) => readValue(v, off + i * es, t.elem));
    }
    case 'struct': {
      const offs = layoutOf(t).offsets!;
      return t.fields.map((f, i) => readValue(v, off + offs[i]!, f));
    }
  }
  throw new Error(`internal: cannot read ${t.text}`);
}

export function writeValue(v: DataView, off: number, t: Type, x: unknown): void {
  switch (t.kind) {
    case 'bool': v.setUint8(off, x ? 1 : 0); return;
    case 'int':
      switch (t.bits) {
        case 8: v.setUint8(off, Number(x) & 255); return;
        case 16: v.setUint16(off, Number(x) & 65535, true); return;
        case 32: v.setUint32(off, Number(x) >>> 0, true); return;
        default: v.setBigUint64(off, BigInt.asUintN(64, BigInt(x as bigint)), true); return;
      }
    case 'float':
      switch (t.fkind) {
        case 'f32': v.setFloat32(off, x as number, true); return;
        case 'f64': v.setFloat64(off, x as number, true); return;
        case 'f16': v.setUint16(off, f32ToF16Bits(x as number), true); return;
        case 'bf16': v.setUint16(off, f32ToBf16Bits(x as number), true); return;
      }
      return;
    case 'ptr': {
      const a = x as number;
      const hi = Math.floor(a / TWO32);
      v.setUint32(off, a - hi * TWO32, true);
      v.setUint32(off + 4, hi, true);
      return;
    }
    case 'vec': case 'array': {
      const es = layoutOf(t.elem).size;
      (x as unknown[]).forEach((e, i) => writeValue(v, off + i * es, t.elem, e));
      return;
    }
    case 'struct': {
      const offs = layoutOf(t).offsets!;
      t.fields.forEach((f, i) => writeValue(v, off + offs[i]!, f, (x as unknown[])[i]));
      return;
    }
  }
}

/** the zero value of a type in the interpreter's representation */
export function zeroValue(t: Type): unknown {
  switch (t.kind) {
    case 'int': return t.bits === 64 ? 0n : 0;
    case 'vec': case 'array': return Array.from({ length: t.len }, () => zeroValue(t.elem));
    case 'struct': return t.fields.map(zeroValue);
    default: return 0;
  }
}

export function writeInit(v: DataView, off: number, t: Type, init: Init): void {
  if (init === 'zero') return;
  if (Array.isArray(init)) {
    init.forEach((x, i) => {
      const et = t.kind === 'struct' ? t.fields[i]! : (t as { elem: Type }).elem;
      const eo = t.kind === 'struct' ? layoutOf(t).offsets![i]! : i * layoutOf(et).size;
      writeInit(v, off + eo, et, x);
    });
    return;
  }
  writeValue(v, off, t, init);
}
