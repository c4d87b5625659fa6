/**
 * Qualified and unqualified name lookup over the scope tree: `x`, `ns::f`, `::g`,
 * `cg::this_thread_block`, `S::member`, `Vec<float, 4>::size`, `Color::Red`,
 * `std::numeric_limits<float>::max`.
 *
 * Every part but the last must name a namespace, a record (class-template instances are
 * created on the way), or an enumeration; the last part's entities are returned and the
 * caller decides what they may be (a type, a value, an overload set).
 */
import type * as ast from '../ast.js';
import type { Entity, EnumeratorEntity } from './entities.js';
import { type Ctx, undeclaredNotes } from './context.js';
import { semaDiagnostics as D } from './diagnostics.js';
import type { Scope } from './scope.js';
import { instantiateClassFromAst } from './templates.js';
import type { EnumType, Type } from './types.js';

export interface LookupOptions {
  /** report failures (default true) */
  readonly report?: boolean;
}

/** What a qualifier part names: the scope to continue in, or an enum for `E::A`. */
type Qualifier = { readonly kind: 'scope'; readonly scope: Scope; readonly display: string } | { readonly kind: 'enum'; readonly type: EnumType };

/**
 * Look up a qualified name; undefined when not found (reported unless `report` is false).
 * Unqualified names that are not found are reported by the caller, which knows whether a
 * type or a value was expected.
 */
export function lookupQualified(ctx: Ctx, name: ast.QualifiedName, scope: Scope, opts: LookupOptions = {}): readonly Entity[] | undefined {
  const report = opts.report ?? true;
  const parts = name.parts;
  if (parts.length === 1 && !name.global) return scope.lookup(parts[0]!.name);
  let qual: Qualifier | undefined = name.global ? { kind: 'scope', scope: ctx.global, display: '' } : undefined;
  for (let i = 0; i < parts.length - 1; i++) {
    const part = parts[i]!;
    const found: readonly Entity[] | undefined = qual === undefined ? scope.lookup(part.name) : lookupIn(qual, part.name);
    if (!found) {
      if (report) reportMissing(ctx, qual, part, parts[0]!.name);
      return undefined;
    }
    const next = qualifierOf(ctx, found, part, scope);
    if (!next) {
      if (report) ctx.report(D.notAScope, part.span, { name: part.name });
      return undefined;
    }
    qual = next;
  }
  const last = parts[parts.length - 1]!;
  const found = qual === undefined ? scope.lookup(last.name) : lookupIn(qual, last.name);
  if (!found && report && qual) reportMissing(ctx, qual, last, parts[0]!.name);
  return found;
}

function lookupIn(q: Qualifier, name: string): readonly Entity[] | undefined {
  if (q.kind === 'scope') return q.scope.lookupHere(name);
  const e = q.type.info.enumerators.find((x) => x.name === name);
  if (!e) return undefined;
  const ent: EnumeratorEntity = { kind: 'enumerator', name, value: e.value, type: q.type };
  return [ent];
}

function reportMissing(ctx: Ctx, q: Qualifier | undefined, part: ast.NamePart, first: string): void {
  if (ctx.tolerant) {
    ctx.markNotRunnable(`uses '${part.name}', which kcc does not know`);
    return;
  }
  if (!q) {
    const { notes } = undeclaredNotes(ctx, part.name, first);
    ctx.report(D.undeclared, part.span, { name: part.name }, notes);
    return;
  }
  if (q.kind === 'enum') {
    ctx.report(D.noMember, part.span, { member: part.name, type: q.type.info.displayName });
    return;
  }
  const ns = q.scope.kind === 'namespace';
  const { notes } = undeclaredNotes(ctx, `${q.display ? q.display + '::' : ''}${part.name}`, first);
  if (ns) ctx.report(D.noMemberInNamespace, part.span, { name: part.name, ns: q.display || '::' }, notes);
  else ctx.report(D.noMember, part.span, { member: part.name, type: q.display }, notes);
}

function qualifierOf(ctx: Ctx, found: readonly Entity[], part: ast.NamePart, scope: Scope): Qualifier | undefined {
  const e = found[0]!;
  switch (e.kind) {
    case 'namespace': return { kind: 'scope', scope: e.scope, display: e.scope.prefix.slice(0, -2) || e.name };
    case 'type': return qualifierOfType(e.type);
    case 'class-template': {
      if (!part.templateArgs) return undefined;
      const t = instantiateClassFromAst(ctx, e, part.templateArgs, scope, part.span);
      return t.kind === 'record' ? qualifierOfType(t) : undefined;
    }
    default: return undefined;
  }
}

function qualifierOfType(t: Type): Qualifier | undefined {
  if (t.kind === 'record') return { kind: 'scope', scope: t.record.scope, display: t.record.displayName };
  if (t.kind === 'enum') return { kind: 'enum', type: t };
  return undefined;
}
