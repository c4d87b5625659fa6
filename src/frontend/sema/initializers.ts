/**
 * Initialisation: copy (`T x = e`), direct (`T x(a, b)`), list (`T x{a, b}`, `T x = {…}`)
 * and functional casts / construction (`T(a)`, `T{a, b}`). Aggregates (arrays, records
 * without constructors, vector types) are filled in order with C's brace elision and
 * designators (`.x = 1`, `[3] = 2`); records with constructors go through overload
 * resolution among them; `dim3(x, y)` fills missing extents with 1 as its constructor does.
 * Narrowing of a non-constant inside braces is an error, as in C++11.
 */
import type * as ast from '../ast.js';
import type { Span } from '../../support/source.js';
import { DIM3 } from '../builtins/types.js';
import { constInt, errorExpr } from './build.js';
import { callEntities } from './calls.js';
import type { CExpr } from './checked.js';
import type { Ctx } from './context.js';
import { toRvalue } from './conversions.js';
import { semaDiagnostics as D } from './diagnostics.js';
import type { Entity, FieldInfo, FunctionEntity } from './entities.js';
import { castTo, checkExpr, convertForInit } from './expressions.js';
import { vectorFields } from './members.js';
import { fieldDefaults } from './records.js';
import type { Scope } from './scope.js';
import { T, type RecordType, type Type, arrayOf, integerRepr, isArithmetic, sameType, typeToString, unqualified } from './types.js';

export function checkInitializer(ctx: Ctx, init: ast.Expr, type: Type, scope: Scope, span: Span, style?: ast.VarDecl['initStyle']): CExpr | undefined {
  if (type.kind === 'error') {
    checkExpr(ctx, init, scope);
    return undefined;
  }
  if (style === 'direct') {
    const args = init.kind === 'init-list' ? init.items.map((i) => i.value) : [init];
    return construct(ctx, type, args, false, scope, span);
  }
  if (init.kind === 'init-list') return braceInit(ctx, init.items, type, scope, init.span);
  const c = checkExpr(ctx, init, scope);
  if (c.type.kind === 'error') return c;
  if (type.kind === 'array') {
    if (c.kind === 'string' && type.element.kind === 'int' && type.element.bits === 8) {
      return { ...c, type: type.size === undefined ? arrayOf(type.element, (c.type as { size: number }).size) : type, category: 'rvalue' };
    }
    ctx.report(D.arrayInitNeedsList, init.span);
    return errorExpr(init.span);
  }
  if (type.kind === 'record' && hasConstructors(type) && !(c.type.kind === 'record' && c.type.record === type.record)) {
    return construct(ctx, type, [init], false, scope, span, [c]);
  }
  return convertForInit(ctx, c, type, 'init');
}

function constructors(t: RecordType): FunctionEntity[] {
  return (t.record.scope.own(t.record.name) ?? []).filter((e: Entity): e is FunctionEntity => e.kind === 'function' && !!e.ctor);
}

export function hasConstructors(t: Type): boolean {
  return t.kind === 'record' && !t.record.builtin && constructors(t).length > 0;
}

/** Value of a default-initialised object: a default constructor call, member defaults, or nothing. */
export function defaultInit(ctx: Ctx, type: Type, span: Span): CExpr | undefined {
  if (type.kind === 'record' && hasConstructors(type)) return construct(ctx, type, [], false, undefined, span);
  if (type.kind === 'record' && type.record.fields.some((f) => fieldDefaults.has(f))) {
    return { kind: 'aggregate', items: type.record.fields.map((f) => fieldDefaults.get(f) ?? zero(f.type, span)), type: unqualified(type), category: 'rvalue', span };
  }
  return undefined;
}

function zero(type: Type, span: Span): CExpr {
  return { kind: 'zero', type: unqualified(type), category: 'rvalue', span };
}

/** `T(args)` / `T{args}` (also direct-initialisation of a variable). */
export function construct(ctx: Ctx, type: Type, args: readonly ast.Expr[], braces: boolean, scope: Scope | undefined, span: Span, checked?: CExpr[]): CExpr {
  if (type.kind === 'error') return errorExpr(span);
  if (braces && scope) return braceInit(ctx, args.map((value) => ({ value })), type, scope, span);
  const cargs = checked ?? (scope ? args.map((a) => checkExpr(ctx, a, scope)) : []);
  if (cargs.some((a) => a.type.kind === 'error')) return errorExpr(span);
  const t = unqualified(type);
  if (t.kind === 'record' && hasConstructors(t)) {
    const r = callEntities(ctx, t.record.name, constructors(t), cargs, { span });
    return r.kind === 'call' ? { ...r, type: t, category: 'rvalue' } : r;
  }
  if (t.kind === 'vector' && t.name === 'dim3') {
    if (cargs.length > 3) return tooMany(ctx, 'dim3', span);
    if (cargs.length === 1 && cargs[0]!.type.kind === 'vector') return convertForInit(ctx, cargs[0]!, DIM3, 'init');
    const items = [0, 1, 2].map((i) => (cargs[i] ? convertForInit(ctx, cargs[i]!, T.uint, 'init') : constInt(T.uint, 1n, span)));
    return { kind: 'aggregate', items, type: DIM3, category: 'rvalue', span };
  }
  if (cargs.length === 0) return zero(t, span);
  if (cargs.length === 1) {
    if (t.kind === 'record' || t.kind === 'vector') return convertForInit(ctx, cargs[0]!, t, 'init');
    return castTo(ctx, cargs[0]!, t, 'c', span);
  }
  if (t.kind === 'vector' || (t.kind === 'record' && !t.record.builtin)) return aggregateFrom(ctx, cargs, t, span);
  return tooMany(ctx, typeToString(t), span);
}

function tooMany(ctx: Ctx, what: string, span: Span): CExpr {
  ctx.report(D.excessElements, span, { what });
  return errorExpr(span);
}

function aggregateFrom(ctx: Ctx, args: CExpr[], t: Type, span: Span): CExpr {
  const fields = t.kind === 'vector' ? vectorFields(t) : t.kind === 'record' ? t.record.fields : [];
  if (args.length > fields.length) return tooMany(ctx, t.kind === 'vector' ? 'vector' : 'struct', span);
  const items = args.map((a, i) => convertForInit(ctx, a, fields[i]!.type, 'init'));
  return { kind: 'aggregate', items, type: t, category: 'rvalue', span };
}

// ----------------------------------------------------------------------------------------
// Brace initialisation with elision and designators

interface Cursor {
  readonly items: readonly ast.InitItem[];
  pos: number;
}

export function braceInit(ctx: Ctx, items: readonly ast.InitItem[], type: Type, scope: Scope, span: Span): CExpr {
  const t = unqualified(type);
  if (t.kind === 'record' && hasConstructors(t)) {
    return construct(ctx, t, items.map((i) => i.value), false, scope, span);
  }
  if (t.kind === 'vector' && t.name === 'dim3') return construct(ctx, t, items.map((i) => i.value), false, scope, span);
  if (!isAggregate(t)) {
    if (items.length === 0) return zero(t, span);
    if (items.length > 1) return tooMany(ctx, 'scalar', items[1]!.value.span);
    const v = items[0]!.value;
    if (v.kind === 'init-list') return braceInit(ctx, v.items, t, scope, v.span);
    return scalarItem(ctx, checkExpr(ctx, v, scope), t);
  }
  const cur: Cursor = { items, pos: 0 };
  const r = fill(ctx, t, cur, scope, span, true);
  if (cur.pos < items.length) {
    const extra = items[cur.pos]!;
    ctx.report(D.excessElements, extra.value.span, { what: t.kind === 'array' ? 'array' : t.kind === 'vector' ? 'vector' : 'struct' });
  }
  return r;
}

function isAggregate(t: Type): boolean {
  return t.kind === 'array' || t.kind === 'vector' || (t.kind === 'record' && !t.record.builtin && !hasConstructors(t));
}

/** A scalar element from an expression, rejecting narrowing of non-constants. */
function scalarItem(ctx: Ctx, c: CExpr, t: Type): CExpr {
  if (c.type.kind === 'error') return c;
  const v = convertForInit(ctx, c, t, 'init');
  if (v.type.kind !== 'error' && v.kind !== 'const' && narrows(toRvalue(c).type, t)) {
    ctx.report(D.narrowing, c.span, { from: typeToString(unqualified(c.type)), to: typeToString(t) });
  }
  return v;
}

function narrows(from: Type, to: Type): boolean {
  if (!isArithmetic(from) || !isArithmetic(to) || to.kind === 'bool') return false;
  if (from.kind === 'float') return to.kind !== 'float' || to.bits < from.bits;
  const fi = integerRepr(from);
  if (to.kind === 'float') return !!fi;
  const ti = integerRepr(to);
  if (!fi || !ti || fi.kind === 'bool') return false;
  if (ti.kind === 'bool') return true;
  if (fi.signed === ti.signed) return fi.bits > ti.bits;
  return fi.signed ? true : fi.bits >= ti.bits;
}

function elementsOf(t: Type): { fields?: readonly FieldInfo[]; element?: Type; count: number } {
  if (t.kind === 'array') return { element: t.element, count: t.size ?? Infinity };
  if (t.kind === 'vector') return { fields: vectorFields(t), count: t.count };
  if (t.kind === 'record') return { fields: t.record.tag === 'union' ? t.record.fields.slice(0, 1) : t.record.fields, count: t.record.tag === 'union' ? 1 : t.record.fields.length };
  return { count: 0 };
}

/** Fill aggregate `t` from the cursor; `top` is true for the outermost braces (designators allowed). */
function fill(ctx: Ctx, t: Type, cur: Cursor, scope: Scope, span: Span, top: boolean): CExpr {
  const { fields, element, count } = elementsOf(t);
  const items: (CExpr | undefined)[] = [];
  let unionField: FieldInfo | undefined;
  let index = 0;
  while (cur.pos < cur.items.length && index < count) {
    const item = cur.items[cur.pos]!;
    if (item.designators?.length) {
      if (!top && index > 0) break;
      const d = item.designators[0]!;
      if ('field' in d) {
        const all = t.kind === 'record' ? t.record.fields : fields ?? [];
        const f = all.find((x) => x.name === d.field);
        if (!f) {
          ctx.report(D.noField, d.span, { name: d.field, type: typeToString(t) });
          cur.pos++;
          continue;
        }
        index = t.kind === 'record' && t.record.tag === 'union' ? 0 : f.index;
        if (t.kind === 'record' && t.record.tag === 'union') unionField = f;
      } else {
        const c = checkExpr(ctx, d.index, scope);
        index = c.kind === 'const' && c.value.kind === 'int' ? Number(c.value.value) : index;
      }
    }
    const et = unionField ? unionField.type : element ?? fields?.[index]?.type;
    if (!et) break;
    const v = item.value;
    if (v.kind === 'init-list') {
      items[index] = braceInit(ctx, v.items, et, scope, v.span);
      cur.pos++;
    } else if (isAggregate(unqualified(et)) && !(v.kind === 'string' && et.kind === 'array')) {
      // an expression of the element's own type initialises it whole; otherwise brace elision
      const probe = v.kind === 'ident' || v.kind === 'call' || v.kind === 'member' || v.kind === 'index' ? checkExpr(ctx, v, scope) : undefined;
      if (probe && sameType(unqualified(probe.type), unqualified(et))) {
        items[index] = convertForInit(ctx, probe, et, 'init');
        cur.pos++;
      } else items[index] = fill(ctx, unqualified(et), cur, scope, v.span, false);
    } else {
      items[index] = v.kind === 'string' && et.kind === 'array' ? checkInitializer(ctx, v, et, scope, v.span) ?? errorExpr(v.span) : scalarItem(ctx, checkExpr(ctx, v, scope), unqualified(et));
      cur.pos++;
    }
    index++;
  }
  let type = unqualified(t);
  if (type.kind === 'array' && type.size === undefined) type = arrayOf(type.element, items.length);
  const filled = Array.from(items, (x, i) => x ?? defaultItem(fields?.[i], element, span));
  if (type.kind === 'record' && type.record.tag !== 'union') {
    for (let i = filled.length; i < type.record.fields.length; i++) {
      const d = fieldDefaults.get(type.record.fields[i]!);
      if (!d) break;
      filled.push(d);
    }
  }
  return { kind: 'aggregate', items: filled, type, category: 'rvalue', span, ...(unionField ? { field: unionField } : {}) };
}

function defaultItem(f: FieldInfo | undefined, element: Type | undefined, span: Span): CExpr {
  if (f) return fieldDefaults.get(f) ?? zero(f.type, span);
  return zero(element ?? T.int, span);
}

