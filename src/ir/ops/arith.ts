/**
 * Arithmetic ops: binary integer/float arithmetic with C's UB flags, bitwise ops and shifts,
 * comparisons, select, min/max, integer bit utilities and fma. Signedness comes from the type:
 * `div`/`rem`/`shr`/`min`/`max`/`cmp lt` on i32 are the signed forms, on u32 the unsigned ones.
 * Every op works element-wise on vectors of its scalar types.
 */
import { compare, floatBinary, intBinary } from '../semantics.js';
import { type Type, i32, isBool, isInt } from '../types.js';
import { type Pred, boolOf, floatLike, inferSame, intLike, intOrBool, intOrFloat, numeric, same, wrapInt } from './rules.js';
import { type AttrSpec, type ConstVal, type OpDef, defineOps } from './table.js';

const nswNuw: Record<string, AttrSpec> = {
  nsw: { kind: 'flag', doc: 'signed overflow is undefined (C signed arithmetic)' },
  nuw: { kind: 'flag', doc: 'unsigned wrap is undefined' },
};

/** folds a scalar (not vector) binary op with the shared semantics */
function foldBinary(name: string) {
  return (v: readonly ConstVal[], ts: readonly Type[]): ConstVal[] | undefined => {
    const t = ts[0]!;
    if (t.kind === 'int') {
      if ((name === 'div' || name === 'rem' || name === 'shl' || name === 'shr') && !defined(name, t.bits, v[1]!)) return undefined; // UB: do not fold
      return [intBinary(name, t, v[0]!, v[1]!)];
    }
    if (t.kind === 'float') return [floatBinary(name, t, v[0] as number, v[1] as number)];
    if (t.kind === 'bool') {
      const a = v[0] as number, b = v[1] as number;
      if (name === 'and') return [a & b];
      if (name === 'or') return [a | b];
      if (name === 'xor') return [a ^ b];
    }
    return undefined;
  };
}
function defined(name: string, bits: number, b: ConstVal): boolean {
  if (name === 'div' || name === 'rem') return b !== 0 && b !== 0n;
  const n = Number(b);
  return n >= 0 && n < bits;
}

function binary(name: string, summary: string, p: Pred, extra: Partial<OpDef> = {}): OpDef {
  return {
    name, family: 'arith', summary, operands: 2, results: 1, attrs: {}, pure: true, effect: 'none',
    typing: same(p), infer: inferSame, fold: foldBinary(name), ...extra,
  };
}

function unary(name: string, summary: string, p: Pred, fold: (v: ConstVal, t: Type) => ConstVal | undefined): OpDef {
  return {
    name, family: 'arith', summary, operands: 1, results: 1, attrs: {}, pure: true, effect: 'none', typing: same(p), infer: inferSame,
    fold: (v, ts) => {
      const r = ts[0]!.kind === 'vec' ? undefined : fold(v[0]!, ts[0]!);
      return r === undefined ? undefined : [r];
    },
  };
}

const CMP_INT = ['eq', 'ne', 'lt', 'le', 'gt', 'ge'] as const;
const CMP_PREDS = [...CMP_INT, 'ord', 'uno'] as const;

const cmp: OpDef = {
  name: 'cmp', family: 'arith', summary: 'comparison with a predicate; signedness from the type; on floats C semantics (ne is true on NaN, the rest false), plus ord/uno',
  operands: 2, results: 1, primary: 'pred', attrs: { pred: { kind: CMP_PREDS, required: true } }, pure: true, effect: 'none',
  typing: (c) => {
    const [a, b] = c.operands;
    if (!a || !numeric(a) && a.kind !== 'ptr') return `operands must be numbers or pointers (got ${a?.text})`;
    if (a !== b) return `operands must have the same type (got ${a.text}, ${b?.text})`;
    const p = c.attrs.pred as string;
    if ((p === 'ord' || p === 'uno') && !floatLike(a)) return `predicate '${p}' needs float operands`;
    if (c.results[0] !== boolOf(a)) return `result must be ${boolOf(a).text}`;
    return undefined;
  },
  infer: (ts) => [boolOf(ts[0]!)],
  fold: (v, ts, _r, a) => (ts[0]!.kind === 'vec' || ts[0]!.kind === 'ptr' ? undefined : [compare(a.pred as string, ts[0]!, v[0]!, v[1]!)]),
};

const select: OpDef = {
  name: 'select', family: 'arith', summary: 'select %c, %a, %b: %a where %c is true (element-wise on vectors with a vector condition)',
  operands: 3, results: 1, attrs: {}, pure: true, effect: 'none',
  typing: (c) => {
    const [k, a, b] = c.operands;
    if (a !== b) return `value operands must have the same type (got ${a?.text}, ${b?.text})`;
    if (k !== boolOf(a!) && !isBool(k!)) return `condition must be i1 or ${boolOf(a!).text} (got ${k?.text})`;
    if (c.results[0] !== a) return `result must be ${a!.text}`;
    return undefined;
  },
  infer: (ts) => [ts[1]!],
  fold: (v, ts) => (ts[0]!.kind === 'vec' ? undefined : [v[0] ? v[1]! : v[2]!]),
};

const bitUtil = (name: string, summary: string, f: (x: bigint, bits: number) => number): OpDef => ({
  name, family: 'arith', summary, operands: 1, results: 1, attrs: {}, pure: true, effect: 'none',
  typing: (c) => {
    const a = c.operands[0]!;
    if (!isInt(a)) return `operand must be an integer (got ${a.text})`;
    return c.results[0] === i32 ? undefined : 'result must be i32';
  },
  infer: () => [i32],
  fold: (v, ts) => [f(BigInt.asUintN((ts[0] as { bits: number }).bits, BigInt(v[0]!)), (ts[0] as { bits: number }).bits)],
});

const popcount = (x: bigint): number => x.toString(2).replace(/0/g, '').length;

const fma: OpDef = {
  name: 'fma', family: 'arith', summary: 'fused multiply-add a*b+c with one rounding', operands: 3, results: 1, attrs: {}, pure: true, effect: 'none',
  typing: same(floatLike), infer: inferSame,
};

export const arithOps: OpDef[] = [
  binary('add', 'addition (wraps on integers; nsw/nuw: overflow is UB)', intOrFloat, { commutative: true, attrs: nswNuw, ub: ['signed overflow with nsw'] }),
  binary('sub', 'subtraction', intOrFloat, { attrs: nswNuw, ub: ['signed overflow with nsw'] }),
  binary('mul', 'multiplication', intOrFloat, { commutative: true, attrs: nswNuw, ub: ['signed overflow with nsw'] }),
  binary('div', 'division: truncating on integers (signed or unsigned by type); `exact`: no remainder; `approx`: __fdividef', intOrFloat, {
    attrs: { exact: { kind: 'flag' }, approx: { kind: 'flag', doc: 'fast approximate float division (__fdividef)' } },
    ub: ['division by zero', 'INT_MIN / -1', 'remainder with exact'],
  }),
  binary('rem', 'remainder with the dividend\'s sign (C %; fmod on floats)', intOrFloat, { ub: ['division by zero', 'INT_MIN % -1'] }),
  binary('and', 'bitwise and (logical on i1)', intOrBool, { commutative: true }),
  binary('or', 'bitwise or', intOrBool, { commutative: true }),
  binary('xor', 'bitwise xor', intOrBool, { commutative: true }),
  binary('shl', 'shift left; a shift by ≥ the bit width is UB', intLike, { attrs: nswNuw, ub: ['shift amount ≥ width or negative', 'signed overflow with nsw'] }),
  binary('shr', 'shift right: arithmetic on signed, logical on unsigned types; shift ≥ width is UB', intLike, { ub: ['shift amount ≥ width or negative'] }),
  binary('min', 'minimum (fminf on floats: a NaN operand is ignored)', intOrFloat, { commutative: true }),
  binary('max', 'maximum (fmaxf on floats)', intOrFloat, { commutative: true }),
  unary('neg', 'negation (wraps on integers)', intOrFloat, (v, t) => (t.kind === 'int' ? wrapInt(t, -BigInt(v)) : t.kind === 'float' ? -(v as number) : undefined)),
  unary('not', 'bitwise complement (logical not on i1)', intOrBool, (v, t) => (t.kind === 'int' ? wrapInt(t, ~BigInt(v)) : t.kind === 'bool' ? 1 - (v as number) : undefined)),
  unary('abs', 'absolute value (integers wrap: abs(INT_MIN) = INT_MIN; fabs on floats)', intOrFloat, (v, t) =>
    t.kind === 'int' ? wrapInt(t, BigInt(v) < 0n ? -BigInt(v) : BigInt(v)) : t.kind === 'float' ? Math.abs(v as number) : undefined),
  cmp,
  select,
  bitUtil('popc', 'number of set bits (__popc, __popcll)', popcount),
  bitUtil('clz', 'leading zero bits (__clz, __clzll)', (x, bits) => (x === 0n ? bits : bits - x.toString(2).length)),
  bitUtil('ffs', 'position of the least significant set bit, 1-based; 0 for 0 (__ffs)', (x) => (x === 0n ? 0 : x.toString(2).length - x.toString(2).lastIndexOf('1'))),
  bitUtil('brev', 'bit reversal (__brev); the result has the operand\'s type', () => 0),
  fma,
];

// brev keeps its operand type, unlike the other bit utilities
const brev = arithOps.find((d) => d.name === 'brev')!;
Object.assign(brev, {
  typing: same(intLike),
  infer: inferSame,
  fold: (v: readonly ConstVal[], ts: readonly Type[]) => {
    const t = ts[0]!;
    if (t.kind !== 'int') return undefined;
    const s = BigInt.asUintN(t.bits, BigInt(v[0]!)).toString(2).padStart(t.bits, '0');
    return [wrapInt(t, BigInt('0b' + [...s].reverse().join('')))];
  },
} satisfies Partial<OpDef>);

defineOps(arithOps);
