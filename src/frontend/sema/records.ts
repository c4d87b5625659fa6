/**
 * Records (struct/class/union) and enumerations: declaration, definition of members
 * (fields, bit-fields, static members, methods, nested types), completion with the C layout
 * (layout.ts), default member initialisers, and enumerators with their values.
 *
 * Method bodies are checked once the record is complete (C++'s rule that a class body is
 * a complete-class context), by functions.ts.
 */
import type * as ast from '../ast.js';
import type { Span } from '../../support/source.js';
import type { CExpr } from './checked.js';
import type { Ctx } from './context.js';
import { declareFunction, declareDecl } from './declarations.js';
import { semaDiagnostics as D } from './diagnostics.js';
import { type EnumInfo, type FieldInfo, type FunctionEntity, type RecordInfo, type TemplateArgValue, type ClassTemplateEntity, freshId } from './entities.js';
import { checkFunctionBody } from './functions.js';
import { checkInitializer } from './initializers.js';
import { layoutRecord } from './layout.js';
import { Scope } from './scope.js';
import { constantInteger, resolveType } from './typeresolve.js';
import { T, type EnumType, type IntType, type RecordType, type Type, integerRepr, isIntegral, qualified, unqualified } from './types.js';

/** Default member initialisers (`int n = 0;`), by field. */
export const fieldDefaults = new WeakMap<FieldInfo, CExpr>();

/**
 * Declare (and, with members, define) a record in `scope`. Returns its type; a forward
 * declaration of an existing record returns that record.
 */
export function declareRecord(
  ctx: Ctx,
  decl: ast.RecordDecl,
  scope: Scope,
  instance?: { template: ClassTemplateEntity; args: readonly TemplateArgValue[]; displayName: string; bindings: Scope; memo: (t: RecordType) => void },
): RecordType {
  const name = instance ? instance.template.name : (decl.name?.parts[decl.name.parts.length - 1]?.name ?? '');
  let existing: RecordType | undefined;
  if (name && !instance) {
    const prev = scope.own(name)?.find((e) => e.kind === 'type');
    if (prev && prev.kind === 'type' && prev.type.kind === 'record') existing = prev.type;
  }
  if (existing && (!decl.members || !existing.record.complete)) {
    if (decl.members) defineRecord(ctx, existing.record, decl);
    return existing;
  }
  if (existing && decl.members) {
    ctx.report(D.redefinition, decl.name?.span ?? decl.span, { name }, existing.record.span ? [{ message: 'previous definition is here', span: existing.record.span }] : []);
    return existing;
  }
  const displayName = instance ? instance.displayName : name ? scope.prefix + name : `(anonymous ${decl.tag})`;
  const info: RecordInfo = {
    id: freshId(), tag: decl.tag, name: name || displayName, displayName, fields: [], bases: [],
    scope: undefined as unknown as Scope, complete: false, decl, span: decl.name?.span ?? decl.span,
    ...(instance ? { instanceOf: { template: instance.template, args: instance.args } } : {}),
  };
  (info as { scope: Scope }).scope = new Scope('record', instance ? instance.bindings : scope, name, info);
  const type: RecordType = { kind: 'record', record: info };
  instance?.memo(type);
  if (name && !instance) scope.declare(name, { kind: 'type', name, type, span: info.span });
  if (name) info.scope.declare(name, { kind: 'type', name, type, span: info.span }); // injected class name
  if (decl.members) defineRecord(ctx, info, decl);
  return type;
}

function defineRecord(ctx: Ctx, info: RecordInfo, decl: ast.RecordDecl): void {
  const ms = info.scope;
  if (decl.specs?.align) {
    const a = constantInteger(ctx, decl.specs.align, ms, '__align__ value');
    if (a !== undefined) info.explicitAlign = Number(a);
  }
  for (const b of decl.bases) {
    const t = resolveType(ctx, b.type, ms.parent ?? ms);
    if (t.kind === 'record' && t.record.complete) info.bases.push(t);
    else if (t.kind !== 'error') ctx.report(D.baseNotRecord, b.type.span, { type: String(t.kind === 'record' ? t.record.displayName : t.kind) });
  }
  const methods: FunctionEntity[] = [];
  const inits: [FieldInfo, ast.Expr][] = [];
  const asserts: ast.Decl[] = [];
  for (const m of decl.members ?? []) {
    switch (m.kind) {
      case 'var': {
        if (m.specs.storage === 'static') {
          declareDecl(ctx, m, ms);
          break;
        }
        const f = declareField(ctx, info, m);
        if (f && m.init) inits.push([f, m.init]);
        break;
      }
      case 'function': {
        const fn = declareFunction(ctx, m, ms, { kind: 'record', record: info });
        if (fn && m.body && !fn.template) methods.push(fn);
        break;
      }
      case 'static-assert':
        asserts.push(m);
        break;
      case 'access':
        break;
      case 'record':
        if (!m.name && m.members) {
          // anonymous struct/union member: its fields become fields of a nested record
          const t = declareRecord(ctx, m, ms);
          addField(ctx, info, `(anonymous ${m.tag})`, t, m.span);
        } else declareDecl(ctx, m, ms);
        break;
      default:
        declareDecl(ctx, m, ms);
    }
  }
  info.complete = true;
  layoutRecord(info);
  ctx.records.push(info);
  for (const [f, init] of inits) {
    const c = checkInitializer(ctx, init, f.type, ms, f.span);
    if (c) fieldDefaults.set(f, c);
  }
  for (const a of asserts) declareDecl(ctx, a, ms);
  for (const fn of methods) checkFunctionBody(ctx, fn);
}

function declareField(ctx: Ctx, info: RecordInfo, m: ast.VarDecl): FieldInfo | undefined {
  if (m.specs.shared || m.specs.constant) {
    ctx.report(D.sharedPlacement, m.specs.spans['__shared__'] ?? m.specs.spans['__constant__'] ?? m.span, { what: 'a member of a struct' });
  }
  let type = resolveType(ctx, m.type, info.scope);
  if (type.kind === 'error') return undefined;
  if (type.kind === 'void' || (type.kind === 'record' && !type.record.complete)) {
    ctx.report(D.fieldIncomplete, m.type.span, { type: type.kind === 'record' ? type.record.displayName : 'void' });
    return undefined;
  }
  if (type.kind === 'array' && type.size === undefined) {
    ctx.report(D.unsupported, m.span, { what: 'a flexible array member' });
    type = { ...type, size: 0 };
  }
  let bitWidth: number | undefined;
  if (m.bitWidth) {
    if (!isIntegral(type) && type.kind !== 'enum') {
      ctx.report(D.bitfieldType, m.nameSpan, { name: m.name, type: String(type.kind) });
      return undefined;
    }
    const w = constantInteger(ctx, m.bitWidth, info.scope, 'bit-field width');
    if (w === undefined) return undefined;
    bitWidth = Number(w);
  }
  let align: number | undefined;
  if (m.specs.align) {
    const a = constantInteger(ctx, m.specs.align, info.scope, '__align__ value');
    if (a !== undefined) align = Number(a);
  }
  return addField(ctx, info, m.name, type, m.nameSpan, bitWidth, align);
}

function addField(ctx: Ctx, info: RecordInfo, name: string, type: Type, span: Span, bitWidth?: number, align?: number): FieldInfo {
  const prev = info.fields.find((f) => f.name === name && name !== '');
  if (prev) ctx.report(D.redefinition, span, { name }, [{ message: 'previous declaration is here', span: prev.span }]);
  const f: FieldInfo = { name, type, index: info.fields.length, offset: 0, span, ...(bitWidth !== undefined ? { bitWidth } : {}), ...(align ? { align } : {}) };
  info.fields.push(f);
  return f;
}

/** Find a field by name, searching anonymous members and bases; returns the access path. */
export function findField(record: RecordInfo, name: string): { path: FieldInfo[]; bases: RecordType[] } | undefined {
  for (const f of record.fields) {
    if (f.name === name) return { path: [f], bases: [] };
    if (f.name.startsWith('(anonymous') && f.type.kind === 'record') {
      const inner = findField(f.type.record, name);
      if (inner) return { path: [f, ...inner.path], bases: inner.bases };
    }
  }
  for (const b of record.bases) {
    const r = findField(b.record, name);
    if (r) return { path: r.path, bases: [b, ...r.bases] };
  }
  return undefined;
}

// ----------------------------------------------------------------------------------------
// Enumerations

export function declareEnum(ctx: Ctx, decl: ast.EnumDecl, scope: Scope): EnumType {
  const name = decl.name?.parts[decl.name.parts.length - 1]?.name ?? '';
  if (name) {
    const prev = scope.own(name)?.find((e) => e.kind === 'type');
    if (prev && prev.kind === 'type' && prev.type.kind === 'enum') {
      if (!decl.enumerators || !prev.type.info.complete) {
        if (decl.enumerators) defineEnum(ctx, prev.type, decl, scope);
        return prev.type;
      }
      ctx.report(D.redefinition, decl.name!.span, { name }, prev.span ? [{ message: 'previous definition is here', span: prev.span }] : []);
      return prev.type;
    }
  }
  let fixed: IntType | undefined;
  if (decl.underlying) {
    const u = unqualified(resolveType(ctx, decl.underlying, scope));
    const r = integerRepr(u);
    if (r && r.kind === 'int') fixed = r;
  }
  const info: EnumInfo = {
    id: freshId(), name: name || '(anonymous enum)', displayName: name ? scope.prefix + name : '(anonymous enum)', scoped: decl.scoped,
    underlying: fixed ?? T.int, enumerators: [], complete: false, span: decl.name?.span ?? decl.span,
  };
  const type: EnumType = { kind: 'enum', info };
  if (name) scope.declare(name, { kind: 'type', name, type, span: info.span });
  if (decl.enumerators) defineEnum(ctx, type, decl, scope, fixed !== undefined || decl.scoped);
  return type;
}

function defineEnum(ctx: Ctx, type: EnumType, decl: ast.EnumDecl, scope: Scope, fixed = false): void {
  const info = type.info;
  let next = 0n;
  // during the definition, enumerators are visible (unqualified) in a scope of their own
  const inner = decl.scoped ? new Scope('block', scope) : scope;
  for (const e of decl.enumerators ?? []) {
    let value = next;
    if (e.value) {
      const v = constantInteger(ctx, e.value, inner, 'enumerator value');
      if (v !== undefined) value = v;
    }
    info.enumerators.push({ name: e.name, value });
    inner.declare(e.name, { kind: 'enumerator', name: e.name, value, type, span: e.span });
    next = value + 1n;
  }
  if (!fixed) {
    const vals = info.enumerators.map((e) => e.value);
    const lo = vals.reduce((a, b) => (b < a ? b : a), 0n);
    const hi = vals.reduce((a, b) => (b > a ? b : a), 0n);
    info.underlying = lo >= -(2n ** 31n) && hi < 2n ** 31n ? T.int : lo >= 0n && hi < 2n ** 32n ? T.uint : lo >= -(2n ** 63n) && hi < 2n ** 63n ? T.long : T.ulong;
  }
  info.complete = true;
}

/** The record type of `this` in a method (const for const methods). */
export function thisPointee(owner: RecordType, constMethod: boolean): Type {
  return qualified(owner, { const: constMethod });
}
