/**
 * `#include` resolution (C17 6.10.2, as nvcc/GCC search): `"x.h"` relative to the including
 * file's folder, then the `-I` paths, then kcc's built-in headers; `<x.h>` the `-I` paths,
 * then the built-in headers. What is not found is the caller's business: an error for a
 * quoted name, a note and a skip for an angled one (a host-only system header).
 * Reads go through an injectable `readFile` (tests use an in-memory file system) and are
 * remembered for the compilation.
 */
import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, normalize } from 'node:path';
import type { SourceFile } from '../../support/source.js';
import { builtinHeader } from './builtin-headers.js';

export interface FoundHeader {
  readonly path: string;
  readonly text: string;
  readonly builtin: boolean;
}

export function readFileOrUndefined(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

export class IncludeResolver {
  private readonly reads = new Map<string, string | undefined>();

  constructor(
    private readonly includePaths: readonly string[],
    private readonly readFile: (path: string) => string | undefined,
  ) {}

  resolve(name: string, quoted: boolean, from: SourceFile): FoundHeader | undefined {
    if (name.length === 0) return undefined;
    if (isAbsolute(name)) return this.read(normalize(name));
    if (quoted) {
      // a built-in header's quoted includes name its siblings
      if (from.builtin) {
        const b = builtinHeader(name);
        if (b) return { path: b.path, text: b.text, builtin: true };
      } else if (!from.path.startsWith('<')) {
        const found = this.read(join(dirname(from.path), name));
        if (found) return found;
      }
    }
    for (const dir of this.includePaths) {
      const found = this.read(join(dir, name));
      if (found) return found;
    }
    const b = builtinHeader(name);
    return b ? { path: b.path, text: b.text, builtin: true } : undefined;
  }

  private read(path: string): FoundHeader | undefined {
    let text: string | undefined;
    if (this.reads.has(path)) text = this.reads.get(path);
    else {
      text = this.readFile(path);
      this.reads.set(path, text);
    }
    return text === undefined ? undefined : { path, text, builtin: false };
  }
}
