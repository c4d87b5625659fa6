/**
 * Test helpers for semantic analysis: source text → preprocess → parse → check, with the
 * diagnostics as plain strings (`code message @line:col`) for compact expectations.
 */
import { DiagnosticBag } from '../../../src/support/diagnostics/index.js';
import { formatDiagnostics } from '../../../src/support/diagnostics/index.js';
import { SourceManager } from '../../../src/support/source.js';
import { preprocess } from '../../../src/frontend/preprocess/index.js';
import { parse } from '../../../src/frontend/parse/index.js';
import { check } from '../../../src/frontend/sema/index.js';
import type { CheckedFunction, CheckedProgram, CExpr, CStmt } from '../../../src/frontend/sema/checked.js';

export interface Checked {
  program: CheckedProgram;
  diags: DiagnosticBag;
  sources: SourceManager;
  /** `KCC3001 use of undeclared identifier 'x' @3:5` per diagnostic (errors and warnings) */
  messages: string[];
  errors: string[];
  text: string;
}

export function checkSource(src: string, opts: { instantiate?: string[]; implicit?: boolean; filename?: string } = {}): Checked {
  const sources = new SourceManager();
  const diags = new DiagnosticBag(sources, 200);
  const main = sources.add(opts.filename ?? 'test.cu', src);
  const pp = preprocess(sources, main, diags, opts.implicit === false ? { implicitIncludes: [] } : {});
  const tu = parse(pp.tokens, diags, { mainFile: main.id });
  const program = check(tu, diags, sources, { instantiate: opts.instantiate, skippedHeaders: pp.skippedHeaders });
  const messages = diags.list.map((d) => {
    const at = d.span ? sources.describe(d.span) : undefined;
    return `${d.code} ${d.message}${at ? ` @${at.line}:${at.column}` : ''}`;
  });
  return {
    program, diags, sources, messages,
    errors: diags.list.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.message}`),
    text: formatDiagnostics(sources, diags.list),
  };
}

/** Check and require no errors; returns the program. */
export function ok(src: string, opts: Parameters<typeof checkSource>[1] = {}): CheckedProgram {
  const r = checkSource(src, opts);
  if (r.diags.hasErrors) throw new Error(`unexpected errors:\n${r.text}`);
  return r.program;
}

export function fn(p: CheckedProgram, name: string): CheckedFunction {
  const f = p.allFunctions.find((x) => x.name === name);
  if (!f) throw new Error(`no function ${name}; have ${p.allFunctions.map((x) => x.name).join(', ')}`);
  return f;
}

/** Every expression in a function body, in pre-order. */
export function exprs(f: CheckedFunction): CExpr[] {
  const out: CExpr[] = [];
  const visitE = (e: CExpr | undefined): void => {
    if (!e) return;
    out.push(e);
    for (const v of Object.values(e)) {
      if (v && typeof v === 'object' && 'kind' in v && 'type' in v && 'category' in v) visitE(v as CExpr);
      if (Array.isArray(v)) for (const x of v) if (x && typeof x === 'object' && 'category' in x) visitE(x as CExpr);
    }
  };
  const visitS = (s: CStmt | undefined): void => {
    if (!s) return;
    for (const v of Object.values(s)) {
      if (v && typeof v === 'object' && 'category' in v) visitE(v as CExpr);
      else if (v && typeof v === 'object' && 'kind' in v && 'span' in v) visitS(v as CStmt);
      if (Array.isArray(v)) for (const x of v) if (x && typeof x === 'object' && 'kind' in x) ('category' in x ? visitE(x as CExpr) : visitS(x as CStmt));
    }
  };
  visitS(f.body);
  return out;
}

/** The calls in a function: `name(sig)` of built-ins and `name` of user functions. */
export function calls(f: CheckedFunction): string[] {
  return exprs(f).flatMap((e) => (e.kind === 'builtin-call' ? [`${e.builtin.name}:${e.signature.text}`] : e.kind === 'call' ? [e.fn.qualifiedName] : []));
}
