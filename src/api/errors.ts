/** The error classes of API.md that the library throws. */
import type { ResolvedDiagnostic } from '../support/diagnostics/index.js';

/** Compilation failed: `diagnostics` holds every error (and warning), `message` the clang-style text. */
export class CompileError extends Error {
  override readonly name = 'CompileError';
  constructor(
    message: string,
    readonly diagnostics: ResolvedDiagnostic[],
  ) {
    super(message);
  }
}
