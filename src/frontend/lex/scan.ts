/**
 * Scanning of one preprocessing token at a given offset (C++17 [lex.pptoken]): identifiers,
 * pp-numbers, character and string literals with their encoding prefixes, raw strings and
 * punctuators by longest match. Whitespace, comments and line splices between tokens are the
 * caller's business (lexer.ts); a splice *inside* a token is detected here (`scanOut.splice`)
 * and the caller re-scans that token from a spliced copy of its line.
 *
 * The scanner writes its results into the module-level `scanOut` instead of returning an
 * object: the lexer calls it once per token and must not allocate for it.
 */
import type { TokenKind } from '../token.js';
import { C_DIGIT, C_IDCONT, C_IDSTART, CHAR_CLASS, isUnicodeIdentChar } from './chars.js';

export const P_NONE = 0;
export const P_STRING = 1; // unterminated "…"
export const P_CHAR = 2; // unterminated '…'
export const P_RAW = 3; // raw string without its closing delimiter
export const P_RAW_DELIM = 4; // bad raw-string delimiter
export const P_EMPTY_CHAR = 5; // ''

export const scanOut = {
  kind: 'punct' as TokenKind,
  /** a constant spelling (punctuators) or null: the caller slices the source */
  text: null as string | null,
  /** one of the P_ codes */
  problem: P_NONE,
  /** the token contains a line splice: its text must be rebuilt without it */
  splice: false,
};

/**
 * Length of the line splice (backslash, optional blanks, newline) starting at `i`, or 0.
 * Blanks between the backslash and the newline are accepted as GCC and clang do (with a
 * warning from the caller).
 */
export function spliceLen(s: string, i: number): number {
  let j = i + 1;
  let c = s.charCodeAt(j);
  while (c === 32 || c === 9) c = s.charCodeAt(++j);
  if (c === 13) c = s.charCodeAt(++j);
  return c === 10 ? j + 1 - i : 0;
}

/**
 * Scan the token starting at `s[i]` (not a blank, newline, comment or splice). Returns the
 * offset one past its end, or -1 when `s[i]` starts no token (a stray character).
 */
export function scanToken(s: string, i: number): number {
  const out = scanOut;
  out.problem = P_NONE;
  out.splice = false;
  out.text = null;
  const c = s.charCodeAt(i);
  if (c >= 128) {
    const cp = s.codePointAt(i)!;
    if (!isUnicodeIdentChar(cp)) return -1;
    return scanIdentifier(s, i, i + (cp > 0xffff ? 2 : 1));
  }
  const cls = CHAR_CLASS[c]!;
  if (cls & C_IDSTART) return scanIdentifier(s, i, i + 1);
  if (cls & C_DIGIT) {
    out.kind = 'number';
    return scanNumber(s, i + 1);
  }
  out.kind = 'punct';
  const d = s.charCodeAt(i + 1);
  switch (c) {
    case 123: out.text = '{'; return i + 1;
    case 125: out.text = '}'; return i + 1;
    case 91: out.text = '['; return i + 1;
    case 93: out.text = ']'; return i + 1;
    case 40: out.text = '('; return i + 1;
    case 41: out.text = ')'; return i + 1;
    case 59: out.text = ';'; return i + 1;
    case 44: out.text = ','; return i + 1;
    case 63: out.text = '?'; return i + 1;
    case 126: out.text = '~'; return i + 1;
    case 35: // # ##
      if (d === 35) return (out.text = '##'), i + 2;
      return (out.text = '#'), i + 1;
    case 46: // . ... .* .5
      if (d >= 48 && d <= 57) {
        out.kind = 'number';
        return scanNumber(s, i + 2);
      }
      if (d === 46 && s.charCodeAt(i + 2) === 46) return (out.text = '...'), i + 3;
      if (d === 42) return (out.text = '.*'), i + 2;
      return (out.text = '.'), i + 1;
    case 58: // : :: :>
      if (d === 58) return (out.text = '::'), i + 2;
      if (d === 62) return (out.text = ']'), i + 2; // digraph :>
      return (out.text = ':'), i + 1;
    case 45: // - -> ->* -- -=
      if (d === 62) {
        if (s.charCodeAt(i + 2) === 42) return (out.text = '->*'), i + 3;
        return (out.text = '->'), i + 2;
      }
      if (d === 45) return (out.text = '--'), i + 2;
      if (d === 61) return (out.text = '-='), i + 2;
      return (out.text = '-'), i + 1;
    case 43:
      if (d === 43) return (out.text = '++'), i + 2;
      if (d === 61) return (out.text = '+='), i + 2;
      return (out.text = '+'), i + 1;
    case 42:
      if (d === 61) return (out.text = '*='), i + 2;
      return (out.text = '*'), i + 1;
    case 47:
      if (d === 61) return (out.text = '/='), i + 2;
      return (out.text = '/'), i + 1;
    case 37: // % %= %> %: %:%:
      if (d === 61) return (out.text = '%='), i + 2;
      if (d === 62) return (out.text = '}'), i + 2;
      if (d === 58) {
        if (s.charCodeAt(i + 2) === 37 && s.charCodeAt(i + 3) === 58) return (out.text = '##'), i + 4;
        return (out.text = '#'), i + 2;
      }
      return (out.text = '%'), i + 1;
    case 94:
      if (d === 61) return (out.text = '^='), i + 2;
      return (out.text = '^'), i + 1;
    case 38:
      if (d === 38) return (out.text = '&&'), i + 2;
      if (d === 61) return (out.text = '&='), i + 2;
      return (out.text = '&'), i + 1;
    case 124:
      if (d === 124) return (out.text = '||'), i + 2;
      if (d === 61) return (out.text = '|='), i + 2;
      return (out.text = '|'), i + 1;
    case 61:
      if (d === 61) return (out.text = '=='), i + 2;
      return (out.text = '='), i + 1;
    case 33:
      if (d === 61) return (out.text = '!='), i + 2;
      return (out.text = '!'), i + 1;
    case 60: // < << <<= <= <: <%
      if (d === 60) {
        if (s.charCodeAt(i + 2) === 61) return (out.text = '<<='), i + 3;
        return (out.text = '<<'), i + 2;
      }
      if (d === 61) return (out.text = '<='), i + 2;
      if (d === 37) return (out.text = '{'), i + 2;
      if (d === 58) {
        // C++11 [lex.pptoken]/3: `<::` not followed by `:` or `>` is `<` then `::` (vector<::T>)
        const e = s.charCodeAt(i + 2);
        if (e !== 58 || s.charCodeAt(i + 3) === 58 || s.charCodeAt(i + 3) === 62) return (out.text = '['), i + 2;
      }
      return (out.text = '<'), i + 1;
    case 62:
      if (d === 62) {
        if (s.charCodeAt(i + 2) === 61) return (out.text = '>>='), i + 3;
        return (out.text = '>>'), i + 2;
      }
      if (d === 61) return (out.text = '>='), i + 2;
      return (out.text = '>'), i + 1;
    case 34:
      out.kind = 'string';
      return scanQuoted(s, i, 34);
    case 39:
      out.kind = 'char';
      return scanQuoted(s, i, 39);
  }
  return -1;
}

function scanIdentifier(s: string, start: number, j: number): number {
  const n = s.length;
  while (j < n) {
    const d = s.charCodeAt(j);
    if (d < 128) {
      if ((CHAR_CLASS[d]! & C_IDCONT) === 0) break;
      j++;
    } else {
      const cp = s.codePointAt(j)!;
      if (!isUnicodeIdentChar(cp)) break;
      j += cp > 0xffff ? 2 : 1;
    }
  }
  // an encoding prefix directly followed by a quote makes a literal: u8"…" L'x' R"(…)"
  if (j - start <= 3 && j < n) {
    const q = s.charCodeAt(j);
    if (q === 34 || q === 39) {
      const prefix = s.slice(start, j);
      if (q === 34 && (prefix === 'R' || prefix === 'u8R' || prefix === 'uR' || prefix === 'UR' || prefix === 'LR')) {
        scanOut.kind = 'string';
        return scanRaw(s, j);
      }
      if (prefix === 'u8' || prefix === 'u' || prefix === 'U' || prefix === 'L') {
        scanOut.kind = q === 34 ? 'string' : 'char';
        return scanQuoted(s, j, q);
      }
    }
  }
  scanOut.kind = 'identifier';
  return j;
}

/** pp-number: digit or .digit, then identifier characters, `.`, e± E± p± P±, and `'` digit separators */
function scanNumber(s: string, j: number): number {
  const n = s.length;
  while (j < n) {
    const c = s.charCodeAt(j);
    if (c < 128) {
      if (CHAR_CLASS[c]! & C_IDCONT) {
        const low = c | 32;
        if (low === 101 || low === 112) {
          const d = s.charCodeAt(j + 1);
          if (d === 43 || d === 45) {
            j += 2;
            continue;
          }
        }
        j++;
      } else if (c === 46) j++;
      else if (c === 39) {
        const d = s.charCodeAt(j + 1);
        if (d < 128 && CHAR_CLASS[d]! & C_IDCONT) j += 2;
        else break;
      } else break;
    } else {
      const cp = s.codePointAt(j)!;
      if (!isUnicodeIdentChar(cp)) break;
      j += cp > 0xffff ? 2 : 1;
    }
  }
  return j;
}

/** "…" or '…' from the opening quote at `j`; stops at the end of the line when unterminated */
function scanQuoted(s: string, j: number, quote: number): number {
  const n = s.length;
  const open = j;
  let k = j + 1;
  while (k < n) {
    const c = s.charCodeAt(k);
    if (c === quote) {
      if (quote === 39 && k === open + 1) scanOut.problem = P_EMPTY_CHAR;
      return k + 1;
    }
    if (c === 92) {
      const len = spliceLen(s, k);
      if (len) scanOut.splice = true;
      k += len || 2;
      continue;
    }
    if (c === 10) {
      if (s.charCodeAt(k - 1) === 13) k--;
      break;
    }
    k++;
  }
  scanOut.problem = quote === 34 ? P_STRING : P_CHAR;
  return Math.min(k, n);
}

/** R"delim( … )delim" from the opening quote at `j`; line splices are not processed inside */
function scanRaw(s: string, j: number): number {
  const n = s.length;
  let k = j + 1;
  while (k < n && k - j - 1 <= 16) {
    const c = s.charCodeAt(k);
    if (c === 40) break;
    if (c === 32 || c === 41 || c === 92 || c < 32 || c === 127 || c === 34) {
      scanOut.problem = P_RAW_DELIM;
      return lineEnd(s, j);
    }
    k++;
  }
  if (k >= n || s.charCodeAt(k) !== 40) {
    scanOut.problem = P_RAW_DELIM;
    return lineEnd(s, j);
  }
  const close = ')' + s.slice(j + 1, k) + '"';
  const at = s.indexOf(close, k + 1);
  if (at < 0) {
    scanOut.problem = P_RAW;
    return lineEnd(s, j);
  }
  return at + close.length;
}

function lineEnd(s: string, j: number): number {
  const nl = s.indexOf('\n', j);
  if (nl < 0) return s.length;
  return s.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
}
