/**
 * The prelude snapshot: every compilation starts by preprocessing the `<built-in>` predefines
 * and the `<command line>` buffer with its forced `#include <cuda_runtime.h>` and that
 * header's sub-headers — several hundred lines of directives, always the same. For a small
 * kernel that is most of the preprocessing time, so the state it leaves (macro table, output
 * tokens, files entered, `#pragma once` files, expansion count) is memoised and the next
 * compilation with the same configuration starts from it instead.
 *
 * Only a prelude whose result cannot depend on anything but its configuration is kept: no
 * `-D`/`-U` (they are part of the buffer), no `-I` paths (an angled include could then find a
 * user file), only built-in files entered, no diagnostics, and none of the things that look
 * at the compilation rather than the text (`__FILE__`, `__LINE__`, `__COUNTER__`, `__DATE__`,
 * `__has_include`, `_Pragma`, `#pragma push_macro`); the preprocessor marks the prelude
 * tainted when it meets one. Tokens and macros are immutable, so a snapshot's are shared by
 * every compilation that uses it; spans name files by index, so the key includes the index
 * the prelude's first file gets.
 */
import type { Span } from '../../support/source.js';
import type { Token } from '../token.js';
import type { LexedFile } from './builtin-headers.js';
import type { Macro } from './macros.js';
import type { PreprocessLimits, PreprocessOptions } from './preprocessor.js';

export interface PreludeFile {
  readonly path: string;
  readonly text: string;
  readonly includedFrom: Span | undefined;
  readonly builtin: boolean;
  readonly lexed: LexedFile;
}

export interface PreludeSnapshot {
  /** the files the prelude added to the SourceManager, in order, from index `firstFile` */
  readonly files: readonly PreludeFile[];
  readonly macros: ReadonlyMap<string, Macro>;
  readonly tokens: readonly Token[];
  readonly includedFiles: readonly string[];
  readonly onceFiles: readonly string[];
  readonly expandedTokens: number;
}

const snapshots = new Map<string, PreludeSnapshot>();
/** configurations remembered (forced-include lists and limits rarely vary within a process) */
const SNAPSHOT_LIMIT = 16;

/** the key of the prelude a compilation would run, or undefined when it must not be memoised */
export function preludeKey(opts: PreprocessOptions, limits: PreprocessLimits, firstFile: number): string | undefined {
  if (opts.includePaths !== undefined && opts.includePaths.length > 0) return undefined;
  if (opts.defines !== undefined && Object.keys(opts.defines).length > 0) return undefined;
  if (opts.undefines !== undefined && opts.undefines.length > 0) return undefined;
  const includes = opts.implicitIncludes ?? ['cuda_runtime.h'];
  const l = limits;
  return `${firstFile}|${l.includeDepth},${l.expansionTokens},${l.argumentDepth},${l.ifExpressionDepth}|${includes.join('\u0000')}`;
}

export function findPrelude(key: string): PreludeSnapshot | undefined {
  return snapshots.get(key);
}

export function savePrelude(key: string, snapshot: PreludeSnapshot): void {
  if (snapshots.size >= SNAPSHOT_LIMIT) snapshots.clear();
  snapshots.set(key, snapshot);
}
