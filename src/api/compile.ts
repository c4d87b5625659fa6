/**
 * `compile(source, { target })`: compilation without a device (emit only). For `interp` the
 * artifact is the program's KIR text; other targets are not available in this version and throw
 * TargetUnavailableError. Errors in the source throw CompileError.
 */
import { printModule } from '../ir/index.js';
import type { ResolvedDiagnostic } from '../support/diagnostics/index.js';
import type { Artifact } from './module.js';
import { type SourceOptions, compileToKir } from './pipeline.js';
import { requireTarget, type TargetName } from './targets.js';

export interface EmitOptions extends SourceOptions {
  /** default `interp` */
  target?: string;
}

export interface EmitResult {
  target: TargetName;
  artifact: Artifact;
  /** names of the non-template `__global__` functions */
  kernels: string[];
  /** warnings and notes of the compilation */
  diagnostics: ResolvedDiagnostic[];
}

export async function compile(source: string, opts: EmitOptions = {}): Promise<EmitResult> {
  const target = requireTarget(opts.target ?? 'interp', 'compile');
  const p = compileToKir(source, opts);
  return { target, artifact: { kind: 'kir', text: printModule(p.module) }, kernels: [...p.initialKernels], diagnostics: p.bag.resolve() };
}
