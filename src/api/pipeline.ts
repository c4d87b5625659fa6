/**
 * Source → KIR, the part of compilation every target shares:
 *
 *   runFrontend (preprocess ▸ parse ▸ check) ─▶ CheckedProgram ─ lowerProgram ─▶ KIR Module
 *     ─ verifyModule (a failure is a kcc bug) ─▶ KirProgram
 *
 * A `KirProgram` is the module plus what launching needs and KIR does not keep: each kernel's
 * public name (`reduce<float, 256>`), its KIR function, and its parameters with their C types
 * (struct field names for struct arguments). Template kernels are instantiated on request by
 * name expression: the program is lowered again with the new instance added, and the new module
 * replaces the old one (callers carry global values across, see InterpDevice.migrateGlobals).
 *
 * KIR text is accepted as input too (`language: 'kir'`, or a `.kir` filename) for tests and tools.
 */
import type { CheckedProgram } from '../frontend/sema/checked.js';
import type { Type as CType } from '../frontend/sema/types.js';
import { runFrontend, type FrontendResult } from '../frontend/index.js';
import { lowerProgram } from '../frontend/lower/index.js';
import { type Module, type Type as KirType, parseModule, verifyInto, verifyModule } from '../ir/index.js';
import { DiagnosticBag, formatDiagnostics } from '../support/diagnostics/index.js';
import type { SourceManager } from '../support/source.js';
import { CompileError } from './errors.js';

/** The lowering's entry point (src/frontend/lower). */
export type LowerProgram = typeof lowerProgram;

export interface SourceOptions {
  /** the file name for diagnostics and relative `#include` (default `<input>`) */
  filename?: string;
  includePaths?: string[];
  /** `-D NAME=VALUE`; numbers are written as they print */
  defines?: Record<string, string | number | boolean>;
  undefines?: string[];
  /** optimisation level 0–3 (no KIR passes exist yet: accepted and recorded) */
  opt?: number;
  /** template kernels to instantiate up front (`reduce<float, 256>`) */
  kernels?: string[];
  /** `cuda` (default) or `kir` (default for a `.kir` filename) */
  language?: 'cuda' | 'kir';
  /** like clang's -ferror-limit */
  errorLimit?: number;
}

export interface KernelParam {
  name: string;
  type: KirType;
  /** the C type, when compiled from source */
  ctype?: CType;
}

export interface KernelInfo {
  /** public name: `saxpy`, `reduce<float, 256>` */
  name: string;
  /** the KIR function */
  func: string;
  params: KernelParam[];
}

/** The KIR of one compilation, with its kernels; grows when template kernels are requested. */
export class KirProgram {
  constructor(
    public module: Module,
    public kernels: KernelInfo[],
    /** the compilation's sources (fault messages quote them) */
    readonly sources: SourceManager,
    /** warnings (and notes) of the compilation */
    readonly bag: DiagnosticBag,
    readonly checked?: CheckedProgram,
  ) {}

  /** names of the kernels compiled up front (API.md's `mod.kernels`) */
  readonly initialKernels: string[] = [];

  kernel(name: string): KernelInfo | undefined {
    return this.kernels.find((k) => k.name === name);
  }

  /**
   * The kernel by public name, instantiating a template on request. Returns undefined when no
   * kernel has that name; throws CompileError when the instance does not compile. `onRebuild`
   * sees the old and the new module when the module is replaced.
   */
  resolve(name: string, onRebuild: (from: Module, to: Module) => void): KernelInfo | undefined {
    const found = this.kernel(name) ?? this.kernel(name.replace(/\s+/g, ''));
    if (found || !this.checked) return found;
    const fn = this.checked.kernel(name);
    if (!fn) return undefined;
    const known = this.kernel(fn.name);
    if (known) return known;
    const bag = new DiagnosticBag(this.sources);
    const wanted = [...this.kernels.map((k) => k.name), fn.name];
    const lowered = lowerOrThrow(this.checked, bag, wanted);
    onRebuild(this.module, lowered.module);
    this.module = lowered.module;
    this.kernels = withCTypes(this.checked, lowered.kernels);
    const k = this.kernel(fn.name) ?? this.kernel(name);
    if (!k) throw new Error(`internal: the lowering did not produce the requested kernel '${fn.name}'`);
    if (k.name !== name) this.kernels.push({ ...k, name });
    return k;
  }
}

function compileErrorOf(bag: DiagnosticBag): CompileError {
  const errors = bag.errorCount;
  let text = formatDiagnostics(bag.sources, bag.list);
  text += `${errors} error${errors === 1 ? '' : 's'} generated.`;
  return new CompileError(text, bag.resolve());
}

function verified(module: Module): Module {
  const errs = verifyModule(module);
  if (errs.length) throw new Error(`internal: the lowering produced invalid KIR:\n${errs.map((e) => e.message).join('\n')}`);
  return module;
}

function lowerOrThrow(program: CheckedProgram, bag: DiagnosticBag, kernels?: string[]): ReturnType<LowerProgram> {
  const r = lowerProgram(program, bag, kernels ? { kernels } : undefined);
  if (bag.hasErrors) throw compileErrorOf(bag);
  verified(r.module);
  return r;
}

function withCTypes(program: CheckedProgram, kernels: ReturnType<LowerProgram>['kernels']): KernelInfo[] {
  return kernels.map((k) => {
    const fn = program.kernels.find((f) => f.name === k.name) ?? program.kernel(k.name);
    return {
      name: k.name,
      func: k.func,
      params: k.params.map((p, i) => {
        const ctype = fn?.params[i]?.type;
        return ctype ? { name: p.name, type: p.type, ctype } : { name: p.name, type: p.type };
      }),
    };
  });
}

function normaliseDefines(d: SourceOptions['defines']): Record<string, string> | undefined {
  if (!d) return undefined;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(d)) out[k] = typeof v === 'boolean' ? (v ? '1' : '0') : String(v);
  return out;
}

/** Runs the frontend only (the CLI's `-E`, `--emit ast` paths use runFrontend directly). */
export function frontend(text: string, opts: SourceOptions): FrontendResult {
  return runFrontend(text, {
    filename: opts.filename,
    includePaths: opts.includePaths,
    defines: normaliseDefines(opts.defines),
    undefines: opts.undefines,
    instantiate: opts.kernels?.filter((k) => k.includes('<')),
    errorLimit: opts.errorLimit,
  });
}

/** Compiles source (or KIR text) to a verified KIR program; errors throw CompileError. */
export function compileToKir(text: string, opts: SourceOptions = {}): KirProgram {
  const language = opts.language ?? (opts.filename?.endsWith('.kir') ? 'kir' : 'cuda');
  if (language === 'kir') return fromKirText(text, opts.filename);
  const fe = frontend(text, opts);
  if (!fe.ok || !fe.program) throw compileErrorOf(fe.diagnostics);
  const wanted = opts.kernels?.length
    ? [...new Set([...fe.program.kernels.map((k) => k.name), ...opts.kernels])]
    : undefined;
  const lowered = lowerOrThrow(fe.program, fe.diagnostics, wanted);
  const p = new KirProgram(lowered.module, withCTypes(fe.program, lowered.kernels), fe.sources, fe.diagnostics, fe.program);
  p.initialKernels.push(...fe.program.kernels.filter((k) => !k.templateArgs).map((k) => k.name));
  return p;
}

function fromKirText(text: string, filename = '<kir>'): KirProgram {
  const r = parseModule(text, { path: filename });
  if (!r.ok || !verifyInto(r.module, r.diags)) throw compileErrorOf(r.diags);
  const kernels = r.module.kernels.map((f) => ({
    name: f.name,
    func: f.name,
    params: f.params.map((v, i) => ({ name: v.name ?? `arg${i}`, type: v.type })),
  }));
  const p = new KirProgram(r.module, kernels, r.diags.sources, r.diags);
  p.initialKernels.push(...kernels.map((k) => k.name));
  return p;
}
