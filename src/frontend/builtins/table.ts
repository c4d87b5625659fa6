/**
 * The shape of the built-in tables, and the small signature language they are written in.
 *
 * Each family file (math.ts, atomics.ts, warp.ts …) exports an array of BuiltinEntry: a name,
 * its overloads as C-like signature strings, where it may run, a category, and `lowersTo`,
 * the id lowering maps it to (a KIR op or runtime routine, e.g. 'math.sin', 'atomic.add').
 * Signatures are parsed once per process (see index.ts).
 *
 * Signature language: `R(P1, P2, ...)`, each type a C type spelling (`unsigned long long`,
 * `const float *`, `float4`, `__half2`, `size_t`, `cudaError_t`), with:
 *   - `T`         a type variable, deduced from the arguments (constraint in `entry.T`);
 *   - `P=value`   a default argument (numbers only), filled in by the checker;
 *   - `...`       C varargs (default argument promotions apply);
 *   - `group`, `tile`, `cgop`: any cooperative-groups group / tile / reduction functor.
 */
import type { ConstValue } from '../sema/checked.js';
import { T as Ty, type Type, arrayOf, intByName, pointerTo, qualified, referenceTo } from '../sema/types.js';

export type BuiltinSpace = 'device' | 'host' | 'both';

export type BuiltinCategory =
  | 'math' | 'math-fast' | 'int-intrinsic' | 'bit-cast' | 'conversion' | 'sync' | 'atomic' | 'warp'
  | 'half' | 'vector' | 'io' | 'timer' | 'memory' | 'coop-groups' | 'runtime' | 'libc' | 'misc';

/** What a type variable `T` may be bound to. */
export type TypeVarConstraint = 'any' | 'arith' | 'integer' | 'floating' | 'scalar';

export interface BuiltinEntry {
  readonly name: string;
  /**
   * Where the name is declared: '' (global namespace, the default), 'std',
   * 'cooperative_groups', or a built-in record kind for methods ('cg-tile', 'cg-thread-block',
   * 'cg-group' = every group).
   */
  readonly ns?: string;
  /** also visible as `std::name` (the C++ <cmath>/<algorithm> forms) */
  readonly std?: boolean;
  readonly sigs: readonly string[];
  readonly space: BuiltinSpace;
  readonly category: BuiltinCategory;
  readonly lowersTo: string;
  readonly T?: TypeVarConstraint;
  /** needs one explicit template value argument: `tiled_partition<32>(g)` */
  readonly templateValue?: boolean;
  /** recognised but outside kcc's subset: using it is an error with this reason */
  readonly unsupported?: string;
  /** math functions: integer arguments choose the double overload (C++ <cmath>'s rule) */
  readonly integerToDouble?: boolean;
}

export type SigType =
  | { readonly t: 'type'; readonly type: Type }
  | { readonly t: 'var' }
  | { readonly t: 'ptr'; readonly pointee: SigType; readonly const: boolean }
  | { readonly t: 'ref'; readonly referent: SigType; readonly const: boolean }
  | { readonly t: 'group' | 'tile' | 'cgop' };

export interface BuiltinSignature {
  readonly text: string;
  readonly result: SigType;
  readonly params: readonly SigType[];
  readonly defaults: readonly (ConstValue | undefined)[];
  readonly variadic: boolean;
  /** mentions `T` or a pattern: resolved per call */
  readonly generic: boolean;
}

const MULTIWORD = ['unsigned long long', 'unsigned long', 'unsigned int', 'unsigned short', 'unsigned char', 'signed char', 'long long', 'long double'];

/** Parse one signature; `named` resolves non-C type names (float4, size_t, thread_block …). */
export function parseSignature(text: string, named: (name: string) => Type | undefined): BuiltinSignature {
  const open = text.indexOf('(');
  if (open < 0 || !text.endsWith(')')) throw new Error(`internal: bad builtin signature '${text}'`);
  const result = parseType(text.slice(0, open), named, text);
  const inner = text.slice(open + 1, -1).trim();
  const params: SigType[] = [];
  const defaults: (ConstValue | undefined)[] = [];
  let variadic = false;
  if (inner && inner !== 'void') {
    for (const raw of inner.split(',')) {
      const p = raw.trim();
      if (p === '...') {
        variadic = true;
        continue;
      }
      const eq = p.indexOf('=');
      if (eq >= 0) {
        const v = p.slice(eq + 1).trim();
        defaults.push(/^-?\d+$/.test(v) ? { kind: 'int', value: BigInt(v) } : { kind: 'float', value: Number(v) });
        params.push(parseType(p.slice(0, eq), named, text));
      } else {
        defaults.push(undefined);
        params.push(parseType(p, named, text));
      }
    }
  }
  const generic = [result, ...params].some(isGeneric);
  return { text, result, params, defaults, variadic, generic };
}

function isGeneric(s: SigType): boolean {
  switch (s.t) {
    case 'type': return false;
    case 'ptr': return isGeneric(s.pointee);
    case 'ref': return isGeneric(s.referent);
    default: return true;
  }
}

function parseType(src: string, named: (name: string) => Type | undefined, sig: string): SigType {
  let s = src.trim();
  // suffixes, outermost last: `const float *`, `T **`, `const T &`
  if (s.endsWith('&')) {
    const inner = s.slice(0, -1).trim();
    const isConst = inner.startsWith('const ');
    const referent = parseType(isConst ? inner.slice(6) : inner, named, sig);
    return referent.t === 'type' ? { t: 'type', type: referenceTo(qualified(referent.type, { const: isConst })) } : { t: 'ref', referent, const: isConst };
  }
  if (s.endsWith('*')) {
    const inner = s.slice(0, -1).trim();
    const isConst = inner.startsWith('const ') && !inner.slice(6).includes('*');
    const pointee = parseType(isConst ? inner.slice(6) : inner, named, sig);
    return pointee.t === 'type' ? { t: 'type', type: pointerTo(qualified(pointee.type, { const: isConst })) } : { t: 'ptr', pointee, const: isConst };
  }
  let isConst = false;
  if (s.startsWith('const ')) {
    isConst = true;
    s = s.slice(6).trim();
  }
  if (s === 'T') return { t: 'var' };
  if (s === 'group' || s === 'tile' || s === 'cgop') return { t: s };
  const arr = /^(.*)\[(\d+)\]$/.exec(s);
  if (arr) {
    const el = parseType(arr[1]!, named, sig);
    if (el.t !== 'type') throw new Error(`internal: generic array in builtin signature '${sig}'`);
    return { t: 'type', type: arrayOf(el.type, Number(arr[2])) };
  }
  const type = basicType(s) ?? named(s);
  if (!type) throw new Error(`internal: unknown type '${s}' in builtin signature '${sig}'`);
  return { t: 'type', type: qualified(type, { const: isConst }) };
}

function basicType(s: string): Type | undefined {
  const norm = s.replace(/\s+/g, ' ');
  switch (norm) {
    case 'void': return Ty.void;
    case 'bool': return Ty.bool;
    case 'float': return Ty.float;
    case 'double': return Ty.double;
    case 'unsigned': return Ty.uint;
    case 'signed': return Ty.int;
    default:
      if (MULTIWORD.includes(norm) || !norm.includes(' ')) return intByName(norm);
      return undefined;
  }
}
