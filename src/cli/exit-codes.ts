/** Exit codes of API.md, in one place. */
export const ExitCode = {
  ok: 0,
  /** user error: diagnostics on stderr */
  userError: 1,
  /** usage error: bad flags or arguments */
  usage: 2,
  /** a kernel fault at run time, or a `kcc diff` mismatch */
  fault: 3,
  /** a bug in kcc */
  internal: 70,
} as const;

/** Thrown by CLI code for a usage error (printed clang-style, exit 2). */
export class UsageError extends Error {}
