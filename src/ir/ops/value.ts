/**
 * Constants and aggregate values: `const` (a scalar literal, including non-finite floats:
 * `inf`, `-inf`, `nan`), `zero` (the zero value of any type: vectors, structs, arrays),
 * `extract`/`insert` (element or field by constant index, as extractvalue/insertelement) and
 * `build` (a vector or struct from its elements, `make_float4`).
 */
import { type Type, isScalar, memberType } from '../types.js';
import { type OpDef, defineOps } from './table.js';

const constOp: OpDef = {
  name: 'const', family: 'value', summary: 'a scalar constant: `%c = const 1.5 : f32`, `const -1 : i64`, `const true : i1`', primary: 'value',
  operands: 0, results: 1, attrs: { value: { kind: 'const', required: true } }, pure: true, effect: 'none',
  typing: (c) => {
    const t = c.results[0]!;
    if (!isScalar(t)) return `constant must have a scalar type (got ${t.text})`;
    const v = c.attrs.value;
    if (t.kind === 'int' && t.bits === 64 ? typeof v !== 'bigint' : typeof v !== 'number') return `constant value ${String(v)} does not match ${t.text}`;
    if (t.kind === 'int' && typeof v === 'number' && !Number.isInteger(v)) return `integer constant must be integral`;
    return undefined;
  },
  fold: (_v, _t, _r, a) => [a.value as number | bigint],
};

const zero: OpDef = {
  name: 'zero', family: 'value', summary: 'the zero value of a type (all bits zero)', operands: 0, results: 1, attrs: {}, pure: true, effect: 'none',
  typing: (c) => (c.results[0]!.kind === 'void' ? 'zero of void' : undefined),
};

const aggregate = (t: Type | undefined) => !!t && (t.kind === 'vec' || t.kind === 'struct' || t.kind === 'array');

const extract: OpDef = {
  name: 'extract', family: 'value', summary: 'element/field `index` of a vector, struct or array value', primary: 'index',
  operands: 1, results: 1, attrs: { index: { kind: 'int', required: true } }, pure: true, effect: 'none',
  typing: (c) => {
    const a = c.operands[0]!;
    if (!aggregate(a)) return `operand must be a vector, struct or array (got ${a.text})`;
    const m = memberType(a, c.attrs.index as number);
    if (!m) return `index ${String(c.attrs.index)} is out of range for ${a.text}`;
    return c.results[0] === m ? undefined : `result must be ${m.text}`;
  },
  infer: (ts, a) => {
    const m = memberType(ts[0]!, a.index as number);
    return m && [m];
  },
};

const insert: OpDef = {
  name: 'insert', family: 'value', summary: 'insert %agg, %v: the aggregate with element/field `index` replaced', primary: 'index',
  operands: 2, results: 1, attrs: { index: { kind: 'int', required: true } }, pure: true, effect: 'none',
  typing: (c) => {
    const [a, v] = c.operands;
    if (!aggregate(a)) return `operand must be a vector, struct or array (got ${a!.text})`;
    const m = memberType(a!, c.attrs.index as number);
    if (!m) return `index ${String(c.attrs.index)} is out of range for ${a!.text}`;
    if (v !== m) return `inserted value must be ${m.text} (got ${v!.text})`;
    return c.results[0] === a ? undefined : `result must be ${a!.text}`;
  },
  infer: (ts) => [ts[0]!],
};

const build: OpDef = {
  name: 'build', family: 'value', summary: 'a vector, struct or array value from all its elements in order', operands: [1, Infinity], results: 1, attrs: {}, pure: true, effect: 'none',
  typing: (c) => {
    const t = c.results[0]!;
    if (!aggregate(t)) return `result must be a vector, struct or array (got ${t.text})`;
    const n = t.kind === 'struct' ? t.fields.length : (t as { len: number }).len;
    if (c.operands.length !== n) return `${t.text} needs ${n} elements (got ${c.operands.length})`;
    for (let i = 0; i < n; i++) if (c.operands[i] !== memberType(t, i)) return `element ${i} must be ${memberType(t, i)!.text} (got ${c.operands[i]!.text})`;
    return undefined;
  },
};

export const valueOps = [constOp, zero, extract, insert, build];
defineOps(valueOps);
