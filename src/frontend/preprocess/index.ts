/**
 * The preprocessor's public face: `preprocess(sources, main, diags, opts)` and its types.
 * See preprocessor.ts for how the parts fit together.
 */
export { preprocess, DEFAULT_LIMITS, type PreprocessOptions, type PreprocessResult, type PreprocessLimits } from './preprocessor.js';
export { ppDiagnostics } from './diagnostics.js';
export { BUILTIN_HEADER_DIR, builtinHeader } from './builtin-headers.js';
