/**
 * The parser's public face: preprocessed tokens → AST.
 *
 *   parse(tokens, diags)                 a translation unit, item by item (items.ts)
 *   parseNameExpression(tokens, diags)   `reduce<float, 256>` as requested through the API
 *   parseTypeExpression(tokens, diags)   `float4`, `const float*` (API argument specs)
 *
 * One chevrotain parser is built on first use and shared (parser.ts); each call gets a fresh
 * name table seeded with CUDA's built-in names.
 */
import { EOF } from 'chevrotain';
import type { QualifiedName, TranslationUnit, TypeNode } from '../ast.js';
import type { DiagnosticBag } from '../../support/diagnostics/index.js';
import type { Span } from '../../support/source.js';
import type { Token } from '../token.js';
import { type KToken, convertTokens, makeToken } from './convert.js';
import { decodeMessage, parseDiagnostics } from './diagnostics.js';
import { ItemParser } from './items.js';
import { type KccParser, sharedParser } from './parser.js';
import { NameTable } from './scope.js';

export { parseDiagnostics } from './diagnostics.js';
export { KccParser } from './parser.js';

export interface ParseOptions {
  /** the main file's id (the translation unit's `file`) */
  mainFile?: number;
}

export function parse(tokens: readonly Token[], diags: DiagnosticBag, opts: ParseOptions = {}): TranslationUnit {
  const parser = sharedParser();
  parser.table = new NameTable();
  parser.assumeTemplates = false;
  const toks = convertTokens(tokens);
  const decls = new ItemParser(parser, toks, diags).parseRange(0, toks.length, 0);
  const file = opts.mainFile ?? tokens[0]?.span.file ?? 0;
  return { kind: 'translation-unit', decls, file };
}

/** `reduce<float, 256>`, `ns::k<int>`: every name followed by `<` takes template arguments here. */
export function parseNameExpression(tokens: readonly Token[], diags: DiagnosticBag): QualifiedName | undefined {
  return parseFragment(tokens, diags, true, (p) => p.qualifiedName()?.name);
}

/** A type-id such as `float4`, `const float*`, `S<int>`. */
export function parseTypeExpression(tokens: readonly Token[], diags: DiagnosticBag): TypeNode | undefined {
  return parseFragment(tokens, diags, false, (p) => p.typeId());
}

function parseFragment<R>(tokens: readonly Token[], diags: DiagnosticBag, assumeTemplates: boolean, rule: (p: KccParser) => R | undefined): R | undefined {
  const parser = sharedParser();
  parser.table = new NameTable();
  parser.assumeTemplates = assumeTemplates;
  const stream = convertTokens(tokens);
  const toks: KToken[] = stream.tokens(0, stream.length);
  const last = tokens[tokens.length - 1];
  const endSpan: Span = last ? { ...last.span, start: last.span.end } : { file: 0, start: 0, end: 0 };
  const eof: Token = { kind: 'eof', text: '', span: endSpan, spaceBefore: false, lineStart: false };
  for (let i = 0; i < 4; i++) toks.push(makeToken(EOF, eof));
  try {
    parser.beginItem(toks);
    const result = rule(parser);
    for (const p of parser.problems) diags.report(parseDiagnostics[p.key], p.span, { arg: p.arg ?? '' });
    const e = parser.errors[0];
    if (!e) return parser.problems.length > 0 ? undefined : result;
    const { def, args } = decodeMessage(e.message);
    diags.report(def, (e.token as Partial<KToken>).src?.span ?? endSpan, args);
    return undefined;
  } catch (e) {
    diags.report(parseDiagnostics.internalError, endSpan, { message: e instanceof Error ? e.message : String(e) });
    return undefined;
  } finally {
    parser.assumeTemplates = false;
  }
}
