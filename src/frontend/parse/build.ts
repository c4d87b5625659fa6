/**
 * Pure helpers that turn what the grammar matched into AST nodes: the decl-specifier
 * accumulator (`unsigned long long`, `__global__`, `const`…), binary-operator precedence,
 * and declarators as functions from the declared base type to the declarator's type
 * (`int *a[4]`: base `int` → `(array (ptr int) 4)`).
 */
import type {
  BinaryOp, BuiltinTypeName, DeclSpecs, Expr, ParamDecl, QualifiedName, RecordDecl, EnumDecl, TypeNode,
} from '../ast.js';
import { type Span, joinSpans } from '../../support/source.js';

export const NO_SPAN: Span = { file: 0, start: 0, end: 0 };

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Collects decl-specifiers in any order, then says what type they spell. */
export class SpecBuilder {
  readonly specs: Mutable<DeclSpecs> & { spans: Record<string, Span> } = { spans: {} };
  typedef = false;
  readonly defs: (RecordDecl | EnumDecl)[] = [];
  private words: string[] = [];
  private named?: TypeNode;
  const = false;
  volatile = false;
  /** a conflict such as `int float`, reported by the caller */
  conflict?: { word: string; span: Span };

  constructor(readonly start: Span) {}

  get hasType(): boolean {
    return this.words.length > 0 || this.named !== undefined;
  }

  /** a builtin type word may still be added (`unsigned` `long`…) */
  get acceptsWord(): boolean {
    return this.named === undefined;
  }

  word(text: string, span: Span): void {
    if (this.named) this.conflict ??= { word: text, span };
    this.words.push(text);
    this.specs.spans[text] ??= span;
  }

  setNamed(t: TypeNode): void {
    if (this.words.length > 0) this.conflict ??= { word: 'type', span: t.span };
    this.named = t;
  }

  simple(text: string, span: Span): void {
    const s = this.specs;
    s.spans[text] ??= span;
    switch (text) {
      case 'static': case 'extern': case 'register': case 'thread_local': case 'mutable':
        s.storage = text;
        break;
      case '__global__': s.global = true; break;
      case '__device__': s.device = true; break;
      case '__host__': s.host = true; break;
      case '__shared__': s.shared = true; break;
      case '__constant__': s.constant = true; break;
      case '__managed__': s.managed = true; break;
      case 'inline': case '__inline__': case '__inline': s.inline = true; break;
      case '__forceinline__': s.forceinline = true; break;
      case '__noinline__': s.noinline = true; break;
      case 'constexpr': case 'consteval': case 'constinit': s.constexpr = true; break;
      case 'virtual': s.virtual = true; break;
      case 'explicit': s.explicit = true; break;
      case 'friend': s.friend = true; break;
      default: break; // __grid_constant__: accepted and ignored
    }
  }

  /** the base type once `resolve` ran; undefined when no type specifier was written (constructors) */
  base?: TypeNode;

  /** Work out the base type (after the last specifier); sets `conflict` for `long float` and the like. */
  resolve(): void {
    let t: TypeNode | undefined = this.named;
    if (!t && this.words.length > 0) {
      const name = builtinName(this.words);
      // clang's wording: "cannot combine with previous 'int' declaration specifier", at the later word
      if (!name) this.conflict ??= { word: this.words[0]!, span: this.specs.spans[this.words[this.words.length - 1]!] ?? this.start };
      t = { kind: 'builtin', name: name ?? 'int', span: this.start };
    }
    if (t && (this.const || this.volatile)) t = withCv(t, this.const, this.volatile);
    this.base = t;
  }
}

export function withCv(t: TypeNode, c: boolean, v: boolean): TypeNode {
  // as `{ ...t, const, volatile }`, without object spread (slow in V8 at megamorphic sites)
  const out = Object.assign({}, t) as Mutable<TypeNode> & { const?: boolean; volatile?: boolean };
  if (c) out.const = true;
  if (v) out.volatile = true;
  return out;
}

/** does a record-like object have any key (without allocating the key list) */
export function hasKeys(o: object): boolean {
  for (const _ in o) return true;
  return false;
}

/** `unsigned long long int` → 'unsigned long long'; undefined for an impossible combination */
export function builtinName(words: readonly string[]): BuiltinTypeName | undefined {
  let signed = 0, unsigned = 0, short = 0, long = 0, int = 0;
  let base: string | undefined;
  for (const w of words) {
    switch (w) {
      case 'signed': signed++; break;
      case 'unsigned': unsigned++; break;
      case 'short': short++; break;
      case 'long': long++; break;
      case 'int': int++; break;
      default:
        if (base) return undefined;
        base = w;
    }
  }
  if (signed + unsigned > 1 || int > 1 || short > 1 || long > 2 || (short && long)) return undefined;
  const u = unsigned > 0;
  if (base === undefined) {
    if (short) return u ? 'unsigned short' : 'short';
    if (long === 2) return u ? 'unsigned long long' : 'long long';
    if (long === 1) return u ? 'unsigned long' : 'long';
    return u ? 'unsigned int' : 'int';
  }
  if (int || short) return undefined;
  if (base === 'char') return long ? undefined : u ? 'unsigned char' : signed ? 'signed char' : 'char';
  if (signed || unsigned) return undefined;
  if (base === 'double') return long === 1 ? 'long double' : long ? undefined : 'double';
  if (long) return undefined;
  return base as BuiltinTypeName;
}

// ---- binary operators by precedence ----------------------------------------------------

const PRECEDENCE: Record<string, number> = {
  '*': 10, '/': 10, '%': 10,
  '+': 9, '-': 9,
  '<<': 8, '>>': 8,
  '<': 7, '>': 7, '<=': 7, '>=': 7,
  '==': 6, '!=': 6,
  '&': 5, '^': 4, '|': 3, '&&': 2, '||': 1,
};

/** `e0 op1 e1 op2 e2 …` → a left-associative tree by C precedence (operator-precedence parsing). */
export function buildBinary(operands: Expr[], ops: { op: BinaryOp; span: Span }[]): Expr {
  const out: Expr[] = [operands[0]!];
  const stack: { op: BinaryOp; span: Span }[] = [];
  const reduce = (): void => {
    const o = stack.pop()!;
    const right = out.pop()!;
    const left = out.pop()!;
    out.push({ kind: 'binary', op: o.op, left, right, opSpan: o.span, span: joinSpans(left.span, right.span) });
  };
  for (let i = 0; i < ops.length; i++) {
    const p = PRECEDENCE[ops[i]!.op]!;
    while (stack.length > 0 && PRECEDENCE[stack[stack.length - 1]!.op]! >= p) reduce();
    stack.push(ops[i]!);
    out.push(operands[i + 1]!);
  }
  while (stack.length > 0) reduce();
  return out[0]!;
}

// ---- declarators ------------------------------------------------------------------------

/** What a (possibly abstract) declarator declares: a name and how it modifies the base type. */
export interface Declarator {
  readonly name?: QualifiedName;
  /** base type → declared type */
  readonly wrap: (base: TypeNode) => TypeNode;
  /** the name's own suffix is a parameter list (the declarator declares a function) */
  readonly fn?: FunctionSuffix;
  readonly span: Span;
}

export interface FunctionSuffix {
  readonly params: readonly ParamDecl[];
  readonly variadic: boolean;
  readonly constMethod: boolean;
  readonly trailing?: TypeNode;
}

export type DeclaratorSuffix =
  | { readonly kind: 'array'; readonly size?: Expr; readonly span: Span }
  | ({ readonly kind: 'function'; readonly span: Span } & FunctionSuffix);

export type PtrOp = { readonly kind: '*' | '&' | '&&'; readonly const: boolean; readonly volatile: boolean; readonly restrict: boolean; readonly span: Span };

/** Apply suffixes right to left: `a[2][3]` is an array of 2 arrays of 3. */
export function applySuffixes(base: TypeNode, suffixes: readonly DeclaratorSuffix[]): TypeNode {
  let t = base;
  for (let i = suffixes.length - 1; i >= 0; i--) {
    const s = suffixes[i]!;
    const span = joinSpans(base.span, s.span);
    if (s.kind === 'array') t = s.size ? { kind: 'array', element: t, size: s.size, span } : { kind: 'array', element: t, span };
    else t = { kind: 'function', result: s.trailing ?? t, params: s.params, variadic: s.variadic, span };
  }
  return t;
}

export function applyPtrOps(base: TypeNode, ops: readonly PtrOp[]): TypeNode {
  let t = base;
  for (const o of ops) {
    const span = joinSpans(base.span, o.span);
    if (o.kind === '*') {
      t = o.restrict ? { kind: 'pointer', pointee: t, span, restrict: true } : { kind: 'pointer', pointee: t, span };
      if (o.const || o.volatile) t = withCv(t, o.const, o.volatile);
    } else t = { kind: 'reference', referent: t, rvalue: o.kind === '&&', span };
  }
  return t;
}

export function nameText(n: QualifiedName): string {
  return (n.global ? '::' : '') + n.parts.map((p) => p.name).join('::');
}

export function lastName(n: QualifiedName): string {
  return n.parts[n.parts.length - 1]!.name;
}
