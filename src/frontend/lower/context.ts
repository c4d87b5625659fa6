/**
 * Lowering state shared by the expression, statement and builtin lowerers: the module being
 * built, the type mapper, the current builder (swapped while a nested region is filled), the
 * current function's variables (VarEntity → pointer to its storage, or the pointer a
 * reference is bound to), the stack of enclosing loops/switches for break/continue, and
 * source locations (every op gets the user-visible location of its checked node's span).
 */
import * as ir from '../../ir/index.js';
import type { DiagnosticBag } from '../../support/diagnostics/index.js';
import type { Span } from '../../support/source.js';
import type { FunctionEntity, VarEntity } from '../sema/entities.js';
import { type Type, typeToString } from '../sema/types.js';
import { lowerDiagnostics as D } from './diagnostics.js';
import { TypeMapper } from './types.js';

/** A loop or switch enclosing the statement being lowered. */
export type Breakable =
  | { kind: 'loop'; /** emits what C's `continue` does here (step/cond) and the KIR continue */ cont: () => void }
  | { kind: 'switch'; /** i1 slot set when a `continue` leaves the switch for the enclosing loop */ contFlag?: ir.Value };

export interface FnState {
  func: ir.Func;
  resultType: ir.Type;
  vars: Map<VarEntity, ir.Value>;
  /** the `this` parameter's value */
  self?: ir.Value;
  /** entry-block ops (allocas, dyn_shared) collected here and moved to the front at the end */
  entry: ir.Region;
  stack: Breakable[];
}

export class LowerCtx {
  readonly types = new TypeMapper();
  b!: ir.Builder;
  fn!: FnState;
  readonly funcs = new Map<FunctionEntity, ir.Func>();
  readonly globals = new Map<VarEntity, ir.Global>();
  private strings = new Map<string, ir.Global>();
  private usedNames = new Set<string>();
  private reportedTypes = new Set<unknown>();

  constructor(
    readonly module: ir.Module,
    readonly diags: DiagnosticBag,
  ) {}

  // ---- diagnostics and locations ----
  error(def: (typeof D)[keyof typeof D], span: Span | undefined, args: Record<string, string | number> = {}): void {
    this.diags.report(def, span, args);
  }

  loc(span: Span | undefined): ir.Loc | undefined {
    if (!span) return undefined;
    try {
      const d = this.diags.sources.describe(span);
      return { file: d.file, line: d.line, col: d.column };
    } catch {
      return undefined;
    }
  }

  at(span: Span | undefined): void {
    const l = this.loc(span);
    if (l) this.b.loc = l;
  }

  // ---- types ----
  ty(t: Type, span?: Span): ir.Type {
    const n = this.types.failures.length;
    const r = this.types.map(t);
    for (const f of this.types.failures.slice(n)) {
      if (this.reportedTypes.has(f.type)) continue;
      this.reportedTypes.add(f.type);
      this.error(D.unsupportedType, span, { type: typeToString(f.type), why: f.why });
    }
    return r;
  }

  // ---- names ----
  symbol(name: string): string {
    let base = name.replace(/[^\w.$]+/g, '_').replace(/^_+|_+$/g, '') || 'f';
    if (/^\d/.test(base)) base = `_${base}`;
    let s = base;
    for (let k = 1; this.usedNames.has(s); k++) s = `${base}.${k}`;
    this.usedNames.add(s);
    return s;
  }

  // ---- regions ----
  /** runs `f` with the builder moved to `b`, restoring the previous one */
  withBuilder<T>(b: ir.Builder, f: () => T): T {
    const saved = this.b;
    this.b = b;
    try {
      return f();
    } finally {
      saved.loc = b.loc ?? saved.loc;
      this.b = saved;
    }
  }

  /** true when the current region already ended (code after break/continue/return is dead) */
  get terminated(): boolean {
    return this.b.insertionRegion.terminator !== undefined;
  }

  /** a local slot in the function's entry block */
  alloca(t: ir.Type, name?: string): ir.Value {
    const eb = new ir.Builder(this.fn.entry, this.b.loc);
    const v = eb.alloca(t, ir.alignOf(t));
    if (name) v.name = name;
    return v;
  }

  entryBuilder(): ir.Builder {
    return new ir.Builder(this.fn.entry, this.b.loc);
  }

  // ---- values ----
  /** converts a value to a KIR type where lowering, not C, changed it (address spaces, pointee types) */
  coerce(v: ir.Value, to: ir.Type): ir.Value {
    const from = v.type;
    if (from === to) return v;
    if (from.kind === 'ptr' && to.kind === 'ptr') {
      let p = v;
      if (from.pointee !== to.pointee) p = this.b.cast('ptrcast', p, ir.ptr(from.space, to.pointee));
      if (from.space !== to.space) {
        if (from.space !== 'generic' && to.space !== 'generic') p = this.b.cast('addrspacecast', p, ir.ptr('generic', to.pointee));
        p = this.b.cast('addrspacecast', p, to);
      }
      return p;
    }
    if (ir.isScalar(from) && ir.isScalar(to)) return this.b.convert(v, to);
    if (from.kind === 'vec' && to.kind === 'vec' && from.len === to.len) {
      const elems = Array.from({ length: from.len }, (_, i) => this.b.convert(this.b.extract(v, i), to.elem));
      return this.b.build(to, elems);
    }
    return v;
  }

  /** a string literal as a constant global `[N x i8]` */
  stringGlobal(text: string): ir.Global {
    let g = this.strings.get(text);
    if (!g) {
      const bytes = [...Buffer.from(text, 'utf8'), 0];
      g = ir.addGlobal(this.module, this.symbol('.str'), 'constant', ir.array(ir.i8, bytes.length), bytes.map((x) => (x > 127 ? x - 256 : x)));
      this.strings.set(text, g);
    }
    return g;
  }
}
