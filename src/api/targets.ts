/**
 * The target names of API.md, and which of them this version provides. One table, so `device()`,
 * `compile()` and the CLI's `--target` give the same answer and the same message.
 */
import { TargetUnavailableError } from './errors.js';

/** Every target name API.md defines. */
export const TARGET_NAMES = ['interp', 'llvm-cpu', 'llvm-nvptx', 'llvm-amdgpu', 'wgsl', 'npu-sim'] as const;
export type TargetName = (typeof TARGET_NAMES)[number];

/** Targets this version can compile for (`compile`, `kcc --target`) and run on (`device`, `kcc run`). */
export const AVAILABLE_TARGETS: readonly TargetName[] = ['interp'];
export const AVAILABLE_DEVICES: readonly TargetName[] = ['interp'];

export function isTargetName(name: string): name is TargetName {
  return (TARGET_NAMES as readonly string[]).includes(name);
}

/** Throws TargetUnavailableError unless `name` is a target this version provides. */
export function requireTarget(name: string, as: 'device' | 'compile'): TargetName {
  const available = as === 'device' ? AVAILABLE_DEVICES : AVAILABLE_TARGETS;
  if ((available as readonly string[]).includes(name)) return name as TargetName;
  const list = available.join(', ');
  const message = isTargetName(name)
    ? `target '${name}' is not available in this version of kcc (available: ${list})`
    : `unknown target '${name}' (targets: ${TARGET_NAMES.join(', ')}; available in this version: ${list})`;
  throw new TargetUnavailableError(message, name, available);
}
