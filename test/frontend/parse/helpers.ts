/**
 * Test helpers for the parser: source text → tokens (the real preprocessor, without the
 * implicit cuda_runtime.h unless asked) → AST, with the diagnostics rendered as
 * `line:col: severity: message` lines for compact assertions.
 */
import { DiagnosticBag } from '../../../src/support/diagnostics/index.js';
import { SourceManager } from '../../../src/support/source.js';
import { preprocess } from '../../../src/frontend/preprocess/index.js';
import { parse } from '../../../src/frontend/parse/index.js';
import { printAst, printExpr } from '../../../src/frontend/ast-print.js';
import type { TranslationUnit } from '../../../src/frontend/ast.js';
import type { Token } from '../../../src/frontend/token.js';

export interface Parsed {
  tu: TranslationUnit;
  diags: DiagnosticBag;
  sources: SourceManager;
  /** `line:col: severity: message` per diagnostic */
  messages: string[];
  errors: string[];
  ast: string;
}

export function tokensOf(text: string, opts: { runtime?: boolean } = {}): { tokens: readonly Token[]; sources: SourceManager; diags: DiagnosticBag } {
  const sources = new SourceManager();
  const diags = new DiagnosticBag(sources, 1000);
  const main = sources.add('test.cu', text);
  const pp = preprocess(sources, main, diags, { implicitIncludes: opts.runtime ? undefined : [] });
  return { tokens: pp.tokens, sources, diags };
}

export function parseText(text: string, opts: { runtime?: boolean } = {}): Parsed {
  const { tokens, sources, diags } = tokensOf(text, opts);
  const tu = parse(tokens, diags, { mainFile: 0 });
  const messages = diags.resolve().map((d) => `${d.line}:${d.column}: ${d.severity}: ${d.message}`);
  return { tu, diags, sources, messages, errors: messages.filter((m) => m.includes(': error: ')), ast: printAst(tu, sources) };
}

/** The printed form of one expression statement `e;` inside a function body. */
export function exprAst(expr: string, prelude = ''): string {
  const p = parseText(`${prelude}\nvoid f() { ${expr}; }`);
  if (p.errors.length) throw new Error(`errors for ${expr}: ${p.errors.join('; ')}`);
  const fn = p.tu.decls[p.tu.decls.length - 1]!;
  if (fn.kind !== 'function' || !fn.body) throw new Error('no function');
  const s = fn.body.stmts[0]!;
  if (s.kind !== 'expr') throw new Error(`not an expression statement: ${s.kind}`);
  return printExpr(s.expr);
}

export { printExpr };
