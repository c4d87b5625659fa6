/**
 * Semantic types of the CUDA C++ subset, as semantic analysis computes them and lowering
 * consumes them.
 *
 * Types are immutable plain objects. Unqualified scalar types are singletons (`T.int`,
 * `T.float` …); qualified and derived types are built by the functions below and compared
 * structurally with `sameType` (records and enums by identity of their info object).
 * Qualifiers (`const`, `volatile`) sit on the type object itself, C++-style "cv T".
 *
 * Facts fixed here, as nvcc on x86-64 Linux has them: `char` is signed 8-bit, `long` is
 * 64-bit, `size_t` is `unsigned long`, `long double` is not supported in device code (it is
 * kept as its own name and treated as `double` with a diagnostic by the checker), `__half`
 * and `__nv_bfloat16` are 16-bit floating types that are not arithmetic types in the C++
 * sense (their operators come from the CUDA headers; see conversions.ts).
 */
import type { EnumInfo, RecordInfo } from './entities.js';

export type AddressSpace = 'generic' | 'global' | 'shared' | 'constant' | 'local';

export type IntName =
  | 'char' | 'signed char' | 'unsigned char'
  | 'short' | 'unsigned short'
  | 'int' | 'unsigned int'
  | 'long' | 'unsigned long'
  | 'long long' | 'unsigned long long'
  | 'wchar_t' | 'char16_t' | 'char32_t';

export interface Quals {
  readonly const?: boolean;
  readonly volatile?: boolean;
}

export type VoidType = Quals & { readonly kind: 'void' };
export type BoolType = Quals & { readonly kind: 'bool' };
export type IntType = Quals & {
  readonly kind: 'int';
  readonly name: IntName;
  readonly bits: 8 | 16 | 32 | 64;
  readonly signed: boolean;
  /** C's integer conversion rank: char 1, short 2, int 3, long 4, long long 5 */
  readonly rank: number;
};
export type FloatType = Quals & { readonly kind: 'float'; readonly name: 'float' | 'double'; readonly bits: 32 | 64 };
/** `__half` (IEEE binary16) and `__nv_bfloat16` */
export type HalfType = Quals & { readonly kind: 'half'; readonly name: '__half' | '__nv_bfloat16'; readonly format: 'f16' | 'bf16'; readonly bits: 16 };
/** CUDA's built-in vector structs (`float4`, `uchar2`, `__half2`, `dim3`…): fields x, y, z, w */
export type VectorType = Quals & {
  readonly kind: 'vector';
  readonly name: string;
  readonly element: IntType | FloatType | HalfType;
  readonly count: 1 | 2 | 3 | 4;
  readonly align: number;
};
export type PointerType = Quals & { readonly kind: 'pointer'; readonly pointee: Type; readonly space: AddressSpace; readonly restrict?: boolean };
export type ReferenceType = Quals & { readonly kind: 'reference'; readonly referent: Type; readonly rvalue: boolean };
/** `size` undefined: unknown bound (`extern __shared__ float s[]`, `int a[] = {…}` before deduction) */
export type ArrayType = Quals & { readonly kind: 'array'; readonly element: Type; readonly size: number | undefined };
export type RecordType = Quals & { readonly kind: 'record'; readonly record: RecordInfo };
export type EnumType = Quals & { readonly kind: 'enum'; readonly info: EnumInfo };
export type FunctionType = Quals & { readonly kind: 'function'; readonly result: Type; readonly params: readonly Type[]; readonly variadic: boolean };
export type NullptrType = Quals & { readonly kind: 'nullptr' };
/** poison: the type of an expression that already produced an error; never diagnosed again */
export type ErrorType = Quals & { readonly kind: 'error' };

export type Type =
  | VoidType | BoolType | IntType | FloatType | HalfType | VectorType
  | PointerType | ReferenceType | ArrayType | RecordType | EnumType
  | FunctionType | NullptrType | ErrorType;

export type ScalarType = BoolType | IntType | FloatType | HalfType;

function int(name: IntName, bits: 8 | 16 | 32 | 64, signed: boolean, rank: number): IntType {
  return Object.freeze({ kind: 'int', name, bits, signed, rank, const: false, volatile: false });
}

/** Unqualified singletons. */
export const T = Object.freeze({
  void: Object.freeze({ kind: 'void', const: false, volatile: false }) as VoidType,
  bool: Object.freeze({ kind: 'bool', const: false, volatile: false }) as BoolType,
  char: int('char', 8, true, 1),
  schar: int('signed char', 8, true, 1),
  uchar: int('unsigned char', 8, false, 1),
  short: int('short', 16, true, 2),
  ushort: int('unsigned short', 16, false, 2),
  int: int('int', 32, true, 3),
  uint: int('unsigned int', 32, false, 3),
  long: int('long', 64, true, 4),
  ulong: int('unsigned long', 64, false, 4),
  llong: int('long long', 64, true, 5),
  ullong: int('unsigned long long', 64, false, 5),
  wchar: int('wchar_t', 32, true, 3),
  char16: int('char16_t', 16, false, 2),
  char32: int('char32_t', 32, false, 3),
  float: Object.freeze({ kind: 'float', name: 'float', bits: 32, const: false, volatile: false }) as FloatType,
  double: Object.freeze({ kind: 'float', name: 'double', bits: 64, const: false, volatile: false }) as FloatType,
  half: Object.freeze({ kind: 'half', name: '__half', format: 'f16', bits: 16, const: false, volatile: false }) as HalfType,
  bfloat16: Object.freeze({ kind: 'half', name: '__nv_bfloat16', format: 'bf16', bits: 16, const: false, volatile: false }) as HalfType,
  nullptr: Object.freeze({ kind: 'nullptr', const: false, volatile: false }) as NullptrType,
  error: Object.freeze({ kind: 'error', const: false, volatile: false }) as ErrorType,
});

export const SIZE_T = T.ulong;
export const PTRDIFF_T = T.long;

const INT_BY_NAME: ReadonlyMap<string, IntType> = new Map(
  [T.char, T.schar, T.uchar, T.short, T.ushort, T.int, T.uint, T.long, T.ulong, T.llong, T.ullong, T.wchar, T.char16, T.char32].map((t) => [t.name, t]),
);

export function intByName(name: string): IntType | undefined {
  return INT_BY_NAME.get(name);
}

/** The integer type of a given width and signedness (the lowest rank that has it). */
export function intOf(bits: number, signed: boolean): IntType {
  switch (bits) {
    case 8: return signed ? T.schar : T.uchar;
    case 16: return signed ? T.short : T.ushort;
    case 32: return signed ? T.int : T.uint;
    default: return signed ? T.long : T.ulong;
  }
}

/** The unsigned type of the same rank (C's "corresponding unsigned type"). */
export function toUnsigned(t: IntType): IntType {
  if (!t.signed) return t;
  switch (t.name) {
    case 'char': case 'signed char': return T.uchar;
    case 'short': return T.ushort;
    case 'long': return T.ulong;
    case 'long long': return T.ullong;
    default: return T.uint;
  }
}

// ----------------------------------------------------------------------------------------
// Constructors

// every derived type carries explicit `const`/`volatile` fields: a property that is present
// is much cheaper to read than a missing one on V8's polymorphic paths
export function pointerTo(pointee: Type, space: AddressSpace = 'generic', restrict = false): PointerType {
  return { kind: 'pointer', pointee, space, restrict, const: false, volatile: false };
}

export function referenceTo(referent: Type, rvalue = false): ReferenceType {
  return { kind: 'reference', referent, rvalue, const: false, volatile: false };
}

export function arrayOf(element: Type, size: number | undefined): ArrayType {
  return { kind: 'array', element, size, const: false, volatile: false };
}

export function functionType(result: Type, params: readonly Type[], variadic = false): FunctionType {
  return { kind: 'function', result, params, variadic, const: false, volatile: false };
}

const SCALAR_KINDS: ReadonlySet<string> = new Set(['void', 'bool', 'int', 'float', 'half', 'vector', 'nullptr']);
const CONST_SCALARS = new Map<string, Type>();
/** frozen (process-wide) unqualified scalar → its `const` version, as CONST_SCALARS has it */
const CONST_BY_TYPE = new Map<Type, Type>();
const PLAIN_VECTORS = new Map<string, Type>();

/** `t` with the given qualifiers added (arrays: qualifies the element, as C++ does). */
export function qualified(t: Type, q: Quals): Type {
  if (!q.const && !q.volatile) return t;
  if (t.kind === 'array') return { ...t, element: qualified(t.element, q) };
  if (t.kind === 'reference' || t.kind === 'function' || t.kind === 'error') return t;
  if ((!q.const || t.const) && (!q.volatile || t.volatile)) return t;
  const c = !!(t.const || q.const);
  const v = !!(t.volatile || q.volatile);
  // qualified scalars are shared (`const int` is made once), derived types are built
  if (SCALAR_KINDS.has(t.kind) && !t.volatile && c && !v) {
    // by identity first (the singletons): no key string built per use
    let hit = CONST_BY_TYPE.get(t);
    if (hit) return hit;
    const key = `${t.kind}:${(t as { name?: string }).name ?? ''}`;
    hit = CONST_SCALARS.get(key);
    if (!hit) CONST_SCALARS.set(key, (hit = Object.freeze({ ...t, const: true, volatile: false }) as Type));
    if (Object.isFrozen(t)) CONST_BY_TYPE.set(t, hit);
    return hit;
  }
  return { ...t, const: c, volatile: v } as Type;
}

/** `qualified(t, { const: c, volatile: v })` without building the qualifier object on the common unqualified path. */
export function qualifiedCV(t: Type, c: boolean | undefined, v?: boolean): Type {
  if (!c && !v) return t;
  return qualified(t, { const: c, volatile: v });
}

/** `t` without top-level qualifiers. */
export function unqualified(t: Type): Type {
  if (!t.const && !t.volatile) return t;
  switch (t.kind) {
    case 'void': return T.void;
    case 'bool': return T.bool;
    case 'int': return INT_BY_NAME.get(t.name)!;
    case 'float': return t.bits === 32 ? T.float : T.double;
    case 'half': return t.format === 'f16' ? T.half : T.bfloat16;
    case 'nullptr': return T.nullptr;
    case 'vector': {
      let hit = PLAIN_VECTORS.get(t.name);
      if (!hit) PLAIN_VECTORS.set(t.name, (hit = Object.freeze({ ...t, const: false, volatile: false }) as Type));
      return hit;
    }
    default:
      return { ...t, const: false, volatile: false } as Type;
  }
}

// ----------------------------------------------------------------------------------------
// Predicates

export const isInteger = (t: Type): t is IntType | BoolType => t.kind === 'int' || t.kind === 'bool';
/** integer, bool or unscoped enum: what C++ calls an integral/unscoped-enumeration type */
export const isIntegral = (t: Type): boolean => t.kind === 'int' || t.kind === 'bool' || (t.kind === 'enum' && !t.info.scoped);
export const isFloating = (t: Type): t is FloatType => t.kind === 'float';
/** arithmetic in the C++ sense: built-in operators apply (not `__half`, which has operator overloads) */
export const isArithmetic = (t: Type): boolean => t.kind === 'int' || t.kind === 'bool' || t.kind === 'float' || (t.kind === 'enum' && !t.info.scoped);
export const isScalar = (t: Type): boolean =>
  isArithmetic(t) || t.kind === 'half' || t.kind === 'pointer' || t.kind === 'enum' || t.kind === 'nullptr';
export const isPointer = (t: Type): t is PointerType => t.kind === 'pointer';
export const isError = (t: Type): t is ErrorType => t.kind === 'error';
export const isVoid = (t: Type): boolean => t.kind === 'void';
export const isRecord = (t: Type): t is RecordType => t.kind === 'record';

/** the integer type an enum (or integer) is represented as */
export function integerRepr(t: Type): IntType | BoolType | undefined {
  if (t.kind === 'int' || t.kind === 'bool') return t;
  if (t.kind === 'enum') return t.info.underlying;
  return undefined;
}

/** Structural type identity; `quals` false ignores top-level qualifiers. */
export function sameType(a: Type, b: Type, quals = true): boolean {
  if (a === b) return true;
  if (a.kind !== b.kind) return false;
  if (quals && (!!a.const !== !!b.const || !!a.volatile !== !!b.volatile)) return false;
  switch (a.kind) {
    case 'int': return a.name === (b as IntType).name;
    case 'float': return a.bits === (b as FloatType).bits;
    case 'half': return a.format === (b as HalfType).format;
    case 'vector': return a.name === (b as VectorType).name;
    case 'pointer': return sameType(a.pointee, (b as PointerType).pointee);
    case 'reference': return a.rvalue === (b as ReferenceType).rvalue && sameType(a.referent, (b as ReferenceType).referent);
    case 'array': return a.size === (b as ArrayType).size && sameType(a.element, (b as ArrayType).element);
    case 'record': return a.record === (b as RecordType).record;
    case 'enum': return a.info === (b as EnumType).info;
    case 'function': {
      const f = b as FunctionType;
      return a.variadic === f.variadic && sameType(a.result, f.result) && a.params.length === f.params.length && a.params.every((p, i) => sameType(p, f.params[i]!));
    }
    default: return true;
  }
}

/** A stable string key of a type (memoisation of template instances). */
export function typeKey(t: Type): string {
  return typeToString(t) + (t.kind === 'record' ? `#${t.record.id}` : t.kind === 'enum' ? `#${t.info.id}` : '');
}

// ----------------------------------------------------------------------------------------
// Printing, as clang spells types in diagnostics: `const int`, `float *`, `int [4]`, `S`

export function typeToString(t: Type): string {
  return print(t, '');
}

function quals(t: Type): string {
  return (t.const ? 'const ' : '') + (t.volatile ? 'volatile ' : '');
}

function print(t: Type, inner: string): string {
  const withInner = (base: string) => (inner ? `${base} ${inner}` : base);
  switch (t.kind) {
    case 'pointer': {
      const q = (t.const ? ' const' : '') + (t.volatile ? ' volatile' : '') + (t.restrict ? ' __restrict__' : '');
      const needParens = t.pointee.kind === 'array' || t.pointee.kind === 'function';
      const s = `*${q.trim() ? q.trimStart() + (inner ? ' ' : '') : ''}${inner}`;
      return print(t.pointee, needParens ? `(${s})` : s);
    }
    case 'reference': {
      const s = `${t.rvalue ? '&&' : '&'}${inner}`;
      const needParens = t.referent.kind === 'array' || t.referent.kind === 'function';
      return print(t.referent, needParens ? `(${s})` : s);
    }
    case 'array':
      return print(t.element, `${inner}[${t.size ?? ''}]`);
    case 'function': {
      const params = t.params.map(typeToString).concat(t.variadic ? ['...'] : []).join(', ');
      return print(t.result, `${inner}(${params})`);
    }
    default:
      return withInner(quals(t) + baseName(t));
  }
}

function baseName(t: Type): string {
  switch (t.kind) {
    case 'void': return 'void';
    case 'bool': return 'bool';
    case 'int': return t.name;
    case 'float': return t.name;
    case 'half': return t.name;
    case 'vector': return t.name;
    case 'record': return t.record.displayName;
    case 'enum': return t.info.displayName;
    case 'nullptr': return 'std::nullptr_t';
    case 'error': return '<error type>';
    default: return '?';
  }
}
