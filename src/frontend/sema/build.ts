/**
 * Factories for checked-tree nodes, so that the invariants of checked.ts (types, categories,
 * folded constants) are established in one place.
 */
import type { Span } from '../../support/source.js';
import type { CExpr, ConstValue, ConversionKind } from './checked.js';
import { type AddressSpace, T, type Type, pointerTo } from './types.js';
import { foldConversion } from './consteval.js';

// constant values are immutable: the small ones are shared
const SMALL_INTS: readonly ConstValue[] = Array.from({ length: 257 }, (_, i) => Object.freeze({ kind: 'int' as const, value: BigInt(i) }));

export function constInt(type: Type, value: bigint, span: Span): CExpr {
  const v = value >= 0n && value <= 256n ? SMALL_INTS[Number(value)]! : { kind: 'int' as const, value };
  return { kind: 'const', value: v, of: undefined, type, category: 'rvalue', span };
}

export function constFloat(type: Type, value: number, span: Span): CExpr {
  return { kind: 'const', value: { kind: 'float', value }, of: undefined, type, category: 'rvalue', span };
}

export function constOf(type: Type, value: ConstValue, span: Span): CExpr {
  return { kind: 'const', value, of: undefined, type, category: 'rvalue', span };
}

export function errorExpr(span: Span): CExpr {
  return { kind: 'error', type: T.error, category: 'rvalue', span };
}

/** A conversion node; constants are folded instead (invariant 3). */
export function convert(conversion: ConversionKind, operand: CExpr, type: Type, explicit = false): CExpr {
  if (operand.kind === 'const') {
    const folded = foldConversion(operand.value, operand.type, type, conversion);
    if (folded) return { kind: 'const', value: folded, of: undefined, type, category: 'rvalue', span: operand.span };
  }
  const category = conversion === 'materialize' ? 'lvalue' : conversion === 'derived-to-base' ? operand.category : 'rvalue';
  return { kind: 'convert', conversion, operand, type, category, span: operand.span, explicit };
}

/** Where the object an lvalue designates lives (for the address space of `&x` and decay). */
export function spaceOf(e: CExpr): AddressSpace {
  switch (e.kind) {
    case 'var': return e.entity.type.kind === 'reference' ? 'generic' : e.entity.space;
    case 'member': return spaceOf(e.base);
    case 'index': return e.base.type.kind === 'pointer' ? e.base.type.space : 'generic';
    case 'deref': return e.operand.type.kind === 'pointer' ? e.operand.type.space : 'generic';
    case 'convert': return e.conversion === 'derived-to-base' ? spaceOf(e.operand) : 'local';
    case 'builtin-var': case 'string': return e.kind === 'string' ? 'constant' : 'local';
    default: return 'generic';
  }
}

/** The address of an lvalue: `&e` with the pointer's space where known. */
export function addressOf(e: CExpr, span: Span): CExpr {
  return { kind: 'address-of', operand: e, type: pointerTo(e.type, spaceOf(e)), category: 'rvalue', span };
}
