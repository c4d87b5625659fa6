/**
 * Memory ops. Pointers are typed and carry their address space (`ptr<shared, f32>`).
 * Address arithmetic is explicit and analysable: `ptradd %p, %i` is p + i·sizeof(pointee)
 * (one GEP index: the form provenance and affine analyses read as root + index),
 * `fieldptr N` moves to a struct field or vector element, `elemptr` indexes into an array.
 * `load`/`store` have an optional `align` (default: the type's natural alignment) and the
 * `volatile` flag. Address-space rules: nothing is stored through `constant`; `alloca` gives
 * `local`; `addrspacecast` goes to or from `generic` only.
 */
import { ADDRESS_SPACES, type PtrType, type Type, isInt, isPtr, memberType, ptr, u64 } from '../types.js';
import { noResults } from './rules.js';
import { type OpDef, defineOps } from './table.js';

const alignAttr = { kind: 'int', doc: 'alignment in bytes (a power of two); default natural' } as const;
const pow2 = (n: unknown) => n === undefined || (typeof n === 'number' && n > 0 && (n & (n - 1)) === 0);
const memOp = (d: Omit<OpDef, 'family'>): OpDef => ({ family: 'memory', ...d });

export const memoryOps: OpDef[] = [
  memOp({
    name: 'alloca', summary: 'per-thread local storage for one value of the pointee type (locals, local arrays)', operands: 0, results: 1,
    attrs: { align: alignAttr }, pure: false, effect: 'none',
    typing: (c) => {
      const r = c.results[0]!;
      if (!isPtr(r) || r.space !== 'local') return `result must be a ptr<local, T> (got ${r.text})`;
      return pow2(c.attrs.align) ? undefined : 'align must be a power of two';
    },
  }),
  memOp({
    name: 'load', summary: 'load the pointee', operands: 1, results: 1,
    attrs: { volatile: { kind: 'flag' }, align: alignAttr, bitfield: { kind: 'flag', doc: "the read of a bit-field store's read-modify-write of its storage unit: its bytes need not be initialised (C reads none of them)" } }, pure: false, effect: 'read',
    typing: (c) => {
      const p = c.operands[0]!;
      if (!isPtr(p)) return `operand must be a pointer (got ${p.text})`;
      if (p.pointee.kind === 'void') return 'cannot load through a void pointer';
      if (c.results[0] !== p.pointee) return `result must be ${p.pointee.text}`;
      return pow2(c.attrs.align) ? undefined : 'align must be a power of two';
    },
    infer: (ts) => (isPtr(ts[0]!) ? [ts[0].pointee] : undefined),
  }),
  memOp({
    name: 'store', summary: 'store %v, %p', operands: 2, results: 0, attrs: { volatile: { kind: 'flag' }, align: alignAttr }, pure: false, effect: 'write',
    typing: (c) => {
      const [v, p] = c.operands;
      if (!isPtr(p!)) return `second operand must be a pointer (got ${p!.text})`;
      if (p.space === 'constant') return 'address-space: cannot store through a constant pointer';
      if (v !== p.pointee) return `stored value must be ${p.pointee.text} (got ${v!.text})`;
      return noResults(c) ?? (pow2(c.attrs.align) ? undefined : 'align must be a power of two');
    },
  }),
  memOp({
    name: 'ptradd', summary: 'p + i·sizeof(pointee), i a signed or unsigned integer', operands: 2, results: 1, attrs: { inbounds: { kind: 'flag', doc: 'stays inside its allocation' } }, pure: true, effect: 'none',
    typing: (c) => {
      const [p, i] = c.operands;
      if (!isPtr(p!)) return `first operand must be a pointer (got ${p!.text})`;
      if (!isInt(i!)) return `offset must be an integer (got ${i!.text})`;
      return c.results[0] === p ? undefined : `result must be ${p.text}`;
    },
    infer: (ts) => [ts[0]!],
  }),
  memOp({
    name: 'fieldptr', summary: 'pointer to field/element `index` of the pointee struct or vector', primary: 'index', operands: 1, results: 1,
    attrs: { index: { kind: 'int', required: true } }, pure: true, effect: 'none',
    typing: (c) => {
      const p = c.operands[0]!;
      if (!isPtr(p) || (p.pointee.kind !== 'struct' && p.pointee.kind !== 'vec')) return `operand must point to a struct or vector (got ${p.text})`;
      const m = memberType(p.pointee, c.attrs.index as number);
      if (!m) return `index ${String(c.attrs.index)} is out of range for ${p.pointee.text}`;
      return c.results[0] === ptr(p.space, m) ? undefined : `result must be ${ptr(p.space, m).text}`;
    },
    infer: (ts, a) => {
      const p = ts[0] as PtrType;
      const m = isPtr(p) ? memberType(p.pointee, a.index as number) : undefined;
      return m && [ptr(p.space, m)];
    },
  }),
  memOp({
    name: 'elemptr', summary: 'pointer to element %i of the pointee array (array decay plus index)', operands: 2, results: 1, attrs: {}, pure: true, effect: 'none',
    typing: (c) => {
      const [p, i] = c.operands;
      if (!isPtr(p!) || p.pointee.kind !== 'array') return `operand must point to an array (got ${p!.text})`;
      if (!isInt(i!)) return `index must be an integer (got ${i!.text})`;
      const r = ptr(p.space, p.pointee.elem);
      return c.results[0] === r ? undefined : `result must be ${r.text}`;
    },
    infer: (ts) => {
      const p = ts[0] as PtrType;
      return isPtr(p) && p.pointee.kind === 'array' ? [ptr(p.space, p.pointee.elem)] : undefined;
    },
  }),
  memOp({
    name: 'addressof', summary: 'the address of a module global: `addressof @tile : ptr<shared, [256 x f32]>`', primary: 'sym', operands: 0, results: 1,
    attrs: { sym: { kind: 'symbol', required: true } }, pure: true, effect: 'none',
    typing: (c) => (isPtr(c.results[0]!) ? undefined : 'result must be a pointer'),
  }),
  memOp({
    name: 'dyn_shared', summary: 'the start of the block\'s dynamic shared memory (`extern __shared__ T s[]`)', operands: 0, results: 1, attrs: {}, pure: true, effect: 'none',
    typing: (c) => {
      const r = c.results[0]!;
      return isPtr(r) && r.space === 'shared' ? undefined : 'result must be a ptr<shared, T>';
    },
  }),
  memOp({
    name: 'addrspacecast', summary: 'a pointer into another address space: to `generic`, or from `generic` to a specific space', operands: 1, results: 1, attrs: {}, pure: true, effect: 'none',
    typing: (c) => {
      const a = c.operands[0]!, r = c.results[0]!;
      if (!isPtr(a) || !isPtr(r)) return 'operand and result must be pointers';
      if (a.pointee !== r.pointee) return 'addrspacecast keeps the pointee type';
      if (a.space !== 'generic' && r.space !== 'generic') return `address-space: cast from ${a.space} to ${r.space} must go through generic`;
      return undefined;
    },
  }),
  memOp({
    name: 'ptrcast', summary: 'the same address with another pointee type (reinterpret_cast)', operands: 1, results: 1, attrs: {}, pure: true, effect: 'none',
    typing: (c) => {
      const a = c.operands[0]!, r = c.results[0]!;
      if (!isPtr(a) || !isPtr(r)) return 'operand and result must be pointers';
      return a.space === r.space ? undefined : 'ptrcast keeps the address space (use addrspacecast)';
    },
  }),
  memOp({
    name: 'ptrtoint', summary: 'a pointer as a u64/i64 integer', operands: 1, results: 1, attrs: {}, pure: true, effect: 'none',
    typing: (c) => (isPtr(c.operands[0]!) && isInt(c.results[0]!) && c.results[0].bits === 64 ? undefined : 'ptrtoint takes a pointer and gives a 64-bit integer'),
    infer: () => [u64],
  }),
  memOp({
    name: 'inttoptr', summary: 'a 64-bit integer as a pointer', operands: 1, results: 1, attrs: {}, pure: true, effect: 'none',
    typing: (c) => (isInt(c.operands[0]!) && c.operands[0].bits === 64 && isPtr(c.results[0]!) ? undefined : 'inttoptr takes a 64-bit integer and gives a pointer'),
  }),
];

export const SCOPES = ['block', 'device', 'system'] as const;
export const ORDERS = ['relaxed', 'acquire', 'release', 'acq_rel', 'seq_cst'] as const;
export const RMW_OPS = ['add', 'sub', 'xchg', 'min', 'max', 'and', 'or', 'xor', 'inc', 'dec'] as const;
const ATOMIC_SPACES = new Set(['global', 'shared', 'generic']);

function atomicPtr(p: Type): string | undefined {
  if (!isPtr(p)) return `first operand must be a pointer (got ${p.text})`;
  if (!ATOMIC_SPACES.has(p.space)) return `address-space: atomics need a global, shared or generic pointer (got ${p.space})`;
  return undefined;
}

export const atomicOps: OpDef[] = [
  {
    name: 'atomic.rmw', family: 'atomic', summary: 'atomic read-modify-write; returns the old value. inc/dec are CUDA\'s wrapping atomicInc/atomicDec (operand = limit)',
    primary: 'op', operands: 2, results: 1, pure: false, effect: 'readwrite',
    attrs: { op: { kind: RMW_OPS, required: true }, scope: { kind: SCOPES }, order: { kind: ORDERS } },
    typing: (c) => {
      const [p, v] = c.operands;
      const e = atomicPtr(p!);
      if (e) return e;
      const pt = (p as PtrType).pointee;
      if (v !== pt) return `value must be ${pt.text} (got ${v!.text})`;
      const op = c.attrs.op as string;
      const isF = pt.kind === 'float';
      if (pt.kind !== 'int' && !isF) return `atomics need an integer or float pointee (got ${pt.text})`;
      if (isF && !['add', 'sub', 'xchg', 'min', 'max'].includes(op)) return `atomic ${op} needs an integer pointee`;
      if ((op === 'inc' || op === 'dec') && !(pt.kind === 'int' && !pt.signed && pt.bits === 32)) return `atomic ${op} needs a u32 pointee`;
      return c.results[0] === pt ? undefined : `result must be ${pt.text}`;
    },
    infer: (ts) => [ts[1]!],
  },
  {
    name: 'atomic.cas', family: 'atomic', summary: 'atomic.cas %p, %expected, %new: returns the old value', operands: 3, results: 1, pure: false, effect: 'readwrite',
    attrs: { scope: { kind: SCOPES }, order: { kind: ORDERS } },
    typing: (c) => {
      const [p, a, b] = c.operands;
      const e = atomicPtr(p!);
      if (e) return e;
      const pt = (p as PtrType).pointee;
      if (pt.kind !== 'int' || pt.bits < 16) return `atomic.cas needs a 16/32/64-bit integer pointee (got ${pt.text})`;
      if (a !== pt || b !== pt) return `compare and new values must be ${pt.text}`;
      return c.results[0] === pt ? undefined : `result must be ${pt.text}`;
    },
    infer: (ts) => [ts[1]!],
  },
  {
    name: 'fence', family: 'atomic', summary: 'memory fence (__threadfence_block / __threadfence / __threadfence_system)', primary: 'scope',
    operands: 0, results: 0, pure: false, effect: 'sync', attrs: { scope: { kind: SCOPES, required: true }, order: { kind: ORDERS } },
    typing: noResults,
  },
];

export const addressSpaces = ADDRESS_SPACES;
defineOps([...memoryOps, ...atomicOps]);
