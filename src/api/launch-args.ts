/**
 * Launch checks shared by every target: the launch configuration (grid/block as a number or
 * `[x]`, `[x, y]`, `[x, y, z]`; dynamic shared bytes) and each argument converted to its
 * parameter's type, as API.md requires:
 *
 *  - integers: a JS number must be an integer within the type's range (a fraction for an `int`
 *    is refused, not truncated; a 64-bit parameter refuses numbers past 2^53, which are not
 *    exact — pass a bigint); a bigint must fit; `true`/`false` are 1/0;
 *  - floats: a number (rounded to the type) or an exactly representable bigint;
 *  - pointers: a DeviceBuffer or view of this device, or null;
 *  - structs by value: a plain object with exactly the record's fields by name (nested records,
 *    fixed arrays and vector types likewise); encoded with the C layout of the frontend's record
 *    and read back as the KIR value, so field order, padding and bit-fields follow the source.
 *    Without C types (KIR input) a struct takes an array of its field values in order.
 *
 * Every refusal is a LaunchError naming the kernel, the argument and what was expected.
 */
import type { Type as CType, RecordType } from '../frontend/sema/types.js';
import { typeToString } from '../frontend/sema/types.js';
import { sizeOf as cSizeOf } from '../frontend/sema/layout.js';
import { type Type as KirType, layoutOf } from '../ir/index.js';
import { readValue } from '../ir/interp/memory.js';
import { f32ToBf16Bits, f32ToF16Bits } from '../support/half.js';
import { LaunchError } from './errors.js';
import type { KernelInfo, KernelParam } from './pipeline.js';

export type Dim3Arg = number | readonly number[];

/** `n` → [n,1,1]; `[x]`, `[x,y]`, `[x,y,z]` padded with 1; every entry a positive integer. */
export function normaliseDim(d: Dim3Arg | undefined, what: 'grid' | 'block', kernel: string): [number, number, number] {
  const arr = typeof d === 'number' ? [d] : Array.isArray(d) ? d : undefined;
  if (!arr || arr.length < 1 || arr.length > 3)
    throw new LaunchError('configuration', `${kernel}: ${what} must be a number or an array of 1 to 3 numbers, got ${describe(d)}`, kernel);
  const out: [number, number, number] = [arr[0] ?? 1, arr[1] ?? 1, arr[2] ?? 1];
  for (const x of out)
    if (typeof x !== 'number' || !Number.isInteger(x) || x < 1)
      throw new LaunchError('configuration', `${kernel}: ${what} dimensions must be positive integers, got [${arr.join(', ')}]`, kernel);
  return out;
}

/** How a pointer argument resolves: the pointer value, or a reason it is not a buffer of this device. */
export type PointerOf = (value: unknown) => number | string;

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (v === undefined) return 'undefined';
  if (typeof v === 'bigint') return `${v}n`;
  if (typeof v === 'string') return JSON.stringify(v);
  if (Array.isArray(v)) return `an array of ${v.length}`;
  if (ArrayBuffer.isView(v)) return `a ${v.constructor.name}`;
  if (typeof v === 'object') return (v as object).constructor?.name === 'Object' ? 'an object' : `a ${(v as object).constructor?.name ?? 'value'}`;
  return String(v);
}

const paramTypeText = (p: KernelParam): string => (p.ctype ? typeToString(p.ctype) : p.type.text);

/** The kernel's signature for messages: `saxpy(int n, float a, const float *x, float *y)`. */
export function signature(k: KernelInfo): string {
  return `${k.name}(${k.params.map((p) => `${paramTypeText(p)} ${p.name}`).join(', ')})`;
}

class Ctx {
  constructor(
    readonly kernel: string,
    readonly index: number,
    readonly param: KernelParam,
    readonly pointerOf: PointerOf,
  ) {}
  /** `elemType`: the type of the member at `path` (messages name it rather than the parameter's) */
  fail(path: string, problem: string, kind: 'argument-type' | 'argument-value' = 'argument-type', elemType?: string): never {
    const where = `argument ${this.index + 1} ('${this.param.name}${path}', ${path && elemType ? elemType : paramTypeText(this.param)})`;
    throw new LaunchError(kind, `${this.kernel}: ${where}: ${problem}`, this.kernel, this.index);
  }
}

/** Converts the arguments of a launch to KIR values; throws LaunchError. */
export function convertArgs(k: KernelInfo, args: readonly unknown[], pointerOf: PointerOf): unknown[] {
  if (!Array.isArray(args))
    throw new LaunchError('argument-count', `${k.name}: the arguments must be an array, got ${describe(args)}`, k.name);
  if (args.length !== k.params.length)
    throw new LaunchError('argument-count', `${k.name}: takes ${k.params.length} argument${k.params.length === 1 ? '' : 's'}, got ${args.length}; expected ${signature(k)}`, k.name);
  return k.params.map((p, i) => {
    const c = new Ctx(k.name, i, p, pointerOf);
    if (p.ctype && (p.type.kind === 'struct' || p.type.kind === 'array' || p.type.kind === 'vec')) return viaBytes(c, args[i], p.ctype, p.type);
    return kirValue(c, '', args[i], p.type);
  });
}

// ---- integers and floats ---------------------------------------------------------------------

function intValue(c: Ctx, path: string, v: unknown, bits: number, signed: boolean, typeName: string): bigint {
  let b: bigint;
  if (typeof v === 'boolean') b = v ? 1n : 0n;
  else if (typeof v === 'number') {
    if (!Number.isInteger(v)) c.fail(path, `${v} is not an integer`, 'argument-value', typeName);
    if (bits === 64 && !Number.isSafeInteger(v))
      c.fail(path, `${v} is past 2^53 and not exact as a number; pass a bigint for a 64-bit integer`, 'argument-value', typeName);
    b = BigInt(v);
  } else if (typeof v === 'bigint') b = v;
  else return c.fail(path, `expected an integer (number or bigint), got ${describe(v)}`, 'argument-type', typeName);
  const lo = signed ? -(1n << BigInt(bits - 1)) : 0n;
  const hi = signed ? (1n << BigInt(bits - 1)) - 1n : (1n << BigInt(bits)) - 1n;
  if (b < lo || b > hi) c.fail(path, `${describe(v)} does not fit in ${typeName} [${lo}, ${hi}]`, 'argument-value', typeName);
  return b;
}

function floatValue(c: Ctx, path: string, v: unknown, typeName?: string): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') {
    const n = Number(v);
    if (BigInt(n) !== v) c.fail(path, `${v}n is not exactly representable as a floating-point number`, 'argument-value', typeName);
    return n;
  }
  return c.fail(path, `expected a number, got ${describe(v)}`, 'argument-type', typeName);
}

function boolValue(c: Ctx, path: string, v: unknown): number {
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v === 0 || v === 1 || v === 0n || v === 1n) return Number(v);
  return c.fail(path, `expected a boolean (or 0/1), got ${describe(v)}`);
}

function pointerValue(c: Ctx, path: string, v: unknown): number {
  if (v === null) return 0;
  const p = c.pointerOf(v);
  if (typeof p === 'string') c.fail(path, p);
  return p;
}

/** A value of KIR type `t` from a JS value (KIR input, or scalars and pointers from source). */
function kirValue(c: Ctx, path: string, v: unknown, t: KirType): unknown {
  switch (t.kind) {
    case 'int': {
      const b = intValue(c, path, v, t.bits, t.signed, t.text);
      return t.bits === 64 ? b : Number(b);
    }
    case 'float': return floatValue(c, path, v, t.text);
    case 'bool': return boolValue(c, path, v);
    case 'ptr': return pointerValue(c, path, v);
    case 'vec': case 'array': {
      const items = sequence(c, path, v, t.len);
      return items.map((x, i) => kirValue(c, `${path}[${i}]`, x, t.elem));
    }
    case 'struct': {
      if (!Array.isArray(v)) c.fail(path, `expected an array of ${t.fields.length} field values (the kernel has no C field names), got ${describe(v)}`);
      if (v.length !== t.fields.length) c.fail(path, `expected ${t.fields.length} field values, got ${v.length}`);
      return t.fields.map((ft, i) => kirValue(c, `${path}.${i}`, v[i], ft));
    }
    default:
      return c.fail(path, `parameters of type ${t.text} cannot be passed`);
  }
}

function sequence(c: Ctx, path: string, v: unknown, len: number): unknown[] {
  const items = Array.isArray(v) ? v : ArrayBuffer.isView(v) && !(v instanceof DataView) ? Array.from(v as unknown as ArrayLike<unknown>) : undefined;
  if (!items) return c.fail(path, `expected an array of ${len}, got ${describe(v)}`);
  if (items.length !== len) c.fail(path, `expected ${len} elements, got ${items.length}`);
  return items;
}

// ---- aggregates by their C layout ------------------------------------------------------------

/** Encodes `v` with the C type's layout, then reads the bytes back as the KIR value. */
function viaBytes(c: Ctx, v: unknown, ctype: CType, t: KirType): unknown {
  const size = layoutOf(t).size;
  const csize = cSizeOf(ctype);
  if (csize !== size) throw new Error(`internal: ${paramTypeText(c.param)} is ${csize} bytes in C but ${size} in KIR (${t.text})`);
  const bytes = new Uint8Array(size);
  const dv = new DataView(bytes.buffer);
  encode(c, '', v, ctype, dv, 0);
  return readValue(dv, 0, t);
}

const VEC_FIELDS = ['x', 'y', 'z', 'w'] as const;

function encode(c: Ctx, path: string, v: unknown, t: CType, dv: DataView, off: number): void {
  switch (t.kind) {
    case 'bool': dv.setUint8(off, boolValue(c, path, v)); return;
    case 'enum': encode(c, path, v, t.info.underlying, dv, off); return;
    case 'int': {
      const b = intValue(c, path, v, t.bits, t.signed, typeToString(t));
      writeInt(dv, off, t.bits, b);
      return;
    }
    case 'float': {
      const x = floatValue(c, path, v, typeToString(t));
      if (t.bits === 32) dv.setFloat32(off, x, true);
      else dv.setFloat64(off, x, true);
      return;
    }
    case 'half': {
      const x = floatValue(c, path, v, typeToString(t));
      dv.setUint16(off, t.format === 'f16' ? f32ToF16Bits(x) : f32ToBf16Bits(x), true);
      return;
    }
    case 'pointer': case 'nullptr': {
      const p = pointerValue(c, path, v);
      dv.setUint32(off, p % 2 ** 32, true);
      dv.setUint32(off + 4, Math.floor(p / 2 ** 32), true);
      return;
    }
    case 'vector': {
      const es = cSizeOf(t.element);
      const names = VEC_FIELDS.slice(0, t.count);
      let items: unknown[];
      if (Array.isArray(v) || ArrayBuffer.isView(v)) items = sequence(c, path, v, t.count);
      else if (isPlainObject(v)) items = fieldsByName(c, path, v, names, typeToString(t));
      else return c.fail(path, `expected {${names.join(', ')}} or an array of ${t.count}, got ${describe(v)}`);
      items.forEach((x, i) => encode(c, `${path}.${names[i]}`, x, t.element, dv, off + i * es));
      return;
    }
    case 'array': {
      if (t.size === undefined) return c.fail(path, 'an array of unknown bound cannot be passed');
      const es = cSizeOf(t.element);
      sequence(c, path, v, t.size).forEach((x, i) => encode(c, `${path}[${i}]`, x, t.element, dv, off + i * es));
      return;
    }
    case 'record': encodeRecord(c, path, v, t, dv, off); return;
    default:
      c.fail(path, `values of type ${typeToString(t)} cannot be passed to a kernel`);
  }
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

function fieldsByName(c: Ctx, path: string, v: Record<string, unknown>, names: readonly string[], typeName: string): unknown[] {
  const missing = names.filter((n) => !Object.prototype.hasOwnProperty.call(v, n));
  if (missing.length) c.fail(path, `missing field${missing.length === 1 ? '' : 's'} ${missing.map((m) => `'${m}'`).join(', ')} of ${typeName} (fields: ${names.join(', ')})`);
  const extra = Object.keys(v).filter((k) => !names.includes(k));
  if (extra.length) c.fail(path, `${typeName} has no field${extra.length === 1 ? '' : 's'} ${extra.map((m) => `'${m}'`).join(', ')} (fields: ${names.join(', ')})`);
  return names.map((n) => v[n]);
}

/** All named data members, bases first, with their byte offsets. */
function recordFields(t: RecordType, base = 0): { name: string; type: CType; offset: number; bitWidth?: number; bitOffset?: number }[] {
  const r = t.record;
  const out: ReturnType<typeof recordFields> = [];
  r.bases.forEach((b, i) => out.push(...recordFields(b, base + (r.layout?.baseOffsets[i] ?? 0))));
  for (const f of r.fields) {
    if (!f.name) continue; // unnamed bit-fields: padding
    out.push({ name: f.name, type: f.type, offset: base + f.offset, ...(f.bitWidth !== undefined ? { bitWidth: f.bitWidth, bitOffset: f.bitOffset ?? 0 } : {}) });
  }
  return out;
}

function encodeRecord(c: Ctx, path: string, v: unknown, t: RecordType, dv: DataView, off: number): void {
  const name = typeToString(t);
  if (t.record.tag === 'union') return c.fail(path, `unions (${name}) cannot be passed by value`);
  const fields = recordFields(t);
  if (!isPlainObject(v)) return c.fail(path, `expected a plain object with the fields of ${name} (${fields.map((f) => f.name).join(', ')}), got ${describe(v)}`);
  const values = fieldsByName(c, path, v, fields.map((f) => f.name), name);
  fields.forEach((f, i) => {
    const p = `${path}.${f.name}`;
    if (f.bitWidth === undefined) return encode(c, p, values[i], f.type, dv, off + f.offset);
    // a bit-field: check the value against the field's width, merge it into its storage unit
    const it = f.type.kind === 'enum' ? f.type.info.underlying : f.type;
    if (it.kind !== 'int' && it.kind !== 'bool') return c.fail(p, 'unsupported bit-field type');
    const signed = it.kind === 'int' && it.signed;
    const b = intValue(c, p, values[i], f.bitWidth, signed, `${typeToString(f.type)} : ${f.bitWidth}`);
    const unitBits = cSizeOf(it) * 8;
    const cur = readInt(dv, off + f.offset, unitBits);
    const mask = ((1n << BigInt(f.bitWidth)) - 1n) << BigInt(f.bitOffset!);
    const next = (cur & ~mask) | ((BigInt.asUintN(f.bitWidth, b) << BigInt(f.bitOffset!)) & mask);
    writeInt(dv, off + f.offset, unitBits, next);
  });
}

function writeInt(dv: DataView, off: number, bits: number, b: bigint): void {
  switch (bits) {
    case 8: dv.setUint8(off, Number(BigInt.asUintN(8, b))); return;
    case 16: dv.setUint16(off, Number(BigInt.asUintN(16, b)), true); return;
    case 32: dv.setUint32(off, Number(BigInt.asUintN(32, b)), true); return;
    default: dv.setBigUint64(off, BigInt.asUintN(64, b), true);
  }
}

function readInt(dv: DataView, off: number, bits: number): bigint {
  switch (bits) {
    case 8: return BigInt(dv.getUint8(off));
    case 16: return BigInt(dv.getUint16(off, true));
    case 32: return BigInt(dv.getUint32(off, true));
    default: return dv.getBigUint64(off, true);
  }
}
