/**
 * Hand-written lookahead for the decisions C++ cannot make from a fixed number of tokens:
 * declaration or expression statement, `(T)x` cast or parenthesised expression, parameter
 * list or direct initialiser, template-id or `<`. Each predicate scans the item's token array
 * from an index without consuming anything, and asks the name table what a name is.
 *
 * Bounded: a scan never looks further than the end of the item, and angle-bracket scans give
 * up after MAX_SCAN tokens, so pathological input stays linear.
 */
import { tokenMatcher, type TokenType } from 'chevrotain';
import type { KToken } from './convert.js';
import { type NameEntry, type NameTable, builtinEntry, isTemplateEntry, isTypeEntry } from './scope.js';
import * as T from './tokens.js';

const MAX_SCAN = 4000;

export interface LookaheadContext {
  readonly input: readonly KToken[];
  readonly table: NameTable;
  /** `reduce<float, 256>` from the API: every name followed by `<` starts template arguments */
  readonly assumeTemplates: boolean;
}

export interface NameScan {
  /** index after the name */
  readonly end: number;
  readonly entry: NameEntry | undefined;
  readonly parts: number;
  readonly last: string;
  /** the part before the last one (`S` in `S::S`) */
  readonly previous?: string;
}

export function isAt(c: LookaheadContext, i: number, t: TokenType): boolean {
  const tok = c.input[i];
  return tok !== undefined && tokenMatcher(tok, t);
}

/** the entry of the first part of a name */
export function resolveFirst(c: LookaheadContext, name: string, global: boolean): NameEntry | undefined {
  return global ? (c.table.global.members!.get(name) ?? builtinEntry(name)) : c.table.lookup(name);
}

/** the entry of `prev::name` */
export function resolveMember(prev: NameEntry | undefined, name: string): NameEntry | undefined {
  return prev?.members?.get(name) ?? builtinEntry(name);
}

/** `i` at `<`: the index after the matching `>`, or -1 when there is none nearby */
export function skipAngles(c: LookaheadContext, i: number): number {
  let depth = 0;
  let parens = 0;
  const limit = Math.min(c.input.length, i + MAX_SCAN);
  for (let j = i; j < limit; j++) {
    const t = c.input[j]!.tokenType;
    if (t === T.LParen || t === T.LBracket) parens++;
    else if (t === T.RParen || t === T.RBracket) {
      if (--parens < 0) return -1;
    } else if (t === T.Semi || t === T.LBrace || t === T.RBrace) return -1;
    else if (parens === 0) {
      if (t === T.Less) depth++;
      else if (t === T.Greater && --depth === 0) return j + 1;
    }
  }
  return -1;
}

/**
 * `f<T, 4>(x)` where `f` is not declared (yet): as C++20 does for a name that lookup does not
 * find, `<` starts template arguments — here only when they close and a call follows.
 */
export function unknownTemplateAt(c: LookaheadContext, lt: number): boolean {
  const j = skipAngles(c, lt);
  if (j < 0 || !isAt(c, j, T.LParen)) return false;
  // `i < n && j > (k)` is a comparison: template arguments rarely hold && || ?
  for (let k = lt + 1; k < j; k++) {
    const t = c.input[k]!.tokenType;
    if (t === T.AmpAmp || t === T.PipePipe || t === T.Question) return false;
  }
  return true;
}

/** Scan a possibly qualified name with template arguments starting at `i`. */
export function scanName(c: LookaheadContext, i: number): NameScan | undefined {
  let global = false;
  if (isAt(c, i, T.ColonColon)) {
    global = true;
    i++;
  }
  const first = c.input[i];
  if (!first || first.tokenType !== T.Identifier) return undefined;
  let entry = resolveFirst(c, first.image, global);
  let last = first.image;
  let previous: string | undefined;
  let parts = 1;
  i++;
  for (;;) {
    if (isAt(c, i, T.Less) && (isTemplateEntry(entry) || c.assumeTemplates || (parts === 1 && entry === undefined && unknownTemplateAt(c, i)))) {
      const j = skipAngles(c, i);
      if (j < 0) break;
      i = j;
    }
    if (!isAt(c, i, T.ColonColon)) break;
    let k = i + 1;
    if (isAt(c, k, T.Template)) k++;
    const next = c.input[k];
    if (!next || next.tokenType !== T.Identifier) break;
    entry = resolveMember(entry, next.image);
    previous = last;
    last = next.image;
    parts++;
    i = k + 1;
  }
  return { end: i, entry, parts, last, previous };
}

/** tokens that can follow a type name in a declaration: `T x`, `T *p`, `T const&`, `T (*fp)(…)` */
function startsDeclarator(c: LookaheadContext, i: number): boolean {
  const t = c.input[i]?.tokenType;
  if (t === undefined) return false;
  if (t === T.Identifier || t === T.Star || t === T.Amp || t === T.AmpAmp || t === T.Ellipsis || t === T.Operator || t === T.Tilde) return true;
  if (tokenMatcher(c.input[i]!, T.CvQualifier) || tokenMatcher(c.input[i]!, T.RestrictQualifier)) return true;
  if (tokenMatcher(c.input[i]!, T.SimpleSpecifier) || tokenMatcher(c.input[i]!, T.GnuAttributeKeyword)) return true;
  if (t === T.Align || t === T.Alignas || t === T.ColonColon) return true;
  if (t === T.LParen) {
    const u = c.input[i + 1]?.tokenType;
    return u === T.Star || u === T.Amp || u === T.AmpAmp || u === T.Caret;
  }
  return false;
}

/**
 * Does a type name (as a decl-specifier) start at `i`? Known types and templates yes (but not a
 * constructor `S(…)` / `S::S(…)`, nor `S::member` as a declarator); an unknown name only when
 * a declarator follows it (`size_t n`, `Foo *p`), or anywhere a type is required (`param`).
 */
export function namedTypeAt(c: LookaheadContext, i: number, required: boolean, recordName: string | undefined): boolean {
  const s = scanName(c, i);
  if (!s) return false;
  const next = c.input[s.end]?.tokenType;
  if (next === T.ColonColon) return false; // `S::~S`, `S::operator+`: a declarator's qualifier
  if (next === T.LParen) {
    if (s.parts === 1 && s.last === recordName) return false; // constructor inside its class
    if (s.parts > 1 && s.last === s.previous) return false; // S::S(…)
  }
  if (isTypeEntry(s.entry)) return true;
  if (s.entry !== undefined) return false;
  if (required) return true;
  if (s.parts === 1 && s.last === recordName) return false;
  return startsDeclarator(c, s.end);
}

/** Does a type-id (in a cast, `sizeof(…)`, template argument, `new`) start at `i`? */
export function typeIdAt(c: LookaheadContext, i: number): boolean {
  const tok = c.input[i];
  if (!tok) return false;
  const t = tok.tokenType;
  if (tokenMatcher(tok, T.BuiltinTypeWord) || tokenMatcher(tok, T.CvQualifier) || tokenMatcher(tok, T.RecordKeyword)) return true;
  if (t === T.Auto || t === T.Enum || t === T.Typename || t === T.Decltype) return true;
  if (t !== T.Identifier && t !== T.ColonColon) return false;
  const s = scanName(c, i);
  return s !== undefined && isTypeEntry(s.entry) && c.input[s.end]?.tokenType !== T.ColonColon;
}

/** A single simple type followed by `(` or `{`: a functional cast, not a type-id. */
function functionalCastAt(c: LookaheadContext, i: number): boolean {
  const tok = c.input[i];
  if (!tok) return false;
  let end: number;
  if (tokenMatcher(tok, T.BuiltinTypeWord) || tok.tokenType === T.Auto) end = i + 1;
  else {
    const s = scanName(c, i);
    if (!s) return false;
    end = s.end;
  }
  const next = c.input[end]?.tokenType;
  if (next === T.LBrace) return true;
  if (next !== T.LParen) return false;
  const after = c.input[end + 1]?.tokenType;
  return !(after === T.Star || after === T.Amp || after === T.AmpAmp || after === T.Caret || after === T.RParen);
}

/** `(` at `i` starts a C cast `(T)e`. */
export function castAt(c: LookaheadContext, i: number): boolean {
  return typeIdAt(c, i + 1) && !functionalCastAt(c, i + 1);
}

/** A template argument at `i` is a type (not an expression). */
export function typeArgAt(c: LookaheadContext, i: number): boolean {
  return typeIdAt(c, i) && !functionalCastAt(c, i);
}

/** Does a parameter declaration start at `i` (inside a declarator's parentheses)? */
export function parameterAt(c: LookaheadContext, i: number): boolean {
  const tok = c.input[i];
  if (!tok) return false;
  const t = tok.tokenType;
  if (t === T.RParen || t === T.Ellipsis) return true;
  if (tokenMatcher(tok, T.BuiltinTypeWord) || tokenMatcher(tok, T.CvQualifier) || tokenMatcher(tok, T.RecordKeyword)) return true;
  if (tokenMatcher(tok, T.SimpleSpecifier) || tokenMatcher(tok, T.RestrictQualifier) || tokenMatcher(tok, T.GnuAttributeKeyword)) return true;
  if (t === T.Auto || t === T.Enum || t === T.Typename || t === T.Decltype || t === T.Align || t === T.Alignas) return true;
  if (t === T.LBracket && isAt(c, i + 1, T.LBracket)) return true;
  return namedTypeAt(c, i, false, undefined);
}

/** Does a declaration (rather than an expression) start at `i`, in a block or a condition? */
export function declarationAt(c: LookaheadContext, i: number, recordName: string | undefined): boolean {
  const tok = c.input[i];
  if (!tok) return false;
  const t = tok.tokenType;
  if (tokenMatcher(tok, T.BuiltinTypeWord) || t === T.Auto) {
    if (!functionalCastAt(c, i)) return true;
    return false;
  }
  if (tokenMatcher(tok, T.SimpleSpecifier) || tokenMatcher(tok, T.CvQualifier) || tokenMatcher(tok, T.RecordKeyword)) return true;
  if (t === T.Typedef || t === T.Enum || t === T.Using || t === T.StaticAssert || t === T.Decltype || t === T.Template) return true;
  if (t === T.Namespace || t === T.Align || t === T.Alignas || t === T.LaunchBounds || tokenMatcher(tok, T.GnuAttributeKeyword)) return true;
  if (t === T.Typename) return !functionalCastAt(c, i + 1);
  if (t === T.Identifier || t === T.ColonColon) {
    const s = scanName(c, i);
    if (!s) return false;
    if (isTypeEntry(s.entry)) return !functionalCastAt(c, i) && c.input[s.end]?.tokenType !== T.ColonColon;
    if (s.entry !== undefined) return false;
    // unknown: `size_t n`, `Foo *p = …` only when an identifier follows the name
    return isAt(c, s.end, T.Identifier) && s.last !== recordName;
  }
  return false;
}

/** `(` at `i` opens a parameter list (not a direct initialiser `dim3 g(n)`)? */
export function parameterListAt(c: LookaheadContext, i: number): boolean {
  if (isAt(c, i + 1, T.Void) && isAt(c, i + 2, T.RParen)) return true;
  return parameterAt(c, i + 1);
}

/** `[` at `i` starts a designator `[2] = v` (not a lambda) */
export function designatorAt(c: LookaheadContext, i: number): boolean {
  let depth = 0;
  const limit = Math.min(c.input.length, i + MAX_SCAN);
  for (let j = i; j < limit; j++) {
    const t = c.input[j]!.tokenType;
    if (t === T.LBracket || t === T.LParen || t === T.LBrace) depth++;
    else if (t === T.RBracket || t === T.RParen || t === T.RBrace) {
      if (--depth === 0) {
        const n = c.input[j + 1]?.tokenType;
        return n === T.Assign || n === T.Dot || n === T.LBracket;
      }
    }
  }
  return false;
}
