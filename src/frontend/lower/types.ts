/**
 * The mapping from semantic types (frontend/sema/types.ts) to KIR types: signedness kept,
 * `bool` → i1, `__half`/`__nv_bfloat16` → f16/bf16, CUDA vector types → KIR vectors (same C
 * layout), records → KIR structs (bases first, then fields; checked against sema's layout;
 * unions as their bytes and bit-field records with `[n x i8]` fillers, see `layouts` below),
 * pointers keep their address space, references are generic pointers. Built-in records
 * (cooperative groups handles, functors) carry no data: they map to an i32 placeholder.
 */
import * as ir from '../../ir/index.js';
import type { RecordInfo } from '../sema/entities.js';
import type { Type } from '../sema/types.js';

export class TypeMapper {
  private records = new Map<RecordInfo, ir.Type>();
  /** why a type could not be mapped (reported by the caller) */
  failures: { type: Type; why: string }[] = [];

  map(t: Type): ir.Type {
    switch (t.kind) {
      case 'void': return ir.voidT;
      case 'bool': return ir.i1;
      case 'int': return ir.intType(t.bits, t.signed);
      case 'float': return t.bits === 32 ? ir.f32 : ir.f64;
      case 'half': return t.format === 'f16' ? ir.f16 : ir.bf16;
      case 'enum': return this.map(t.info.underlying);
      case 'vector': return ir.vec(this.map(t.element) as ir.ScalarType, t.count);
      case 'pointer': {
        const p = t.pointee;
        const pointee = p.kind === 'void' || p.kind === 'function' ? ir.i8 : this.map(p);
        return ir.ptr(t.space, pointee);
      }
      case 'reference': return ir.ptr('generic', this.map(t.referent));
      case 'array': return ir.array(this.map(t.element), t.size ?? 0);
      case 'record': return this.record(t.record);
      case 'nullptr': return ir.ptr('generic', ir.i8);
      default:
        this.failures.push({ type: t, why: `no KIR type for a ${t.kind}` });
        return ir.i32;
    }
  }

  /**
   * Records KIR structs cannot express field by field: unions (one `[size x i8]` field, members
   * reached through `ptrcast`) and records with bit-fields (fields placed at sema's offsets with
   * `[n x i8]` fillers; bit-fields live in those bytes and are reached as their storage unit).
   * For such records `fieldMap` gives each field's KIR index (undefined: a bit-field or a union
   * member) and each base's.
   */
  private layouts = new Map<RecordInfo, { fields: (number | undefined)[]; bases: number[] }>();

  /** index of a field of `record` in its KIR struct (undefined: union member or bit-field) */
  fieldIndex(record: RecordInfo, index: number): number {
    const m = this.layouts.get(record);
    if (m) return m.fields[index] ?? -1;
    return record.bases.length + index;
  }

  /** index of base `i` of `record` in its KIR struct */
  baseIndex(record: RecordInfo, i: number): number {
    const m = this.layouts.get(record);
    return m ? m.bases[i] ?? 0 : i;
  }

  /** true when `record`'s members are reached by byte offset (unions, bit-field records) */
  isByteRecord(record: RecordInfo): boolean {
    return record.tag === 'union' || (this.layouts.has(record) && record.fields.some((f) => f.bitWidth !== undefined));
  }

  private record(r: RecordInfo): ir.Type {
    const hit = this.records.get(r);
    if (hit) return hit;
    if (r.builtin) {
      this.records.set(r, ir.i32);
      return ir.i32;
    }
    if (r.tag === 'union') {
      // a union is its bytes, aligned as its most aligned member; members are reached by ptrcast
      const size = r.layout?.size ?? 1;
      const st = ir.struct([ir.array(ir.i8, size)], r.layout?.align ?? 1);
      this.records.set(r, st);
      this.layouts.set(r, { fields: r.fields.map(() => undefined), bases: [] });
      r.fields.forEach((f) => this.map(f.type));
      return st;
    }
    if (r.fields.some((f) => f.bitWidth !== undefined) && r.layout) return this.bitfieldRecord(r);
    const fields: ir.Type[] = [...r.bases.map((b) => this.record(b.record)), ...r.fields.map((f) => this.map(f.type))];
    const st = ir.struct(fields, r.explicitAlign ?? 0);
    this.records.set(r, st);
    const lay = ir.layoutOf(st);
    const bad = r.fields.some((f, i) => lay.offsets![r.bases.length + i] !== f.offset) || (r.layout && lay.size !== r.layout.size && fields.length > 0);
    if (bad) this.failures.push({ type: { kind: 'record', record: r } as Type, why: 'bit-fields or member alignment that KIR structs cannot express' });
    return st;
  }

  /** a record with bit-fields: real fields at sema's offsets, `[n x i8]` fillers elsewhere */
  private bitfieldRecord(r: RecordInfo): ir.Type {
    const items: { off: number; end: number; t?: ir.Type; base?: number; field?: number }[] = [];
    r.bases.forEach((b, i) => {
      const t = this.record(b.record);
      const off = r.layout!.baseOffsets[i] ?? 0;
      items.push({ off, end: off + ir.sizeOf(t), t, base: i });
    });
    r.fields.forEach((f, i) => {
      if (f.bitWidth !== undefined) {
        if (f.bitWidth === 0) return;
        const lo = f.offset + Math.floor((f.bitOffset ?? 0) / 8);
        const hi = f.offset + Math.ceil(((f.bitOffset ?? 0) + f.bitWidth) / 8);
        items.push({ off: lo, end: hi });
        return;
      }
      const t = this.map(f.type);
      items.push({ off: f.offset, end: f.offset + ir.sizeOf(t), t, field: i });
    });
    items.sort((a, b) => a.off - b.off);
    const fields: ir.Type[] = [];
    const map = { fields: r.fields.map(() => undefined as number | undefined), bases: r.bases.map(() => 0) };
    let cursor = 0;
    for (const it of items) {
      if (!it.t) {
        if (it.end > cursor) {
          fields.push(ir.array(ir.i8, it.end - Math.max(cursor, it.off)));
          if (it.off > cursor) fields.splice(fields.length - 1, 0, ir.array(ir.i8, it.off - cursor));
          cursor = it.end;
        }
        continue;
      }
      if (it.off > cursor) fields.push(ir.array(ir.i8, it.off - cursor));
      if (it.base !== undefined) map.bases[it.base] = fields.length;
      if (it.field !== undefined) map.fields[it.field] = fields.length;
      fields.push(it.t);
      cursor = Math.max(cursor, it.end);
    }
    if (r.layout!.size > cursor) fields.push(ir.array(ir.i8, r.layout!.size - cursor));
    const st = ir.struct(fields, r.layout!.align);
    this.records.set(r, st);
    this.layouts.set(r, map);
    const lay = ir.layoutOf(st);
    const bad = lay.size !== r.layout!.size || r.fields.some((f, i) => map.fields[i] !== undefined && lay.offsets![map.fields[i]!] !== f.offset);
    if (bad) this.failures.push({ type: { kind: 'record', record: r } as Type, why: 'member alignment that KIR structs cannot express' });
    return st;
  }
}
