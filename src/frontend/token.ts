/**
 * Preprocessing tokens: what the lexer produces, the preprocessor rewrites, and the parser
 * consumes (the parser maps them onto its chevrotain token types; keywords are identifiers
 * here, since the preprocessor must treat them as names).
 */
import type { Span } from '../support/source.js';

export type TokenKind =
  | 'identifier'
  | 'number' // a pp-number: 42, 0x1F, 1.5e-3f, 10ull
  | 'char' // '\n', u'x' (text keeps quotes and prefix)
  | 'string' // "…", u8"…" (text keeps quotes and prefix)
  | 'punct' // longest-match C++ punctuator: ... :: -> ++ <<= etc.
  | 'pragma' // a `#pragma` the parser must see (unroll): text is the pragma's words
  | 'eof';

export interface Token {
  readonly kind: TokenKind;
  readonly text: string;
  readonly span: Span;
  /** whitespace (or a comment) precedes the token: stringification, `>` `>` adjacency */
  readonly spaceBefore: boolean;
  /** first token on its source line: directives start here */
  readonly lineStart: boolean;
}

/**
 * A `#pragma unroll` (or `#pragma unroll N`, `#pragma nounroll`) reaches the parser as one
 * 'pragma' token whose text is the directive's words after `pragma`, e.g. `unroll 4`; the
 * parser attaches it to the loop that follows. Other pragmas are dropped by the preprocessor
 * (with a note when they matter, e.g. `#pragma omp`).
 */
export const KEPT_PRAGMAS: ReadonlySet<string> = new Set(['unroll', 'nounroll']);
