/**
 * kcc as a library. The frontend is available now; devices (`device('interp')` …) and
 * `compile()` to target artifacts arrive with the targets (see API.md and the issues).
 */
export { runFrontend, type FrontendOptions, type FrontendResult } from './frontend/index.js';
export { printAst } from './frontend/ast-print.js';
export { CompileError } from './api/errors.js';
export type { Diagnostic, ResolvedDiagnostic, DiagnosticNote } from './support/diagnostics/index.js';
export { runCli } from './cli/cli.js';
export type * as ast from './frontend/ast.js';
