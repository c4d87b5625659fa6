/**
 * KIR types: interned, so two structurally equal types are the same object and `===` compares
 * them. Signedness is part of an integer type (`i32` ≠ `u32`): WGSL needs it and it decides
 * what `div`, `rem`, `shr`, `cmp lt`, `min`, `max` mean, so there are no `sdiv`/`udiv` pairs.
 *
 * Layout: ONE C layout for every consumer — sizes, alignments and field offsets as nvcc lays
 * them out on x86-64 (LP64): pointers are 8 bytes, `i1` is stored as one byte, a vector of n
 * elements has size n·e and alignment n·e when n is a power of two (CUDA's float2 = 8,
 * float4 = 16, double2 = 16), else e (float3 = 12 bytes, align 4); a struct places each field
 * at the next multiple of its alignment, has the largest field alignment (or the explicit
 * `__align__(N)` override when larger) and is padded to a multiple of it.
 *
 * Text: `void i1 i8 i16 i32 i64 u8 u16 u32 u64 f16 bf16 f32 f64`, `<4 x f32>`, `[16 x f32]`,
 * `{f32, i32}`, `{f32, f32; align 16}`, `ptr<global, f32>`.
 */

export type AddressSpace = 'global' | 'shared' | 'local' | 'constant' | 'generic' | 'host';
export const ADDRESS_SPACES: readonly AddressSpace[] = ['global', 'shared', 'local', 'constant', 'generic', 'host'];

export type IntBits = 8 | 16 | 32 | 64;
export type FloatKind = 'f16' | 'bf16' | 'f32' | 'f64';

export interface VoidType { readonly kind: 'void'; readonly text: string }
export interface BoolType { readonly kind: 'bool'; readonly text: string }
export interface IntType { readonly kind: 'int'; readonly bits: IntBits; readonly signed: boolean; readonly text: string }
export interface FloatType { readonly kind: 'float'; readonly fkind: FloatKind; readonly bits: 16 | 32 | 64; readonly text: string }
export interface VecType { readonly kind: 'vec'; readonly len: number; readonly elem: ScalarType; readonly text: string }
export interface ArrayType { readonly kind: 'array'; readonly len: number; readonly elem: Type; readonly text: string }
export interface StructType {
  readonly kind: 'struct';
  readonly fields: readonly Type[];
  /** explicit `__align__(N)`; 0 when none */
  readonly alignOverride: number;
  readonly text: string;
}
export interface PtrType { readonly kind: 'ptr'; readonly space: AddressSpace; readonly pointee: Type; readonly text: string }

export type ScalarType = BoolType | IntType | FloatType;
export type Type = VoidType | BoolType | IntType | FloatType | VecType | ArrayType | StructType | PtrType;

const interned = new Map<string, Type>();
function intern<T extends Type>(t: T): T {
  const prev = interned.get(t.text);
  if (prev) return prev as T;
  interned.set(t.text, t);
  return t;
}

export const voidT: VoidType = intern({ kind: 'void', text: 'void' });
export const i1: BoolType = intern({ kind: 'bool', text: 'i1' });
function int(bits: IntBits, signed: boolean): IntType {
  return intern({ kind: 'int', bits, signed, text: `${signed ? 'i' : 'u'}${bits}` });
}
export const i8 = int(8, true), i16 = int(16, true), i32 = int(32, true), i64 = int(64, true);
export const u8 = int(8, false), u16 = int(16, false), u32 = int(32, false), u64 = int(64, false);
function flt(fkind: FloatKind, bits: 16 | 32 | 64): FloatType {
  return intern({ kind: 'float', fkind, bits, text: fkind });
}
export const f16 = flt('f16', 16), bf16 = flt('bf16', 16), f32 = flt('f32', 32), f64 = flt('f64', 64);

export function intType(bits: IntBits, signed: boolean): IntType {
  return int(bits, signed);
}

export function vec(elem: ScalarType, len: number): VecType {
  if (!Number.isInteger(len) || len < 1) throw new Error(`internal: bad vector length ${len}`);
  return intern({ kind: 'vec', len, elem, text: `<${len} x ${elem.text}>` });
}

export function array(elem: Type, len: number): ArrayType {
  if (!Number.isInteger(len) || len < 0) throw new Error(`internal: bad array length ${len}`);
  return intern({ kind: 'array', len, elem, text: `[${len} x ${elem.text}]` });
}

export function struct(fields: readonly Type[], alignOverride = 0): StructType {
  const body = fields.map((f) => f.text).join(', ');
  const text = alignOverride ? `{${body}; align ${alignOverride}}` : `{${body}}`;
  return intern({ kind: 'struct', fields: [...fields], alignOverride, text });
}

export function ptr(space: AddressSpace, pointee: Type): PtrType {
  return intern({ kind: 'ptr', space, pointee, text: `ptr<${space}, ${pointee.text}>` });
}

/** Scalar types by name (for the parser and tests). */
export const SCALARS: ReadonlyMap<string, Type> = new Map(
  [voidT, i1, i8, i16, i32, i64, u8, u16, u32, u64, f16, bf16, f32, f64].map((t) => [t.text, t]),
);

// ---- predicates ----------------------------------------------------------------------------

export const isInt = (t: Type): t is IntType => t.kind === 'int';
export const isFloat = (t: Type): t is FloatType => t.kind === 'float';
export const isBool = (t: Type): t is BoolType => t.kind === 'bool';
export const isPtr = (t: Type): t is PtrType => t.kind === 'ptr';
export const isScalar = (t: Type): t is ScalarType => t.kind === 'int' || t.kind === 'float' || t.kind === 'bool';
/** the element type of a vector, else the type itself */
export const scalarOf = (t: Type): Type => (t.kind === 'vec' ? t.elem : t);
export const isIntLike = (t: Type): boolean => isInt(scalarOf(t));
export const isFloatLike = (t: Type): boolean => isFloat(scalarOf(t));
export const isBoolLike = (t: Type): boolean => isBool(scalarOf(t));
export const isAggregate = (t: Type): boolean => t.kind === 'array' || t.kind === 'struct';
/** the same shape with a different scalar: `<4 x f32>` with i1 gives `<4 x i1>` */
export function withScalar(t: Type, s: ScalarType): Type {
  return t.kind === 'vec' ? vec(s, t.len) : s;
}
/** bit width of a scalar (i1 counts 1) */
export function bitWidth(t: Type): number {
  if (t.kind === 'int' || t.kind === 'float') return t.bits;
  if (t.kind === 'bool') return 1;
  if (t.kind === 'ptr') return 64;
  if (t.kind === 'vec') return t.len * bitWidth(t.elem);
  throw new Error(`internal: no bit width for ${t.text}`);
}

// ---- layout --------------------------------------------------------------------------------

export interface Layout {
  readonly size: number;
  readonly align: number;
  /** byte offset of each field (structs) */
  readonly offsets?: readonly number[];
}

const layouts = new WeakMap<Type, Layout>();
const roundUp = (n: number, a: number) => Math.ceil(n / a) * a;
const isPow2 = (n: number) => n > 0 && (n & (n - 1)) === 0;

/** The C layout of a type as nvcc gives it on x86-64. */
export function layoutOf(t: Type): Layout {
  const cached = layouts.get(t);
  if (cached) return cached;
  let l: Layout;
  switch (t.kind) {
    case 'void': l = { size: 1, align: 1 }; break; // sizeof(void) as GNU C: byte arithmetic on void*
    case 'bool': l = { size: 1, align: 1 }; break;
    case 'int': case 'float': l = { size: t.bits / 8, align: t.bits / 8 }; break;
    case 'ptr': l = { size: 8, align: 8 }; break;
    case 'vec': {
      const e = layoutOf(t.elem);
      const size = e.size * t.len;
      l = { size, align: isPow2(t.len) ? Math.min(size, 16) : e.align };
      break;
    }
    case 'array': {
      const e = layoutOf(t.elem);
      l = { size: e.size * t.len, align: e.align };
      break;
    }
    case 'struct': {
      let off = 0;
      let align = 1;
      const offsets: number[] = [];
      for (const f of t.fields) {
        const fl = layoutOf(f);
        off = roundUp(off, fl.align);
        offsets.push(off);
        off += fl.size;
        align = Math.max(align, fl.align);
      }
      align = Math.max(align, t.alignOverride || 1);
      l = { size: roundUp(off, align), align, offsets };
      break;
    }
  }
  layouts.set(t, l);
  return l;
}

export const sizeOf = (t: Type): number => layoutOf(t).size;
export const alignOf = (t: Type): number => layoutOf(t).align;

/** the type of element/field `index` of an aggregate or vector, or undefined */
export function memberType(t: Type, index: number): Type | undefined {
  if (t.kind === 'struct') return t.fields[index];
  if (t.kind === 'array' || t.kind === 'vec') return index >= 0 && index < t.len ? t.elem : undefined;
  return undefined;
}

/** byte offset of element/field `index` */
export function memberOffset(t: Type, index: number): number {
  if (t.kind === 'struct') return layoutOf(t).offsets![index]!;
  if (t.kind === 'array' || t.kind === 'vec') return index * sizeOf(t.elem);
  throw new Error(`internal: ${t.text} has no members`);
}
