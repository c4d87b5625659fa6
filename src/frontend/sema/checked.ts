/**
 * The checked tree: what semantic analysis hands to lowering (frontend/lower → KIR).
 *
 * A new tree, built from the AST without modifying it. INVARIANTS (lowering may rely on each):
 *
 *  1. Every node has a `span` (the AST node's, so diagnostics and KIR locations point at
 *     source) and every expression a semantic `type` and `category` ('lvalue' | 'rvalue').
 *     An expression's type is never a reference type: a reference-typed variable or call
 *     result is an lvalue of the referent type (C++'s rule).
 *  2. No implicit conversion is left implicit. Wherever C++ converts, there is a `convert`
 *     node naming the ConversionKind. In particular every read of an lvalue where a value is
 *     needed is a `convert` of kind 'load' (clang's LValueToRValue): an rvalue position never
 *     holds an lvalue node. Operand types of `binary`, `compare`, `assign` … are already
 *     the operation's types (the usual arithmetic conversions were applied).
 *  3. Names are resolved: `var` points at its VarEntity (locals, parameters, globals, function
 *     `__shared__`), `call` at the chosen FunctionEntity (a concrete template instance, never
 *     a template), `builtin-call` at the BuiltinFunction and the chosen overload's signature.
 *     Enumerators, template value parameters, `sizeof`/`alignof`, and `constexpr`/const
 *     scalar variables with constant initialisers are folded to `const` nodes. Integer
 *     operations whose operands are all constants are folded (wrapping to the type's width;
 *     division by zero and oversized shifts are left unfolded for lowering to report).
 *  4. Calls carry every argument, default arguments included, each converted to its parameter
 *     type. For a reference parameter the argument is an lvalue (of the referent type; a
 *     `materialize` conversion makes a temporary for an rvalue bound to `const T&`). Methods
 *     take their object as `receiver` (an lvalue of the record type). Variadic arguments
 *     (printf) got C's default argument promotions (float → double, small integers → int).
 *  5. Member accesses carry the field (index and byte offset in the one C layout); vector
 *     types (`float4`, `uint3`, `dim3`, `__half2`) use field indices 0..3 for x..w.
 *  6. Pointers in expression types carry an address space where it is known (decay of a
 *     `__shared__` array → 'shared', address of a local → 'local', of a `__device__` global
 *     → 'global', `__constant__` → 'constant'); declared pointer types are 'generic'.
 *     Converting between spaces is a 'pointer-cast'.
 *  7. Control flow is structured as written: `switch` keeps its body with `case`/`default`
 *     label statements whose values are folded constants (also listed on the switch);
 *     `goto` never appears (diagnosed). Conditions are `bool` rvalues.
 *  8. Templates never appear: each instance is its own CheckedFunction named by its public
 *     name (`reduce<float, 256>`), and records of class-template instances are complete
 *     RecordInfos.
 *  9. A tree with errors may contain `error` nodes (poison, type 'error'); lowering is not run
 *     on a program with errors, so it never sees them.
 */
import type { Span } from '../../support/source.js';
import type * as ast from '../ast.js';
import type { BuiltinSignature } from '../builtins/table.js';
import type { BuiltinFunction, BuiltinVarName, ExecSpace, FieldInfo, FunctionEntity, RecordInfo, TemplateArgValue, VarEntity } from './entities.js';
import type { Type } from './types.js';

export type ValueCategory = 'lvalue' | 'rvalue';

/** A folded constant. Integers (incl. bool and enums) as bigint already wrapped to their type. */
export type ConstValue = { readonly kind: 'int'; readonly value: bigint } | { readonly kind: 'float'; readonly value: number };

/** A folded initialiser of a global: a scalar, or the items of an aggregate (missing ones are zero). */
export type ConstInit = ConstValue | { readonly kind: 'aggregate'; readonly items: readonly ConstInit[] } | { readonly kind: 'zero' };

export type ConversionKind =
  /** lvalue → rvalue: read the object (result type: the unqualified object type) */
  | 'load'
  /** to a wider integer: sign-extend when the source is signed, else zero-extend (bool is u1) */
  | 'int-extend'
  /** to a narrower integer: keep the low bits */
  | 'int-truncate'
  /** same width, other signedness, or enum ↔ its underlying integer: bits unchanged */
  | 'int-reinterpret'
  /** integer (source signedness decides) or bool → float/double/half */
  | 'int-to-float'
  /** toward zero; undefined if out of range (lowering marks it) */
  | 'float-to-int'
  /** to a wider floating type: half/bf16 → float, float → double */
  | 'float-extend'
  /** to a narrower floating type, rounding to nearest even: double → float, float → half */
  | 'float-truncate'
  /** __half ↔ __nv_bfloat16 */
  | 'float-reformat'
  /** scalar or pointer compared with zero → bool */
  | 'to-bool'
  /** lvalue array → pointer to its first element */
  | 'array-to-pointer'
  | 'function-to-pointer'
  /** nullptr or a null pointer constant → pointer */
  | 'null-to-pointer'
  /** pointer → pointer (pointee type, qualifiers or address space differ; bits unchanged) */
  | 'pointer-cast'
  | 'pointer-to-int'
  | 'int-to-pointer'
  /** rvalue → lvalue temporary (a `const T&` bound to an rvalue) */
  | 'materialize'
  /** uint3 (or another 3-vector of unsigned) → dim3 */
  | 'vector-to-dim3'
  /** record lvalue → its base-class subobject (at the base's offset in the layout) */
  | 'derived-to-base'
  /** `(void)e`: evaluate and discard */
  | 'to-void';

interface Base {
  readonly type: Type;
  readonly category: ValueCategory;
  readonly span: Span;
}

export type ArithOp = '+' | '-' | '*' | '/' | '%' | '<<' | '>>' | '&' | '|' | '^';
export type CompareOp = '<' | '>' | '<=' | '>=' | '==' | '!=';

export type CExpr = Base &
  (
    /** a constant; `of` names the const/constexpr variable it was folded from, if any */
    | { readonly kind: 'const'; readonly value: ConstValue; readonly of?: VarEntity }
    /** lvalue of type `const char[N]` (N counts the terminating NUL) */
    | { readonly kind: 'string'; readonly value: string }
    /** `nullptr` (type nullptr_t) */
    | { readonly kind: 'nullptr' }
    /** lvalue; for a reference-typed entity, the object it refers to */
    | { readonly kind: 'var'; readonly entity: VarEntity }
    /**
     * threadIdx, blockIdx (const uint3), blockDim, gridDim (const dim3): lvalues; warpSize is
     * folded to 32. Host code: stdout, stderr, stdin (FILE *).
     */
    | { readonly kind: 'builtin-var'; readonly name: BuiltinVarName }
    /** `this` in a method: rvalue pointer to the receiver */
    | { readonly kind: 'this' }
    | { readonly kind: 'convert'; readonly conversion: ConversionKind; readonly operand: CExpr; readonly explicit: boolean }
    /** rvalue; the operand is already of the result type (promoted; bool for `!`) */
    | { readonly kind: 'unary'; readonly op: '-' | '~' | '!'; readonly operand: CExpr }
    /** `*p`: lvalue of the pointee */
    | { readonly kind: 'deref'; readonly operand: CExpr }
    /** `&x`: operand is an lvalue */
    | { readonly kind: 'address-of'; readonly operand: CExpr }
    /**
     * Arithmetic and bitwise operators on arithmetic or half types. Both operands have the
     * result type, except shifts, whose right operand keeps its own promoted type.
     */
    | { readonly kind: 'binary'; readonly op: ArithOp; readonly left: CExpr; readonly right: CExpr }
    /** result bool; both operands of one type (arithmetic common type, half, or pointer) */
    | { readonly kind: 'compare'; readonly op: CompareOp; readonly left: CExpr; readonly right: CExpr }
    /** short-circuit; bool operands */
    | { readonly kind: 'logical'; readonly op: '&&' | '||'; readonly left: CExpr; readonly right: CExpr }
    /** pointer ± integer, in elements; the integer keeps its own (promoted) type */
    | { readonly kind: 'pointer-offset'; readonly op: '+' | '-'; readonly pointer: CExpr; readonly offset: CExpr }
    /** pointer − pointer, in elements (ptrdiff_t = long) */
    | { readonly kind: 'pointer-diff'; readonly left: CExpr; readonly right: CExpr }
    /** `base[index]`: lvalue; base is a pointer rvalue (arrays decayed), index an integer */
    | { readonly kind: 'index'; readonly base: CExpr; readonly index: CExpr }
    /** field of a record or vector lvalue/rvalue; category follows the base */
    | { readonly kind: 'member'; readonly base: CExpr; readonly field: FieldInfo }
    /** lvalue (the target); value converted to the target's unqualified type */
    | { readonly kind: 'assign'; readonly target: CExpr; readonly value: CExpr }
    /**
     * `target op= value`: load target, convert to `computeType`, apply op with value, convert
     * back to the target's type, store. `value` has `computeType`, except for shifts (its own
     * promoted type) and pointer targets (`computeType` is the pointer type, value an integer
     * offset in elements). lvalue (the target).
     */
    | { readonly kind: 'compound-assign'; readonly op: ArithOp; readonly target: CExpr; readonly value: CExpr; readonly computeType: Type }
    /**
     * `++x` (prefix: lvalue, the target) and `x++` (postfix: rvalue, the old value). Adds 1 in
     * `computeType` (the promoted type, or the pointer type to step one element).
     */
    | { readonly kind: 'incdec'; readonly op: '++' | '--'; readonly prefix: boolean; readonly target: CExpr; readonly computeType: Type }
    /** both arms converted to the result type; category lvalue when both arms are lvalues of one type */
    | { readonly kind: 'conditional'; readonly cond: CExpr; readonly then: CExpr; readonly else: CExpr }
    | { readonly kind: 'comma'; readonly left: CExpr; readonly right: CExpr }
    /** call of a user function (or template instance, or method with `receiver`) */
    | { readonly kind: 'call'; readonly fn: FunctionEntity; readonly args: readonly CExpr[]; readonly receiver?: CExpr }
    /**
     * call of a built-in from the tables; `bindings` gives the generic `T` of the signature and
     * `templateValue` an explicit value argument (`tiled_partition<32>`); `receiver` for
     * methods of built-in records (cooperative groups).
     */
    | {
        readonly kind: 'builtin-call';
        readonly builtin: BuiltinFunction;
        readonly signature: BuiltinSignature;
        readonly args: readonly CExpr[];
        readonly receiver?: CExpr;
        readonly bindings?: Readonly<Record<string, Type>>;
        readonly templateValue?: number;
      }
    /**
     * Brace initialisation of an array, record or vector (rvalue of `type`): items in element /
     * field order (designators resolved), each converted to its element's type; items may be
     * fewer than the elements: the rest are zero. Unions: one item, for `field`.
     */
    | { readonly kind: 'aggregate'; readonly items: readonly CExpr[]; readonly field?: FieldInfo }
    /** value-initialised (zeroed) object of `type` */
    | { readonly kind: 'zero' }
    /** `k<<<grid, block, shmem, stream>>>(args)` in host code: config = [dim3, dim3, size_t, stream] */
    | { readonly kind: 'launch'; readonly kernel: FunctionEntity; readonly config: readonly CExpr[]; readonly args: readonly CExpr[] }
    /** poison: an expression that already produced an error */
    | { readonly kind: 'error' }
  );

export type CExprKind = CExpr['kind'];

/** `#pragma unroll` on a loop: `count` undefined means fully; `count: 1` or nounroll disables. */
export interface Unroll {
  readonly count?: number;
  readonly span: Span;
}

export type CStmt =
  | { readonly kind: 'block'; readonly stmts: readonly CStmt[]; readonly span: Span }
  | { readonly kind: 'expr'; readonly expr: CExpr; readonly span: Span }
  /**
   * a local variable (or function-scope `static`/`__shared__`, listed again in the function's
   * `staticVars`: lowering allocates those once, and their `init` is then undefined)
   */
  | { readonly kind: 'var'; readonly entity: VarEntity; readonly init?: CExpr; readonly span: Span }
  | { readonly kind: 'if'; readonly cond: CExpr; readonly then: CStmt; readonly else?: CStmt; readonly span: Span }
  | { readonly kind: 'for'; readonly init?: CStmt; readonly cond?: CExpr; readonly step?: CExpr; readonly body: CStmt; readonly unroll?: Unroll; readonly span: Span }
  | { readonly kind: 'while'; readonly cond: CExpr; readonly body: CStmt; readonly unroll?: Unroll; readonly span: Span }
  | { readonly kind: 'do'; readonly body: CStmt; readonly cond: CExpr; readonly unroll?: Unroll; readonly span: Span }
  /** cond: promoted integer; every case value is listed (in source order) and unique */
  | { readonly kind: 'switch'; readonly cond: CExpr; readonly body: CStmt; readonly cases: readonly bigint[]; readonly hasDefault: boolean; readonly span: Span }
  | { readonly kind: 'case'; readonly value: bigint; readonly body: CStmt; readonly span: Span }
  | { readonly kind: 'default'; readonly body: CStmt; readonly span: Span }
  | { readonly kind: 'break'; readonly span: Span }
  | { readonly kind: 'continue'; readonly span: Span }
  /** value converted to the function's result type (absent for void) */
  | { readonly kind: 'return'; readonly value?: CExpr; readonly span: Span }
  | { readonly kind: 'empty'; readonly span: Span };

export interface CheckedFunction {
  readonly entity: FunctionEntity;
  /** public name: `saxpy`, `reduce<float, 256>`, `ns::helper`, `Vec::dot` */
  readonly name: string;
  readonly space: ExecSpace;
  readonly params: readonly VarEntity[];
  /** methods: the `this` parameter (pointer to the record), passed before `params` */
  readonly thisParam?: VarEntity;
  readonly result: Type;
  readonly body: CStmt & { readonly kind: 'block' };
  /** function-scope `static` and `__shared__` variables (one object, not one per call) */
  readonly staticVars: readonly VarEntity[];
  /** user functions called directly (reachability, recursion) */
  readonly callees: ReadonlySet<FunctionEntity>;
  readonly templateArgs?: readonly TemplateArgValue[];
  readonly launchBounds?: { readonly maxThreads: number; readonly minBlocks?: number };
  /**
   * host functions only: why the function cannot be run (it uses a name from a skipped header
   * or a set-aside item). Device compilation is unaffected.
   */
  readonly notRunnable?: string;
  readonly decl: ast.FunctionDecl;
  readonly span: Span;
}

export interface CheckedGlobal {
  readonly entity: VarEntity;
  readonly init?: CExpr;
  /** the initialiser folded to constants (device globals must have one, or none) */
  readonly value?: ConstInit;
  readonly span: Span;
}

export interface CheckedProgram {
  /** non-template `__global__` functions and requested instances, in source/request order */
  readonly kernels: readonly CheckedFunction[];
  /** every device (or host-device) function reachable from a kernel, each instance separately */
  readonly functions: readonly CheckedFunction[];
  /** namespace-scope `__device__`, `__constant__`, `__shared__` variables (and `__managed__`) */
  readonly globals: readonly CheckedGlobal[];
  /** host-only globals (for whole-program execution) */
  readonly hostGlobals: readonly CheckedGlobal[];
  /** every complete record type, with its layout */
  readonly records: readonly RecordInfo[];
  /** host functions (and host-device ones) with bodies, for whole-program execution */
  readonly hostFunctions: readonly CheckedFunction[];
  /** every function checked, reachable or not, in the order checked (tools and tests) */
  readonly allFunctions: readonly CheckedFunction[];
  /** find a kernel by public name, instantiating a template on request (`reduce<float, 256>`) */
  readonly kernel: (name: string) => CheckedFunction | undefined;
}
