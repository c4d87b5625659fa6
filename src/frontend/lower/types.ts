/**
 * The mapping from semantic types (frontend/sema/types.ts) to KIR types: signedness kept,
 * `bool` → i1, `__half`/`__nv_bfloat16` → f16/bf16, CUDA vector types → KIR vectors (same C
 * layout), records → KIR structs (bases first, then fields; checked against sema's layout),
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

  /** index of a field of `record` in its KIR struct */
  fieldIndex(record: RecordInfo, index: number): number {
    return record.bases.length + index;
  }

  private record(r: RecordInfo): ir.Type {
    const hit = this.records.get(r);
    if (hit) return hit;
    if (r.builtin) {
      this.records.set(r, ir.i32);
      return ir.i32;
    }
    if (r.tag === 'union') {
      // a union as its largest member's bytes would lose typing: outside the subset for now
      this.failures.push({ type: { kind: 'record', record: r } as Type, why: 'unions' });
      return ir.i32;
    }
    const fields: ir.Type[] = [...r.bases.map((b) => this.record(b.record)), ...r.fields.map((f) => this.map(f.type))];
    const st = ir.struct(fields, r.explicitAlign ?? 0);
    this.records.set(r, st);
    const lay = ir.layoutOf(st);
    const bad = r.fields.some((f, i) => f.bitWidth !== undefined || lay.offsets![r.bases.length + i] !== f.offset) || (r.layout && lay.size !== r.layout.size && fields.length > 0);
    if (bad) this.failures.push({ type: { kind: 'record', record: r } as Type, why: 'bit-fields or member alignment that KIR structs cannot express' });
    return st;
  }
}
