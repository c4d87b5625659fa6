/**
 * The preprocessor (C17 6.10, C++17 [cpp]): tokens of the main file and everything it
 * includes → one stream of expanded tokens for the parser, ending with one 'eof' token.
 *
 * Pipeline of one compilation: the `<built-in>` predefines, then the `<command line>` buffer
 * (`-D`, `-U`, forced `#include <cuda_runtime.h>` as nvcc does), then the main file, each
 * entered as a file on a stack. The file reader (this class, as a TokenSource) hands out
 * tokens of the top file and runs directives (directives.ts) when a line starts with `#`;
 * the Expander (expand.ts) sits on top of it and does macro expansion; `run` pulls expanded
 * tokens, applies `_Pragma`, and collects the output.
 *
 * Everything is iterative with explicit limits (include depth, expansion size, argument
 * nesting, `#if` nesting of parentheses), so pathological input ends with a diagnostic.
 *
 * Speed: most tokens are neither directives nor macro names, and `run` copies runs of those
 * straight from the file's token array to the output (no allocation, no expander); the
 * predefines-and-forced-includes prelude is memoised per configuration (prelude.ts).
 */
import { type SourceFile, type SourceManager, type Span, joinSpans } from '../../support/source.js';
import type { DiagnosticBag } from '../../support/diagnostics/index.js';
import { LexProblemReporter } from '../lex/lexer.js';
import type { Token } from '../token.js';
import { type LexedFile, lexCached, lexFile } from './builtin-headers.js';
import { ppDiagnostics as D } from './diagnostics.js';
import { runDirective, pragmaDirective } from './directives.js';
import { Expander, type ExpansionHost, ListSource, type TokenSource } from './expand.js';
import { IncludeResolver, readFileOrUndefined } from './include.js';
import { type Macro, dynamicMacro } from './macros.js';
import { COMMAND_LINE_PATH, commandLineText, dateAndTime, DYNAMIC_MACROS, PREDEFINED_TEXT, PREDEFINES_PATH } from './predefined.js';
import { findPrelude, type PreludeSnapshot, preludeKey, savePrelude } from './prelude.js';
import { type PPToken, ppToken } from './subst.js';

export interface PreprocessOptions {
  includePaths?: string[];
  defines?: Record<string, string>;
  undefines?: string[];
  /** injectable for tests; defaults to reading the file system (undefined: no such file) */
  readFile?: (path: string) => string | undefined;
  /** default ['cuda_runtime.h'], as nvcc force-includes it */
  implicitIncludes?: string[];
  /** limits against pathological input (defaults in DEFAULT_LIMITS) */
  limits?: Partial<PreprocessLimits>;
}

export interface PreprocessLimits {
  /** files open at once */
  includeDepth: number;
  /** tokens produced by macro expansion in one compilation */
  expansionTokens: number;
  /** macro invocations nested inside macro arguments */
  argumentDepth: number;
  /** nesting of parentheses and unary operators in a `#if` expression */
  ifExpressionDepth: number;
}

/**
 * expansionTokens: real files produce far fewer (a 5 MB source holds ~1.3M tokens in all);
 * 2M keeps an exponential macro bomb under ~3 s on a 2-core machine before it is cut off.
 */
export const DEFAULT_LIMITS: Readonly<PreprocessLimits> = { includeDepth: 200, expansionTokens: 2_000_000, argumentDepth: 256, ifExpressionDepth: 1000 };

export interface PreprocessResult {
  /** ends with one 'eof' token */
  tokens: Token[];
  /** angled includes kcc does not provide, skipped as host-only */
  skippedHeaders: { name: string; span: Span }[];
  /** every file entered by #include, in order of first inclusion (built-in headers by path) */
  includedFiles: string[];
}

export function preprocess(sources: SourceManager, main: SourceFile, diags: DiagnosticBag, opts: PreprocessOptions = {}): PreprocessResult {
  return new Preprocessor(sources, main, diags, opts).run();
}

/** one open file: its tokens and where the reader is */
export class FileState {
  i = 0;
  /** `#line`: presumed line = physical line + lineDelta */
  lineDelta = 0;
  presumedName: string;

  constructor(
    readonly file: SourceFile,
    readonly toks: readonly Token[],
    /** length of the conditional stack when the file was entered */
    readonly condBase: number,
    readonly problems: LexProblemReporter,
  ) {
    this.presumedName = file.path;
  }
}

/** an open `#if` group */
export interface Conditional {
  readonly directive: string;
  readonly span: Span;
  /** some group of this #if…#endif was taken: the rest are skipped */
  taken: boolean;
  sawElse: boolean;
}

interface LoadedFile {
  readonly file: SourceFile;
  readonly lexed: LexedFile;
}

export class Preprocessor implements ExpansionHost, TokenSource {
  readonly macros = new Map<string, Macro>();
  stopped = false;
  readonly limits: PreprocessLimits;
  readonly files: FileState[] = [];
  cur: FileState | undefined;
  readonly conds: Conditional[] = [];
  readonly skippedHeaders: { name: string; span: Span }[] = [];
  readonly includedFiles: string[] = [];
  /** `#pragma once` files, by path */
  readonly onceFiles = new Set<string>();
  /** `#pragma push_macro` stacks */
  readonly pushedMacros = new Map<string, (Macro | undefined)[]>();
  readonly resolver: IncludeResolver;
  private readonly loaded = new Map<string, LoadedFile>();
  private out: Token[] = [];
  private outCount = 0;
  private readonly expander: Expander;
  private expandedTokens = 0;
  private counter = 0;
  private readonly date: { date: string; time: string };
  /** the prelude being run, to be memoised when it ends (prelude.ts) */
  private prelude: { key: string; firstFile: number; diagnostics: number } | undefined;
  /** the prelude met something that depends on more than its text: do not memoise it */
  private preludeTainted = false;

  constructor(
    readonly sources: SourceManager,
    readonly main: SourceFile,
    readonly diags: DiagnosticBag,
    readonly opts: PreprocessOptions,
  ) {
    this.limits = { ...DEFAULT_LIMITS, ...opts.limits };
    this.resolver = new IncludeResolver(opts.includePaths ?? [], opts.readFile ?? readFileOrUndefined);
    this.expander = new Expander(this, this);
    this.date = dateAndTime(new Date());
  }

  run(): PreprocessResult {
    const main = this.main;
    const lexed = lexFile(main.id, main.text);
    // sized up front: pushing a million tokens one by one costs more than copying them
    this.out = new Array<Token>(lexed.scan.tokens.length + 4096);
    this.enter({ file: main, lexed });
    const firstFile = this.sources.files.length;
    const key = this.diags.limitReached ? undefined : preludeKey(this.opts, this.limits, firstFile);
    const snapshot = key === undefined ? undefined : findPrelude(key);
    if (snapshot !== undefined) this.restorePrelude(snapshot);
    else {
      if (key !== undefined) this.prelude = { key, firstFile, diagnostics: this.diags.list.length };
      const cmd = commandLineText(this.opts.defines ?? {}, this.opts.undefines ?? [], this.opts.implicitIncludes ?? ['cuda_runtime.h']);
      if (cmd) this.enter(this.load(COMMAND_LINE_PATH, cmd, undefined, true));
      const pre = this.load(PREDEFINES_PATH, PREDEFINED_TEXT, undefined, true);
      const preSpan: Span = { file: pre.file.id, start: 0, end: 0 };
      for (const [name, kind] of DYNAMIC_MACROS) this.macros.set(name, dynamicMacro(name, kind, preSpan));
      this.enter(pre);
    }

    const ex = this.expander;
    const macros = this.macros;
    for (;;) {
      if (this.diags.limitReached) break;
      if (ex.idle && !this.stopped && this.cur !== undefined) {
        // Fast path, most tokens: with nothing pushed back in the expander, a token that is no
        // directive, macro name or `_Pragma` comes out as the lexer made it. Copy such runs
        // straight from the file's token array; the general path below takes the rest.
        // Nothing here reports a diagnostic or charges the expansion limit, so the checks
        // above hold for the whole run.
        const f = this.cur;
        const toks = f.toks;
        const n = toks.length;
        let i = f.i;
        let out = this.out;
        let count = this.outCount;
        for (; i < n; i++) {
          const t = toks[i]!;
          if (t.kind === 'identifier') {
            if (macros.has(t.text) || t.text === '_Pragma') break;
          } else if (t.lineStart && t.kind === 'punct' && t.text === '#') break;
          if (count === out.length) out = this.grow();
          out[count++] = t;
        }
        f.i = i;
        this.outCount = count;
      }
      const t = ex.next();
      if (t === null) break;
      if (t.kind === 'identifier' && t.text === '_Pragma') {
        this.pragmaOperator(t);
        continue;
      }
      this.emit(t.hide === undefined ? t : { kind: t.kind, text: t.text, span: t.span, spaceBefore: t.spaceBefore, lineStart: t.lineStart });
    }
    const end = main.text.length;
    this.emit({ kind: 'eof', text: '', span: { file: main.id, start: end, end }, spaceBefore: true, lineStart: true });
    const tokens = this.out;
    tokens.length = this.outCount;
    return { tokens, skippedHeaders: this.skippedHeaders, includedFiles: this.includedFiles };
  }

  private emit(t: Token): void {
    if (this.outCount === this.out.length) this.grow();
    this.out[this.outCount++] = t;
  }

  private grow(): Token[] {
    this.out.length = this.outCount * 2 + 16;
    return this.out;
  }

  // ---- the prelude snapshot (prelude.ts)

  /** The prelude has ended (only the main file is open): memoise its state if that is sound. */
  private savePrelude(): void {
    const p = this.prelude!;
    this.prelude = undefined;
    const files = this.sources.files.slice(p.firstFile);
    if (
      this.preludeTainted ||
      this.stopped ||
      this.diags.list.length !== p.diagnostics ||
      this.conds.length !== 0 ||
      this.pushedMacros.size !== 0 ||
      this.skippedHeaders.length !== 0 ||
      !this.expander.idle ||
      files.some((f) => !f.builtin || this.loaded.get(f.path)?.file !== f)
    )
      return;
    savePrelude(p.key, {
      files: files.map((f) => ({ path: f.path, text: f.text, includedFrom: f.includedFrom, builtin: f.builtin, lexed: this.loaded.get(f.path)!.lexed })),
      macros: new Map(this.macros),
      tokens: this.out.slice(0, this.outCount),
      includedFiles: this.includedFiles.slice(),
      onceFiles: [...this.onceFiles],
      expandedTokens: this.expandedTokens,
    });
  }

  /** Start from a memoised prelude: the state it left, as if it had just been run. */
  private restorePrelude(s: PreludeSnapshot): void {
    for (const pf of s.files) {
      const file = this.sources.add(pf.path, pf.text, pf.includedFrom, pf.builtin);
      this.loaded.set(pf.path, { file, lexed: pf.lexed });
    }
    for (const [name, m] of s.macros) this.macros.set(name, m);
    for (const t of s.tokens) this.emit(t);
    for (const f of s.includedFiles) this.includedFiles.push(f);
    for (const f of s.onceFiles) this.onceFiles.add(f);
    this.expandedTokens = s.expandedTokens;
  }

  // ---- files

  /** a file's tokens for this compilation (each file is lexed once however often it is included) */
  load(path: string, text: string, includedFrom: Span | undefined, builtin: boolean): LoadedFile {
    let lf = this.loaded.get(path);
    if (lf === undefined) {
      const file = this.sources.add(path, text, includedFrom, builtin);
      lf = { file, lexed: builtin ? lexCached(file.id, path, text) : lexFile(file.id, text) };
      this.loaded.set(path, lf);
    }
    return lf;
  }

  enter(lf: LoadedFile): void {
    const f = new FileState(lf.file, lf.lexed.scan.tokens, this.conds.length, new LexProblemReporter(lf.lexed.scan, lf.file.id, this.diags));
    this.files.push(f);
    this.cur = f;
  }

  private leave(): void {
    const f = this.files.pop()!;
    f.problems.finish();
    for (let k = this.conds.length - 1; k >= f.condBase; k--) {
      const c = this.conds[k]!;
      this.diags.report(D.unterminatedConditional, c.span, { directive: c.directive });
    }
    this.conds.length = f.condBase;
    this.cur = this.files[this.files.length - 1];
  }

  /** `#include`: find, then enter unless `#pragma once` or an include guard says not to */
  include(name: string, quoted: boolean, nameSpan: Span, directive: Span): void {
    if (this.files.length >= this.limits.includeDepth) {
      this.diags.report(D.includeTooDeep, nameSpan, { limit: this.limits.includeDepth });
      return;
    }
    const found = this.resolver.resolve(name, quoted, this.cur!.file);
    if (found === undefined) {
      if (quoted) this.diags.report(D.includeNotFound, nameSpan, { name });
      else {
        this.diags.report(D.headerSkipped, nameSpan, { name });
        this.skippedHeaders.push({ name, span: nameSpan });
      }
      return;
    }
    if (this.onceFiles.has(found.path)) return;
    const lf = this.load(found.path, found.text, directive, found.builtin);
    if (!this.includedFiles.includes(found.path)) this.includedFiles.push(found.path);
    if (lf.lexed.guard !== undefined && this.macros.has(lf.lexed.guard)) return;
    this.enter(lf);
  }

  hasInclude(name: string, quoted: boolean): boolean {
    this.preludeTainted = true;
    return this.cur !== undefined && this.resolver.resolve(name, quoted, this.cur.file) !== undefined;
  }

  // ---- TokenSource: the file reader, which runs directives

  next(): PPToken | null {
    return this.read(true);
  }

  nextInFile(): PPToken | null {
    return this.read(false);
  }

  peek(): PPToken | null {
    const f = this.cur;
    if (f === undefined || f.i >= f.toks.length) return null;
    const t = f.toks[f.i]!;
    return t.lineStart && t.kind === 'punct' && t.text === '#' ? null : t;
  }

  private read(crossFiles: boolean): PPToken | null {
    for (;;) {
      const f = this.cur;
      if (f === undefined || this.stopped) return null;
      if (f.i >= f.toks.length) {
        if (!crossFiles) return null;
        this.leave();
        if (this.prelude !== undefined && this.files.length === 1) this.savePrelude();
        continue;
      }
      const t = f.toks[f.i]!;
      if (t.lineStart && t.kind === 'punct' && t.text === '#') {
        const produced = runDirective(this, f);
        if (produced !== undefined) return produced;
        continue;
      }
      f.i++;
      return t;
    }
  }

  // ---- ExpansionHost

  charge(n: number, at: Span): boolean {
    if (this.stopped) return false;
    this.expandedTokens += n;
    if (this.expandedTokens <= this.limits.expansionTokens) return true;
    this.diags.report(D.expansionTooLarge, at, { limit: this.limits.expansionTokens });
    this.stopped = true;
    return false;
  }

  dynamicToken(m: Macro, t: PPToken): PPToken {
    this.preludeTainted = true;
    let kind: Token['kind'] = 'number';
    let text: string;
    switch (m.dynamic) {
      case 'line': {
        // the line of the outermost macro invocation, as the user sees it
        const s = this.sources.userSpan(t.span);
        const delta = this.cur !== undefined && this.cur.file.id === s.file ? this.cur.lineDelta : 0;
        text = String(this.sources.get(s.file).lineCol(s.start).line + delta);
        break;
      }
      case 'file':
        kind = 'string';
        text = JSON.stringify(this.cur?.presumedName ?? this.main.path);
        break;
      case 'baseFile':
        kind = 'string';
        text = JSON.stringify(this.main.path);
        break;
      case 'counter':
        text = String(this.counter++);
        break;
      case 'includeLevel':
        text = String(Math.max(0, this.files.length - 1));
        break;
      case 'date':
        kind = 'string';
        text = this.date.date;
        break;
      default:
        kind = 'string';
        text = this.date.time;
    }
    return ppToken(kind, text, t.span, t.spaceBefore, t.lineStart, t.hide);
  }

  /** macro-expand a directive's tokens on their own (`#if`, `#include MACRO`, `#line`) */
  expandLine(toks: readonly Token[], ifMode: boolean): PPToken[] {
    return new Expander(this, new ListSource(toks), ifMode).drain();
  }

  /** `_Pragma("…")` (C17 6.10.9): destringize, then act as the `#pragma` it spells */
  private pragmaOperator(op: PPToken): void {
    this.preludeTainted = true;
    const ex = this.expander;
    const open = ex.next();
    const str = open?.text === '(' ? ex.next() : null;
    const close = str?.kind === 'string' ? ex.next() : null;
    if (close?.text !== ')' || !str || !/^(?:L|u8|u|U)?"/.test(str.text)) {
      this.diags.report(D.pragmaOperator, op.span);
      return;
    }
    const body = str.text.slice(str.text.indexOf('"') + 1, -1).replace(/\\(["\\])/g, '$1');
    const span = joinSpans(op.span, close.span);
    const t = pragmaDirective(this, body, span);
    if (t !== undefined) this.emit(t);
  }
}
