/**
 * Lvalues and memory: every lvalue expression lowers to a pointer to its object (pointee = the
 * object's KIR type). Variables are `alloca` slots (or module globals, or `dyn_shared` for
 * `extern __shared__` arrays), `*p` is the pointer itself, `a[i]` is `ptradd`, `s.f` is
 * `fieldptr` (a union member: the union's address `ptrcast` to the member), references are the
 * pointers they are bound to. Bit-fields have no address: `place` gives assignments a read/write
 * pair that shifts and masks the field's storage unit. Loads and stores go through
 * `load`/`store` with the object's alignment and `volatile`.
 */
import * as ir from '../../ir/index.js';
import type { CExpr } from '../sema/checked.js';
import type { FieldInfo, VarEntity } from '../sema/entities.js';
import type { RecordType } from '../sema/types.js';
import type { LowerCtx } from './context.js';
import { lowerDiagnostics as D } from './diagnostics.js';
import { lowerAssignLike, rvalue } from './expressions.js';
import { lowerCall } from './calls.js';

/** The storage of a variable (for a reference: the pointer it is bound to). */
export function varPointer(c: LowerCtx, v: VarEntity, span: CExpr['span']): ir.Value {
  const hit = c.fn.vars.get(v);
  if (hit) return hit;
  const g = c.globals.get(v);
  if (g) return c.b.addressof(g);
  if (v.dynamicShared) {
    const t = v.type.kind === 'array' ? v.type.element : v.type;
    const eb = c.entryBuilder();
    const base = eb.dynShared(c.ty(t, span));
    const p = eb.cast('ptrcast', base, ir.ptr('shared', ir.array(c.ty(t, span), 0)));
    c.fn.vars.set(v, p);
    return p;
  }
  if (v.constValue) {
    // a folded constant used as an object (its address taken): materialise it
    const t = c.ty(v.type, span);
    const slot = c.alloca(t, v.name);
    const k = v.constValue;
    c.b.store(c.b.const(t, k.kind === 'int' ? (t === ir.i1 ? k.value !== 0n : k.value) : k.value), slot);
    c.fn.vars.set(v, slot);
    return slot;
  }
  c.error(D.unsupportedExpr, span, { what: `use of '${v.name}' (${v.storage}, no storage in device code)` });
  const slot = c.alloca(c.ty(v.type, span), v.name);
  c.fn.vars.set(v, slot);
  return slot;
}

/** The pointer to the object an lvalue expression designates. */
export function lvalue(c: LowerCtx, e: CExpr): ir.Value {
  c.at(e.span);
  const want = ir.ptr('generic', c.ty(e.type, e.span));
  switch (e.kind) {
    case 'var':
      return varPointer(c, e.entity, e.span);
    case 'string':
      return c.b.addressof(c.stringGlobal(e.value));
    case 'deref': {
      const p = rvalue(c, e.operand)!;
      return p;
    }
    case 'index': {
      const base = rvalue(c, e.base)!;
      const idx = rvalue(c, e.index)!;
      c.at(e.span);
      return c.b.ptradd(base, idx);
    }
    case 'member': {
      if (e.base.kind === 'builtin-var') break;
      if (e.field.bitWidth !== undefined) {
        // a bit-field has no address: a temporary holding its value (e.g. bound to `const T&`)
        const slot = c.alloca(c.ty(e.type, e.span));
        c.b.store(readBits(c, bitRef(c, e)), slot);
        return slot;
      }
      const base = e.base.category === 'lvalue' ? lvalue(c, e.base) : materialize(c, e.base);
      c.at(e.span);
      const rec = e.base.type.kind === 'record' ? e.base.type.record : undefined;
      if (rec) c.ty(e.base.type, e.span);
      const idx = rec ? c.types.fieldIndex(rec, e.field.index) : e.field.index;
      if (idx < 0) return bytePtr(c, base, e.field.offset, c.ty(e.field.type, e.span));
      return c.b.fieldptr(base, idx);
    }
    case 'assign':
    case 'compound-assign':
    case 'incdec':
      return lowerAssignLike(c, e, true)!;
    case 'comma':
      discard(c, e.left);
      return lvalue(c, e.right);
    case 'conditional': {
      const cond = rvalue(c, e.cond)!;
      const [r] = c.b.if(
        cond,
        [want],
        (t) => c.withBuilder(t, () => [c.coerce(lvalue(c, e.then), want)]),
        (t) => c.withBuilder(t, () => [c.coerce(lvalue(c, e.else), want)]),
      );
      return r!;
    }
    case 'call':
    case 'builtin-call': {
      const r = lowerCall(c, e);
      if (r && r.type.kind === 'ptr') return r;
      return materializeValue(c, r, e);
    }
    case 'convert':
      if (e.conversion === 'materialize') return materialize(c, e.operand);
      if (e.conversion === 'derived-to-base') {
        const p = lvalue(c, e.operand);
        const rec = (e.operand.type as RecordType).record;
        const to = (e.type as RecordType).record;
        const i = rec.bases.findIndex((b) => b.record === to);
        c.ty(e.operand.type, e.span);
        return c.b.fieldptr(p, c.types.baseIndex(rec, Math.max(0, i)));
      }
      if (e.conversion === 'pointer-cast' || e.conversion === 'int-reinterpret') return c.coerce(lvalue(c, e.operand), want);
      break;
    case 'zero':
      return materialize(c, e);
    default:
      break;
  }
  if (e.category === 'rvalue') return materialize(c, e);
  c.error(D.unsupportedExpr, e.span, { what: `lvalue ${e.kind}` });
  return c.alloca(c.ty(e.type, e.span));
}

/** An rvalue placed in a fresh local slot (a temporary bound to `const T&`, a member of an rvalue). */
export function materialize(c: LowerCtx, e: CExpr): ir.Value {
  const v = rvalue(c, e);
  return materializeValue(c, v, e);
}

function materializeValue(c: LowerCtx, v: ir.Value | undefined, e: CExpr): ir.Value {
  const t = c.ty(e.type, e.span);
  const slot = c.alloca(t);
  if (v) c.b.store(c.coerce(v, t), slot);
  return slot;
}

/** Reads the object a pointer designates. */
export function load(c: LowerCtx, p: ir.Value, volatile = false): ir.Value {
  const t = (p.type as ir.PtrType).pointee;
  return c.b.load(p, { align: ir.alignOf(t), volatile });
}

/** Writes a value (converted to the pointee type where only KIR's view differs). */
export function store(c: LowerCtx, v: ir.Value, p: ir.Value, volatile = false): void {
  const t = (p.type as ir.PtrType).pointee;
  c.b.store(c.coerce(v, t), p, { align: ir.alignOf(t), volatile });
}

/** Evaluates an expression for its side effects only. */
export function discard(c: LowerCtx, e: CExpr): void {
  if (e.category === 'lvalue' && e.kind !== 'var' && e.kind !== 'builtin-var' && e.kind !== 'string') lvalue(c, e);
  else if (e.category === 'rvalue') rvalue(c, e);
}

// ---- unions and bit-fields ----

/** `p` (a pointer to a record) advanced by `off` bytes, as a pointer to `t` */
export function bytePtr(c: LowerCtx, p: ir.Value, off: number, t: ir.Type): ir.Value {
  const space = (p.type as ir.PtrType).space;
  let q = c.b.cast('ptrcast', p, ir.ptr(space, ir.i8));
  if (off) q = c.b.ptradd(q, c.b.const(ir.i64, BigInt(off)));
  return c.b.cast('ptrcast', q, ir.ptr(space, t));
}

/** A bit-field: its storage unit (an unsigned integer of the declared type's size), shift and width. */
export interface BitRef {
  unit: ir.Value;
  ut: ir.IntType;
  shift: number;
  width: number;
  /** the field's KIR type, and whether its value is sign-extended */
  ft: ir.Type;
  signed: boolean;
  volatile: boolean;
}

export function isBitField(e: CExpr): e is CExpr & { kind: 'member' } {
  return e.kind === 'member' && e.field.bitWidth !== undefined;
}

export function bitRef(c: LowerCtx, e: CExpr & { kind: 'member' }): BitRef {
  const base = e.base.category === 'lvalue' ? lvalue(c, e.base) : materialize(c, e.base);
  c.at(e.span);
  return bitRefAt(c, base, e.field, !!e.type.volatile || !!e.base.type.volatile);
}

/** the bit-field `f` of the record `base` points to */
export function bitRefAt(c: LowerCtx, base: ir.Value, f: FieldInfo, volatile = false): BitRef {
  const ft = c.ty(f.type, f.span);
  const bits = Math.max(8, ir.sizeOf(ft) * 8) as ir.IntBits;
  const ut = ir.intType(bits, false);
  const unit = bytePtr(c, base, f.offset, ut);
  const signed = ir.isInt(ft) && ft.signed;
  return { unit, ut, shift: f.bitOffset ?? 0, width: f.bitWidth!, ft, signed, volatile };
}

/** reads a bit-field: shift its bits to the top of the unit, then back (arithmetic when signed) */
export function readBits(c: LowerCtx, r: BitRef): ir.Value {
  const b = c.b;
  const n = r.ut.bits;
  const u = b.load(r.unit, { align: ir.alignOf(r.ut), volatile: r.volatile });
  const up = n - r.width - r.shift;
  let v = up ? b.shl(u, b.const(r.ut, BigInt(up))) : u;
  const st = ir.intType(r.ut.bits, true);
  if (r.signed) v = b.cast('bitcast', v, st);
  const down = n - r.width;
  if (down) v = b.shr(v, b.const(v.type, BigInt(down)));
  return c.coerce(v, r.ft);
}

/** writes a bit-field: the unit with the field's bits replaced by the low bits of `v` */
export function writeBits(c: LowerCtx, r: BitRef, v: ir.Value): void {
  const b = c.b;
  const n = BigInt(r.ut.bits);
  const all = (1n << n) - 1n;
  const mask = (((1n << BigInt(r.width)) - 1n) << BigInt(r.shift)) & all;
  let x = v.type === r.ut ? v : ir.isInt(v.type) && v.type.bits === r.ut.bits ? b.cast('bitcast', v, r.ut) : b.convert(v, r.ut);
  if (r.shift) x = b.shl(x, b.const(r.ut, BigInt(r.shift)));
  x = b.and(x, b.const(r.ut, mask));
  // the read half of the unit's read-modify-write: flagged so the sanitizer does not call it a
  // read of uninitialised (shared) memory — C reads none of those bytes
  const u = b.value('load', [r.unit], { align: ir.alignOf(r.ut), ...(r.volatile ? { volatile: true } : {}), bitfield: true });
  const kept = b.and(u, b.const(r.ut, all ^ mask));
  b.store(b.or(kept, x), r.unit, { align: ir.alignOf(r.ut), volatile: r.volatile });
}

/** An assignable place: memory behind a pointer, or a bit-field. */
export interface Place {
  read(): ir.Value;
  write(v: ir.Value): void;
  /** a pointer standing for the place (a bit-field: a temporary with its value) */
  pointer(): ir.Value;
}

export function place(c: LowerCtx, e: CExpr): Place {
  const vol = !!e.type.volatile;
  if (isBitField(e)) {
    const r = bitRef(c, e);
    return {
      read: () => readBits(c, r),
      write: (v) => writeBits(c, r, c.coerce(v, r.ft)),
      pointer: () => {
        const slot = c.alloca(r.ft);
        c.b.store(readBits(c, r), slot);
        return slot;
      },
    };
  }
  const p = lvalue(c, e);
  return { read: () => load(c, p, vol), write: (v) => store(c, v, p, vol), pointer: () => p };
}
