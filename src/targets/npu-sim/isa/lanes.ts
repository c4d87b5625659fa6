/**
 * Typed element access to a buffer's bytes, one accessor per element type: floats read as
 * their value (f16/bf16 through the decode tables) and written with one rounding to the type;
 * integers of up to 32 bits read as numbers and written with wraparound (typed-array stores
 * wrap); 64-bit integers as bigint. Views are cached per buffer.
 */
import { BF16_TABLE, F16_TABLE, encode16, type ElemType } from '../types.js';

export interface LaneView {
  get(i: number): number | bigint;
  set(i: number, v: number | bigint): void;
  /** the underlying typed array (for fast paths) */
  readonly raw: ArrayLike<number | bigint> & { [i: number]: number | bigint };
}

const cache = new WeakMap<Uint8Array, Map<ElemType, LaneView>>();

export function laneView(bytes: Uint8Array, t: ElemType): LaneView {
  let m = cache.get(bytes);
  if (!m) cache.set(bytes, (m = new Map()));
  let v = m.get(t);
  if (!v) m.set(t, (v = makeView(bytes, t)));
  return v;
}

function makeView(b: Uint8Array, t: ElemType): LaneView {
  const buf = b.buffer;
  const off = b.byteOffset;
  const len = b.byteLength;
  switch (t) {
    case 'f32': {
      const a = new Float32Array(buf, off, len >> 2);
      return { raw: a, get: (i) => a[i]!, set: (i, v) => void (a[i] = v as number) };
    }
    case 'f16': {
      const a = new Uint16Array(buf, off, len >> 1);
      return { raw: a, get: (i) => F16_TABLE[a[i]!]!, set: (i, v) => void (a[i] = encode16('f16', v as number)) };
    }
    case 'bf16': {
      const a = new Uint16Array(buf, off, len >> 1);
      return { raw: a, get: (i) => BF16_TABLE[a[i]!]!, set: (i, v) => void (a[i] = encode16('bf16', v as number)) };
    }
    case 'i64': case 'u64': {
      const a = t === 'i64' ? new BigInt64Array(buf, off, len >> 3) : new BigUint64Array(buf, off, len >> 3);
      return { raw: a, get: (i) => a[i]!, set: (i, v) => void (a[i] = v as bigint) };
    }
    default: {
      const a =
        t === 'i8' ? new Int8Array(buf, off, len) : t === 'u8' ? new Uint8Array(buf, off, len)
        : t === 'i16' ? new Int16Array(buf, off, len >> 1) : t === 'u16' ? new Uint16Array(buf, off, len >> 1)
        : t === 'i32' ? new Int32Array(buf, off, len >> 2) : new Uint32Array(buf, off, len >> 2);
      return { raw: a, get: (i) => a[i]!, set: (i, v) => void (a[i] = v as number) };
    }
  }
}
