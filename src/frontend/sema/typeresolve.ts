/**
 * From types as written (ast.TypeNode) to semantic types: builtin spellings, typedefs,
 * records, enums, template parameters bound in an instance, class-template instances
 * (`Vec<float, 4>`, `cg::thread_block_tile<32>`), pointers, references, arrays whose sizes
 * are constant-evaluated, function types and `decltype`.
 */
import type * as ast from '../ast.js';
import { checkExpr } from './expressions.js';
import { type Ctx, undeclaredNotes } from './context.js';
import { semaDiagnostics as D } from './diagnostics.js';
import { declareEnum, declareRecord } from './records.js';
import { evaluate } from './consteval.js';
import { lookupQualified } from './lookup.js';
import type { Scope } from './scope.js';
import { instantiateClassFromAst } from './templates.js';
import { T, type Type, arrayOf, functionType, integerRepr, pointerTo, qualifiedCV, referenceTo } from './types.js';

const BUILTIN: Readonly<Record<ast.BuiltinTypeName, Type>> = {
  void: T.void, bool: T.bool, char: T.char, 'signed char': T.schar, 'unsigned char': T.uchar,
  short: T.short, 'unsigned short': T.ushort, int: T.int, 'unsigned int': T.uint,
  long: T.long, 'unsigned long': T.ulong, 'long long': T.llong, 'unsigned long long': T.ullong,
  float: T.float, double: T.double, 'long double': T.double,
  wchar_t: T.wchar, char16_t: T.char16, char32_t: T.char32, auto: T.error,
};

export function resolveType(ctx: Ctx, node: ast.TypeNode, scope: Scope): Type {
  const c = node.const;
  const v = node.volatile;
  switch (node.kind) {
    case 'builtin':
      if (node.name === 'long double' && ctx.inDevice) ctx.report(D.longDouble, node.span);
      return qualifiedCV(BUILTIN[node.name], c, v);
    case 'named':
      return qualifiedCV(resolveNamedType(ctx, node.name, scope), c, v);
    case 'elaborated':
      return qualifiedCV(resolveElaborated(ctx, node, scope), c, v);
    case 'definition':
      return qualifiedCV(node.decl.kind === 'record' ? declareRecord(ctx, node.decl, scope) : declareEnum(ctx, node.decl, scope), c, v);
    case 'pointer': {
      const pointee = resolveType(ctx, node.pointee, scope);
      if (pointee.kind === 'error') return pointee;
      if (pointee.kind === 'reference') {
        ctx.report(D.unsupported, node.span, { what: 'a pointer to a reference' });
        return T.error;
      }
      return qualifiedCV(pointerTo(pointee, 'generic', !!node.restrict), c, v);
    }
    case 'reference': {
      const referent = resolveType(ctx, node.referent, scope);
      if (referent.kind === 'error') return referent;
      if (referent.kind === 'reference') return referent; // reference collapsing
      return referenceTo(referent, node.rvalue);
    }
    case 'array': {
      const element = resolveType(ctx, node.element, scope);
      if (element.kind === 'error') return element;
      if (!node.size) return qualifiedCV(arrayOf(element, undefined), c, v);
      const size = constantInteger(ctx, node.size, scope, 'array size');
      if (size === undefined) return T.error;
      if (size <= 0n) {
        ctx.report(D.arraySizeInvalid, node.size.span, { size: size.toString() });
        return T.error;
      }
      return qualifiedCV(arrayOf(element, Number(size)), c, v);
    }
    case 'function': {
      const result = resolveType(ctx, node.result, scope);
      const params = node.params.map((p) => adjustParamType(resolveType(ctx, p.type, scope)));
      return functionType(result, params, node.variadic);
    }
    case 'decltype': {
      ctx.unevaluated++;
      const e = checkExpr(ctx, node.expr, scope);
      ctx.unevaluated--;
      if (node.expr.kind === 'ident' && e.kind === 'var') return qualifiedCV(e.entity.type, c, v);
      return qualifiedCV(e.type, c, v);
    }
  }
}

/** Parameters of array and function type become pointers (C's adjustment). */
export function adjustParamType(t: Type): Type {
  if (t.kind === 'array') return pointerTo(t.element);
  if (t.kind === 'function') return pointerTo(t);
  return t;
}

/** Resolve a name used as a type; reports and returns the error type on failure. */
export function resolveNamedType(ctx: Ctx, name: ast.QualifiedName, scope: Scope): Type {
  const found = lookupQualified(ctx, name, scope);
  const last = name.parts[name.parts.length - 1]!;
  if (!found) {
    if (name.parts.length === 1 && !name.global) reportUnknownType(ctx, last.name, last.span);
    return T.error;
  }
  const e = found[0]!;
  if (e.kind === 'type') {
    if (last.templateArgs) {
      ctx.report(D.notATemplate, last.span, { name: last.name });
      return T.error;
    }
    return e.type;
  }
  if (e.kind === 'class-template') {
    if (!last.templateArgs) {
      ctx.report(D.templateArgCount, last.span, { many: 'few', name: last.name });
      return T.error;
    }
    return instantiateClassFromAst(ctx, e, last.templateArgs, scope, last.span);
  }
  if (e.kind === 'alias-template') {
    return instantiateClassFromAst(ctx, e, last.templateArgs ?? [], scope, last.span);
  }
  ctx.report(D.notAType, last.span, { name: last.name });
  return T.error;
}

export function reportUnknownType(ctx: Ctx, name: string, span: ast.NamePart['span']): void {
  if (ctx.tolerant) {
    ctx.markNotRunnable(`uses type '${name}', which kcc does not know`);
    return;
  }
  const { notes, setAside } = undeclaredNotes(ctx, name);
  if (setAside) ctx.report(D.setAsideUse, span, { name }, notes);
  else ctx.report(D.unknownType, span, { name }, notes);
}

function resolveElaborated(ctx: Ctx, node: ast.TypeNode & { kind: 'elaborated' }, scope: Scope): Type {
  const found = lookupQualified(ctx, node.name, scope, { report: false });
  const e = found?.find((x) => x.kind === 'type');
  if (e && e.kind === 'type') return e.type;
  if (node.name.parts.length === 1 && node.tag !== 'enum') {
    // `struct S *p;` declares S (incomplete) in the enclosing namespace
    return declareRecord(ctx, { kind: 'record', tag: node.tag, name: node.name, bases: [], span: node.span }, scope.namespace);
  }
  reportUnknownType(ctx, node.name.parts.map((p) => p.name).join('::'), node.name.span);
  return T.error;
}

/** Check and evaluate an integral constant expression; reports and returns undefined if it is not one. */
export function constantInteger(ctx: Ctx, e: ast.Expr, scope: Scope, what: string): bigint | undefined {
  const c = checkExpr(ctx, e, scope);
  if (c.type.kind === 'error') return undefined;
  const v = integerRepr(c.type) ? evaluate(c) : undefined;
  if (!v || v.kind !== 'int') {
    ctx.report(D.notConstant, e.span, { what });
    return undefined;
  }
  return v.value;
}
