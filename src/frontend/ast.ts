/**
 * The syntax tree the parser builds and semantic analysis checks.
 *
 * Plain data: discriminated unions on `kind`, every node with the half-open `span` of the
 * text it came from (macro expansions included, see support/source.ts). The parser fills in
 * only what it reads; semantic analysis does not write into these nodes, it produces its own
 * checked tree (frontend/sema) keyed back to them.
 */
import type { Span } from '../support/source.js';

// ----------------------------------------------------------------------------------------
// Names: `x`, `ns::f`, `::g`, `S<T, 4>::type`, `operator+`

export interface NamePart {
  readonly name: string; // identifier, or `operator+`, `operator[]`, `~S`
  readonly templateArgs?: readonly TemplateArg[];
  readonly span: Span;
}

export interface QualifiedName {
  readonly kind: 'name';
  readonly global: boolean; // leading `::`
  readonly parts: readonly NamePart[]; // at least one
  readonly span: Span;
}

export type TemplateArg = { readonly kind: 'type'; readonly type: TypeNode } | { readonly kind: 'expr'; readonly expr: Expr };

// ----------------------------------------------------------------------------------------
// Types as written

export type BuiltinTypeName =
  | 'void' | 'bool'
  | 'char' | 'signed char' | 'unsigned char'
  | 'short' | 'unsigned short'
  | 'int' | 'unsigned int'
  | 'long' | 'unsigned long'
  | 'long long' | 'unsigned long long'
  | 'float' | 'double' | 'long double'
  | 'wchar_t' | 'char16_t' | 'char32_t'
  | 'auto';

interface TypeBase {
  readonly span: Span;
  readonly const?: boolean;
  readonly volatile?: boolean;
}

export type TypeNode =
  | (TypeBase & { readonly kind: 'builtin'; readonly name: BuiltinTypeName })
  /** typedef, struct, enum, template instance, float4, __half, size_t… resolved by sema */
  | (TypeBase & { readonly kind: 'named'; readonly name: QualifiedName; readonly typename?: boolean })
  /** `struct S`, `enum E` used as a type without a definition */
  | (TypeBase & { readonly kind: 'elaborated'; readonly tag: RecordTag | 'enum'; readonly name: QualifiedName })
  /** `struct { … }` or `enum { … }` defined inside a declaration */
  | (TypeBase & { readonly kind: 'definition'; readonly decl: RecordDecl | EnumDecl })
  | (TypeBase & { readonly kind: 'pointer'; readonly pointee: TypeNode; readonly restrict?: boolean })
  | (TypeBase & { readonly kind: 'reference'; readonly referent: TypeNode; readonly rvalue: boolean })
  | (TypeBase & { readonly kind: 'array'; readonly element: TypeNode; readonly size?: Expr })
  | (TypeBase & { readonly kind: 'function'; readonly result: TypeNode; readonly params: readonly ParamDecl[]; readonly variadic: boolean })
  | (TypeBase & { readonly kind: 'decltype'; readonly expr: Expr });

// ----------------------------------------------------------------------------------------
// Declarations

export type RecordTag = 'struct' | 'class' | 'union';

/** Everything that can stand before a declarator, collected once per declaration. */
export interface DeclSpecs {
  readonly storage?: 'static' | 'extern' | 'register' | 'thread_local' | 'mutable';
  readonly global?: boolean; // __global__
  readonly device?: boolean; // __device__
  readonly host?: boolean; // __host__
  readonly shared?: boolean; // __shared__
  readonly constant?: boolean; // __constant__
  readonly managed?: boolean; // __managed__
  readonly inline?: boolean;
  readonly forceinline?: boolean; // __forceinline__
  readonly noinline?: boolean; // __noinline__
  readonly constexpr?: boolean;
  readonly virtual?: boolean;
  readonly explicit?: boolean;
  readonly friend?: boolean;
  /** __launch_bounds__(maxThreads[, minBlocks[, maxBlocksPerCluster]]) */
  readonly launchBounds?: readonly Expr[];
  /** __align__(n) / alignas(n) */
  readonly align?: Expr;
  /** the span of each specifier keyword, for diagnostics ("__shared__ here") */
  readonly spans: Readonly<Record<string, Span>>;
}

export interface TemplateParam {
  readonly kind: 'type' | 'value';
  readonly name?: string;
  /** value parameters: their type */
  readonly type?: TypeNode;
  readonly default?: TemplateArg;
  readonly pack?: boolean; // `typename... Ts` (diagnosed by sema)
  readonly span: Span;
}

export interface ParamDecl {
  readonly kind: 'param';
  readonly name?: string;
  readonly type: TypeNode;
  readonly default?: Expr;
  readonly specs?: DeclSpecs;
  readonly span: Span;
}

/** The constructor initialiser `: a(x), b{y}` of a constructor definition. */
export interface MemberInit {
  readonly name: QualifiedName;
  readonly args: readonly Expr[];
  readonly braces: boolean;
  readonly span: Span;
}

export interface FunctionDecl {
  readonly kind: 'function';
  /** `f`, `S::method`, `operator+`, `S` (constructor), `~S` (destructor) */
  readonly name: QualifiedName;
  readonly specs: DeclSpecs;
  readonly result: TypeNode; // `void` for constructors/destructors
  readonly params: readonly ParamDecl[];
  readonly variadic: boolean;
  /** `void f() const` (methods) */
  readonly constMethod?: boolean;
  /** undefined for a prototype */
  readonly body?: CompoundStmt;
  readonly memberInits?: readonly MemberInit[];
  /** `= default` / `= delete` */
  readonly defaulted?: 'default' | 'delete';
  /** `virtual void f() = 0;` */
  readonly pure?: boolean;
  /** set when declared under `template<…>`; empty for an explicit specialisation `template<>` */
  readonly templateParams?: readonly TemplateParam[];
  readonly span: Span;
}

export interface VarDecl {
  readonly kind: 'var';
  readonly name: string;
  readonly nameSpan: Span;
  readonly specs: DeclSpecs;
  readonly type: TypeNode;
  readonly init?: Expr;
  /**
   * `int x = 1` copy, `int x(1)` direct, `int x{1}` list (init is then an InitList). A direct
   * initialiser with one argument keeps it as `init`; with several (`dim3 g(a, b)`) `init` is
   * an InitList of them.
   */
  readonly initStyle?: 'copy' | 'direct' | 'list';
  /** bit-field width, for struct members */
  readonly bitWidth?: Expr;
  /** declared as `template<…> constexpr T v = …` */
  readonly templateParams?: readonly TemplateParam[];
  readonly span: Span;
}

export interface RecordDecl {
  readonly kind: 'record';
  readonly tag: RecordTag;
  /** undefined for an anonymous struct/union */
  readonly name?: QualifiedName;
  readonly bases: readonly { readonly type: TypeNode; readonly access?: 'public' | 'protected' | 'private' }[];
  /** undefined for a forward declaration `struct S;` */
  readonly members?: readonly Decl[];
  readonly templateParams?: readonly TemplateParam[];
  readonly specs?: DeclSpecs;
  readonly span: Span;
}

export interface Enumerator {
  readonly name: string;
  readonly value?: Expr;
  readonly span: Span;
}

export interface EnumDecl {
  readonly kind: 'enum';
  readonly name?: QualifiedName;
  readonly scoped: boolean; // enum class
  readonly underlying?: TypeNode;
  readonly enumerators?: readonly Enumerator[];
  readonly span: Span;
}

/** `typedef T name;` and `using name = T;` (with template params: an alias template) */
export interface TypedefDecl {
  readonly kind: 'typedef';
  readonly name: string;
  readonly type: TypeNode;
  readonly templateParams?: readonly TemplateParam[];
  readonly span: Span;
}

export interface NamespaceDecl {
  readonly kind: 'namespace';
  readonly name?: string; // anonymous namespace
  readonly inline?: boolean;
  readonly decls: readonly Decl[];
  readonly span: Span;
}

/** `namespace cg = cooperative_groups;` */
export interface NamespaceAliasDecl {
  readonly kind: 'namespace-alias';
  readonly name: string;
  readonly target: QualifiedName;
  readonly span: Span;
}

/** `using namespace std;` */
export interface UsingDirective {
  readonly kind: 'using-directive';
  readonly namespace: QualifiedName;
  readonly span: Span;
}

/** `using std::min;` */
export interface UsingDecl {
  readonly kind: 'using-decl';
  readonly name: QualifiedName;
  readonly span: Span;
}

/** `extern "C" { … }` or `extern "C" decl` */
export interface LinkageDecl {
  readonly kind: 'linkage';
  readonly language: string;
  readonly decls: readonly Decl[];
  readonly span: Span;
}

export interface StaticAssertDecl {
  readonly kind: 'static-assert';
  readonly condition: Expr;
  readonly message?: string;
  readonly span: Span;
}

/** `template __global__ void k<float>(float*);` — instantiate on request */
export interface ExplicitInstantiation {
  readonly kind: 'explicit-instantiation';
  readonly decl: FunctionDecl | RecordDecl;
  readonly span: Span;
}

/** `access:` inside a class body; kept so member access can be checked later if wanted */
export interface AccessSpec {
  readonly kind: 'access';
  readonly access: 'public' | 'protected' | 'private';
  readonly span: Span;
}

/**
 * A top-level item kcc did not parse: host code outside the subset (STL, iostreams, classes
 * the kernels do not use). Kept with the names it seems to declare, so that semantic
 * analysis can say "'x' was set aside: …" if device code refers to one of them.
 */
export interface SetAsideDecl {
  readonly kind: 'set-aside';
  /** why the item was not parsed (the parser's first error message) */
  readonly reason: string;
  /** where the parser gave up */
  readonly errorSpan: Span;
  readonly declaredNames: readonly string[];
  /**
   * set when the item was device code and its syntax error was reported as an error: semantic
   * analysis should not report uses of its names again
   */
  readonly error?: boolean;
  readonly span: Span;
}

export type Decl =
  | FunctionDecl
  | VarDecl
  | RecordDecl
  | EnumDecl
  | TypedefDecl
  | NamespaceDecl
  | NamespaceAliasDecl
  | UsingDirective
  | UsingDecl
  | LinkageDecl
  | StaticAssertDecl
  | ExplicitInstantiation
  | AccessSpec
  | SetAsideDecl;

export interface TranslationUnit {
  readonly kind: 'translation-unit';
  readonly decls: readonly Decl[];
  /** the main file */
  readonly file: number;
}

// ----------------------------------------------------------------------------------------
// Statements

export interface LoopPragma {
  readonly kind: 'unroll' | 'nounroll';
  /** `#pragma unroll 4`; undefined means "fully" */
  readonly count?: Expr;
  readonly span: Span;
}

export type Stmt =
  | CompoundStmt
  | { readonly kind: 'expr'; readonly expr: Expr; readonly span: Span }
  /** one declaration statement; several declarators give several decls */
  | { readonly kind: 'decl'; readonly decls: readonly Decl[]; readonly span: Span }
  | {
      readonly kind: 'if';
      readonly init?: Stmt;
      /** an expression, or a condition declaration `if (T x = e)` */
      readonly cond: Expr | VarDecl;
      readonly then: Stmt;
      readonly else?: Stmt;
      readonly constexpr?: boolean;
      readonly span: Span;
    }
  | {
      readonly kind: 'for';
      readonly init?: Stmt;
      readonly cond?: Expr | VarDecl;
      readonly step?: Expr;
      readonly body: Stmt;
      readonly pragmas: readonly LoopPragma[];
      readonly span: Span;
    }
  | { readonly kind: 'range-for'; readonly decl: VarDecl; readonly range: Expr; readonly body: Stmt; readonly pragmas: readonly LoopPragma[]; readonly span: Span }
  | { readonly kind: 'while'; readonly cond: Expr | VarDecl; readonly body: Stmt; readonly pragmas: readonly LoopPragma[]; readonly span: Span }
  | { readonly kind: 'do'; readonly body: Stmt; readonly cond: Expr; readonly pragmas: readonly LoopPragma[]; readonly span: Span }
  | { readonly kind: 'switch'; readonly init?: Stmt; readonly cond: Expr | VarDecl; readonly body: Stmt; readonly span: Span }
  /** `case v:` / `case lo ... hi:` — labels the statement that follows it */
  | { readonly kind: 'case'; readonly value: Expr; readonly high?: Expr; readonly body: Stmt; readonly span: Span }
  | { readonly kind: 'default'; readonly body: Stmt; readonly span: Span }
  | { readonly kind: 'label'; readonly name: string; readonly body: Stmt; readonly span: Span }
  | { readonly kind: 'goto'; readonly label: string; readonly span: Span }
  | { readonly kind: 'break'; readonly span: Span }
  | { readonly kind: 'continue'; readonly span: Span }
  | { readonly kind: 'return'; readonly value?: Expr; readonly span: Span }
  /** inline assembly: parsed so that sema can say it is outside the subset */
  | { readonly kind: 'asm'; readonly text: string; readonly volatile: boolean; readonly span: Span }
  /** try/catch and other host-only statements kcc recognises but does not support */
  | { readonly kind: 'unsupported'; readonly what: string; readonly span: Span }
  | { readonly kind: 'empty'; readonly span: Span };

export interface CompoundStmt {
  readonly kind: 'compound';
  readonly stmts: readonly Stmt[];
  readonly span: Span;
}

// ----------------------------------------------------------------------------------------
// Expressions

export type UnaryOp = '+' | '-' | '!' | '~' | '*' | '&' | '++' | '--';
export type BinaryOp =
  | '*' | '/' | '%' | '+' | '-' | '<<' | '>>'
  | '<' | '>' | '<=' | '>=' | '==' | '!='
  | '&' | '^' | '|' | '&&' | '||' | ',';
export type AssignOp = '=' | '*=' | '/=' | '%=' | '+=' | '-=' | '<<=' | '>>=' | '&=' | '^=' | '|=';

export type Expr =
  | { readonly kind: 'ident'; readonly name: QualifiedName; readonly span: Span }
  | {
      readonly kind: 'int';
      readonly text: string;
      readonly value: bigint;
      readonly unsigned: boolean;
      /** 0: no suffix, 1: `l`, 2: `ll` */
      readonly long: 0 | 1 | 2;
      /** decimal literals pick their type differently from hex/octal ones */
      readonly decimal: boolean;
      readonly span: Span;
    }
  | { readonly kind: 'float'; readonly text: string; readonly value: number; readonly suffix: '' | 'f' | 'l'; readonly span: Span }
  | { readonly kind: 'char'; readonly text: string; readonly value: number; readonly prefix: '' | 'u8' | 'u' | 'U' | 'L'; readonly span: Span }
  /** adjacent literals already concatenated; value has escapes decoded */
  | { readonly kind: 'string'; readonly text: string; readonly value: string; readonly prefix: '' | 'u8' | 'u' | 'U' | 'L'; readonly span: Span }
  | { readonly kind: 'bool'; readonly value: boolean; readonly span: Span }
  | { readonly kind: 'nullptr'; readonly span: Span }
  | { readonly kind: 'this'; readonly span: Span }
  /** prefix operators; `++`/`--` here are pre-increment/decrement */
  | { readonly kind: 'unary'; readonly op: UnaryOp; readonly operand: Expr; readonly span: Span }
  | { readonly kind: 'postfix'; readonly op: '++' | '--'; readonly operand: Expr; readonly span: Span }
  | { readonly kind: 'binary'; readonly op: BinaryOp; readonly left: Expr; readonly right: Expr; readonly opSpan: Span; readonly span: Span }
  | { readonly kind: 'assign'; readonly op: AssignOp; readonly target: Expr; readonly value: Expr; readonly opSpan: Span; readonly span: Span }
  | { readonly kind: 'conditional'; readonly cond: Expr; readonly then: Expr; readonly else: Expr; readonly span: Span }
  | { readonly kind: 'call'; readonly callee: Expr; readonly args: readonly Expr[]; readonly span: Span }
  /** `kernel<<<grid, block, shmem, stream>>>(args)` in host code */
  | { readonly kind: 'launch'; readonly callee: Expr; readonly config: readonly Expr[]; readonly args: readonly Expr[]; readonly span: Span }
  | { readonly kind: 'index'; readonly base: Expr; readonly index: Expr; readonly span: Span }
  | { readonly kind: 'member'; readonly base: Expr; readonly member: NamePart; readonly arrow: boolean; readonly span: Span }
  /** `(T)e`, `static_cast<T>(e)`, `reinterpret_cast`, `const_cast`, `dynamic_cast` */
  | { readonly kind: 'cast'; readonly style: 'c' | 'static' | 'reinterpret' | 'const' | 'dynamic'; readonly type: TypeNode; readonly operand: Expr; readonly span: Span }
  /** `T(a, b)` and `T{a, b}`: functional cast or construction (`float(x)`, `float4{…}`) */
  | { readonly kind: 'construct'; readonly type: TypeNode; readonly args: readonly Expr[]; readonly braces: boolean; readonly span: Span }
  | { readonly kind: 'sizeof-type'; readonly type: TypeNode; readonly span: Span }
  | { readonly kind: 'sizeof-expr'; readonly operand: Expr; readonly span: Span }
  | { readonly kind: 'alignof'; readonly type: TypeNode; readonly span: Span }
  /** `{a, b, .x = c, [2] = d}` */
  | { readonly kind: 'init-list'; readonly items: readonly InitItem[]; readonly span: Span }
  | { readonly kind: 'new'; readonly type: TypeNode; readonly arraySize?: Expr; readonly args?: readonly Expr[]; readonly span: Span }
  | { readonly kind: 'delete'; readonly array: boolean; readonly operand: Expr; readonly span: Span }
  | { readonly kind: 'lambda'; readonly span: Span }
  | { readonly kind: 'throw'; readonly operand?: Expr; readonly span: Span }
  /** `typeid(…)` and other host-only expressions kcc recognises but does not support */
  | { readonly kind: 'unsupported'; readonly what: string; readonly span: Span };

export interface InitItem {
  /** `.field =` or `[index] =` designators, outermost first */
  readonly designators?: readonly ({ readonly field: string; readonly span: Span } | { readonly index: Expr; readonly span: Span })[];
  readonly value: Expr;
}

export type ExprKind = Expr['kind'];
export type StmtKind = Stmt['kind'];
export type DeclKind = Decl['kind'];
