/**
 * Lvalues and memory: every lvalue expression lowers to a pointer to its object (pointee = the
 * object's KIR type). Variables are `alloca` slots (or module globals, or `dyn_shared` for
 * `extern __shared__` arrays), `*p` is the pointer itself, `a[i]` is `ptradd`, `s.f` is
 * `fieldptr`, references are the pointers they are bound to. Loads and stores go through
 * `load`/`store` with the object's alignment and `volatile`.
 */
import * as ir from '../../ir/index.js';
import type { CExpr } from '../sema/checked.js';
import type { VarEntity } from '../sema/entities.js';
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
      const base = e.base.category === 'lvalue' ? lvalue(c, e.base) : materialize(c, e.base);
      c.at(e.span);
      const rec = e.base.type.kind === 'record' ? e.base.type.record : undefined;
      const idx = rec ? c.types.fieldIndex(rec, e.field.index) : e.field.index;
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
        return c.b.fieldptr(p, Math.max(0, i));
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
