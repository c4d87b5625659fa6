/**
 * Macro expansion by Dave Prosser's algorithm (X3J11/86-196, "Complete macro expansion"; the
 * rules of C17 6.10.3.4): read a token; if it names a macro that is not in the token's hide
 * set, collect the arguments, substitute (subst.ts) with hide set
 * `(HS(name) ∩ HS(')')) ∪ {name}`, and push the result back in front of the input to be
 * rescanned. Pushed-back results form a stack of frames read before the underlying source, so
 * a function-like macro at the end of an expansion can take its arguments from the file
 * (`#define g f` then `g(1)`).
 *
 * The underlying source is the file reader (which runs directives) for the main token stream,
 * or a fixed token list for a directive line (`#if`, `#include`) or a macro argument, which
 * is expanded on its own before substitution (C17 6.10.3.1/1) by a nested Expander. Nesting of
 * arguments is depth-limited and the total of expanded tokens is charged to the host, so
 * pathological macros end with a diagnostic rather than a stack overflow or a hang.
 *
 * Inside `#if` (ifMode) the operators `defined X`, `defined(X)`, `__has_include(…)` and the
 * `__has_*` feature tests are evaluated here, where their operands are still unexpanded.
 */
import type { Span } from '../../support/source.js';
import { joinSpans } from '../../support/source.js';
import type { DiagnosticBag } from '../../support/diagnostics/index.js';
import { ppDiagnostics as D } from './diagnostics.js';
import { HideSet } from './hideset.js';
import type { Macro } from './macros.js';
import { type PPToken, ppToken, substitute } from './subst.js';

export interface TokenSource {
  /** the next token, crossing from an included file back to its includer */
  next(): PPToken | null;
  /** the next token of the current file only (macro arguments never cross a file's end) */
  nextInFile(): PPToken | null;
  /** the next token without consuming it; null at the end of the file or before a directive */
  peek(): PPToken | null;
}

/** a fixed list of tokens: a directive line, or a macro argument */
export class ListSource implements TokenSource {
  private i = 0;
  constructor(private readonly toks: readonly PPToken[]) {}
  next(): PPToken | null {
    return this.i < this.toks.length ? this.toks[this.i++]! : null;
  }
  nextInFile(): PPToken | null {
    return this.next();
  }
  peek(): PPToken | null {
    return this.i < this.toks.length ? this.toks[this.i]! : null;
  }
}

export interface ExpansionHost {
  readonly macros: ReadonlyMap<string, Macro>;
  readonly diags: DiagnosticBag;
  /** set when a limit was hit: expansion stops and the preprocessor winds down */
  readonly stopped: boolean;
  /** count `n` tokens produced by expansion; false once past the limit (reported once) */
  charge(n: number, at: Span): boolean;
  /** the token a dynamic macro (`__LINE__` …) stands for at `t` */
  dynamicToken(m: Macro, t: PPToken): PPToken;
  /** `__has_include` / `__has_include_next` */
  hasInclude(name: string, quoted: boolean): boolean;
  readonly limits: { readonly argumentDepth: number };
}

/** `__has_*` feature tests kcc answers "no" to (and `__is_identifier`, "yes") */
const FEATURE_TESTS: ReadonlyMap<string, number> = new Map([
  ['__has_attribute', 0], ['__has_cpp_attribute', 0], ['__has_builtin', 0], ['__has_feature', 0],
  ['__has_extension', 0], ['__has_warning', 0], ['__has_declspec_attribute', 0], ['__is_identifier', 1],
]);

export class Expander {
  private readonly frames: PPToken[][] = [];
  private readonly positions: number[] = [];

  constructor(
    private readonly host: ExpansionHost,
    private readonly source: TokenSource,
    /** inside `#if`: evaluate `defined` and `__has_include` */
    private readonly ifMode = false,
    /** how deep inside macro arguments this expander works */
    private readonly depth = 0,
  ) {}

  /** nothing is pushed back: the next token comes straight from the source */
  get idle(): boolean {
    return this.frames.length === 0;
  }

  /** all remaining tokens, expanded */
  drain(): PPToken[] {
    const out: PPToken[] = [];
    for (let t = this.next(); t !== null; t = this.next()) out.push(t);
    return out;
  }

  /** the next fully expanded token, or null at the end of the input */
  next(): PPToken | null {
    const host = this.host;
    for (;;) {
      const t = this.readRaw(false);
      if (t === null || t.kind !== 'identifier') return t;
      if (this.ifMode) {
        const v = this.ifOperator(t);
        if (v !== undefined) return v;
      }
      const m = host.macros.get(t.text);
      if (m === undefined || (t.hide !== undefined && t.hide.has(t.text))) return t;
      if (host.stopped) return null;
      if (m.dynamic !== undefined) {
        if (m.dynamic === 'marker') return t;
        return host.dynamicToken(m, t);
      }
      if (!m.functionLike) {
        const hide = (t.hide ?? HideSet.EMPTY).add(m.name);
        this.push(substitute(this, { macro: m, args: [], name: t, site: t.span, hide }), t.span);
        continue;
      }
      const p = this.peekRaw();
      if (p === null || p.text !== '(' || p.kind !== 'punct') return t;
      this.readRaw(true);
      const call = this.collectArguments(m, t);
      if (call === undefined) continue;
      const site = joinSpans(t.span, call.close.span);
      const hide = (t.hide && call.close.hide ? t.hide.intersect(call.close.hide) : HideSet.EMPTY).add(m.name);
      this.push(substitute(this, { macro: m, args: call.args, name: t, site, hide }), site);
    }
  }

  /** SubstHost: expand one argument on its own, one level deeper */
  expandArgument(tokens: readonly PPToken[]): PPToken[] {
    if (tokens.length === 0) return [];
    if (this.depth >= this.host.limits.argumentDepth) {
      this.host.diags.report(D.expansionTooDeep, tokens[0]!.span, { limit: this.host.limits.argumentDepth });
      return tokens.slice();
    }
    // most arguments hold no macro name at all: nothing to expand
    let plain = true;
    for (const t of tokens)
      if (t.kind === 'identifier' && (this.host.macros.has(t.text) || (this.ifMode && (t.text === 'defined' || FEATURE_TESTS.has(t.text))))) {
        plain = false;
        break;
      }
    if (plain) return tokens as PPToken[];
    return new Expander(this.host, new ListSource(tokens), this.ifMode, this.depth + 1).drain();
  }

  get diags(): DiagnosticBag {
    return this.host.diags;
  }

  private push(toks: PPToken[], at: Span): void {
    if (!this.host.charge(toks.length, at) || toks.length === 0) return;
    this.frames.push(toks);
    this.positions.push(0);
  }

  /** the next unexpanded token: pushed-back expansions first, then the source */
  private readRaw(inFile: boolean): PPToken | null {
    const frames = this.frames;
    while (frames.length > 0) {
      const top = frames.length - 1;
      const toks = frames[top]!;
      const i = this.positions[top]!;
      if (i < toks.length) {
        this.positions[top] = i + 1;
        return toks[i]!;
      }
      frames.pop();
      this.positions.pop();
    }
    return inFile ? this.source.nextInFile() : this.source.next();
  }

  private peekRaw(): PPToken | null {
    for (let k = this.frames.length - 1; k >= 0; k--) {
      const toks = this.frames[k]!;
      const i = this.positions[k]!;
      if (i < toks.length) return toks[i]!;
    }
    return this.source.peek();
  }

  /** after `name (`: the arguments up to the matching `)`, split at top-level commas */
  private collectArguments(m: Macro, name: PPToken): { args: PPToken[][]; close: PPToken } | undefined {
    const args: PPToken[][] = [];
    let cur: PPToken[] = [];
    let depth = 0;
    const nparams = m.params.length;
    let close: PPToken;
    for (;;) {
      const t = this.readRaw(true);
      if (t === null) {
        this.host.diags.report(D.unterminatedInvocation, name.span, { name: m.name }, [{ message: 'macro defined here', span: m.nameSpan }]);
        return undefined;
      }
      if (t.kind === 'punct') {
        if (t.text === '(') depth++;
        else if (t.text === ')') {
          if (depth === 0) {
            close = t;
            break;
          }
          depth--;
        } else if (t.text === ',' && depth === 0 && !(m.variadic && args.length >= nparams - 1)) {
          args.push(cur);
          cur = [];
          continue;
        }
      }
      cur.push(t);
    }
    args.push(cur);
    if (nparams === 0 && args.length === 1 && args[0]!.length === 0) args.length = 0;
    if (m.variadic && args.length === nparams - 1) args.push([]); // the variadic part may be left out
    if (args.length !== nparams) {
      const def = args.length > nparams ? D.tooManyArguments : D.tooFewArguments;
      this.host.diags.report(def, joinSpans(name.span, close.span), { name: m.name, expected: nparams, count: args.length }, [
        { message: 'macro defined here', span: m.nameSpan },
      ]);
      return undefined;
    }
    return { args, close };
  }

  /** `defined X`, `__has_include(…)`, `__has_builtin(…)` inside #if; undefined for other names */
  private ifOperator(t: PPToken): PPToken | undefined {
    const name = t.text;
    if (name === 'defined') {
      let x = this.readRaw(false);
      let paren = false;
      if (x?.text === '(') {
        paren = true;
        x = this.readRaw(false);
      }
      if (x === null || x.kind !== 'identifier') {
        this.host.diags.report(D.ifDefinedSyntax, x?.span ?? t.span);
        return this.number('0', t);
      }
      if (paren && this.readRaw(false)?.text !== ')') this.host.diags.report(D.ifMissingParen, x.span);
      return this.number(this.host.macros.has(x.text) ? '1' : '0', t);
    }
    if (name === '__has_include' || name === '__has_include_next') {
      const operand = this.parenthesized(t);
      if (operand === undefined) return this.number('0', t);
      let header: { name: string; quoted: boolean } | undefined;
      let toks = operand;
      if (toks.length === 1 || (toks[0]?.text !== '<' && toks[0]?.kind !== 'string')) toks = new Expander(this.host, new ListSource(operand), false, this.depth + 1).drain();
      const first = toks[0];
      if (toks.length === 1 && first!.kind === 'string' && first!.text.startsWith('"')) header = { name: first!.text.slice(1, -1), quoted: true };
      else if (first?.text === '<' && toks[toks.length - 1]?.text === '>') header = { name: spellTokens(toks.slice(1, -1)), quoted: false };
      if (header === undefined) {
        this.host.diags.report(D.hasIncludeSyntax, t.span, { name });
        return this.number('0', t);
      }
      return this.number(this.host.hasInclude(header.name, header.quoted) ? '1' : '0', t);
    }
    const answer = FEATURE_TESTS.get(name);
    if (answer === undefined || this.peekRaw()?.text !== '(') return undefined;
    this.parenthesized(t);
    return this.number(String(answer), t);
  }

  /** `( … )` after an operator name: the raw tokens inside */
  private parenthesized(op: PPToken): PPToken[] | undefined {
    if (this.readRaw(false)?.text !== '(') {
      this.host.diags.report(D.hasIncludeSyntax, op.span, { name: op.text });
      return undefined;
    }
    const toks: PPToken[] = [];
    let depth = 0;
    for (;;) {
      const x = this.readRaw(false);
      if (x === null) {
        this.host.diags.report(D.ifMissingParen, op.span);
        return undefined;
      }
      if (x.text === '(') depth++;
      else if (x.text === ')' && depth-- === 0) return toks;
      toks.push(x);
    }
  }

  private number(text: string, at: PPToken): PPToken {
    return ppToken('number', text, at.span, at.spaceBefore, false, undefined);
  }
}

/** tokens spelled back with a space where there was whitespace (header names from macros) */
export function spellTokens(toks: readonly PPToken[]): string {
  let s = '';
  for (let k = 0; k < toks.length; k++) s += (k > 0 && toks[k]!.spaceBefore ? ' ' : '') + toks[k]!.text;
  return s;
}
