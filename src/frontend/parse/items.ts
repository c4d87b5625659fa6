/**
 * The translation unit as a sequence of top-level items, each parsed on its own.
 *
 * Real `.cu` files are mostly host code, much of it outside kcc's subset. So the token stream
 * is split by brace/semicolon balance into items (a function definition ends at its closing
 * brace; a struct, enum or `= { … }` initialiser continues to its `;`; `namespace … { }` and
 * `extern "C" { }` are descended into), and each item is parsed separately:
 *  - it parses: its declarations join the tree;
 *  - it fails and is device code (`__global__`, `__device__`, `__shared__`…): the syntax error
 *    is reported, and a set-aside node marked `error` stands for it;
 *  - it fails and is host code: a set-aside node with the names it seems to declare, and a
 *    note (not an error) — semantic analysis complains only if device code uses those names.
 * Before an item is parsed its bracket depth is checked, so 20,000 nested parentheses give one
 * error instead of a stack overflow.
 *
 * Each item is tried first on the hand-written fast path (fast.ts), which covers the common
 * subset; when it gives up (a rare construct, or any error) the name table is rolled back and
 * the chevrotain grammar parses the item, so errors are always the grammar's.
 */
import { EOF, type IRecognitionException } from 'chevrotain';
import type { Decl, SetAsideDecl } from '../ast.js';
import type { DiagnosticBag } from '../../support/diagnostics/index.js';
import { type Span, joinSpans } from '../../support/source.js';
import type { Token } from '../token.js';
import { type KToken, type TokenStream, makeToken } from './convert.js';
import { BRACKET_LIMIT, NestingTooDeep } from './core.js';
import { decodeMessage, messageText, parseDiagnostics } from './diagnostics.js';
import type { KccParser } from './parser.js';
import * as T from './tokens.js';

/** words that make an item device code: its errors are errors, not notes */
const DEVICE_WORDS = new Set(['__global__', '__device__', '__shared__', '__constant__', '__managed__', '__launch_bounds__', '__forceinline__']);
const ATTRIBUTE_WORDS = new Set<unknown>([T.Attribute, T.Declspec, T.Align, T.Alignas, T.LaunchBounds]);
/** errors reported per failed item at most (the first is the one that matters) */
const MAX_ERRORS_PER_ITEM = 3;

export class ItemParser {
  /** index of the matching `}` for each `{` (or the end when unmatched) */
  private readonly braceMatch: Int32Array;

  private readonly types: readonly unknown[];

  constructor(
    private readonly parser: KccParser,
    private readonly stream: TokenStream,
    private readonly diags: DiagnosticBag,
  ) {
    this.types = stream.types;
    this.braceMatch = matchBraces(stream.types);
  }

  /** Parse the items of `[start, end)`: the file, or a namespace's body. */
  parseRange(start: number, end: number, depth: number): Decl[] {
    const out: Decl[] = [];
    let i = start;
    while (i < end && !this.diags.limitReached) {
      const t = this.types[i];
      if (t === T.PragmaUnroll) {
        const at = this.stream.src(i).span;
        const what = this.stream.image(i);
        while (i < end && this.types[i] !== T.PragmaEnd) i++;
        this.diags.report(parseDiagnostics.pragmaNotBeforeLoop, at, { arg: what });
        i++;
        continue;
      }
      if (t === T.RBrace) {
        this.diags.report(parseDiagnostics.extraneousClosingBrace, this.stream.src(i).span);
        i++;
        continue;
      }
      const block = this.blockAt(i, end);
      if (block) {
        const close = Math.min(this.braceMatch[block.open]!, end);
        if (depth >= BRACKET_LIMIT) {
          this.diags.report(parseDiagnostics.nestingTooDeep, this.stream.src(block.open).span, { limit: BRACKET_LIMIT });
        } else if (block.kind === 'namespace') {
          out.push(this.namespace(i, block.open, close, block.names, block.inline, depth));
        } else {
          const decls = this.parseRange(block.open + 1, close, depth + 1);
          out.push({ kind: 'linkage', language: block.language!, decls, span: this.spanOf(i, close) });
        }
        if (close < end && this.types[close] !== T.RBrace) {
          this.diags.report(parseDiagnostics.unterminatedItem, this.stream.src(Math.max(start, close - 1)).span, { arg: '}' });
        }
        i = close + 1;
        continue;
      }
      const j = this.itemEnd(i, end);
      out.push(...this.parseItem(i, j));
      i = j;
    }
    return out;
  }

  /** `namespace a::b {` / `inline namespace v1 {` / `namespace {` / `extern "C" {` at `i` */
  private blockAt(i: number, end: number): { kind: 'namespace' | 'linkage'; open: number; names: string[]; inline: boolean; language?: string } | undefined {
    let k = i;
    let inline = false;
    if (this.stream.image(k) === 'inline' && this.types[k + 1] === T.Namespace) {
      inline = true;
      k++;
    }
    if (this.types[k] === T.Namespace) {
      k++;
      const names: string[] = [];
      while (k < end && this.types[k] === T.Identifier) {
        names.push(this.stream.image(k));
        k++;
        if (this.types[k] === T.ColonColon) k++;
        else break;
      }
      while (k < end && this.types[k] === T.Attribute) k = this.skipParens(k + 1, end);
      return k < end && this.types[k] === T.LBrace ? { kind: 'namespace', open: k, names, inline } : undefined;
    }
    if (this.types[k] === T.Extern && this.types[k + 1] === T.StringLit && this.types[k + 2] === T.LBrace)
      return { kind: 'linkage', open: k + 2, names: [], inline: false, language: this.stream.image(k + 1).replace(/^"|"$/g, '') };
    return undefined;
  }

  private namespace(i: number, open: number, close: number, names: string[], inline: boolean, depth: number): Decl {
    const table = this.parser.table;
    const entered = table.depth;
    for (const n of names) {
      const e = table.namespace(n);
      table.enter('namespace', e.members);
      table.importMembers(e.members!);
    }
    const decls = this.parseRange(open + 1, close, depth + 1);
    table.truncate(entered);
    const span = this.spanOf(i, close);
    if (names.length === 0) return { kind: 'namespace', ...(inline ? { inline } : {}), decls, span };
    let node: Decl = { kind: 'namespace', name: names[names.length - 1]!, ...(inline ? { inline } : {}), decls, span };
    for (let k = names.length - 2; k >= 0; k--) node = { kind: 'namespace', name: names[k]!, decls: [node], span };
    return node;
  }

  /** the index after the item starting at `i` */
  private itemEnd(i: number, end: number): number {
    for (let k = i; k < end; k++) {
      const t = this.types[k];
      if (t === T.Semi) return k + 1;
      if (t === T.RBrace) return k === i ? k + 1 : k;
      if (t === T.LBrace) {
        const close = Math.min(this.braceMatch[k]!, end - 1);
        if (this.opensBody(i, k)) return close + 1;
        k = close;
      }
    }
    return end;
  }

  /**
   * Does the `{` at `k` open a function body (the item ends at its `}`), rather than a
   * struct/enum body or an initialiser (the item goes on to its `;`)?
   */
  private opensBody(i: number, k: number): boolean {
    let parens = 0;
    let record = false;
    let params = false;
    for (let j = i; j < k; j++) {
      const t = this.types[j];
      if (t === T.Template && this.types[j + 1] === T.Less) {
        j = this.skipAngles(j + 1, k) - 1;
        continue;
      }
      if (ATTRIBUTE_WORDS.has(t) && this.types[j + 1] === T.LParen) {
        j = this.skipParens(j + 1, k) - 1;
        continue;
      }
      if (t === T.LParen || t === T.LBracket) {
        if (parens === 0 && t === T.LParen) {
          record = false;
          params = true;
        }
        parens++;
      } else if (t === T.RParen || t === T.RBracket) parens--;
      else if (parens === 0) {
        if (t === T.Assign) return false;
        if (t === T.Struct || t === T.Class || t === T.Union || t === T.Enum) record = true;
      }
    }
    // a function body follows a parameter list; `int c{3}` is an initialiser
    return !record && params;
  }

  private skipParens(k: number, end: number): number {
    let depth = 0;
    for (let j = k; j < end; j++) {
      const t = this.types[j];
      if (t === T.LParen) depth++;
      else if (t === T.RParen && --depth <= 0) return j + 1;
    }
    return end;
  }

  private skipAngles(k: number, end: number): number {
    let depth = 0;
    for (let j = k; j < end; j++) {
      const t = this.types[j];
      if (t === T.Less) depth++;
      else if (t === T.Greater && --depth <= 0) return j + 1;
    }
    return end;
  }

  private spanOf(i: number, j: number): Span {
    const last = this.stream.src(Math.min(j, this.stream.length - 1));
    return joinSpans(this.stream.src(i).span, last.span);
  }

  /** Parse the tokens `[i, j)` as one top-level item. */
  private parseItem(i: number, j: number): Decl[] {
    if (j <= i) return [];
    const deep = this.tooDeep(i, j);
    if (deep >= 0) {
      this.diags.report(parseDiagnostics.nestingTooDeep, this.stream.src(deep).span, { limit: BRACKET_LIMIT });
      return [this.setAside(i, j, 'nesting too deep', this.stream.src(deep).span, true)];
    }
    const last = this.stream.src(j - 1);
    const endSpan: Span = Object.assign({}, last.span, { start: last.span.end });
    const eofSrc: Token = { kind: 'eof', text: '', span: endSpan, spaceBefore: false, lineStart: false };
    const slice = this.stream.pooledTokens(i, j, makeToken(EOF, eofSrc));
    const parser = this.parser;
    const tableDepth = parser.table.depth;
    parser.beginItem(slice);
    let decls: Decl[] = [];
    let failure: { message: string; span: Span } | undefined;
    try {
      const fast = parser.fastItem();
      if (fast) {
        decls = fast;
      } else {
        parser.beginItem(slice);
        decls = parser.topLevelItem();
      }
      const e = parser.errors[0];
      if (e) failure = { message: e.message, span: this.errorSpan(e) };
    } catch (e) {
      if (e instanceof NestingTooDeep || e instanceof RangeError) {
        const at = (e instanceof NestingTooDeep ? (e.token as KToken).src?.span : undefined) ?? this.stream.src(i).span;
        this.diags.report(parseDiagnostics.nestingTooDeep, at, { limit: BRACKET_LIMIT });
        parser.table.truncate(tableDepth);
        return [this.setAside(i, j, 'nesting too deep', at, true)];
      }
      this.diags.report(parseDiagnostics.internalError, this.stream.src(i).span, { message: e instanceof Error ? e.message : String(e) });
      parser.table.truncate(tableDepth);
      return [this.setAside(i, j, 'internal error', this.stream.src(i).span, true)];
    }
    parser.table.truncate(tableDepth);
    const problems = parser.problems;
    for (const w of parser.warnings) this.diags.report(parseDiagnostics[w.key], w.span, { arg: w.arg ?? '' });
    if (!failure && problems.length === 0) return decls;
    const device = this.isDevice(i, j);
    if (!failure && device) {
      for (const p of problems) this.diags.report(parseDiagnostics[p.key], p.span, { arg: p.arg ?? '' });
      return decls;
    }
    if (device) {
      let reported = 0;
      for (const p of problems) {
        if (failure && p.span.start > failure.span.start) continue;
        if (reported++ < MAX_ERRORS_PER_ITEM) this.diags.report(parseDiagnostics[p.key], p.span, { arg: p.arg ?? '' });
      }
      if (failure && reported < MAX_ERRORS_PER_ITEM) {
        const { def, args } = decodeMessage(failure.message);
        this.diags.report(def, failure.span, args);
      }
      const first = failure ?? { message: problems[0]!.key + (problems[0]!.arg ? '|' + problems[0]!.arg : ''), span: problems[0]!.span };
      return [this.setAside(i, j, messageText(first.message), first.span, true)];
    }
    const first = failure ?? { message: problems[0]!.key + (problems[0]!.arg ? '|' + problems[0]!.arg : ''), span: problems[0]!.span };
    const reason = messageText(first.message);
    this.diags.report(parseDiagnostics.setAside, first.span, { reason });
    return [this.setAside(i, j, reason, first.span, false)];
  }

  /** clang puts "expected ';'" right after the previous token; other errors at the offending one */
  private errorSpan(e: IRecognitionException): Span {
    const tok = e.token as Partial<KToken>;
    const prev = (e as { previousToken?: Partial<KToken> }).previousToken;
    const after = /^expected(Semi|Token\|';'|RParenAfter|ColonAfter|WhileInDo)/.test(e.message) || (e.message.startsWith('expectedToken|') && tok.tokenType === EOF);
    if (after && prev?.src) return { ...prev.src.span, start: prev.src.span.end };
    return tok.src?.span ?? prev?.src?.span ?? this.stream.src(0).span;
  }

  /** the first token at bracket depth > BRACKET_LIMIT, or -1 */
  private tooDeep(i: number, j: number): number {
    let depth = 0;
    for (let k = i; k < j; k++) {
      const t = this.types[k];
      if (t === T.LParen || t === T.LBracket || t === T.LBrace) {
        if (++depth > BRACKET_LIMIT) return k;
      } else if (t === T.RParen || t === T.RBracket || t === T.RBrace) depth = Math.max(0, depth - 1);
    }
    return -1;
  }

  private isDevice(i: number, j: number): boolean {
    const sources = this.diags.sources;
    const first = this.stream.src(i).span;
    if (sources.files[first.file]?.builtin) return true;
    for (let k = i; k < j; k++) if (DEVICE_WORDS.has(this.stream.image(k)) && this.types[k] !== T.Identifier) return true;
    return false;
  }

  private setAside(i: number, j: number, reason: string, errorSpan: Span, error: boolean): SetAsideDecl {
    return { kind: 'set-aside', reason, errorSpan, declaredNames: declaredNames(this.stream.tokens(i, j), 0, j - i), ...(error ? { error } : {}), span: this.spanOf(i, j - 1) };
  }
}

/** matching `}` of every `{` (unmatched: the token count) */
function matchBraces(types: readonly unknown[]): Int32Array {
  const match = new Int32Array(types.length).fill(types.length);
  const stack: number[] = [];
  for (let k = 0; k < types.length; k++) {
    const t = types[k];
    if (t === T.LBrace) stack.push(k);
    else if (t === T.RBrace && stack.length > 0) match[stack.pop()!] = k;
  }
  return match;
}

/**
 * The names a set-aside item seems to declare: a typedef's or alias's name, a record's name
 * and its variables, a function's name (the identifier before the first `(`), variables.
 */
export function declaredNames(toks: readonly KToken[], i: number, j: number): string[] {
  let k = i;
  if (toks[k]?.tokenType === T.Template && toks[k + 1]?.tokenType === T.Less) {
    let depth = 0;
    for (k++; k < j; k++) {
      const t = toks[k]!.tokenType;
      if (t === T.Less) depth++;
      else if (t === T.Greater && --depth === 0) { k++; break; }
    }
  }
  const names = new Set<string>();
  const t0 = toks[k]?.tokenType;
  if (t0 === T.Using && toks[k + 1]?.tokenType === T.Identifier && toks[k + 2]?.tokenType === T.Assign) return [toks[k + 1]!.image];
  const typedef = t0 === T.Typedef;
  let braces = 0;
  let parens = 0;
  let angles = 0;
  let lastIdent: string | undefined;
  let sawParen = false;
  for (let m = k; m < j; m++) {
    const tok = toks[m]!;
    const t = tok.tokenType;
    if (t === T.LBrace) { braces++; continue; }
    if (t === T.RBrace) { braces--; continue; }
    if (braces > 0) continue;
    if (t === T.Struct || t === T.Class || t === T.Union || t === T.Enum) {
      let n = m + 1;
      while (toks[n] && (toks[n]!.tokenType === T.Class || ATTRIBUTE_WORDS.has(toks[n]!.tokenType))) n = toks[n]!.tokenType === T.Class ? n + 1 : n + 1;
      if (toks[n]?.tokenType === T.Identifier && !typedef) names.add(toks[n]!.image);
      continue;
    }
    if (t === T.Less && toks[m - 1]?.tokenType === T.Identifier) { angles++; continue; }
    if (t === T.Greater && angles > 0) { angles--; continue; }
    if (angles > 0) continue;
    if (t === T.Identifier) {
      if (parens === 0) lastIdent = tok.image;
      continue;
    }
    if (t === T.LParen) {
      if (parens === 0 && !sawParen && !typedef && lastIdent) { names.add(lastIdent); sawParen = true; }
      parens++;
      continue;
    }
    if (t === T.RParen) { parens--; continue; }
    if (parens === 0 && !typedef && !sawParen && lastIdent && (t === T.Assign || t === T.Semi || t === T.Comma || t === T.LBracket)) {
      names.add(lastIdent);
      lastIdent = undefined;
    }
  }
  if (typedef) {
    for (let m = j - 1; m > k; m--) if (toks[m]!.tokenType === T.Identifier) { names.add(toks[m]!.image); break; }
  }
  return [...names];
}
