/**
 * KIR, kcc's structured SSA IR: types with one C layout, the op table, the object model, the
 * builder, the text printer/parser, the verifier and the interpreter (KIR's executable
 * semantics). See docs/kir.md for the reference.
 */
export * from './types.js';
export * from './core.js';
export * from './ops/index.js';
export { Builder, buildFunc, addGlobal, named, type CastKind, type ParamSpec } from './builder.js';
export { printModule, printFunc, printGlobal, formatFloat, Namer } from './print.js';
export { parseModule, parseModuleOrThrow, parseType, type ParseResult } from './parse.js';
export { verifyModule, verifyOrThrow, verifyInto, type VerifyError, type Invariant } from './verify.js';
export { kirDiagnostics } from './diagnostics.js';
export * as semantics from './semantics.js';
export { interpret, invalidateInterpreter, Memory, formatPrintf, type LaunchOptions, type LaunchResult, type LaunchStats, type KernelArg, type Dim3, type DeviceBuffer, type Fault, type FaultKind } from './interp/index.js';
