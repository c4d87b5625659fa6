/**
 * Declared entities: what a name in a scope stands for. The checked tree points at these
 * (a variable use points at its VarEntity, a call at its FunctionEntity or BuiltinFunction),
 * so they are part of the contract with lowering (see checked.ts).
 *
 * Entities are created by the declaration pass and completed as checking proceeds (a
 * function gets its `checked` body, a record its layout once its definition is complete).
 */
import type * as ast from '../ast.js';
import type { Span } from '../../support/source.js';
import type { BuiltinEntry, BuiltinSignature } from '../builtins/table.js';
import type { CheckedFunction, ConstValue } from './checked.js';
import type { Scope } from './scope.js';
import type { AddressSpace, BoolType, EnumType, FunctionType, IntType, RecordType, Type } from './types.js';

/** Where a function may run: nvcc's execution spaces. */
export type ExecSpace = 'host' | 'device' | 'global' | 'host-device';

export const runsOnDevice = (s: ExecSpace): boolean => s !== 'host';
export const runsOnHost = (s: ExecSpace): boolean => s === 'host' || s === 'host-device';

let nextId = 1;
/** Process-wide ids: unique within one check() run, stable in their order of creation. */
export function freshId(): number {
  return nextId++;
}

export type VarStorage =
  | 'local' // automatic variable in a function
  | 'param' // function parameter
  | 'global' // namespace-scope __device__ / __constant__ / __shared__ / host global
  | 'static' // function-scope `static` or `__shared__` (one object per block/program)
  | 'member'; // static data member of a record

export interface VarEntity {
  readonly kind: 'var';
  readonly id: number;
  readonly name: string;
  /** the declared type; a reference parameter keeps its reference type here */
  type: Type;
  readonly storage: VarStorage;
  /** where the object lives: `shared`, `constant`, `global` (__device__), `local` (automatic) */
  readonly space: AddressSpace;
  /** `extern __shared__ T s[]`: sized at launch */
  readonly dynamicShared?: boolean;
  /** set for `constexpr` and `const` variables whose initialiser is a constant */
  constValue?: ConstValue;
  readonly constexpr?: boolean;
  /** set for host-only globals (no __device__/__constant__/__shared__): not usable in device code */
  readonly hostOnly?: boolean;
  readonly decl?: ast.VarDecl | ast.ParamDecl;
  readonly span: Span;
}

export interface ParamInfo {
  readonly name?: string;
  readonly type: Type;
  readonly default?: ast.Expr;
  readonly span: Span;
}

export interface FunctionEntity {
  readonly kind: 'function';
  readonly id: number;
  readonly name: string;
  /** `ns::f`, `S::method`, `reduce<float, 256>` */
  qualifiedName: string;
  /** the first declaration (diagnostic notes point here) and the definition, once seen */
  readonly decl: ast.FunctionDecl;
  definition?: ast.FunctionDecl;
  space: ExecSpace;
  type: FunctionType;
  params: readonly ParamInfo[];
  /** the scope the function was declared in (bodies are checked in a child of it) */
  readonly scope: Scope;
  readonly owner?: RecordType;
  readonly isStatic?: boolean;
  readonly constMethod?: boolean;
  readonly ctor?: boolean;
  readonly dtor?: boolean;
  readonly constexpr?: boolean;
  readonly forceinline?: boolean;
  readonly noinline?: boolean;
  /** `__launch_bounds__(maxThreads, minBlocks)`, evaluated */
  launchBounds?: { readonly maxThreads: number; readonly minBlocks?: number };
  /** function templates: the parameters and memoised instances */
  readonly template?: FunctionTemplate;
  /** template instances: what they instantiate and with which arguments */
  readonly instanceOf?: { readonly template: FunctionEntity; readonly args: readonly TemplateArgValue[] };
  /** the template parameter scope an instance or a member of a class-template instance is checked in */
  readonly bindings?: Scope;
  /** set once the body has been checked */
  checked?: CheckedFunction;
  state: 'declared' | 'checking' | 'checked';
}

export interface FunctionTemplate {
  readonly params: readonly ast.TemplateParam[];
  readonly instances: Map<string, FunctionEntity>;
}

export type TemplateArgValue =
  | { readonly kind: 'type'; readonly type: Type }
  | { readonly kind: 'value'; readonly value: ConstValue; readonly type: Type };

export interface FieldInfo {
  readonly name: string;
  readonly type: Type;
  /** index among the record's fields (bases not counted) */
  readonly index: number;
  /** byte offset, set by layout */
  offset: number;
  /** bit-fields: width, and the bit offset within the storage unit at `offset` */
  readonly bitWidth?: number;
  bitOffset?: number;
  /** `__align__(n)` / `alignas(n)` on the member */
  readonly align?: number;
  readonly span: Span;
}

export interface RecordLayout {
  readonly size: number;
  readonly align: number;
  /** offset of each base subobject, in order of `bases` */
  readonly baseOffsets: readonly number[];
}

export interface RecordInfo {
  readonly id: number;
  readonly tag: ast.RecordTag;
  readonly name: string;
  /** as diagnostics print it: `S`, `ns::S`, `Vec<float, 4>`, `cooperative_groups::thread_block` */
  displayName: string;
  readonly fields: FieldInfo[];
  readonly bases: RecordType[];
  /** the member scope: fields, methods, static members, nested types */
  readonly scope: Scope;
  complete: boolean;
  layout?: RecordLayout;
  /** `struct __align__(16) S` */
  explicitAlign?: number;
  readonly decl?: ast.RecordDecl;
  readonly span?: Span;
  /** class-template instances */
  readonly instanceOf?: { readonly template: ClassTemplateEntity; readonly args: readonly TemplateArgValue[] };
  /** built-in records (cooperative groups): their kind and methods come from the tables */
  readonly builtin?: BuiltinRecordKind;
  /** built-in records: a value that is part of the type (`thread_block_tile<32>` → 32) */
  readonly builtinParam?: number;
  /** built-in records: element type of a functor (`cg::plus<float>` → float) */
  readonly builtinElement?: Type;
}

export type BuiltinRecordKind =
  | 'cg-thread-block' | 'cg-tile' | 'cg-thread-group' | 'cg-grid-group' | 'cg-coalesced-group' | 'cg-op'
  | 'numeric-limits' | 'opaque';

export interface EnumInfo {
  readonly id: number;
  readonly name: string;
  displayName: string;
  readonly scoped: boolean;
  underlying: IntType | BoolType;
  readonly enumerators: { readonly name: string; readonly value: bigint }[];
  complete: boolean;
  readonly span?: Span;
}

export interface TypeEntity {
  readonly kind: 'type';
  readonly name: string;
  readonly type: Type;
  readonly span?: Span;
}

export interface ClassTemplateEntity {
  readonly kind: 'class-template';
  readonly id: number;
  readonly name: string;
  readonly qualifiedName: string;
  readonly decl?: ast.RecordDecl;
  readonly params: readonly ast.TemplateParam[];
  readonly scope: Scope;
  readonly instances: Map<string, RecordType>;
  /** built-in templates (thread_block_tile, cg::plus …) build their instances themselves */
  readonly builtin?: (args: readonly TemplateArgValue[]) => RecordType | string;
  readonly span?: Span;
}

export interface AliasTemplateEntity {
  readonly kind: 'alias-template';
  readonly name: string;
  readonly decl: ast.TypedefDecl;
  readonly params: readonly ast.TemplateParam[];
  readonly scope: Scope;
}

export interface NamespaceEntity {
  readonly kind: 'namespace';
  readonly name: string;
  readonly scope: Scope;
}

export interface EnumeratorEntity {
  readonly kind: 'enumerator';
  readonly name: string;
  readonly value: bigint;
  readonly type: EnumType;
  readonly span?: Span;
}

/** A named constant: a template value parameter bound in an instance. */
export interface ConstEntity {
  readonly kind: 'const';
  readonly name: string;
  readonly value: ConstValue;
  readonly type: Type;
}

/** A built-in function family from the tables (all overloads of one name in one namespace). */
export interface BuiltinFunction {
  readonly kind: 'builtin';
  readonly name: string;
  readonly entry: BuiltinEntry;
  readonly signatures: readonly BuiltinSignature[];
}

export type BuiltinVarName = 'threadIdx' | 'blockIdx' | 'blockDim' | 'gridDim' | 'warpSize' | 'stdout' | 'stderr' | 'stdin';

/** threadIdx, blockIdx, blockDim, gridDim, warpSize (device); stdout, stderr, stdin (host) */
export interface BuiltinVarEntity {
  readonly kind: 'builtin-var';
  readonly name: BuiltinVarName;
  readonly type: Type;
  readonly space: 'device' | 'host';
}

export type Entity =
  | VarEntity
  | FunctionEntity
  | TypeEntity
  | ClassTemplateEntity
  | AliasTemplateEntity
  | NamespaceEntity
  | EnumeratorEntity
  | ConstEntity
  | BuiltinFunction
  | BuiltinVarEntity;
