/**
 * The state of one `check()` run, shared by every part of semantic analysis: the diagnostic
 * bag (with template-instantiation notes added to every report), the built-in scopes, what
 * has been produced so far (kernels, functions, globals, records), and the function whose
 * body is being checked.
 *
 * Host-code leniency: when the translation unit had headers skipped or items set aside, a
 * host-only function may use names kcc cannot know (std::vector, cublasCreate …). Such uses
 * are not errors: the function is marked not runnable (`notRunnable`) and device compilation
 * goes on. Everything else in host code is checked like device code.
 */
import type { SourceManager, Span } from '../../support/source.js';
import { type DiagnosticBag, type DiagnosticDef, type DiagnosticNote, formatMessage } from '../../support/diagnostics/index.js';
import { semaDiagnostics } from './diagnostics.js';
import type * as ast from '../ast.js';
import { type BuiltinRegistry, builtins } from '../builtins/index.js';
import type { CheckedFunction, CheckedGlobal } from './checked.js';
import type { ExecSpace, FunctionEntity, RecordInfo, VarEntity } from './entities.js';
import { Scope } from './scope.js';
import type { RecordType, Type } from './types.js';

export interface SkippedHeader {
  readonly name: string;
  readonly span: Span;
}

export interface CheckOptions {
  /** template instances to create on request: `reduce<float, 256>` */
  readonly instantiate?: readonly string[];
  /** system headers the preprocessor skipped (for notes on undeclared names) */
  readonly skippedHeaders?: readonly SkippedHeader[];
}

export interface SwitchState {
  readonly values: Map<bigint, Span>;
  hasDefault: boolean;
  /** the promoted type of the condition (case values are converted to it) */
  readonly type: Type;
}

export interface FunctionState {
  readonly entity: FunctionEntity;
  readonly space: ExecSpace;
  readonly result: Type;
  staticVars: VarEntity[];
  callees: Set<FunctionEntity>;
  /** host-device functions: uses of host-only functions, reported if device code reaches it */
  hostOnlyUses: { readonly name: string; readonly span: Span; readonly decl?: Span }[];
  readonly thisType?: RecordType;
  readonly thisConst?: boolean;
  loops: number;
  readonly switches: SwitchState[];
  notRunnable?: string;
}

export interface Instantiation {
  readonly name: string;
  readonly span: Span;
}

export class Ctx {
  readonly reg: BuiltinRegistry = builtins();
  readonly global: Scope;
  readonly std: Scope;
  readonly cg: Scope;
  readonly kernels: CheckedFunction[] = [];
  readonly checkedFunctions: CheckedFunction[] = [];
  readonly globals: CheckedGlobal[] = [];
  readonly hostGlobals: CheckedGlobal[] = [];
  readonly records: RecordInfo[] = [];
  readonly instStack: Instantiation[] = [];
  /** names declared by set-aside items → the item */
  readonly setAside = new Map<string, ast.SetAsideDecl>();
  readonly skippedHeaders: readonly SkippedHeader[];
  /** the function whose body is being checked */
  fn: FunctionState | undefined;
  /** inside `sizeof`/`decltype`: no odr-use, no execution-space checks */
  unevaluated = 0;
  /** host code may name a device variable here (the symbol argument of cudaMemcpyToSymbol) */
  allowDeviceSymbol = false;
  /** host code may use unknown names without error (see the header) */
  readonly lenientHost: boolean;
  /** >0 while resolving a host-only declaration (host function signature, host variable): tolerant like host bodies */
  hostDecl = 0;
  /** the first thing a tolerant host declaration could not express (reset by whoever set hostDecl) */
  hostDeclIssue: string | undefined;
  /** host functions whose signature kcc could not express (see hostDecl): not runnable */
  readonly hostDeclIssues = new WeakMap<object, string>();
  /** host variables set aside (see hostDecl) → why, for device code that names one */
  readonly hostSetAside = new WeakMap<object, { readonly reason: string; readonly span: Span }>();
  /** >0 while trying something that may fail quietly (instantiating launches found in set-aside host code) */
  muted = 0;
  /** host function states that already got the "outside the subset" note */
  private readonly notedHost = new WeakSet<object>();

  constructor(
    readonly diags: DiagnosticBag,
    readonly sources: SourceManager,
    readonly tu: ast.TranslationUnit,
    readonly opts: CheckOptions,
  ) {
    this.skippedHeaders = opts.skippedHeaders ?? [];
    for (const d of tu.decls) collectSetAside(d, this.setAside);
    this.lenientHost = this.skippedHeaders.length > 0 || this.setAside.size > 0;
    this.global = new Scope('namespace', undefined, '');
    this.global.builtins = this.reg.global;
    this.std = new Scope('namespace', this.global, 'std');
    this.std.builtins = this.reg.std;
    this.cg = new Scope('namespace', this.global, 'cooperative_groups');
    this.cg.builtins = this.reg.cooperativeGroups;
    this.global.declare('std', { kind: 'namespace', name: 'std', scope: this.std });
    this.global.declare('cooperative_groups', { kind: 'namespace', name: 'cooperative_groups', scope: this.cg });
  }

  /** Report a diagnostic, with "in instantiation of" notes for the template instances being checked. */
  report(def: DiagnosticDef, span: Span | undefined, args?: Readonly<Record<string, string | number>>, notes: readonly DiagnosticNote[] = []): void {
    if (this.muted > 0) return;
    if (def.severity === 'error' && this.tolerant && !CUDA_MISUSE.has(def.code)) {
      // lenient host code: what kcc cannot express makes the function not runnable, not an error
      const message = formatMessage(def, args);
      const first = this.hostDecl > 0 ? this.hostDeclIssue === undefined : this.fn !== undefined && !this.notedHost.has(this.fn);
      this.markNotRunnable(message);
      if (first && this.fn && this.hostDecl === 0) {
        this.notedHost.add(this.fn);
        this.diags.report(semaDiagnostics.hostOutsideSubset, span, { name: this.fn.entity.qualifiedName, reason: message });
      }
      return;
    }
    if (this.instStack.length === 0) {
      this.diags.report(def, span, args, notes);
      return;
    }
    const inst: DiagnosticNote[] = [];
    for (let i = this.instStack.length - 1; i >= 0; i--) {
      const s = this.instStack[i]!;
      inst.push({ message: `in instantiation of '${s.name}' requested here`, span: s.span });
    }
    this.diags.report(def, span, args, [...notes, ...inst]);
  }

  /** Is the code being checked run on the device (device, global or host-device function)? */
  get inDevice(): boolean {
    return this.fn !== undefined && this.fn.space !== 'host';
  }

  /** Host-only code where unknown names are tolerated (see the header). */
  get tolerant(): boolean {
    return this.lenientHost && (this.hostDecl > 0 || (this.fn !== undefined && this.fn.space === 'host'));
  }

  /** Mark the current host function (or host declaration, see hostDecl) as not runnable instead of reporting. */
  markNotRunnable(reason: string): void {
    if (this.hostDecl > 0) this.hostDeclIssue ??= reason;
    else if (this.fn && !this.fn.notRunnable) this.fn.notRunnable = reason;
  }
}

/**
 * Errors that stay errors in lenient host code: misuses of CUDA's execution spaces, which
 * nvcc rejects whatever the rest of the host code does.
 */
const CUDA_MISUSE = new Set<string>(['KCC3016', 'KCC3017', 'KCC3056', 'KCC3058', 'KCC3084']);

function collectSetAside(d: ast.Decl, out: Map<string, ast.SetAsideDecl>): void {
  if (d.kind === 'set-aside') {
    for (const n of d.declaredNames) if (!out.has(n)) out.set(n, d);
  } else if (d.kind === 'namespace' || d.kind === 'linkage') {
    for (const x of d.decls) collectSetAside(x, out);
  }
}

/** Known families of host-only libraries, for the skipped-header note. */
const HEADER_HINTS: readonly [RegExp, RegExp][] = [
  [/^cublas/i, /cublas/],
  [/^cufft/i, /cufft/],
  [/^curand/i, /curand/],
  [/^cusparse/i, /cusparse/],
  [/^cusolver/i, /cusolver/],
  [/^cudnn/i, /cudnn/],
  [/^nccl/i, /nccl/],
  [/^thrust$/, /thrust/],
  [/^cub$/, /cub\//],
  [/^(std|cout|cerr|endl|vector|string|map|chrono)$/, /^(iostream|vector|string|map|chrono|algorithm|memory|fstream|sstream|iomanip|random|numeric|functional|utility|unordered_map|array|thread|mutex)/],
];

/** Notes for an undeclared name: the set-aside item that declares it, or skipped headers. */
export function undeclaredNotes(ctx: Ctx, name: string, firstPart = name): { notes: DiagnosticNote[]; setAside?: ast.SetAsideDecl } {
  const item = ctx.setAside.get(name) ?? ctx.setAside.get(firstPart);
  if (item) return { notes: [{ message: `'${name}' was set aside: ${item.reason}`, span: item.errorSpan ?? item.span }], setAside: item };
  if (!ctx.skippedHeaders.length) return { notes: [] };
  let headers = ctx.skippedHeaders;
  for (const [namePattern, headerPattern] of HEADER_HINTS) {
    if (namePattern.test(firstPart)) {
      const matching = headers.filter((h) => headerPattern.test(h.name.replace(/^[<"]|[>"]$/g, '')));
      if (matching.length) headers = matching;
      break;
    }
  }
  return {
    notes: headers.slice(0, 3).map((h) => ({ message: `'${name}' may be declared by <${h.name.replace(/^[<"]|[>"]$/g, '')}>, which kcc skipped (host-only header)`, span: h.span })),
  };
}
