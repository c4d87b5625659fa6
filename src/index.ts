/**
 * kcc as a library (API.md): `device('interp')` for JIT compilation and launches, `compile()`
 * for emit-only compilation, the error classes, f16/bf16 helpers, and the frontend for tools.
 */
export { device, Device, type DeviceOptions, type CompileOptions } from './api/device.js';
export { compile, type EmitOptions, type EmitResult } from './api/compile.js';
export { KernelModule, type LaunchConfig, type LaunchResult, type KernelArgValue, type Artifact } from './api/module.js';
export { DeviceBuffer, type TypedArray, type TypedArrayConstructor } from './api/buffer.js';
export { CompileError, LaunchError, KernelFault, TargetUnavailableError, type LaunchErrorKind, type FaultRecord } from './api/errors.js';
export { TARGET_NAMES, AVAILABLE_TARGETS, AVAILABLE_DEVICES, type TargetName } from './api/targets.js';
export type { KernelInfo, KernelParam } from './api/pipeline.js';
export type { InterpStats } from './targets/interp/index.js';
export { toF16Array, fromF16Array, toBf16Array, fromBf16Array, f32ToF16Bits, f16BitsToF32, f32ToBf16Bits, bf16BitsToF32 } from './support/half.js';
export { runFrontend, type FrontendOptions, type FrontendResult } from './frontend/index.js';
export { printAst } from './frontend/ast-print.js';
export type { Diagnostic, ResolvedDiagnostic, DiagnosticNote } from './support/diagnostics/index.js';
export { runCli } from './cli/cli.js';
export type * as ast from './frontend/ast.js';
