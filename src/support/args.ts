/**
 * Kernel argument specifications: the `--arg SPEC` grammar of API.md, shared by `kcc run`,
 * `kcc sim`, `kcc diff` and the test harnesses (examples/cases.ts is written in it).
 *
 * Grammar (whitespace around the whole spec is ignored; none is allowed inside):
 *
 *   spec    = type '=' scalar                    scalar argument      i32=1024  f32=2.5  u64=0xff
 *           | type '[' count ']' ('=' init)?     buffer of COUNT      f32[1000]=rand:7
 *   type    = 'i8'|'u8'|'i16'|'u16'|'i32'|'u32'|'i64'|'u64'|'f16'|'bf16'|'f32'|'f64'
 *   count   = decimal integer ≥ 0
 *   init    = 'zeros'                             all zero (the default)
 *           | 'ones'                              all one
 *           | 'iota'                              0, 1, 2, …  (integers wrap modulo 2^bits, as
 *                                                 C's conversion to the element type does;
 *                                                 f16/bf16 round to nearest even past 2^11/2^8)
 *           | 'rand' (':' seed)?                  pseudo-random, seed 0 when omitted (see below)
 *           | '@' path                            raw little-endian file of exactly COUNT elements
 *           | scalar (',' scalar)*                exactly COUNT values (shorter or longer: error)
 *   scalar  = integer: ['+'|'-'] (decimal | '0x' hex | '0b' binary), in the type's range
 *           | float: a JS/C decimal or hex-free float literal ('2.5', '-1e-3', '.5', '3.'),
 *             or 'inf', '+inf', '-inf', 'nan' (also 'Infinity', 'NaN'); an 'f' suffix is allowed
 *
 * `rand:SEED` draws from mulberry32 (src/support/prng.ts) seeded with SEED, one draw per element
 * in index order (two for f64):
 *  - float types: uniform in [-1, 1) on a grid that is exact in the element type (2^24 points
 *    for f32, 2^11 for f16, 2^8 for bf16, 2^53 for f64), so no value rounds up to 1.0;
 *  - signed integer types: uniform integers in [-128, 127];
 *  - unsigned integer types: uniform integers in [0, 255].
 *   The integer range is the same for every width (it is the range of i8/u8), so a buffer
 *   reads the same whatever the type, and sums of up to 2^23 elements cannot overflow an i32.
 *
 * Scalar values: integers must be integral and fit the type (i64/u64 values are kept as bigint
 * so 64-bit values are exact); floating values are kept as written (a JS number) and rounded to
 * the type when used (`materializeScalar`), as the launch API converts a number to the
 * parameter's type. Comma-list elements of a buffer follow the same rules, except that 64-bit
 * integer list elements must be exact JS numbers (|v| ≤ 2^53); larger ones go through `@PATH`.
 */

import { readFileSync } from 'node:fs';
import { f32ToF16Bits, f32ToBf16Bits, f16BitsToF32, bf16BitsToF32 } from './half.js';
import { Mulberry32 } from './prng.js';

export type ScalarType =
  | 'i8' | 'u8' | 'i16' | 'u16' | 'i32' | 'u32' | 'i64' | 'u64'
  | 'f16' | 'bf16' | 'f32' | 'f64';

export type BufferInit =
  | { kind: 'zeros' }
  | { kind: 'ones' }
  | { kind: 'iota' }
  | { kind: 'rand'; seed: number }
  | { kind: 'file'; path: string }
  | { kind: 'list'; values: number[] };

export type ArgSpec =
  | { kind: 'scalar'; type: ScalarType; value: number | bigint }
  | { kind: 'buffer'; type: ScalarType; count: number; init: BufferInit };

export type BufferArgSpec = Extract<ArgSpec, { kind: 'buffer' }>;
export type ScalarArgSpec = Extract<ArgSpec, { kind: 'scalar' }>;

export type TypedArray =
  | Int8Array | Uint8Array | Int16Array | Uint16Array | Int32Array | Uint32Array
  | BigInt64Array | BigUint64Array | Float32Array | Float64Array;

/** A malformed or out-of-range spec; the message names the spec and the problem. */
export class ArgSpecError extends Error {
  override name = 'ArgSpecError';
}

export interface ScalarTypeInfo {
  /** bytes per element */
  readonly size: number;
  readonly kind: 'int' | 'float';
  readonly signed: boolean;
  /** bit width, for integers */
  readonly bits: number;
}

/** The element types, as data: size, class and signedness. */
export const SCALAR_TYPES: Readonly<Record<ScalarType, ScalarTypeInfo>> = {
  i8: { size: 1, kind: 'int', signed: true, bits: 8 },
  u8: { size: 1, kind: 'int', signed: false, bits: 8 },
  i16: { size: 2, kind: 'int', signed: true, bits: 16 },
  u16: { size: 2, kind: 'int', signed: false, bits: 16 },
  i32: { size: 4, kind: 'int', signed: true, bits: 32 },
  u32: { size: 4, kind: 'int', signed: false, bits: 32 },
  i64: { size: 8, kind: 'int', signed: true, bits: 64 },
  u64: { size: 8, kind: 'int', signed: false, bits: 64 },
  f16: { size: 2, kind: 'float', signed: true, bits: 16 },
  bf16: { size: 2, kind: 'float', signed: true, bits: 16 },
  f32: { size: 4, kind: 'float', signed: true, bits: 32 },
  f64: { size: 8, kind: 'float', signed: true, bits: 64 },
};

export function isScalarType(s: string): s is ScalarType {
  return Object.prototype.hasOwnProperty.call(SCALAR_TYPES, s);
}

const TYPE_LIST = Object.keys(SCALAR_TYPES).join(' ');

/** A zero-filled typed array of the element type: f16/bf16 → Uint16Array bit patterns. */
export function typedArrayFor(type: ScalarType, length: number): TypedArray {
  switch (type) {
    case 'i8': return new Int8Array(length);
    case 'u8': return new Uint8Array(length);
    case 'i16': return new Int16Array(length);
    case 'u16': case 'f16': case 'bf16': return new Uint16Array(length);
    case 'i32': return new Int32Array(length);
    case 'u32': return new Uint32Array(length);
    case 'i64': return new BigInt64Array(length);
    case 'u64': return new BigUint64Array(length);
    case 'f32': return new Float32Array(length);
    case 'f64': return new Float64Array(length);
  }
}

// ---------------------------------------------------------------------------------------------
// Parsing

function fail(spec: string, problem: string): never {
  throw new ArgSpecError(`invalid argument spec '${spec}': ${problem}`);
}

// integer = sign? (0x hex | 0b bin | decimal)
const INT_RE = /^([+-]?)(0[xX][0-9a-fA-F]+|0[bB][01]+|[0-9]+)$/;
// float = sign? (digits [. digits?] | . digits) exponent? f?
const FLOAT_RE = /^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?[fF]?$/;

function intRange(type: ScalarType): [bigint, bigint] {
  const { bits, signed } = SCALAR_TYPES[type];
  return signed
    ? [-(1n << BigInt(bits - 1)), (1n << BigInt(bits - 1)) - 1n]
    : [0n, (1n << BigInt(bits)) - 1n];
}

/** Parses one value of `type`; integers as bigint, floats as number. */
function parseValue(spec: string, type: ScalarType, text: string): number | bigint {
  if (text === '') fail(spec, `missing ${type} value`);
  if (SCALAR_TYPES[type].kind === 'int') {
    const m = INT_RE.exec(text);
    if (!m) {
      const hint = FLOAT_RE.test(text) || /^[+-]?(inf|nan)/i.test(text) ? ` (${type} takes an integer)` : '';
      fail(spec, `'${text}' is not an integer${hint}`);
    }
    const mag = BigInt(m[2]!);
    const v = m[1] === '-' ? -mag : mag;
    const [lo, hi] = intRange(type);
    if (v < lo || v > hi) fail(spec, `${text} is out of range for ${type} [${lo}, ${hi}]`);
    return v;
  }
  const lower = text.toLowerCase();
  if (lower === 'inf' || lower === '+inf' || lower === 'infinity' || lower === '+infinity') return Infinity;
  if (lower === '-inf' || lower === '-infinity') return -Infinity;
  if (lower === 'nan' || lower === '+nan' || lower === '-nan') return NaN;
  if (!FLOAT_RE.test(text)) fail(spec, `'${text}' is not a ${type} number`);
  return Number(text.replace(/[fF]$/, ''));
}

/** Parses one `--arg` spec (see the grammar at the top of this file). */
export function parseArgSpec(text: string): ArgSpec {
  const spec = text.trim();
  if (spec === '') fail(text, 'empty spec (expected TYPE=VALUE or TYPE[COUNT][=INIT])');
  const m = /^([A-Za-z0-9_]+)(\[([^\]]*)\])?(=(.*))?$/s.exec(spec);
  if (!m) fail(spec, 'expected TYPE=VALUE or TYPE[COUNT][=INIT]');
  const typeName = m[1]!;
  if (!isScalarType(typeName)) fail(spec, `unknown type '${typeName}' (expected one of ${TYPE_LIST})`);
  const type = typeName;
  const rhs = m[4] !== undefined ? m[5]! : undefined;

  if (m[2] === undefined) {
    if (rhs === undefined) fail(spec, `a scalar needs a value (${type}=VALUE), a buffer a count (${type}[COUNT])`);
    let value = parseValue(spec, type, rhs);
    // 64-bit integers stay bigint (exact); narrower integers are exact as numbers.
    if (typeof value === 'bigint' && SCALAR_TYPES[type].bits < 64) value = Number(value);
    return { kind: 'scalar', type, value };
  }

  const countText = m[3]!;
  if (!/^[0-9]+$/.test(countText)) fail(spec, `buffer count '${countText}' is not a non-negative integer`);
  const count = Number(countText);
  if (!Number.isSafeInteger(count)) fail(spec, `buffer count ${countText} is too large`);
  if (rhs === undefined) return { kind: 'buffer', type, count, init: { kind: 'zeros' } };
  return { kind: 'buffer', type, count, init: parseInit(spec, type, count, rhs) };
}

function parseInit(spec: string, type: ScalarType, count: number, rhs: string): BufferInit {
  if (rhs === 'zeros') return { kind: 'zeros' };
  if (rhs === 'ones') return { kind: 'ones' };
  if (rhs === 'iota') return { kind: 'iota' };
  if (rhs === 'rand') return { kind: 'rand', seed: 0 };
  if (rhs.startsWith('rand:')) {
    const s = rhs.slice(5);
    if (!/^[0-9]+$/.test(s) || Number(s) > 0xffffffff) fail(spec, `seed '${s}' is not an integer in [0, 4294967295]`);
    return { kind: 'rand', seed: Number(s) };
  }
  if (rhs.startsWith('@')) {
    const path = rhs.slice(1);
    if (path === '') fail(spec, "'@' needs a file path");
    return { kind: 'file', path };
  }
  if (rhs === '') fail(spec, 'missing initialiser after \'=\' (zeros, ones, iota, rand[:SEED], @PATH or a comma list)');
  const items = rhs.split(',');
  const values: number[] = [];
  for (const item of items) {
    if (/^[a-z]+$/i.test(item) && !/^(inf|infinity|nan)$/i.test(item)) {
      fail(spec, `unknown initialiser '${item}' (expected zeros, ones, iota, rand[:SEED], @PATH or a comma list)`);
    }
    const v = parseValue(spec, type, item);
    if (typeof v === 'bigint') {
      if (v > BigInt(Number.MAX_SAFE_INTEGER) || v < -BigInt(Number.MAX_SAFE_INTEGER)) {
        fail(spec, `list value ${item} is not exact as a number (use @PATH for 64-bit values past 2^53)`);
      }
      values.push(Number(v));
    } else {
      values.push(v);
    }
  }
  if (values.length !== count) {
    fail(spec, `the list has ${values.length} value${values.length === 1 ? '' : 's'} but the buffer has ${count} elements`);
  }
  return { kind: 'list', values };
}

/** Parses several specs (one per kernel parameter, in order). */
export function parseArgSpecs(texts: readonly string[]): ArgSpec[] {
  return texts.map(parseArgSpec);
}

// ---------------------------------------------------------------------------------------------
// Formatting

function formatNumber(type: ScalarType, v: number | bigint): string {
  if (typeof v === 'bigint') return v.toString();
  if (Number.isNaN(v)) return 'nan';
  if (v === Infinity) return 'inf';
  if (v === -Infinity) return '-inf';
  if (Object.is(v, -0)) return SCALAR_TYPES[type].kind === 'float' ? '-0' : '0';
  // String(v) is the shortest text that reads back as the same double; it may use an
  // exponent ('1e+21', '5e-7'), which FLOAT_RE accepts, and integer types only get integers.
  return String(v);
}

/** The canonical text of a spec; `parseArgSpec(formatArgSpec(s))` equals `s`. */
export function formatArgSpec(spec: ArgSpec): string {
  if (spec.kind === 'scalar') return `${spec.type}=${formatNumber(spec.type, spec.value)}`;
  const head = `${spec.type}[${spec.count}]`;
  const init = spec.init;
  switch (init.kind) {
    case 'zeros': return head;
    case 'ones': return `${head}=ones`;
    case 'iota': return `${head}=iota`;
    case 'rand': return `${head}=rand:${init.seed}`;
    case 'file': return `${head}=@${init.path}`;
    case 'list': return `${head}=${init.values.map((v) => formatNumber(spec.type, v)).join(',')}`;
  }
}

// ---------------------------------------------------------------------------------------------
// Materialising

/** Stores the number `v` into element i of an array of `type` (f16/bf16 as rounded bits). */
function store(type: ScalarType, out: TypedArray, i: number, v: number): void {
  switch (type) {
    case 'f16': (out as Uint16Array)[i] = f32ToF16Bits(v); return;
    case 'bf16': (out as Uint16Array)[i] = f32ToBf16Bits(v); return;
    case 'i64': (out as BigInt64Array)[i] = BigInt.asIntN(64, BigInt(v)); return;
    case 'u64': (out as BigUint64Array)[i] = BigInt.asUintN(64, BigInt(v)); return;
    default:
      // Integer typed arrays wrap modulo 2^bits on store (ToInt32 & co.), as C's conversion to
      // an unsigned type does; float arrays round to nearest.
      (out as Float64Array)[i] = v;
  }
}

/** Significand precision of each float type, for exact `rand` draws. */
const PRECISION: Partial<Record<ScalarType, number>> = { f16: 11, bf16: 8, f32: 24, f64: 53 };

/**
 * Fills a buffer as its spec says. f16/bf16 come back as Uint16Array bit patterns, i64/u64 as
 * BigInt64Array/BigUint64Array. `readFile` (default: fs.readFileSync) serves `@PATH`.
 */
export function materializeBuffer(
  spec: BufferArgSpec,
  readFile: (p: string) => Uint8Array = (p) => readFileSync(p),
): TypedArray {
  const { type, count, init } = spec;
  const text = formatArgSpec(spec);
  const out = typedArrayFor(type, count);
  switch (init.kind) {
    case 'zeros':
      return out;
    case 'ones':
      for (let i = 0; i < count; i++) store(type, out, i, 1);
      return out;
    case 'iota':
      for (let i = 0; i < count; i++) store(type, out, i, i);
      return out;
    case 'list':
      if (init.values.length !== count) {
        fail(text, `the list has ${init.values.length} values but the buffer has ${count} elements`);
      }
      for (let i = 0; i < count; i++) {
        const v = init.values[i]!;
        if (SCALAR_TYPES[type].kind === 'int') checkInt(text, type, v);
        store(type, out, i, v);
      }
      return out;
    case 'rand': {
      const rng = new Mulberry32(init.seed);
      const info = SCALAR_TYPES[type];
      for (let i = 0; i < count; i++) {
        const v = info.kind === 'float'
          ? rng.nextUnitBits(PRECISION[type]!)
          : info.signed ? rng.nextByte() - 128 : rng.nextByte();
        store(type, out, i, v);
      }
      return out;
    }
    case 'file': {
      let bytes: Uint8Array;
      try {
        bytes = readFile(init.path);
      } catch (e) {
        fail(text, `cannot read '${init.path}': ${(e as Error).message}`);
      }
      const want = count * SCALAR_TYPES[type].size;
      if (bytes.byteLength !== want) {
        fail(text, `'${init.path}' has ${bytes.byteLength} bytes, expected ${want} (${count} × ${type})`);
      }
      // Copy through a DataView so the result is little-endian whatever the host, and aligned.
      const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      readLittleEndian(type, dv, out);
      return out;
    }
  }
}

function checkInt(spec: string, type: ScalarType, v: number): void {
  if (!Number.isInteger(v)) fail(spec, `${v} is not an integer (${type})`);
  const [lo, hi] = intRange(type);
  const b = BigInt(v);
  if (b < lo || b > hi) fail(spec, `${v} is out of range for ${type} [${lo}, ${hi}]`);
}

function readLittleEndian(type: ScalarType, dv: DataView, out: TypedArray): void {
  const n = out.length;
  for (let i = 0; i < n; i++) {
    switch (type) {
      case 'i8': (out as Int8Array)[i] = dv.getInt8(i); break;
      case 'u8': (out as Uint8Array)[i] = dv.getUint8(i); break;
      case 'i16': (out as Int16Array)[i] = dv.getInt16(2 * i, true); break;
      case 'u16': case 'f16': case 'bf16': (out as Uint16Array)[i] = dv.getUint16(2 * i, true); break;
      case 'i32': (out as Int32Array)[i] = dv.getInt32(4 * i, true); break;
      case 'u32': (out as Uint32Array)[i] = dv.getUint32(4 * i, true); break;
      case 'i64': (out as BigInt64Array)[i] = dv.getBigInt64(8 * i, true); break;
      case 'u64': (out as BigUint64Array)[i] = dv.getBigUint64(8 * i, true); break;
      case 'f32': (out as Float32Array)[i] = dv.getFloat32(4 * i, true); break;
      case 'f64': (out as Float64Array)[i] = dv.getFloat64(8 * i, true); break;
    }
  }
}

/**
 * The value a kernel parameter of the spec's type receives: integers checked and kept exact
 * (bigint for 64-bit), floats rounded to the type (f16/bf16 as their value, not their bits).
 */
export function materializeScalar(spec: ScalarArgSpec): number | bigint {
  const { type, value } = spec;
  const text = formatArgSpec(spec);
  const info = SCALAR_TYPES[type];
  if (info.kind === 'int') {
    const b = typeof value === 'bigint' ? value : Number.isInteger(value) ? BigInt(value) : fail(text, `${value} is not an integer (${type})`);
    const [lo, hi] = intRange(type);
    if (b < lo || b > hi) fail(text, `${value} is out of range for ${type} [${lo}, ${hi}]`);
    return info.bits === 64 ? b : Number(b);
  }
  const v = Number(value);
  switch (type) {
    case 'f16': return f16BitsToF32(f32ToF16Bits(v));
    case 'bf16': return bf16BitsToF32(f32ToBf16Bits(v));
    case 'f32': return Math.fround(v);
    default: return v;
  }
}

/** Materialises every spec: buffers as typed arrays, scalars as their typed values. */
export function materializeArgs(
  specs: readonly ArgSpec[],
  readFile?: (p: string) => Uint8Array,
): (TypedArray | number | bigint)[] {
  return specs.map((s) => (s.kind === 'buffer' ? materializeBuffer(s, readFile) : materializeScalar(s)));
}

/**
 * Element values as plain numbers (f16/bf16 bit patterns decoded; 64-bit integers as numbers,
 * exact up to 2^53) — for summaries, JSON output and tolerance comparisons.
 */
export function bufferValues(type: ScalarType, data: ArrayLike<number | bigint>): number[] {
  const out = new Array<number>(data.length);
  for (let i = 0; i < data.length; i++) {
    const v = data[i]!;
    out[i] = type === 'f16' ? f16BitsToF32(Number(v)) : type === 'bf16' ? bf16BitsToF32(Number(v)) : Number(v);
  }
  return out;
}
