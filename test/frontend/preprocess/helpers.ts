/**
 * Test helpers: preprocess a string with an in-memory file system and render the result as
 * text (tokens separated by single spaces), with the diagnostics resolved to line/column.
 */
import { SourceManager } from '../../../src/support/source.js';
import { DiagnosticBag } from '../../../src/support/diagnostics/index.js';
import { type PreprocessOptions, type PreprocessResult, preprocess } from '../../../src/frontend/preprocess/index.js';
import type { Token } from '../../../src/frontend/token.js';

export interface PPRun {
  /** tokens (without the final eof) joined by single spaces */
  text: string;
  /** one string per output line (a token that starts a source line starts a new one) */
  lines: string[];
  tokens: Token[];
  diags: { code: string; severity: string; message: string; file?: string; line?: number; column?: number; notes: { message: string; line?: number }[] }[];
  /** "CODE@line:col" for each diagnostic */
  codes: string[];
  result: PreprocessResult;
  sources: SourceManager;
  bag: DiagnosticBag;
}

export interface PPTestOptions extends Omit<PreprocessOptions, 'readFile'> {
  files?: Record<string, string>;
  /** path of the main file (default main.cu) */
  path?: string;
}

export function pp(src: string, opts: PPTestOptions = {}): PPRun {
  const files = opts.files ?? {};
  const sources = new SourceManager();
  const main = sources.add(opts.path ?? 'main.cu', src);
  const bag = new DiagnosticBag(sources, 1000);
  const result = preprocess(sources, main, bag, { implicitIncludes: [], ...opts, readFile: (p) => files[p] });
  const tokens = result.tokens.slice(0, -1);
  return {
    text: render(tokens),
    lines: renderLines(tokens),
    tokens,
    diags: bag.resolve(),
    codes: bag.resolve().map((d) => `${d.code}@${d.line ?? '?'}:${d.column ?? '?'}`),
    result,
    sources,
    bag,
  };
}

export function render(tokens: readonly Token[]): string {
  return tokens.map((t) => (t.kind === 'pragma' ? `#pragma(${t.text})` : t.text)).join(' ');
}

export function renderLines(tokens: readonly Token[]): string[] {
  const lines: string[] = [];
  let cur = '';
  for (const t of tokens) {
    if (t.lineStart && cur) {
      lines.push(cur);
      cur = '';
    }
    cur += (cur && t.spaceBefore ? ' ' : '') + (t.kind === 'pragma' ? `#pragma ${t.text}` : t.text);
  }
  if (cur) lines.push(cur);
  return lines;
}

/** milliseconds taken by f */
export function timed<T>(f: () => T): { value: T; ms: number } {
  const t0 = performance.now();
  const value = f();
  return { value, ms: performance.now() - t0 };
}
