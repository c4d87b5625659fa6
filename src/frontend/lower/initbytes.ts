/**
 * Constant initialisers of objects whose KIR type is not field-by-field their C type (unions and
 * records with bit-fields, see types.ts): the folded value is laid out as bytes by sema's C
 * layout (union: its first member; bit-fields: their bits in the storage unit), then read back
 * as an initialiser of the KIR type (its fields at KIR's offsets, which match sema's).
 */
import * as ir from '../../ir/index.js';
import { f16BitsToF32, f32ToBf16Bits, f32ToF16Bits, bf16BitsToF32 } from '../../support/half.js';
import type { ConstInit } from '../sema/checked.js';
import { sizeOf } from '../sema/layout.js';
import type { Type } from '../sema/types.js';

/** true when `t` has a union or a bit-field record anywhere inside */
export function needsBytes(t: Type): boolean {
  if (t.kind === 'array') return needsBytes(t.element);
  if (t.kind !== 'record') return false;
  const r = t.record;
  if (r.builtin) return false;
  return r.tag === 'union' || r.fields.some((f) => f.bitWidth !== undefined || needsBytes(f.type)) || r.bases.some((b) => needsBytes({ kind: 'record', record: b.record } as Type));
}

const num = (v: ConstInit): { i: bigint; f: number } | undefined => {
  if (v.kind === 'int') return { i: v.value, f: Number(v.value) };
  if (v.kind === 'float') return { i: BigInt(Math.trunc(v.value)), f: v.value };
  return undefined;
};

function writeInt(view: DataView, off: number, bytes: number, v: bigint): void {
  let u = BigInt.asUintN(bytes * 8, v);
  for (let k = 0; k < bytes; k++) {
    view.setUint8(off + k, Number(u & 0xffn));
    u >>= 8n;
  }
}

function readInt(view: DataView, off: number, bytes: number): bigint {
  let u = 0n;
  for (let k = bytes - 1; k >= 0; k--) u = (u << 8n) | BigInt(view.getUint8(off + k));
  return u;
}

/** writes `v` of C type `t` at `off` */
export function encode(t: Type, v: ConstInit, view: DataView, off: number): void {
  if (v.kind === 'zero') return;
  switch (t.kind) {
    case 'array': case 'vector': {
      const et = t.kind === 'array' ? t.element : t.element;
      const es = sizeOf(et);
      if (v.kind === 'aggregate') v.items.forEach((x, i) => encode(et, x, view, off + i * es));
      return;
    }
    case 'record': {
      const r = t.record;
      if (v.kind !== 'aggregate') return;
      const fields = r.tag === 'union' ? r.fields.slice(0, 1) : r.fields;
      v.items.forEach((x, i) => {
        const f = fields[i];
        if (!f) return;
        if (f.bitWidth !== undefined) {
          const n = num(x);
          if (!n || f.bitWidth === 0) return;
          const ub = sizeOf(f.type);
          const mask = ((1n << BigInt(f.bitWidth)) - 1n) << BigInt(f.bitOffset ?? 0);
          const unit = readInt(view, off + f.offset, ub);
          writeInt(view, off + f.offset, ub, (unit & ~mask) | ((n.i << BigInt(f.bitOffset ?? 0)) & mask));
          return;
        }
        encode(f.type, x, view, off + f.offset);
      });
      return;
    }
    case 'float': {
      const n = num(v);
      if (n) t.bits === 32 ? view.setFloat32(off, n.f, true) : view.setFloat64(off, n.f, true);
      return;
    }
    case 'half': {
      const n = num(v);
      if (n) view.setUint16(off, t.format === 'f16' ? f32ToF16Bits(n.f) : f32ToBf16Bits(n.f), true);
      return;
    }
    case 'bool': {
      const n = num(v);
      if (n) view.setUint8(off, n.f !== 0 ? 1 : 0);
      return;
    }
    default: {
      const n = num(v);
      if (n) writeInt(view, off, sizeOf(t), n.i);
    }
  }
}

/** an initialiser of KIR type `t` from the bytes at `off` */
export function decode(t: ir.Type, view: DataView, off: number): ir.Init {
  switch (t.kind) {
    case 'int': {
      const bytes = t.bits / 8;
      const u = readInt(view, off, bytes);
      if (t.bits === 64) return t.signed ? BigInt.asIntN(64, u) : u;
      return Number(t.signed ? BigInt.asIntN(t.bits, u) : u);
    }
    case 'bool': return view.getUint8(off) & 1;
    case 'float':
      switch (t.fkind) {
        case 'f32': return view.getFloat32(off, true);
        case 'f64': return view.getFloat64(off, true);
        case 'f16': return f16BitsToF32(view.getUint16(off, true));
        case 'bf16': return bf16BitsToF32(view.getUint16(off, true));
      }
      return 0;
    case 'array': case 'vec': {
      const es = ir.sizeOf(t.elem);
      return Array.from({ length: t.len }, (_, i) => decode(t.elem, view, off + i * es));
    }
    case 'struct': {
      const lay = ir.layoutOf(t);
      return t.fields.map((f, i) => decode(f, view, off + lay.offsets![i]!));
    }
    default:
      return 'zero';
  }
}

/** the initialiser of an object of C type `ct` (KIR type `t`) through its bytes */
export function bytesInit(ct: Type, t: ir.Type, v: ConstInit): ir.Init {
  if (v.kind === 'zero') return 'zero';
  const view = new DataView(new ArrayBuffer(Math.max(1, ir.sizeOf(t))));
  encode(ct, v, view, 0);
  return decode(t, view, 0);
}
