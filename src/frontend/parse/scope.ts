/**
 * The parser's name table: just enough knowledge of declarations to disambiguate C++.
 *
 * It answers "is this name a type, a template, a namespace or something else?" — what the
 * grammar needs to tell a declaration from an expression, `(T)x` from `(x)`, `a < b` from a
 * template-id. Scopes nest lexically (namespaces, records, templates, functions, blocks);
 * namespaces and records also keep their members, so that `ns::T` and `S::type` resolve after
 * the scope was left. Names kcc knows without a declaration (vector types, `dim3`, CUDA's
 * built-in templates, and the `<stdint.h>`-style typedefs every CUDA translation unit sees
 * through `cuda_runtime.h`) are seeded into the global namespace.
 *
 * Bindings are stacks per name, popped when their scope is left, so entering a block costs
 * one small object.
 */
import { BUILTIN_TEMPLATE_NAMES, BUILTIN_TYPE_NAMES } from '../builtins/names.js';

export type NameKind = 'type' | 'template-type' | 'template-func' | 'namespace' | 'value';

export interface NameEntry {
  readonly kind: NameKind;
  /** members of a namespace, record or enum class */
  readonly members?: Map<string, NameEntry>;
}

export type ScopeKind = 'namespace' | 'record' | 'template' | 'function' | 'block';

interface Scope {
  readonly kind: ScopeKind;
  readonly container?: Map<string, NameEntry>;
  /** the record's own name (constructors are spelled with it) */
  readonly recordName?: string;
  names?: string[];
  /** entered while a journal is open: `rollback` removes it whole, its binds need no journal */
  readonly fresh: boolean;
}

interface Binding {
  readonly entry: NameEntry;
  readonly scope: Scope;
}

/** one `bind` made while a journal is open (see `mark`/`rollback`) */
interface JournalEntry {
  readonly scope: Scope;
  readonly name: string;
  readonly container: Map<string, NameEntry> | undefined;
  readonly old: NameEntry | undefined;
  readonly had: boolean;
  readonly pushed: boolean;
}

/** Templates among CUDA's built-in names that name class templates (the rest are functions). */
const BUILTIN_CLASS_TEMPLATES = new Set(['thread_block_tile', 'block_tile_memory', 'plus', 'less', 'greater', 'bit_and', 'bit_or', 'bit_xor', 'numeric_limits']);

/**
 * Typedefs of `<stddef.h>`/`<stdint.h>` and the CUDA runtime, which nvcc makes visible in every
 * translation unit (it includes cuda_runtime.h implicitly); kcc's headers declare them too.
 */
export const STANDARD_TYPEDEF_NAMES: readonly string[] = [
  'size_t', 'ptrdiff_t', 'intptr_t', 'uintptr_t', 'ssize_t', 'nullptr_t', 'max_align_t',
  'int8_t', 'int16_t', 'int32_t', 'int64_t', 'uint8_t', 'uint16_t', 'uint32_t', 'uint64_t',
  'cudaStream_t', 'cudaEvent_t', 'cudaError_t',
];

const TYPE: NameEntry = { kind: 'type' };
const TEMPLATE_TYPE: NameEntry = { kind: 'template-type' };
const TEMPLATE_FUNC: NameEntry = { kind: 'template-func' };
export const VALUE: NameEntry = { kind: 'value' };

/** What kcc knows about a name without any declaration, whatever qualifies it. */
export function builtinEntry(name: string): NameEntry | undefined {
  if (BUILTIN_TYPE_NAMES.has(name)) return TYPE;
  if (BUILTIN_TEMPLATE_NAMES.has(name)) return BUILTIN_CLASS_TEMPLATES.has(name) ? TEMPLATE_TYPE : TEMPLATE_FUNC;
  if (STANDARD_TYPEDEF_NAMES.includes(name)) return TYPE;
  return undefined;
}

export function isTypeEntry(e: NameEntry | undefined): boolean {
  return e !== undefined && (e.kind === 'type' || e.kind === 'template-type');
}

export function isTemplateEntry(e: NameEntry | undefined): boolean {
  return e !== undefined && (e.kind === 'template-type' || e.kind === 'template-func');
}

export class NameTable {
  readonly global: NameEntry = { kind: 'namespace', members: new Map() };
  private readonly bindings = new Map<string, Binding[]>();
  private readonly scopes: Scope[] = [];
  /** binds made since `mark` (the fast path's undo log), or undefined when not journaling */
  private journal: JournalEntry[] | undefined;

  constructor() {
    this.enter('namespace', this.global.members);
    for (const n of BUILTIN_TYPE_NAMES) this.declare(n, TYPE);
    for (const n of STANDARD_TYPEDEF_NAMES) this.declare(n, TYPE);
    for (const n of BUILTIN_TEMPLATE_NAMES) this.declare(n, builtinEntry(n)!);
  }

  get depth(): number {
    return this.scopes.length;
  }

  enter(kind: ScopeKind, container?: Map<string, NameEntry>, recordName?: string): void {
    this.scopes.push({ kind, container, recordName, fresh: this.journal !== undefined });
  }

  leave(): void {
    if (this.scopes.length <= 1) return;
    const s = this.scopes.pop()!;
    if (!s.names) return;
    for (const n of s.names) {
      const stack = this.bindings.get(n);
      if (!stack) continue;
      for (let i = stack.length - 1; i >= 0; i--)
        if (stack[i]!.scope === s) {
          stack.splice(i, 1);
          break;
        }
    }
  }

  /** Leave scopes until `depth` remain (after a parse error left some open). */
  truncate(depth: number): void {
    while (this.scopes.length > Math.max(1, depth)) this.leave();
  }

  /** Start journaling binds, so that `rollback` can undo them (the fast parser's bail-out). */
  mark(): void {
    this.journal = [];
  }

  /** Keep what was declared since `mark`. */
  commit(): void {
    this.journal = undefined;
  }

  /** Undo every bind since `mark` and leave scopes until `depth` remain. */
  rollback(depth: number): void {
    const journal = this.journal;
    this.journal = undefined;
    this.truncate(depth);
    if (!journal) return;
    for (let k = journal.length - 1; k >= 0; k--) {
      const j = journal[k]!;
      if (j.container) {
        if (j.had) j.container.set(j.name, j.old!);
        else j.container.delete(j.name);
      }
      if (!j.pushed || !this.scopes.includes(j.scope)) continue;
      const stack = this.bindings.get(j.name);
      if (stack) {
        for (let i = stack.length - 1; i >= 0; i--)
          if (stack[i]!.scope === j.scope) {
            stack.splice(i, 1);
            break;
          }
      }
      const names = j.scope.names;
      if (names) {
        const at = names.lastIndexOf(j.name);
        if (at >= 0) names.splice(at, 1);
      }
    }
  }

  /** the innermost enclosing record's name, if the innermost non-template scope is a record */
  get currentRecord(): string | undefined {
    const s = this.declScope();
    return s.kind === 'record' ? s.recordName : undefined;
  }

  /** Declare in the innermost scope that is not a template parameter scope. */
  declare(name: string, entry: NameEntry): NameEntry {
    return this.bind(this.declScope(), name, entry);
  }

  /** Declare in the innermost scope (template parameters). */
  declareHere(name: string, entry: NameEntry): void {
    this.bind(this.scopes[this.scopes.length - 1]!, name, entry);
  }

  lookup(name: string): NameEntry | undefined {
    const stack = this.bindings.get(name);
    return stack && stack.length > 0 ? stack[stack.length - 1]!.entry : undefined;
  }

  /** Make every member of a namespace or record visible unqualified (`using namespace`). */
  importMembers(members: ReadonlyMap<string, NameEntry>): void {
    const s = this.scopes[this.scopes.length - 1]!;
    for (const [n, e] of members) this.bind(s, n, e, false);
  }

  /** The namespace `name` in the current namespace, created (and declared) if new. */
  namespace(name: string): NameEntry {
    const s = this.declScope();
    const existing = s.container?.get(name) ?? this.lookupIn(s, name);
    if (existing?.kind === 'namespace' && existing.members) return existing;
    return this.declare(name, { kind: 'namespace', members: new Map() });
  }

  private lookupIn(s: Scope, name: string): NameEntry | undefined {
    const stack = this.bindings.get(name);
    if (!stack) return undefined;
    for (let i = stack.length - 1; i >= 0; i--) if (stack[i]!.scope === s) return stack[i]!.entry;
    return undefined;
  }

  private declScope(): Scope {
    for (let i = this.scopes.length - 1; i > 0; i--) if (this.scopes[i]!.kind !== 'template') return this.scopes[i]!;
    return this.scopes[0]!;
  }

  private bind(s: Scope, name: string, entry: NameEntry, intoContainer = true): NameEntry {
    const old = this.lookupIn(s, name);
    const merged = old ? merge(old, entry) : entry;
    const container = intoContainer ? s.container : undefined;
    // a fresh scope without a container (function, block, template) disappears on rollback
    if (this.journal && (!s.fresh || container)) {
      this.journal.push({ scope: s, name, container, old: container?.get(name), had: container?.has(name) ?? false, pushed: merged !== old });
    }
    if (container) container.set(name, merged);
    if (merged === old) return old;
    let stack = this.bindings.get(name);
    if (!stack) this.bindings.set(name, (stack = []));
    stack.push({ entry: merged, scope: s });
    (s.names ??= []).push(name);
    return merged;
  }
}

/** A redeclaration keeps what is more useful to the parser (a function overload does not hide a template). */
function merge(old: NameEntry, entry: NameEntry): NameEntry {
  if (entry.kind === 'value' && old.kind !== 'value') return old;
  if (old.members && !entry.members && old.kind === entry.kind) return old;
  if (isTemplateEntry(old) && entry.kind === 'type') return old;
  return entry;
}
