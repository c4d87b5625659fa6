/**
 * Rvalue expressions with C semantics: arithmetic (signed add/sub/mul carry `nsw`, as C makes
 * their overflow undefined), comparisons, short-circuit `&&`/`||` and `?:` as `if` ops with
 * results, comma, the conversions of the checked tree (each a cast op), pointer arithmetic as
 * `ptradd`, assignment, compound assignment and increments (load, compute in the promoted type,
 * store), aggregates, and the CUDA built-in variables (`threadIdx.x` → `thread_id x`).
 */
import * as ir from '../../ir/index.js';
import type { CExpr, ConversionKind } from '../sema/checked.js';
import { type Type, typeToString } from '../sema/types.js';
import { lowerCall } from './calls.js';
import type { LowerCtx } from './context.js';
import { lowerDiagnostics as D } from './diagnostics.js';
import { bitRef, bitRefAt, bytePtr, discard, isBitField, load, lvalue, place, readBits, store, varPointer, writeBits } from './lvalues.js';

const DIMS = ['x', 'y', 'z'] as const;

/** The value of an rvalue expression (undefined for `void`). */
export function rvalue(c: LowerCtx, e: CExpr): ir.Value | undefined {
  const v = rvalueRaw(c, e);
  if (!v) return v;
  if (e.type.kind === 'void') return undefined;
  const t = c.ty(e.type, e.span);
  return v.type === t ? v : c.coerce(v, t);
}

function rvalueRaw(c: LowerCtx, e: CExpr): ir.Value | undefined {
  c.at(e.span);
  const b = c.b;
  switch (e.kind) {
    case 'const': {
      const t = c.ty(e.type, e.span);
      const k = e.value;
      if (t.kind === 'ptr') return b.zero(t);
      if (t === ir.i1) return b.bool(k.kind === 'int' ? k.value !== 0n : k.value !== 0);
      if (ir.isFloat(t)) return b.const(t, k.kind === 'int' ? Number(k.value) : k.value);
      if (ir.isInt(t)) return b.const(t, k.kind === 'int' ? k.value : BigInt(Math.trunc(k.value)));
      return b.zero(t);
    }
    case 'nullptr':
    case 'zero':
      return b.zero(c.ty(e.type, e.span));
    case 'this':
      return c.fn.self ?? b.zero(c.ty(e.type, e.span));
    case 'convert':
      return convert(c, e.conversion, e.operand, e.type, e);
    case 'unary': {
      const v = rvalue(c, e.operand)!;
      c.at(e.span);
      if (e.op === '-') return b.neg(v);
      return b.not(v);
    }
    case 'address-of':
      return lvalue(c, e.operand);
    case 'binary':
      return binary(c, e.op, rvalue(c, e.left)!, rvalue(c, e.right)!, e.left.type, e);
    case 'compare': {
      let l = rvalue(c, e.left)!;
      let r = rvalue(c, e.right)!;
      c.at(e.span);
      if (l.type.kind === 'ptr') {
        l = b.cast('ptrtoint', l, ir.u64);
        r = b.cast('ptrtoint', r, ir.u64);
      } else if (r.type !== l.type) r = c.coerce(r, l.type);
      const pred = ({ '<': 'lt', '>': 'gt', '<=': 'le', '>=': 'ge', '==': 'eq', '!=': 'ne' } as const)[e.op];
      return b.cmp(pred, l, r);
    }
    case 'logical': {
      const l = rvalue(c, e.left)!;
      c.at(e.span);
      const isAnd = e.op === '&&';
      const [r] = b.if(
        l,
        [ir.i1],
        (t) => c.withBuilder(t, () => [isAnd ? rvalue(c, e.right)! : t.bool(true)]),
        (t) => c.withBuilder(t, () => [isAnd ? t.bool(false) : rvalue(c, e.right)!]),
      );
      return r;
    }
    case 'conditional': {
      const cond = rvalue(c, e.cond)!;
      c.at(e.span);
      if (e.type.kind === 'void') {
        b.if(cond, [], (t) => c.withBuilder(t, () => void discard(c, e.then)), (t) => c.withBuilder(t, () => void discard(c, e.else)));
        return undefined;
      }
      const t = c.ty(e.type, e.span);
      const [r] = b.if(
        cond,
        [t],
        (tb) => c.withBuilder(tb, () => [c.coerce(rvalue(c, e.then)!, t)]),
        (tb) => c.withBuilder(tb, () => [c.coerce(rvalue(c, e.else)!, t)]),
      );
      return r;
    }
    case 'comma':
      discard(c, e.left);
      return e.category === 'lvalue' ? load(c, lvalue(c, e.right)) : rvalue(c, e.right);
    case 'pointer-offset': {
      const p = rvalue(c, e.pointer)!;
      let i = rvalue(c, e.offset)!;
      c.at(e.span);
      if (e.op === '-') i = b.neg(b.convert(i, ir.i64));
      return b.ptradd(p, i);
    }
    case 'pointer-diff': {
      const l = b.cast('ptrtoint', rvalue(c, e.left)!, ir.i64);
      const r = b.cast('ptrtoint', rvalue(c, e.right)!, ir.i64);
      const pt = c.ty(e.left.type, e.span) as ir.PtrType;
      const size = Math.max(1, ir.sizeOf(pt.pointee));
      const d = b.sub(l, r);
      return size === 1 ? d : b.div(d, b.const(ir.i64, BigInt(size)), 'exact');
    }
    case 'assign':
    case 'compound-assign':
    case 'incdec':
      return lowerAssignLike(c, e, false);
    case 'call':
    case 'builtin-call': {
      const r = lowerCall(c, e);
      // a call returning a reference gives a pointer; its value is the referenced object
      if (r && e.category === 'lvalue' && r.type.kind === 'ptr' && e.type.kind !== 'pointer') return load(c, r);
      return r;
    }
    case 'aggregate':
      return aggregate(c, e);
    case 'member': {
      if (isBitField(e)) return readBits(c, bitRef(c, e));
      if (e.category === 'lvalue') return load(c, lvalue(c, e));
      const rec = e.base.type.kind === 'record' ? e.base.type.record : undefined;
      if (rec && c.types.isByteRecord(rec)) return load(c, lvalue(c, e));
      const base = rvalue(c, e.base)!;
      return b.extract(base, rec ? c.types.fieldIndex(rec, e.field.index) : e.field.index);
    }
    case 'var':
    case 'deref':
    case 'index':
    case 'string':
      return load(c, lvalue(c, e));
    case 'builtin-var':
      return builtinVar(c, e.name, undefined, e);
    default:
      c.error(D.unsupportedExpr, e.span, { what: e.kind });
      return e.type.kind === 'void' ? undefined : b.zero(c.ty(e.type, e.span));
  }
}

/** threadIdx & co: one component, or the whole vector. */
function builtinVar(c: LowerCtx, name: string, field: number | undefined, e: CExpr): ir.Value {
  const b = c.b;
  const one = (d: 'x' | 'y' | 'z') => {
    switch (name) {
      case 'threadIdx': return b.threadId(d);
      case 'blockIdx': return b.blockId(d);
      case 'blockDim': return b.blockDim(d);
      case 'gridDim': return b.gridDim(d);
      default:
        c.error(D.unsupportedExpr, e.span, { what: `built-in variable '${name}'` });
        return b.u32(0);
    }
  };
  if (name === 'warpSize') return b.i32(32);
  if (field !== undefined) return one(DIMS[field] ?? 'x');
  return b.build(ir.vec(ir.u32, 3), DIMS.map(one));
}

/** a binary arithmetic operator on values of the operation's type */
export function binary(c: LowerCtx, op: string, l: ir.Value, r: ir.Value, _lt: Type, e: CExpr): ir.Value {
  const b = c.b;
  c.at(e.span);
  const t = l.type;
  const st = ir.scalarOf(t);
  const signedInt = ir.isInt(st) && st.signed;
  const nsw: ('nsw')[] = signedInt ? ['nsw'] : [];
  if ((op === '<<' || op === '>>') && r.type !== t) r = b.convert(r, t);
  else if (r.type !== t) r = c.coerce(r, t);
  switch (op) {
    case '+': return b.add(l, r, ...nsw);
    case '-': return b.sub(l, r, ...nsw);
    case '*': return b.mul(l, r, ...nsw);
    case '/': return b.div(l, r);
    case '%': return b.rem(l, r);
    case '<<': return b.shl(l, r);
    case '>>': return b.shr(l, r);
    case '&': return b.and(l, r);
    case '|': return b.or(l, r);
    case '^': return b.xor(l, r);
  }
  c.error(D.unsupportedExpr, e.span, { what: `operator ${op}` });
  return l;
}

function aggregate(c: LowerCtx, e: CExpr & { kind: 'aggregate' }): ir.Value {
  const t = c.ty(e.type, e.span);
  const rec = e.type.kind === 'record' ? e.type.record : undefined;
  if (rec && c.types.isByteRecord(rec)) {
    // unions and bit-field records: built in a temporary, member by member
    const slot = c.alloca(t);
    c.b.store(c.b.zero(t), slot);
    const fields = rec.tag === 'union' ? (e.field ? [e.field] : rec.fields.slice(0, 1)) : rec.fields;
    e.items.forEach((item, i) => {
      const f = fields[i];
      if (!f) return;
      const x = rvalue(c, item);
      if (!x) return;
      c.at(e.span);
      if (f.bitWidth !== undefined) {
        if (f.bitWidth > 0) writeBits(c, bitRefAt(c, slot, f), c.coerce(x, c.ty(f.type, e.span)));
        return;
      }
      const idx = c.types.fieldIndex(rec, f.index);
      const p = idx < 0 ? bytePtr(c, slot, f.offset, c.ty(f.type, e.span)) : c.b.fieldptr(slot, idx);
      store(c, x, p);
    });
    return load(c, slot);
  }
  let v = c.b.zero(t);
  e.items.forEach((item, i) => {
    const idx = rec ? c.types.fieldIndex(rec, i) : i;
    const et = ir.memberType(t, idx);
    const x = rvalue(c, item);
    if (!x || !et) return;
    c.at(e.span);
    v = c.b.insertValue(v, c.coerce(x, et), idx);
  });
  return v;
}

function convert(c: LowerCtx, kind: ConversionKind, op: CExpr, to: Type, e: CExpr): ir.Value | undefined {
  const b = c.b;
  if (kind === 'load') {
    // threadIdx.x and friends are values, not memory
    if (op.kind === 'member' && op.base.kind === 'builtin-var') return builtinVar(c, op.base.name, op.field.index, e);
    if (op.kind === 'builtin-var') return builtinVar(c, op.name, undefined, e);
    if (op.kind === 'var' && op.entity.constValue && !c.fn.vars.has(op.entity) && !c.globals.has(op.entity)) {
      return rvalue(c, { kind: 'const', value: op.entity.constValue, type: op.type, category: 'rvalue', span: op.span } as CExpr);
    }
    if (isBitField(op)) return readBits(c, bitRef(c, op));
    return load(c, lvalue(c, op), !!op.type.volatile);
  }
  if (kind === 'to-void') {
    discard(c, op);
    return undefined;
  }
  if (kind === 'array-to-pointer') {
    const p = lvalue(c, op);
    c.at(e.span);
    return b.elemptr(p, b.i32(0));
  }
  if (kind === 'materialize') return load(c, lvalue(c, e));
  if (kind === 'derived-to-base') return load(c, lvalue(c, e));
  const v = rvalue(c, op);
  if (!v) return undefined;
  c.at(e.span);
  const tt = c.ty(to, e.span);
  switch (kind) {
    case 'int-extend':
    case 'int-truncate':
    case 'int-reinterpret':
    case 'int-to-float':
    case 'float-extend':
    case 'float-truncate':
    case 'float-to-int':
      return elementwise(c, v, tt);
    case 'float-reformat':
      return b.convert(b.convert(v, ir.f32), tt);
    case 'to-bool': {
      if (v.type.kind === 'ptr') return b.cmp('ne', b.cast('ptrtoint', v, ir.u64), b.const(ir.u64, 0n));
      if (v.type === ir.i1) return v;
      return b.cmp('ne', v, b.const(v.type, 0));
    }
    case 'null-to-pointer':
      return b.zero(tt);
    case 'pointer-cast':
    case 'vector-to-dim3':
      return c.coerce(v, tt);
    case 'pointer-to-int':
      return b.convert(b.cast('ptrtoint', v, ir.u64), tt);
    case 'int-to-pointer':
      return b.cast('inttoptr', b.convert(v, ir.u64), tt);
    default:
      break;
  }
  c.error(D.unsupportedConversion, e.span, { kind, from: typeToString(op.type), to: typeToString(to) });
  return b.zero(tt);
}

/** a C arithmetic conversion, element-wise on vectors */
export function elementwise(c: LowerCtx, v: ir.Value, to: ir.Type): ir.Value {
  if (v.type === to) return v;
  if (v.type.kind === 'vec' || to.kind === 'vec') return c.coerce(v, to);
  if (v.type.kind === 'ptr' || to.kind === 'ptr') return c.coerce(v, to);
  return c.b.convert(v, to);
}

/**
 * `=`, `op=`, `++`/`--`. Returns the target pointer when `wantLvalue` (or for the lvalue forms),
 * else the value the expression yields.
 */
export function lowerAssignLike(c: LowerCtx, e: CExpr, wantLvalue: boolean): ir.Value | undefined {
  const b = c.b;
  if (e.kind === 'assign') {
    const v = rvalue(c, e.value);
    const p = place(c, e.target);
    c.at(e.span);
    if (v) p.write(v);
    return wantLvalue ? p.pointer() : v && p.read();
  }
  if (e.kind === 'compound-assign') {
    const p = place(c, e.target);
    const rhs = rvalue(c, e.value)!;
    c.at(e.span);
    const old = p.read();
    const ct = c.ty(e.computeType, e.span);
    let nv: ir.Value;
    if (ct.kind === 'ptr') {
      nv = b.ptradd(old, e.op === '-' ? b.neg(b.convert(rhs, ir.i64)) : rhs);
    } else {
      const cur = elementwise(c, old, ct);
      nv = elementwise(c, binary(c, e.op, cur, rhs, e.computeType, e), old.type);
    }
    p.write(nv);
    if (wantLvalue) return p.pointer();
    return isBitField(e.target) ? p.read() : nv;
  }
  if (e.kind === 'incdec') {
    const p = place(c, e.target);
    c.at(e.span);
    const old = p.read();
    const ct = c.ty(e.computeType, e.span);
    let nv: ir.Value;
    if (ct.kind === 'ptr') {
      nv = b.ptradd(old, b.i32(e.op === '++' ? 1 : -1));
    } else {
      const cur = elementwise(c, old, ct);
      const one = b.const(ir.scalarOf(ct), 1);
      const st = ir.scalarOf(ct);
      const nsw: 'nsw'[] = ir.isInt(st) && st.signed ? ['nsw'] : [];
      nv = elementwise(c, e.op === '++' ? b.add(cur, one, ...nsw) : b.sub(cur, one, ...nsw), old.type);
    }
    p.write(nv);
    if (wantLvalue) return p.pointer();
    if (e.prefix) return isBitField(e.target) ? p.read() : nv;
    return old;
  }
  return undefined;
}

export { varPointer };
