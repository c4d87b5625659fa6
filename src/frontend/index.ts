/**
 * The frontend as one call: source text → tokens → AST → checked program.
 *
 *   preprocess (frontend/preprocess) ─▶ tokens ─ parse (frontend/parse) ─▶ AST
 *     ─ check (frontend/sema) ─▶ CheckedProgram
 *
 * Each stage reports into one DiagnosticBag and goes as far as it can, so a run shows several
 * errors; a later stage still runs after an earlier one reported errors (the parser skips broken
 * items, sema poisons broken types), but `ok` is false.
 */
import { DiagnosticBag } from '../support/diagnostics/index.js';
import { SourceManager, type SourceFile } from '../support/source.js';
import { preprocess, type PreprocessOptions } from './preprocess/index.js';
import { parse } from './parse/index.js';
import { check } from './sema/index.js';
import type { TranslationUnit } from './ast.js';
import type { Token } from './token.js';
import type { CheckedProgram } from './sema/checked.js';

export interface FrontendOptions {
  /** the main file's path as it should appear in diagnostics (default `<input>`) */
  filename?: string;
  includePaths?: string[];
  /** `-D NAME=VALUE` (an empty string for `-D NAME`, which defines it as 1) */
  defines?: Record<string, string>;
  undefines?: string[];
  /** template instances to create on request by name expression (`reduce<float, 256>`) */
  instantiate?: string[];
  /** stop after this stage */
  stopAfter?: 'preprocess' | 'parse' | 'check';
  /** like clang's -ferror-limit */
  errorLimit?: number;
  /** file access for #include (tests use an in-memory map) */
  readFile?: PreprocessOptions['readFile'];
}

export interface FrontendResult {
  sources: SourceManager;
  diagnostics: DiagnosticBag;
  main: SourceFile;
  tokens: readonly Token[];
  ast?: TranslationUnit;
  program?: CheckedProgram;
  /** no errors were reported */
  ok: boolean;
}

export function runFrontend(text: string, opts: FrontendOptions = {}): FrontendResult {
  const sources = new SourceManager();
  const diagnostics = new DiagnosticBag(sources, opts.errorLimit ?? 50);
  const main = sources.add(opts.filename ?? '<input>', text);
  const pp = preprocess(sources, main, diagnostics, {
    includePaths: opts.includePaths,
    defines: normaliseDefines(opts.defines),
    undefines: opts.undefines,
    readFile: opts.readFile,
  });
  const result: FrontendResult = { sources, diagnostics, main, tokens: pp.tokens, ok: false };
  if (opts.stopAfter !== 'preprocess' && !diagnostics.limitReached) {
    result.ast = parse(pp.tokens, diagnostics, { mainFile: main.id });
    if (opts.stopAfter !== 'parse' && !diagnostics.limitReached) {
      result.program = check(result.ast, diagnostics, sources, {
        instantiate: opts.instantiate,
        skippedHeaders: pp.skippedHeaders,
      });
    }
  }
  result.ok = !diagnostics.hasErrors;
  return result;
}

/** `-D N` means `-D N=1`, as in every C compiler. */
function normaliseDefines(defines: Record<string, string> | undefined): Record<string, string> | undefined {
  if (!defines) return undefined;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(defines)) out[k] = v === '' ? '1' : v;
  return out;
}
