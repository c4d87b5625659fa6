/**
 * The lexer: source text → preprocessing tokens (C++17 translation phases 1–3).
 *
 * One pass over the text with `charCodeAt` and a character-class table; whitespace, comments
 * and line splices between tokens are skipped here, each token is scanned by `scanToken`
 * (scan.ts). Tokens carry their half-open span, `spaceBefore` (whitespace or a comment
 * precedes them) and `lineStart` (first token of a logical line, where directives begin).
 * A token with a line splice inside it (rare) is re-scanned from a spliced copy of its line, so
 * the fast path never builds strings it does not keep. ASCII identifiers, the commonest token,
 * are scanned inline and interned by a hash computed on the way. Allocating the tokens, not
 * scanning, is most of the lexer's time (two objects per token, all kept): they are made at a
 * single object-literal site so that V8's allocation-site pretenuring puts them straight in
 * the old generation instead of copying each one through the young one.
 *
 * Problems are not reported while scanning but collected with the index of the token they
 * belong to: the preprocessor reports only those outside skipped `#if 0` groups (where an
 * apostrophe in `don't` must not be an error), `lex()` reports them all. Stray characters
 * are reported for the first few only, then counted, so random bytes give a handful of
 * diagnostics rather than millions.
 */
import type { SourceFile } from '../../support/source.js';
import type { DiagnosticBag } from '../../support/diagnostics/index.js';
import type { Token, TokenKind } from '../token.js';
import { C_IDCONT, C_IDSTART, C_SPACE, CHAR_CLASS, showChar } from './chars.js';
import { lexDiagnostics as D } from './diagnostics.js';
import { P_CHAR, P_EMPTY_CHAR, P_NONE, P_RAW, P_RAW_DELIM, P_STRING, scanOut, scanToken, spliceLen } from './scan.js';

/** problem kinds beyond scan.ts's P_ codes */
const P_STRAY = 10;
const P_COMMENT = 11;
const P_SPLICE_SPACE = 12;
const P_LINE_COMMENT = 13;

/** stray characters recorded one by one per file; the rest are only counted */
export const MAX_STRAY_REPORTED = 5;
/** lexical errors reported per file; after that, or after binary data, they are counted */
export const MAX_ERRORS_REPORTED = 20;

export interface LexProblem {
  readonly kind: number;
  readonly start: number;
  readonly end: number;
  /** index of the token the problem belongs to (the token itself, or the one after it) */
  readonly token: number;
  /** the stray character's code point */
  readonly cp?: number;
  /** reported even inside a skipped group (an unterminated comment swallows the rest) */
  readonly always?: boolean;
}

export interface ScanResult {
  readonly tokens: Token[];
  readonly problems: LexProblem[];
  /** stray characters beyond MAX_STRAY_REPORTED, and where the first of them was */
  readonly moreStray: number;
  readonly moreStrayAt: number;
}

/** Lex a whole file and report every problem. */
export function lex(file: SourceFile, diags: DiagnosticBag): Token[] {
  const r = scanFile(file.text, file.id);
  const reporter = new LexProblemReporter(r, file.id, diags);
  reporter.finish();
  return r.tokens;
}

/** Lex `text` as file `fileId` without reporting anything. */
export function scanFile(text: string, fileId: number): ScanResult {
  const n = text.length;
  // sized up front from the text, generously (dense code has a token per 2–3 characters):
  // growing an array of a million objects by doubling costs more than trimming it once
  let tokens: Token[] = new Array<Token>(Math.min(n >> 1, 1 << 24) + 16);
  let count = 0;
  const problems: LexProblem[] = [];
  let strays = 0;
  let moreStray = 0;
  let moreStrayAt = 0;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; // byte-order mark
  let space = false;
  let lineStart = true;
  while (i < n) {
    const c = text.charCodeAt(i);
    let end = -1;
    let kind: TokenKind = 'identifier';
    let tokText = '';
    if (c < 128) {
      const cls = CHAR_CLASS[c]!;
      if (cls & C_SPACE) {
        i++;
        space = true;
        continue;
      }
      if (cls & C_IDSTART) {
        // Fast path for the commonest token, an ASCII identifier: scan it and hash it for
        // interning in one pass. An encoding prefix before a quote (u8"…"), a non-ASCII
        // letter or a backslash (a possible splice) after it leave it to the general path.
        let h = c;
        let j = i + 1;
        let d = text.charCodeAt(j);
        while (d < 128 && CHAR_CLASS[d]! & C_IDCONT) {
          h = (Math.imul(h, 31) + d) | 0;
          d = text.charCodeAt(++j);
        }
        if (d !== 92 && d !== 34 && d !== 39 && !(d >= 128 && j < n)) {
          end = j;
          tokText = j - i <= 48 ? intern(text, i, j, h) : text.slice(i, j);
        }
      } else if (c === 10) {
        i++;
        space = true;
        lineStart = true;
        continue;
      } else if (c === 47) {
        const d = text.charCodeAt(i + 1);
        if (d === 47) {
          i = skipLineComment(text, i + 2, problems, count);
          space = true;
          continue;
        }
        if (d === 42) {
          const close = text.indexOf('*/', i + 2);
          if (close < 0) {
            problems.push({ kind: P_COMMENT, start: i, end: i + 2, token: count, always: true });
            i = n;
          } else i = close + 2;
          space = true;
          continue;
        }
      } else if (c === 92) {
        const len = spliceLen(text, i);
        if (len) {
          const d = text.charCodeAt(i + 1);
          if (d !== 10 && d !== 13) problems.push({ kind: P_SPLICE_SPACE, start: i, end: i + 1, token: count });
          i += len;
          continue;
        }
      }
    }
    if (end < 0) {
      end = scanToken(text, i);
      if (end < 0) {
        const cp = text.codePointAt(i)!;
        const w = cp > 0xffff ? 2 : 1;
        if (strays++ < MAX_STRAY_REPORTED) problems.push({ kind: P_STRAY, start: i, end: i + w, token: count, cp });
        else if (moreStray++ === 0) moreStrayAt = i;
        i += w;
        space = true;
        continue;
      }
      kind = scanOut.kind;
      if (scanOut.splice || (end < n && text.charCodeAt(end) === 92 && kind !== 'string' && kind !== 'char' && spliceLen(text, end))) {
        const r = rescanSpliced(text, i);
        end = r.end;
        tokText = r.text;
      } else tokText = scanOut.text ?? (end - i <= 48 && kind !== 'string' ? intern(text, i, end, hashOf(text, i, end)) : text.slice(i, end));
      if (scanOut.problem !== P_NONE) problems.push({ kind: scanOut.problem, start: i, end, token: count });
    }
    // the one place tokens are made: a single allocation site, which V8 learns to allocate
    // straight into the old generation (every token lives as long as the output does)
    if (count === tokens.length) tokens = grow(tokens, count);
    tokens[count++] = { kind, text: tokText, span: { file: fileId, start: i, end }, spaceBefore: space, lineStart };
    space = false;
    lineStart = false;
    i = end;
  }
  tokens.length = count;
  return { tokens, problems, moreStray, moreStrayAt };
}

function grow(tokens: Token[], count: number): Token[] {
  tokens.length = count * 2 + 16;
  return tokens;
}

function hashOf(text: string, start: number, end: number): number {
  let h = 0;
  for (let k = start; k < end; k++) h = (Math.imul(h, 31) + text.charCodeAt(k)) | 0;
  return h;
}

/**
 * Identifier and number spellings repeat (`i`, `threadIdx`, `0`, `float`): look each up in an
 * open-addressing table keyed by a hash of its characters (`h`, computed while scanning) and
 * reuse the string already made, instead of allocating a fresh slice per token. The table is
 * shared by all files and cleared when it fills up.
 */
const INTERN_BITS = 14;
const INTERN_MASK = (1 << INTERN_BITS) - 1;
let internTable: (string | undefined)[] = new Array<string | undefined>(1 << INTERN_BITS);
let internCount = 0;

function intern(text: string, start: number, end: number, h: number): string {
  const len = end - start;
  let slot = (h ^ (h >>> INTERN_BITS)) & INTERN_MASK;
  for (;;) {
    const s = internTable[slot];
    if (s === undefined) break;
    if (s.length === len && text.startsWith(s, start)) return s;
    slot = (slot + 1) & INTERN_MASK;
  }
  if (internCount >= (INTERN_MASK >> 1)) {
    internTable = new Array<string | undefined>(1 << INTERN_BITS);
    internCount = 0;
    return text.slice(start, end);
  }
  internCount++;
  return (internTable[slot] = text.slice(start, end));
}

/** Skip a // comment from `i` (after the slashes) to its newline; a trailing `\` continues it. */
function skipLineComment(text: string, i: number, problems: LexProblem[], token: number): number {
  for (;;) {
    const nl = text.indexOf('\n', i);
    if (nl < 0) return text.length;
    let k = nl - 1;
    let c = text.charCodeAt(k);
    if (c === 13) c = text.charCodeAt(--k);
    while (c === 32 || c === 9) c = text.charCodeAt(--k);
    if (c !== 92) return nl;
    problems.push({ kind: P_LINE_COMMENT, start: k, end: k + 1, token });
    i = nl + 1;
  }
}

/** Re-scan a token that has a line splice inside: scan a spliced copy of the line, map back. */
function rescanSpliced(text: string, start: number): { end: number; text: string } {
  const n = text.length;
  const chars: string[] = [];
  const from: number[] = [];
  let k = start;
  while (k < n) {
    const c = text.charCodeAt(k);
    if (c === 92) {
      const len = spliceLen(text, k);
      if (len) {
        k += len;
        continue;
      }
    }
    if (c === 10) break;
    chars.push(text[k]!);
    from.push(k);
    k++;
  }
  const clean = chars.join('');
  const e = scanToken(clean, 0);
  return { end: from[e - 1]! + 1, text: scanOut.text ?? clean.slice(0, e) };
}

/**
 * Reports a file's lexer problems as the preprocessor walks it: `reportUpTo` those before a
 * token index, `dropUpTo` those inside a skipped group, `finish` the rest.
 */
export class LexProblemReporter {
  private next = 0;
  private reported = 0;
  private suppressed = 0;
  private suppressedAt = -1;
  /** binary data was seen: one diagnostic says so, the garbage after it is not itemised */
  private binary = false;

  constructor(
    private readonly scan: ScanResult,
    private readonly fileId: number,
    private readonly diags: DiagnosticBag,
  ) {}

  reportUpTo(token: number): void {
    const ps = this.scan.problems;
    while (this.next < ps.length && ps[this.next]!.token < token) this.report(ps[this.next++]!);
  }

  dropUpTo(token: number): void {
    const ps = this.scan.problems;
    while (this.next < ps.length && ps[this.next]!.token < token) {
      const p = ps[this.next++]!;
      if (p.always) this.report(p);
    }
  }

  finish(): void {
    this.reportUpTo(Infinity);
    const more = this.suppressed + this.scan.moreStray;
    if (more > 0) {
      const at = this.suppressedAt >= 0 ? this.suppressedAt : this.scan.moreStrayAt;
      this.diags.report(D.moreErrors, { file: this.fileId, start: at, end: at + 1 }, { count: more });
    }
  }

  private report(p: LexProblem): void {
    const isWarning = p.kind === P_SPLICE_SPACE || p.kind === P_LINE_COMMENT;
    if (!isWarning && (this.binary || this.reported >= MAX_ERRORS_REPORTED)) {
      if (this.suppressed++ === 0) this.suppressedAt = p.start;
      return;
    }
    if (!isWarning) this.reported++;
    const span = { file: this.fileId, start: p.start, end: p.end };
    const d = this.diags;
    switch (p.kind) {
      case P_STRAY:
        if (p.cp === 0xfffd || (p.cp! < 32 && p.cp !== 12) || p.cp === 127) {
          d.report(D.invalidUtf8, span, { codepoint: p.cp!.toString(16).toUpperCase().padStart(4, '0') });
          this.binary = true;
        } else d.report(D.strayChar, span, { char: showChar(p.cp!) });
        break;
      case P_COMMENT: d.report(D.unterminatedComment, span); break;
      case P_STRING: d.report(D.unterminatedString, span); break;
      case P_CHAR: d.report(D.unterminatedChar, span); break;
      case P_RAW: d.report(D.unterminatedRawString, span); break;
      case P_RAW_DELIM: d.report(D.badRawDelimiter, span); break;
      case P_EMPTY_CHAR: d.report(D.emptyChar, span); break;
      case P_SPLICE_SPACE: d.report(D.spliceSpace, span); break;
      case P_LINE_COMMENT: d.report(D.multiLineComment, span); break;
    }
  }
}
