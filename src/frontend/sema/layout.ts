/**
 * The one C layout of every type: size, alignment and field offsets as nvcc lays them out
 * for x86-64 Linux (the System V ABI, which device code shares with the host so that structs
 * can be copied between them). KIR reuses these numbers; nothing else computes a layout.
 *
 * Rules: scalars are naturally aligned (bool/char 1, short 2, int/float 4, long/long long/
 * double/pointers 8, __half 2); vector types use CUDA's alignments (builtins/types.ts);
 * a record's fields are placed in order at the next multiple of their alignment, a union's
 * all at 0; the record's alignment is the largest member alignment (raised by `__align__(n)`
 * on the record or a member) and its size is rounded up to it; an empty record has size 1;
 * bases come first, an empty base taking no space (the empty-base optimisation).
 * Bit-fields follow the SysV rule: a bit-field is placed at the current bit offset unless it
 * would straddle a storage unit of its declared type, in which case it starts the next one;
 * a zero-width bit-field aligns to its type.
 */
import type { FieldInfo, RecordInfo } from './entities.js';
import type { Type } from './types.js';

export function sizeOf(t: Type): number {
  switch (t.kind) {
    case 'bool': return 1;
    case 'int': return t.bits / 8;
    case 'float': return t.bits / 8;
    case 'half': return 2;
    case 'vector': return vectorSize(t.element.bits / 8, t.count, t.align);
    case 'pointer': case 'nullptr': return 8;
    case 'reference': return 8;
    case 'array': return t.size === undefined ? 0 : t.size * sizeOf(t.element);
    case 'record': return t.record.layout?.size ?? 0;
    case 'enum': return t.info.underlying.kind === 'bool' ? 1 : t.info.underlying.bits / 8;
    default: return 1; // void, function, error (GNU: sizeof(void) == 1); callers diagnose
  }
}

export function alignOf(t: Type): number {
  switch (t.kind) {
    case 'vector': return t.align;
    case 'array': return alignOf(t.element);
    case 'record': return t.record.layout?.align ?? 1;
    default: return sizeOf(t);
  }
}

function vectorSize(elementSize: number, count: number, align: number): number {
  return roundUp(elementSize * count, align);
}

export function roundUp(n: number, align: number): number {
  return Math.ceil(n / align) * align;
}

/** Lay out a complete record: sets field offsets and `record.layout`. */
export function layoutRecord(record: RecordInfo): void {
  let align = 1;
  let size = 0;
  let dataEnd = 0; // bytes used so far (structs)
  let bitPos = 0; // structs: the next free bit
  const baseOffsets: number[] = [];
  const isUnion = record.tag === 'union';

  for (const base of record.bases) {
    const info = base.record;
    const a = info.layout?.align ?? 1;
    align = Math.max(align, a);
    const empty = info.fields.length === 0 && info.bases.every((b) => b.record.fields.length === 0);
    if (empty) {
      baseOffsets.push(0);
      continue;
    }
    const off = roundUp(dataEnd, a);
    baseOffsets.push(off);
    dataEnd = off + (info.layout?.size ?? 0);
    bitPos = dataEnd * 8;
  }

  for (const f of record.fields) {
    const a = Math.max(alignOf(f.type), f.align ?? 1);
    const s = sizeOf(f.type);
    if (f.bitWidth !== undefined) {
      placeBitField(f, s, isUnion ? 0 : bitPos);
      if (isUnion) size = Math.max(size, Math.ceil(f.bitWidth / 8));
      else bitPos = f.offset * 8 + (f.bitOffset ?? 0) + f.bitWidth;
      if (f.bitWidth > 0 || !isUnion) align = Math.max(align, f.bitWidth > 0 ? a : 1);
      dataEnd = Math.ceil(bitPos / 8);
      continue;
    }
    align = Math.max(align, a);
    if (isUnion) {
      f.offset = 0;
      size = Math.max(size, s);
    } else {
      const off = roundUp(Math.ceil(bitPos / 8), a);
      f.offset = off;
      dataEnd = off + s;
      bitPos = dataEnd * 8;
    }
  }
  if (record.explicitAlign) align = Math.max(align, record.explicitAlign);
  const raw = isUnion ? size : dataEnd;
  record.layout = { size: Math.max(1, roundUp(raw, align)), align, baseOffsets };
}

function placeBitField(f: FieldInfo, unitBytes: number, bitPos: number): void {
  const unitBits = unitBytes * 8;
  const width = f.bitWidth!;
  let start = bitPos;
  if (width === 0) start = roundUp(bitPos, unitBits);
  else if (Math.floor(start / unitBits) !== Math.floor((start + width - 1) / unitBits)) start = roundUp(start, unitBits);
  const unitStart = Math.floor(start / unitBits) * unitBits;
  f.offset = unitStart / 8;
  f.bitOffset = start - unitStart;
  if (width === 0) f.bitOffset = 0;
}

/** The byte offset of a field within its record (after layout). */
export function fieldOffset(f: FieldInfo): number {
  return f.offset;
}
