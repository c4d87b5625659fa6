/**
 * Semantic analysis: `check(tu, diags, sources, opts) → CheckedProgram`.
 *
 * One pass over the translation unit in source order (declarations, then each function body
 * as soon as it is defined; templates when instantiated), then the requested instances, then
 * the whole-program CUDA rules (cuda.ts). The input AST is never modified; the result is the
 * checked tree of checked.ts. Errors are reported into `diags` and checking goes on.
 */
import type { SourceManager } from '../../support/source.js';
import type { DiagnosticBag } from '../../support/diagnostics/index.js';
import type * as ast from '../ast.js';
import type { CheckedFunction, CheckedProgram } from './checked.js';
import { type CheckOptions, Ctx } from './context.js';
import { checkDeviceRules, reachableDeviceFunctions } from './cuda.js';
import { declareDecl } from './declarations.js';
import { instantiateSetAsideLaunches, requestInstance } from './requests.js';

export type { CheckOptions, SkippedHeader } from './context.js';
export type * from './checked.js';

export function check(tu: ast.TranslationUnit, diags: DiagnosticBag, sources: SourceManager, opts: CheckOptions = {}): CheckedProgram {
  const ctx = new Ctx(diags, sources, tu, opts);
  for (const d of tu.decls) {
    if (diags.limitReached) break;
    declareDecl(ctx, d, ctx.global);
  }
  if (ctx.setAside.size) instantiateSetAsideLaunches(ctx, tu.decls);
  for (const name of opts.instantiate ?? []) requestInstance(ctx, name);
  const functions = reachableDeviceFunctions(ctx.kernels, ctx.checkedFunctions);
  checkDeviceRules(ctx, ctx.kernels, functions);
  const kernels = ctx.kernels;
  return {
    kernels,
    functions,
    globals: ctx.globals,
    hostGlobals: ctx.hostGlobals,
    records: ctx.records.filter((r) => r.complete),
    hostFunctions: ctx.checkedFunctions.filter((f) => f.space === 'host' || f.space === 'host-device'),
    allFunctions: ctx.checkedFunctions,
    kernel: (name: string): CheckedFunction | undefined => {
      const key = name.replace(/\s+/g, '');
      const k = kernels.find((x) => x.name === name || x.name.replace(/\s+/g, '') === key);
      if (k) return k;
      const before = kernels.length;
      const inst = requestInstance(ctx, name);
      if (inst && kernels.length > before) {
        const more = reachableDeviceFunctions([inst]).filter((f) => !functions.includes(f));
        (functions as CheckedFunction[]).push(...more);
        checkDeviceRules(ctx, [inst], more);
      }
      return inst;
    },
  };
}
