/**
 * Scopes and name lookup.
 *
 * A Scope maps names to the entities declared in it (several for an overload set). Kinds:
 * `namespace` (the global namespace is the root of user declarations), `record` (members,
 * with base classes searched after the record itself), `function`/`block`, and `template`
 * (template parameters bound to types or constants in an instance).
 *
 * Built-in functions and types live in tables (../builtins) and are attached to the global
 * namespace, `std` and `cooperative_groups` as a `builtins` map consulted at the same level
 * as user declarations, so that a user's `min(float2, float2)` overloads the built-in `min`
 * and a user's `typedef` of a built-in name simply takes precedence.
 *
 * Lookup is a walk up the parent chain with one Map probe per scope (plus the namespaces
 * named by using-directives), so it is linear in nesting depth, never in program size.
 */
import type { Entity, RecordInfo } from './entities.js';

export type ScopeKind = 'namespace' | 'record' | 'function' | 'block' | 'template';

export class Scope {
  // a few names: parallel arrays scanned linearly (block scopes declare one or two); more: a Map.
  // Both are created on first declaration: most block scopes declare nothing.
  private keys: string[] | undefined;
  private vals: Entity[][] | undefined;
  private names: Map<string, Entity[]> | undefined;
  /** namespaces made visible here by `using namespace` */
  readonly usings: Scope[] = NO_USINGS;
  /** built-in entries visible at this level (global namespace, std, cooperative_groups) */
  builtins?: ReadonlyMap<string, readonly Entity[]>;

  constructor(
    readonly kind: ScopeKind,
    readonly parent: Scope | undefined,
    /** namespaces and records: the name, for qualified display (`ns::f`) */
    readonly name = '',
    readonly record?: RecordInfo,
  ) {}

  /** `ns::inner::` prefix for names declared here (empty at global scope). */
  get prefix(): string {
    let out = '';
    for (let s: Scope | undefined = this; s; s = s.parent) {
      if ((s.kind === 'namespace' || s.kind === 'record') && s.name) out = s.name + '::' + out;
    }
    return out;
  }

  declare(name: string, entity: Entity): void {
    const list = this.find(name);
    if (list) list.push(entity);
    else this.add(name, [entity]);
  }

  /** Replace what `name` means here (a definition completing a forward declaration). */
  replace(name: string, entity: Entity): void {
    if (this.names !== undefined) {
      this.names.set(name, [entity]);
      return;
    }
    const keys = this.keys;
    if (keys !== undefined) {
      for (let i = 0; i < keys.length; i++) {
        if (keys[i] === name) {
          this.vals![i] = [entity];
          return;
        }
      }
    }
    this.add(name, [entity]);
  }

  private find(name: string): Entity[] | undefined {
    if (this.names !== undefined) return this.names.get(name);
    const keys = this.keys;
    if (keys === undefined) return undefined;
    for (let i = 0; i < keys.length; i++) if (keys[i] === name) return this.vals![i];
    return undefined;
  }

  private add(name: string, list: Entity[]): void {
    if (this.names !== undefined) {
      this.names.set(name, list);
      return;
    }
    if (this.keys === undefined) {
      this.keys = [name];
      this.vals = [list];
      return;
    }
    this.keys.push(name);
    this.vals!.push(list);
    if (this.keys.length > SMALL_SCOPE) {
      this.names = new Map();
      for (let i = 0; i < this.keys.length; i++) this.names.set(this.keys[i]!, this.vals![i]!);
      this.keys = undefined;
      this.vals = undefined;
    }
  }

  /** Make the namespace `s` visible here (`using namespace`). */
  addUsing(s: Scope): void {
    if (this.usings === NO_USINGS) (this as { usings: Scope[] }).usings = [];
    this.usings.push(s);
  }

  /** What this scope itself declares (no built-ins, no usings, no bases). */
  own(name: string): readonly Entity[] | undefined {
    return this.find(name);
  }

  /**
   * What `name` means when looked up in this scope only (qualified lookup `S::name`,
   * `ns::name`): own declarations, built-ins at this level, using-directives, record bases.
   * Functions from every source are merged into one overload set.
   */
  lookupHere(name: string, seen?: Set<Scope>): readonly Entity[] | undefined {
    const own = this.names === undefined && this.keys === undefined ? undefined : this.find(name);
    // the common case (block and function scopes): nothing but own declarations
    if (this.builtins === undefined && this.usings.length === 0 && this.record === undefined) return own;
    const builtin = this.builtins === undefined ? undefined : this.builtins.get(name);
    let found: readonly Entity[] | undefined = own;
    if (builtin) found = found ? mergeOverloads(found, builtin) : builtin;
    if (found && !isAllFunctions(found)) return found;
    if (this.usings.length) {
      const visited = seen ?? new Set<Scope>([this]);
      for (const u of this.usings) {
        if (visited.has(u)) continue;
        visited.add(u);
        const r = u.lookupHere(name, visited);
        if (r) found = found ? mergeOverloads(found, r) : r;
      }
    }
    if (!found && this.record) {
      for (const base of this.record.bases) {
        const r = base.record.scope.lookupHere(name);
        if (r) return r;
      }
    }
    return found;
  }

  /** Unqualified lookup: the innermost scope that declares `name` decides. */
  lookup(name: string): readonly Entity[] | undefined {
    for (let s: Scope | undefined = this; s; s = s.parent) {
      const r = s.lookupHere(name);
      if (r) return r;
    }
    return undefined;
  }

  /** The innermost enclosing namespace scope. */
  get namespace(): Scope {
    let s: Scope = this;
    while (s.kind !== 'namespace' && s.parent) s = s.parent;
    return s;
  }

  /** The innermost enclosing record, if any. */
  get enclosingRecord(): RecordInfo | undefined {
    for (let s: Scope | undefined = this; s; s = s.parent) if (s.record) return s.record;
    return undefined;
  }
}

const NO_USINGS: Scope[] = [];
/** names kept in arrays before a scope switches to a Map */
const SMALL_SCOPE = 8;

function isAllFunctions(list: readonly Entity[]): boolean {
  for (let i = 0; i < list.length; i++) {
    const k = list[i]!.kind;
    if (k !== 'function' && k !== 'builtin') return false;
  }
  return true;
}

function mergeOverloads(a: readonly Entity[], b: readonly Entity[]): readonly Entity[] {
  if (!isAllFunctions(a)) return a;
  if (!isAllFunctions(b)) return a;
  const out = a.slice();
  for (const e of b) if (!out.includes(e)) out.push(e);
  return out;
}
