/**
 * kcc's own headers (`src/frontend/headers/`), read from disk next to the package and kept in
 * memory: they never change, every compilation includes `cuda_runtime.h`, and re-reading or
 * re-lexing them per compile would be wasted work.
 *
 * The folder is found relative to this module: `../../../src/frontend/headers/` leads to it
 * from `src/frontend/preprocess/` (running the TypeScript sources) and from
 * `dist/frontend/preprocess/` (the compiled package, which ships `src/frontend/headers`), so
 * this file must stay two folders below `src/`.
 *
 * Lexed tokens hold the file's index in one compilation's SourceManager. A built-in header
 * gets the same index in nearly every compilation (the predefines and `cuda_runtime.h` are
 * entered first, in a fixed order), so the lexed result is cached per (index, path) and
 * shared — tokens are immutable, and the text is checked to be the same string.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ScanResult, scanFile } from '../lex/lexer.js';
import type { Token } from '../token.js';

export const BUILTIN_HEADER_DIR = fileURLToPath(new URL('../../../src/frontend/headers/', import.meta.url));

/** how built-in headers are named in diagnostics, like clang's `<built-in>` */
export const BUILTIN_HEADER_PREFIX = '<kcc>/';

const texts = new Map<string, string | null>();

/** the built-in header `name` (`cuda_runtime.h`, `cmath`, `cooperative_groups/reduce.h`) */
export function builtinHeader(name: string): { path: string; text: string } | undefined {
  if (!/^[A-Za-z0-9_][A-Za-z0-9_.+/-]*$/.test(name) || name.includes('..') || name.includes('//')) return undefined;
  let text = texts.get(name);
  if (text === undefined) {
    try {
      text = readFileSync(join(BUILTIN_HEADER_DIR, name), 'utf8');
    } catch {
      text = null;
    }
    texts.set(name, text);
  }
  // shown in diagnostics and `-E` line markers; the same on every machine (no install path)
  return text === null ? undefined : { path: `${BUILTIN_HEADER_PREFIX}${name}`, text };
}

/** a lexed file and, worked out on first use, its include guard */
export class LexedFile {
  private guardName: string | undefined | null = null;

  constructor(readonly scan: ScanResult) {}

  /**
   * The include-guard macro when the whole file is `#ifndef G … #endif`. Only asked when the
   * file is `#include`d, so the main file (often the biggest) never pays for the walk over
   * its tokens.
   */
  get guard(): string | undefined {
    if (this.guardName === null) this.guardName = includeGuard(this.scan.tokens);
    return this.guardName;
  }
}

const lexCache = new Map<string, { text: string; lexed: LexedFile }>();
const LEX_CACHE_LIMIT = 512;

/** lex a file that never changes (built-in header, predefines), reusing an earlier result */
export function lexCached(fileId: number, path: string, text: string): LexedFile {
  const key = `${fileId}\u0000${path}`;
  const hit = lexCache.get(key);
  if (hit !== undefined && hit.text === text) return hit.lexed;
  const lexed = lexFile(fileId, text);
  if (lexCache.size >= LEX_CACHE_LIMIT) lexCache.clear();
  lexCache.set(key, { text, lexed });
  return lexed;
}

export function lexFile(fileId: number, text: string): LexedFile {
  return new LexedFile(scanFile(text, fileId));
}

/**
 * The multiple-include optimisation (as GCC's cpplib does it): a file whose first directive
 * is `#ifndef G` (or `#if !defined G`) and whose matching `#endif` ends it is not entered
 * again while `G` is defined.
 */
export function includeGuard(toks: readonly Token[]): string | undefined {
  const isHash = (t: Token | undefined): boolean => t !== undefined && t.lineStart && t.kind === 'punct' && t.text === '#';
  if (!isHash(toks[0]) || toks[1]?.lineStart !== false) return undefined;
  let k = 2;
  let guard: string | undefined;
  const w = toks[1]!.text;
  if (w === 'ifndef') guard = toks[k++]?.kind === 'identifier' ? toks[k - 1]!.text : undefined;
  else if (w === 'if' && toks[2]?.text === '!' && toks[3]?.text === 'defined') {
    k = 4;
    const paren = toks[k]?.text === '(';
    if (paren) k++;
    guard = toks[k]?.kind === 'identifier' ? toks[k]!.text : undefined;
    k++;
    if (paren && toks[k++]?.text !== ')') return undefined;
  }
  if (guard === undefined || (k < toks.length && !toks[k]!.lineStart)) return undefined;
  let depth = 1;
  for (; k < toks.length; k++) {
    const t = toks[k]!;
    if (!isHash(t)) continue;
    const d = toks[k + 1];
    if (d === undefined || d.lineStart) continue;
    if (d.text === 'if' || d.text === 'ifdef' || d.text === 'ifndef') depth++;
    else if ((d.text === 'else' || d.text === 'elif') && depth === 1) return undefined;
    else if (d.text === 'endif' && --depth === 0) {
      let j = k + 2;
      while (j < toks.length && !toks[j]!.lineStart) j++;
      return j === toks.length ? guard : undefined;
    }
  }
  return undefined;
}
