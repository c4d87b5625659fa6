/**
 * Built-in types as data: CUDA's vector types with their alignments, half precision, `dim3`,
 * the <stdint.h>/<stddef.h> typedefs and the CUDA runtime's handle and enum types.
 *
 * Vector alignments are CUDA's (vector_types.h): 1 lane → the element's alignment,
 * 2 lanes → twice the element size, 3 lanes → the element's alignment, 4 lanes → four times
 * the element size capped at 16. Confirmed with nvcc 13 on x86-64 (sizeof/alignof of every
 * type printed by a host program).
 */
import type { EnumInfo } from '../sema/entities.js';
import { freshId } from '../sema/entities.js';
import { T, type EnumType, type FloatType, type HalfType, type IntType, type Type, type VectorType, pointerTo } from '../sema/types.js';
import { VECTOR_TYPE_NAMES } from './names.js';

const VECTOR_ELEMENTS: Readonly<Record<string, IntType | FloatType>> = {
  char: T.schar, uchar: T.uchar, short: T.short, ushort: T.ushort, int: T.int, uint: T.uint,
  long: T.long, ulong: T.ulong, longlong: T.llong, ulonglong: T.ullong, float: T.float, double: T.double,
};

function vectorAlign(elementSize: number, count: number): number {
  if (count === 1 || count === 3) return elementSize;
  if (count === 2) return 2 * elementSize;
  return Math.min(4 * elementSize, 16);
}

function vector(name: string, element: IntType | FloatType | HalfType, count: 1 | 2 | 3 | 4, align?: number): VectorType {
  return Object.freeze({ kind: 'vector', name, element, count, align: align ?? vectorAlign(element.bits / 8, count) });
}

/** Every built-in vector type by name (`float4`, `uchar2`, `__half2`, `dim3` …). */
export const VECTOR_TYPES: ReadonlyMap<string, VectorType> = (() => {
  const m = new Map<string, VectorType>();
  for (const name of VECTOR_TYPE_NAMES) {
    const base = name.slice(0, -1);
    const count = Number(name.slice(-1)) as 1 | 2 | 3 | 4;
    m.set(name, vector(name, VECTOR_ELEMENTS[base]!, count));
  }
  m.set('__half2', vector('__half2', T.half, 2, 4));
  m.set('__nv_bfloat162', vector('__nv_bfloat162', T.bfloat16, 2, 4));
  m.set('dim3', vector('dim3', T.uint, 3, 4));
  return m;
})();

export const DIM3 = VECTOR_TYPES.get('dim3')!;
export const UINT3 = VECTOR_TYPES.get('uint3')!;

function enumType(name: string, underlying: IntType, enumerators: [string, number][]): EnumType {
  const info: EnumInfo = {
    id: freshId(), name, displayName: name, scoped: false, underlying, complete: true,
    enumerators: enumerators.map(([n, v]) => ({ name: n, value: BigInt(v) })),
  };
  return Object.freeze({ kind: 'enum', info });
}

/** cudaError_t with the codes host code compares against (as kcc's driver_types.h lists them). */
export const CUDA_ERROR = enumType('cudaError_t', T.uint, [
  ['cudaSuccess', 0], ['cudaErrorInvalidValue', 1], ['cudaErrorMemoryAllocation', 2], ['cudaErrorInitializationError', 3], ['cudaErrorCudartUnloading', 4], ['cudaErrorInvalidConfiguration', 9], ['cudaErrorInvalidPitchValue', 12], ['cudaErrorInvalidSymbol', 13], ['cudaErrorInvalidDevicePointer', 17], ['cudaErrorInvalidMemcpyDirection', 21], ['cudaErrorInsufficientDriver', 35], ['cudaErrorInvalidDeviceFunction', 98], ['cudaErrorNoDevice', 100], ['cudaErrorInvalidDevice', 101], ['cudaErrorInvalidKernelImage', 200], ['cudaErrorInvalidResourceHandle', 400], ['cudaErrorNotReady', 600], ['cudaErrorIllegalAddress', 700], ['cudaErrorLaunchOutOfResources', 701], ['cudaErrorLaunchTimeout', 702], ['cudaErrorAssert', 710], ['cudaErrorLaunchFailure', 719], ['cudaErrorNotSupported', 801], ['cudaErrorUnknown', 999],
]);

export const CUDA_MEMCPY_KIND = enumType('cudaMemcpyKind', T.uint, [
  ['cudaMemcpyHostToHost', 0], ['cudaMemcpyHostToDevice', 1], ['cudaMemcpyDeviceToHost', 2], ['cudaMemcpyDeviceToDevice', 3], ['cudaMemcpyDefault', 4],
]);

/** Opaque runtime handles are pointers to incomplete structs in CUDA; kcc uses `void *`-like handles. */
const HANDLE = pointerTo(T.void);

/** Typedef-like names that exist without a header (headers may redeclare them identically). */
export const BUILTIN_TYPEDEFS: ReadonlyMap<string, Type> = new Map<string, Type>([
  ...[...VECTOR_TYPES].map(([n, t]) => [n, t] as [string, Type]),
  ['__half', T.half], ['half', T.half], ['__nv_bfloat16', T.bfloat16], ['nv_bfloat16', T.bfloat16],
  ['half2', VECTOR_TYPES.get('__half2')!], ['nv_bfloat162', VECTOR_TYPES.get('__nv_bfloat162')!],
  ['size_t', T.ulong], ['ptrdiff_t', T.long], ['ssize_t', T.long], ['intptr_t', T.long], ['uintptr_t', T.ulong],
  ['int8_t', T.schar], ['uint8_t', T.uchar], ['int16_t', T.short], ['uint16_t', T.ushort],
  ['int32_t', T.int], ['uint32_t', T.uint], ['int64_t', T.long], ['uint64_t', T.ulong],
  ['intmax_t', T.long], ['uintmax_t', T.ulong], ['clock_t', T.long], ['time_t', T.long],
  ['cudaError_t', CUDA_ERROR], ['cudaError', CUDA_ERROR], ['cudaMemcpyKind', CUDA_MEMCPY_KIND],
  ['cudaStream_t', HANDLE], ['cudaEvent_t', HANDLE],
]);

/** Enumerators of the built-in enums (cudaSuccess, cudaMemcpyHostToDevice …). */
export const BUILTIN_ENUMERATORS: ReadonlyMap<string, { type: EnumType; value: bigint }> = new Map(
  [CUDA_ERROR, CUDA_MEMCPY_KIND].flatMap((t) => t.info.enumerators.map((e) => [e.name, { type: t, value: e.value }] as const)),
);
