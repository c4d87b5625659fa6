/**
 * Character classes for the lexer, as a 128-entry table indexed by UTF-16 code unit so the hot
 * loops do one array load per character instead of comparisons or regular expressions.
 * Non-ASCII characters take the slow path (`isUnicodeIdentChar`): C++ allows most letters of
 * other scripts in identifiers (C++ [lex.name], Unicode's XID_Continue).
 */

export const C_IDSTART = 1; // A-Z a-z _
export const C_DIGIT = 2; // 0-9
export const C_SPACE = 4; // space \t \v \f \r (not \n)
export const C_IDCONT = C_IDSTART | C_DIGIT;

export const CHAR_CLASS = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95) CHAR_CLASS[c] = C_IDSTART;
  else if (c >= 48 && c <= 57) CHAR_CLASS[c] = C_DIGIT;
  else if (c === 32 || c === 9 || c === 11 || c === 12 || c === 13) CHAR_CLASS[c] = C_SPACE;
}

const UNICODE_ID = /^\p{XID_Continue}$/u;

/** a non-ASCII code point that may appear in an identifier (not U+FFFD, not a space) */
export function isUnicodeIdentChar(cp: number): boolean {
  if (cp === 0xfffd || cp === 0xfeff) return false;
  return UNICODE_ID.test(String.fromCodePoint(cp));
}

/** the code point at `i` (a surrogate pair counts as one) */
export function codePointAt(s: string, i: number): number {
  return s.codePointAt(i) ?? 0;
}

/** how a stray character is shown in a diagnostic */
export function showChar(cp: number): string {
  if (cp < 32 || cp === 127) return `\\x${cp.toString(16).padStart(2, '0')}`;
  return String.fromCodePoint(cp);
}
