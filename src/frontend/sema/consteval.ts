/**
 * Constant evaluation over the checked tree: integer arithmetic with C's wraparound at the
 * type's width (bigint, so 64-bit values are exact), floating constants rounded to their
 * type (f32 by Math.fround, f16/bf16 by support/half.ts), comparisons, `?:`, `&&`/`||`, and
 * calls of `constexpr` functions whose bodies are simple (declarations, `if`, `return`,
 * loops), evaluated by a small interpreter with a step budget.
 *
 * Used for array sizes, template value arguments, case labels, `static_assert`, bit-field
 * widths, enumerator values, `#pragma unroll N` and `__launch_bounds__`; and by build.ts to
 * fold conversions of constants (checked.ts invariant 3).
 */
import { roundToBf16, roundToF16 } from '../../support/half.js';
import type { ArithOp, CExpr, CStmt, CompareOp, ConstValue, ConversionKind } from './checked.js';
import type { VarEntity } from './entities.js';
import { type Type, integerRepr } from './types.js';

/** Wrap `v` to the width and signedness of integer-like type `t` (bool: 0/1). */
export function wrapInt(v: bigint, t: Type): bigint {
  const r = integerRepr(t);
  if (!r) return v;
  if (r.kind === 'bool') return v !== 0n ? 1n : 0n;
  return r.signed ? BigInt.asIntN(r.bits, v) : BigInt.asUintN(r.bits, v);
}

/** Round a number to a floating type's precision. */
export function roundFloat(v: number, t: Type): number {
  if (t.kind === 'float') return t.bits === 32 ? Math.fround(v) : v;
  if (t.kind === 'half') return t.format === 'f16' ? roundToF16(v) : roundToBf16(v);
  return v;
}

const isFloatLike = (t: Type): boolean => t.kind === 'float' || t.kind === 'half';

/** The value after converting constant `v` of type `from` to `to`; undefined if not foldable. */
export function foldConversion(v: ConstValue, from: Type, to: Type, kind: ConversionKind): ConstValue | undefined {
  switch (kind) {
    case 'int-extend': case 'int-truncate': case 'int-reinterpret':
      return v.kind === 'int' ? { kind: 'int', value: wrapInt(v.value, to) } : undefined;
    case 'to-bool':
      if (from.kind === 'pointer') return undefined;
      return { kind: 'int', value: (v.kind === 'int' ? v.value !== 0n : v.value !== 0) ? 1n : 0n };
    case 'int-to-float':
      return v.kind === 'int' ? { kind: 'float', value: roundFloat(Number(v.value), to) } : undefined;
    case 'float-to-int': {
      if (v.kind !== 'float' || !Number.isFinite(v.value)) return undefined;
      const t = BigInt(Math.trunc(v.value));
      return wrapInt(t, to) === t ? { kind: 'int', value: t } : undefined; // out of range: UB, left to lowering
    }
    case 'float-extend': case 'float-truncate': case 'float-reformat':
      return v.kind === 'float' ? { kind: 'float', value: roundFloat(v.value, to) } : undefined;
    default:
      return undefined;
  }
}

export function foldUnary(op: '-' | '~' | '!', v: ConstValue, type: Type): ConstValue | undefined {
  if (v.kind === 'float') return op === '-' ? { kind: 'float', value: -v.value } : undefined;
  switch (op) {
    case '-': return { kind: 'int', value: wrapInt(-v.value, type) };
    case '~': return { kind: 'int', value: wrapInt(~v.value, type) };
    case '!': return { kind: 'int', value: v.value === 0n ? 1n : 0n };
  }
}

/**
 * `l op r` in `type` (both operands already of it; shifts: right of its own type).
 * Returns 'undefined-behaviour' for division by zero and out-of-range shifts.
 */
export function foldBinary(op: ArithOp, l: ConstValue, r: ConstValue, type: Type): ConstValue | 'undefined-behaviour' | undefined {
  if (l.kind === 'float' || r.kind === 'float') {
    if (l.kind !== 'float' || r.kind !== 'float' || !isFloatLike(type)) return undefined;
    const a = l.value;
    const b = r.value;
    switch (op) {
      case '+': return { kind: 'float', value: roundFloat(a + b, type) };
      case '-': return { kind: 'float', value: roundFloat(a - b, type) };
      case '*': return { kind: 'float', value: roundFloat(a * b, type) };
      case '/': return { kind: 'float', value: roundFloat(a / b, type) };
      default: return undefined;
    }
  }
  const a = l.value;
  const b = r.value;
  const repr = integerRepr(type);
  const bits = repr?.kind === 'int' ? repr.bits : 32;
  switch (op) {
    case '+': return { kind: 'int', value: wrapInt(a + b, type) };
    case '-': return { kind: 'int', value: wrapInt(a - b, type) };
    case '*': return { kind: 'int', value: wrapInt(a * b, type) };
    case '/': return b === 0n ? 'undefined-behaviour' : { kind: 'int', value: wrapInt(a / b, type) };
    case '%': return b === 0n ? 'undefined-behaviour' : { kind: 'int', value: wrapInt(a % b, type) };
    case '<<': return b < 0n || b >= BigInt(bits) ? 'undefined-behaviour' : { kind: 'int', value: wrapInt(a << b, type) };
    case '>>': return b < 0n || b >= BigInt(bits) ? 'undefined-behaviour' : { kind: 'int', value: wrapInt(a >> b, type) };
    case '&': return { kind: 'int', value: wrapInt(a & b, type) };
    case '|': return { kind: 'int', value: wrapInt(a | b, type) };
    case '^': return { kind: 'int', value: wrapInt(a ^ b, type) };
  }
}

export function foldCompare(op: CompareOp, l: ConstValue, r: ConstValue): ConstValue {
  const a = l.value;
  const b = r.value;
  let res: boolean;
  if (typeof a === 'bigint' && typeof b === 'bigint') res = cmp(op, a < b ? -1 : a > b ? 1 : 0, a === b);
  else {
    const x = Number(a);
    const y = Number(b);
    res = Number.isNaN(x) || Number.isNaN(y) ? op === '!=' : cmp(op, x < y ? -1 : x > y ? 1 : 0, x === y);
  }
  return { kind: 'int', value: res ? 1n : 0n };
}

function cmp(op: CompareOp, c: number, eq: boolean): boolean {
  switch (op) {
    case '<': return c < 0;
    case '>': return c > 0;
    case '<=': return c <= 0;
    case '>=': return c >= 0;
    case '==': return eq;
    case '!=': return !eq;
  }
}

// ----------------------------------------------------------------------------------------
// Evaluation of a checked expression (with constexpr calls)

const MAX_STEPS = 100_000;
const MAX_DEPTH = 128;

interface Frame {
  readonly vars: Map<VarEntity, ConstValue>;
  steps: { n: number };
  depth: number;
}

class NotConstant extends Error {}
class Return {
  constructor(readonly value: ConstValue | undefined) {}
}
type Flow = 'break' | 'continue' | Return | undefined;

/** The constant value of `e`, or undefined if it is not a constant expression. */
export function evaluate(e: CExpr): ConstValue | undefined {
  if (e.kind === 'const') return e.value;
  try {
    return evalExpr(e, { vars: new Map(), steps: { n: 0 }, depth: 0 });
  } catch (err) {
    if (err instanceof NotConstant || err instanceof RangeError) return undefined;
    throw err;
  }
}

function evalExpr(e: CExpr, f: Frame): ConstValue {
  if (++f.steps.n > MAX_STEPS) throw new NotConstant();
  switch (e.kind) {
    case 'const': return e.value;
    case 'var': {
      const v = f.vars.get(e.entity) ?? e.entity.constValue;
      if (!v) throw new NotConstant();
      return v;
    }
    case 'convert': {
      if (e.conversion === 'load') return evalExpr(e.operand, f);
      const v = foldConversion(evalExpr(e.operand, f), e.operand.type, e.type, e.conversion);
      if (!v) throw new NotConstant();
      return v;
    }
    case 'unary': {
      const v = foldUnary(e.op, evalExpr(e.operand, f), e.type);
      if (!v) throw new NotConstant();
      return v;
    }
    case 'binary': {
      const v = foldBinary(e.op, evalExpr(e.left, f), evalExpr(e.right, f), e.type);
      if (!v || v === 'undefined-behaviour') throw new NotConstant();
      return v;
    }
    case 'compare': return foldCompare(e.op, evalExpr(e.left, f), evalExpr(e.right, f));
    case 'logical': {
      const l = truthy(evalExpr(e.left, f));
      if (e.op === '&&' ? !l : l) return { kind: 'int', value: l ? 1n : 0n };
      return { kind: 'int', value: truthy(evalExpr(e.right, f)) ? 1n : 0n };
    }
    case 'conditional': return truthy(evalExpr(e.cond, f)) ? evalExpr(e.then, f) : evalExpr(e.else, f);
    case 'comma': evalExpr(e.left, f); return evalExpr(e.right, f);
    case 'assign': case 'compound-assign': case 'incdec': return evalMutation(e, f);
    case 'call': return evalCall(e, f);
    case 'builtin-call': {
      if (e.builtin.entry.lowersTo === 'const.inf') return { kind: 'float', value: Infinity };
      if (e.builtin.entry.lowersTo === 'const.nan') return { kind: 'float', value: NaN };
      throw new NotConstant();
    }
    default: throw new NotConstant();
  }
}

function truthy(v: ConstValue): boolean {
  return v.kind === 'int' ? v.value !== 0n : v.value !== 0;
}

function targetVar(e: CExpr, f: Frame): VarEntity {
  if (e.kind === 'var' && f.vars.has(e.entity)) return e.entity;
  throw new NotConstant();
}

function evalMutation(e: CExpr, f: Frame): ConstValue {
  if (e.kind === 'assign') {
    const v = evalExpr(e.value, f);
    f.vars.set(targetVar(e.target, f), v);
    return v;
  }
  if (e.kind === 'compound-assign') {
    const t = targetVar(e.target, f);
    const cur = convertValue(f.vars.get(t)!, e.computeType);
    const r = foldBinary(e.op, cur, evalExpr(e.value, f), e.computeType);
    if (!r || r === 'undefined-behaviour') throw new NotConstant();
    const v = convertValue(r, t.type);
    f.vars.set(t, v);
    return v;
  }
  if (e.kind === 'incdec') {
    const t = targetVar(e.target, f);
    const old = f.vars.get(t)!;
    const one: ConstValue = old.kind === 'int' ? { kind: 'int', value: 1n } : { kind: 'float', value: 1 };
    const r = foldBinary(e.op === '++' ? '+' : '-', old, one, t.type);
    if (!r || r === 'undefined-behaviour') throw new NotConstant();
    f.vars.set(t, r);
    return e.prefix ? r : old;
  }
  throw new NotConstant();
}

function convertValue(v: ConstValue, to: Type): ConstValue {
  if (v.kind === 'int' && (to.kind === 'float' || to.kind === 'half')) return { kind: 'float', value: roundFloat(Number(v.value), to) };
  if (v.kind === 'float' && to.kind !== 'float' && to.kind !== 'half') return { kind: 'int', value: wrapInt(BigInt(Math.trunc(v.value)), to) };
  if (v.kind === 'int') return { kind: 'int', value: wrapInt(v.value, to) };
  return { kind: 'float', value: roundFloat(v.value, to) };
}

function evalCall(e: CExpr & { kind: 'call' }, f: Frame): ConstValue {
  const fn = e.fn;
  const body = fn.checked?.body;
  if (!fn.constexpr || !body || f.depth >= MAX_DEPTH) throw new NotConstant();
  const params = fn.checked!.params;
  const frame: Frame = { vars: new Map(), steps: f.steps, depth: f.depth + 1 };
  e.args.forEach((a, i) => frame.vars.set(params[i]!, evalExpr(a, f)));
  const flow = evalStmt(body, frame);
  if (flow instanceof Return && flow.value) return flow.value;
  throw new NotConstant();
}

function evalStmt(s: CStmt, f: Frame): Flow {
  if (++f.steps.n > MAX_STEPS) throw new NotConstant();
  switch (s.kind) {
    case 'block':
      for (const st of s.stmts) {
        const fl = evalStmt(st, f);
        if (fl) return fl;
      }
      return undefined;
    case 'expr': evalExpr(s.expr, f); return undefined;
    case 'var':
      if (!s.init) throw new NotConstant();
      f.vars.set(s.entity, evalExpr(s.init, f));
      return undefined;
    case 'if':
      if (truthy(evalExpr(s.cond, f))) return evalStmt(s.then, f);
      return s.else ? evalStmt(s.else, f) : undefined;
    case 'return': return new Return(s.value ? evalExpr(s.value, f) : undefined);
    case 'for': {
      if (s.init) evalStmt(s.init, f);
      while (!s.cond || truthy(evalExpr(s.cond, f))) {
        const fl = evalStmt(s.body, f);
        if (fl === 'break') break;
        if (fl instanceof Return) return fl;
        if (s.step) evalExpr(s.step, f);
      }
      return undefined;
    }
    case 'while': {
      while (truthy(evalExpr(s.cond, f))) {
        const fl = evalStmt(s.body, f);
        if (fl === 'break') break;
        if (fl instanceof Return) return fl;
      }
      return undefined;
    }
    case 'break': return 'break';
    case 'continue': return 'continue';
    case 'empty': return undefined;
    default: throw new NotConstant();
  }
}
