/**
 * Template instances requested by name expression (`reduce<float, 256>`, `ns::k<int>`), from
 * `check(…, { instantiate })` and from the API's `launch('reduce<float, 256>')`.
 *
 * A name expression is a qualified name whose last part has template arguments (types or
 * constants); it is lexed as a source file of its own (`<instantiate>`) and parsed with the
 * parser's name-expression rule.
 */
import type * as ast from '../ast.js';
import type { Span } from '../../support/source.js';
import type { CheckedFunction } from './checked.js';
import type { Ctx } from './context.js';
import { semaDiagnostics as D } from './diagnostics.js';
import type { FunctionEntity } from './entities.js';
import { requestKernel } from './functions.js';
import { lookupQualified } from './lookup.js';
import { lex } from '../lex/lexer.js';
import { parseNameExpression, parseTypeExpression } from '../parse/index.js';
import { argsDisplay, declareInstance, ensureInstanceBody, evalTemplateArgs } from './templates.js';

/** Parse `a::b<T, 4>` with the parser's name-expression rule; undefined if it is not one. */
export function parseNameRequest(ctx: Ctx, text: string): ast.QualifiedName | undefined {
  const file = ctx.sources.add('<instantiate>', text);
  const tokens = lex(file, ctx.diags).filter((t) => t.kind !== 'eof');
  if (!tokens.length) return undefined;
  return parseNameExpression(tokens, ctx.diags);
}

/**
 * Instantiate the kernel template a name expression names and make it a kernel.
 * Reports (at `span`, or without a location) and returns undefined on failure.
 */
export function requestInstance(ctx: Ctx, text: string, span?: Span): CheckedFunction | undefined {
  const name = parseNameRequest(ctx, text);
  if (!name) {
    ctx.report(D.requestUnparsable, span, { text });
    return undefined;
  }
  const last = name.parts[name.parts.length - 1]!;
  const found = lookupQualified(ctx, name, ctx.global, { report: false });
  const templates = found?.filter((e): e is FunctionEntity => e.kind === 'function' && (!!e.template || e.space === 'global')) ?? [];
  if (!templates.length) {
    ctx.report(D.requestNotFound, span, { name: text });
    return undefined;
  }
  const plain = templates.find((t) => !t.template);
  if (plain && !last.templateArgs) {
    if (plain.space !== 'global') ctx.report(D.requestNotKernel, span, { name: text });
    return plain.checked;
  }
  const args = evalTemplateArgs(ctx, last.templateArgs ?? [], ctx.global);
  if (!args) return undefined;
  for (const t of templates) {
    if (!t.template) continue;
    const inst = declareInstance(ctx, t, args, span ?? t.decl.name.span);
    if (typeof inst === 'string') continue;
    if (inst.space !== 'global') {
      ctx.report(D.requestNotKernel, span, { name: `${t.qualifiedName}${argsDisplay(args)}` });
      return undefined;
    }
    ensureInstanceBody(ctx, inst, span ?? t.decl.name.span);
    requestKernel(ctx, inst);
    return inst.checked;
  }
  ctx.report(D.cannotDeduce, span, { name: text });
  return undefined;
}

const conversionTypes = new WeakMap<ast.FunctionDecl, ast.TypeNode | null>();

/**
 * The type a conversion function converts to (`operator T *()` → `T *`), parsed from its
 * name (the parser keeps the name's text), or undefined if `decl` is not a conversion function.
 */
export function conversionType(ctx: Ctx, decl: ast.FunctionDecl): ast.TypeNode | undefined {
  const name = decl.name.parts[decl.name.parts.length - 1]!.name;
  if (!name.startsWith('operator ') || /^operator (new|delete)(\[\])?$/.test(name)) return undefined;
  let t = conversionTypes.get(decl);
  if (t === undefined) {
    const file = ctx.sources.add('<conversion>', name.slice('operator '.length));
    const tokens = lex(file, ctx.diags).filter((x) => x.kind !== 'eof');
    t = (tokens.length ? parseTypeExpression(tokens, ctx.diags) : undefined) ?? null;
    conversionTypes.set(decl, t);
  }
  return t ?? undefined;
}

/** `name<args><<<` in source text: a launch of a kernel template instance */
const LAUNCH_TEXT = /((?:::)?[A-Za-z_]\w*(?:\s*::\s*[A-Za-z_]\w*)*)\s*<((?:[^;{}()<>]|<[^;{}()<>]*>)*)>\s*<<</g;

/**
 * Host items the parser set aside may still launch kernel templates (`mm<16><<<…>>>` in a
 * `main` full of STL): no device code may disappear silently, so the instances such a launch
 * names with plain arguments (constants, type names) are instantiated as kernels. Failures
 * are quiet: the item is host code kcc does not understand.
 */
export function instantiateSetAsideLaunches(ctx: Ctx, decls: readonly ast.Decl[]): void {
  for (const d of decls) {
    if (d.kind === 'namespace' || d.kind === 'linkage') instantiateSetAsideLaunches(ctx, d.decls);
    if (d.kind !== 'set-aside') continue;
    const file = ctx.sources.files[d.span.file];
    if (!file || d.span.end <= d.span.start) continue;
    const text = file.text.slice(d.span.start, d.span.end);
    for (const m of text.matchAll(LAUNCH_TEXT)) {
      const name = m[1]!.replace(/\s+/g, '');
      const args = m[2]!;
      if (!/^[\w\s,:<>]+$/.test(args)) continue;
      const first = ctx.global.lookup(name.replace(/^::/, '').split('::')[0]!);
      if (!first?.length) continue;
      if (!name.includes('::') && !first.some((e) => e.kind === 'function' && e.space === 'global' && !!e.template)) continue;
      ctx.muted++;
      try {
        requestInstance(ctx, `${name}<${args}>`);
      } finally {
        ctx.muted--;
      }
    }
  }
}
