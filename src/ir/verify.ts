/**
 * The KIR verifier. Runs after lowering and after every pass in tests. Each failure names the
 * broken invariant (in brackets, with its own diagnostic code), the op and its location, and
 * values by the names the printer gives them.
 *
 * Invariants checked:
 *  [module]        symbols (functions and globals) are unique; kernels return void; a global's
 *                  initialiser has its type's shape; shared globals have no initialiser.
 *  [arity]         operand, result and region counts match the op table.
 *  [attributes]    required attributes are present; every attribute is declared by the op's
 *                  table entry with a value of the declared kind (flag, int, enum, …); `align`
 *                  values are powers of two.
 *  [typing]        the op table's typing rule holds for operand/result types and attributes.
 *  [dominance]     every operand is defined before its use, in the same region or an enclosing
 *                  one of the same function (structured SSA: a value defined inside a region is
 *                  not visible after it; region results leave only through yield/break).
 *  [regions]       region arguments: `for` has (iv: type of its bounds, carried: init types);
 *                  `loop` has the init types; `if` regions have none.
 *  [terminator]    every region ends in exactly one terminator and has none elsewhere; a
 *                  function body ends in `return`; a `loop` body does not end in `yield`.
 *  [yield]         `yield` appears only as the end of an `if` region (values = the if's results)
 *                  or a `for` body (values = the carried types).
 *  [loop-exit]     `break`/`continue` appear only inside a `for`/`loop` of the same function;
 *                  `break` values have the loop's result types, `continue` values its carried types.
 *  [return]        `return` values match the function's result type.
 *  [address-space] no store through a `constant` pointer; atomics only on global, shared or
 *                  generic pointers; `alloca` gives `local`; `addrspacecast` goes through generic;
 *                  `addressof @g` has g's space and type.
 *  [symbol]        `addressof` and `call` name an existing global/function.
 *  [call]          arguments and result match the callee's signature; kernels are not called.
 *  [barrier]       collectives are structurally sound: a constant shuffle width is a power of
 *                  two in 1..32; a constant participation mask is non-zero.
 */
import { DiagnosticBag } from '../support/diagnostics/index.js';
import { SourceManager } from '../support/source.js';
import { type Func, type Global, type Init, type Module, type Op, type Region, type Value, walkOps } from './core.js';
import { kirDiagnostics as D } from './diagnostics.js';
import { checkAttr } from './ops/table.js';
import { Namer } from './print.js';
import { type Type, isPtr, ptr } from './types.js';

export type Invariant = 'module' | 'arity' | 'attributes' | 'typing' | 'dominance' | 'regions' | 'terminator' | 'yield' | 'loop-exit' | 'return' | 'address-space' | 'symbol' | 'call' | 'barrier';

export interface VerifyError {
  readonly invariant: Invariant;
  /** the full message: `[typing] op 'add' (%3) at saxpy.cu:3:12 in @saxpy: …` */
  readonly message: string;
  readonly op?: Op;
  readonly func?: string;
  /** the op as named in the message (`'add' (%3) at saxpy.cu:3:12`) and the detail alone */
  readonly where: string;
  readonly detail: string;
}

const CODES: Record<Invariant, (typeof D)[keyof typeof D]> = {
  module: D.verifyModule, arity: D.verifyArity, attributes: D.verifyAttr, typing: D.verifyTyping, dominance: D.verifyDominance,
  regions: D.verifyRegions, terminator: D.verifyTerminator, yield: D.verifyYield, 'loop-exit': D.verifyLoopExit, return: D.verifyReturn,
  'address-space': D.verifyAddressSpace, symbol: D.verifySymbol, call: D.verifyCall, barrier: D.verifyBarrier,
};

const arity = (n: number | readonly [number, number]): [number, number] => (typeof n === 'number' ? [n, n] : [n[0], n[1]]);
const typesEq = (a: readonly Type[], b: readonly Type[]) => a.length === b.length && a.every((t, i) => t === b[i]);
const list = (ts: readonly Type[]) => `(${ts.map((t) => t.text).join(', ')})`;

class Verifier {
  readonly errors: VerifyError[] = [];
  private namer = new Namer();
  private func: Func | undefined;

  constructor(private readonly m: Module) {}

  private err(inv: Invariant, detail: string, op?: Op): void {
    const where = op ? this.describe(op) : '';
    const message = `[${inv}] ${op ? `op ${where}: ` : ''}${detail}${this.func ? ` (in @${this.func.name})` : ''}`;
    this.errors.push({ invariant: inv, message, op, func: this.func?.name, where, detail: detail + (this.func ? ` (in @${this.func.name})` : '') });
  }

  private describe(op: Op): string {
    const res = op.results.length ? ` (${op.results.map((r) => `%${this.namer.peek(r)}`).join(', ')})` : '';
    return `'${op.name}'${res}${op.loc ? ` at ${op.loc.file}:${op.loc.line}:${op.loc.col}` : ''}`;
  }

  run(): VerifyError[] {
    const seen = new Set<string>();
    for (const s of [...this.m.globals.map((g) => g.name), ...this.m.funcs.map((f) => f.name)]) {
      if (seen.has(s)) this.err('module', `symbol '@${s}' is defined twice`);
      seen.add(s);
    }
    for (const g of this.m.globals) this.global(g);
    for (const f of this.m.funcs) this.function(f);
    return this.errors;
  }

  private global(g: Global): void {
    if (g.space === 'shared' && g.init !== undefined && g.init !== 'zero') this.err('module', `shared global '@${g.name}' cannot have an initialiser`);
    if (g.init !== undefined && !initFits(g.init, g.type)) this.err('module', `initialiser of '@${g.name}' does not match ${g.type.text}`);
    if (g.align && (g.align & (g.align - 1)) !== 0) this.err('module', `alignment of '@${g.name}' must be a power of two`);
  }

  private function(f: Func): void {
    this.func = f;
    this.namer = new Namer();
    // name values as the printer will, so messages match the printed text
    f.params.forEach((p) => this.namer.name(p));
    const nameRegion = (r: Region) => r.ops.forEach((op) => {
      op.results.forEach((v) => this.namer.name(v));
      op.regions.forEach((rr) => { rr.args.forEach((a) => this.namer.name(a)); nameRegion(rr); });
    });
    nameRegion(f.body);
    if (f.kind === 'kernel' && f.resultType.kind !== 'void') this.err('module', `kernel '@${f.name}' must return void`);
    const visible = new Set<Value>(f.params);
    this.region(f.body, visible, 'function');
    const last = f.body.ops[f.body.ops.length - 1];
    if (!last || last.name !== 'return') this.err('terminator', `the body of '@${f.name}' must end in 'return'`);
    this.func = undefined;
  }

  private region(r: Region, visible: Set<Value>, kind: 'function' | 'if' | 'for' | 'loop'): void {
    const defined: Value[] = [];
    r.ops.forEach((op, i) => {
      const last = i === r.ops.length - 1;
      if (op.parent !== r) this.err('regions', 'op is not linked to the region holding it', op);
      for (const [k, v] of op.operands.entries())
        if (!visible.has(v)) this.err('dominance', `operand ${k} (%${this.namer.peek(v)}) is not defined before this use in an enclosing region`, op);
      this.op(op, visible);
      if (op.def.terminator && !last) this.err('terminator', `'${op.name}' must be the last op of its region`, op);
      if (last && !op.def.terminator && kind !== 'function') this.err('terminator', `region of '${r.parentOp?.name}' must end in a terminator (ends in '${op.name}')`, op);
      for (const v of op.results) { visible.add(v); defined.push(v); }
    });
    if (!r.ops.length && kind !== 'function') this.err('terminator', `region of '${r.parentOp?.name}' is empty (needs a terminator)`, r.parentOp);
    for (const v of defined) visible.delete(v);
  }

  private op(op: Op, visible: Set<Value>): void {
    const d = op.def;
    const [omin, omax] = arity(d.operands);
    const [rmin, rmax] = arity(d.results);
    if (op.operands.length < omin || op.operands.length > omax) return this.err('arity', `has ${op.operands.length} operand(s), expects ${omin === omax ? omin : `${omin}..${omax}`}`, op);
    if (op.results.length < rmin || op.results.length > rmax) return this.err('arity', `has ${op.results.length} result(s), expects ${rmin === rmax ? rmin : `${rmin}..${rmax}`}`, op);
    if (op.regions.length !== (d.regions ?? 0)) return this.err('arity', `has ${op.regions.length} region(s), expects ${d.regions ?? 0}`, op);
    for (const [k, spec] of Object.entries(d.attrs)) {
      const v = op.attrs[k];
      if (v === undefined) { if (spec.required) this.err('attributes', `missing attribute '${k}'`, op); continue; }
      const e = checkAttr(k, spec, v);
      if (e) this.err('attributes', e, op);
    }
    for (const k of Object.keys(op.attrs)) if (!(k in d.attrs)) this.err('attributes', `unknown attribute '${k}'`, op);
    const e = d.typing({ operands: op.operands.map((v) => v.type), results: op.results.map((v) => v.type), attrs: op.attrs, op });
    if (e) {
      if (e.startsWith('address-space: ')) this.err('address-space', e.slice(15), op);
      else this.err(e.startsWith('address-space') ? 'address-space' : 'typing', e, op);
    }
    this.special(op);
    if (op.regions.length) this.nested(op, visible);
  }

  /** checks that need the module or the enclosing ops */
  private special(op: Op): void {
    switch (op.name) {
      case 'addressof': {
        const g = this.m.global(op.attrs.sym as string);
        if (!g) return this.err('symbol', `no global '@${String(op.attrs.sym)}'`, op);
        const want = ptr(g.space, g.type);
        if (op.results[0]!.type !== want) this.err('address-space', `'@${g.name}' is a ${g.space} ${g.type.text}: result must be ${want.text}`, op);
        return;
      }
      case 'call': {
        const f = this.m.func(op.attrs.callee as string);
        if (!f) return this.err('symbol', `no function '@${String(op.attrs.callee)}'`, op);
        if (f.kind === 'kernel') return this.err('call', `kernel '@${f.name}' cannot be called from device code`, op);
        const want = f.params.map((p) => p.type);
        if (!typesEq(want, op.operands.map((v) => v.type))) this.err('call', `arguments ${list(op.operands.map((v) => v.type))} do not match '@${f.name}' ${list(want)}`, op);
        const res = f.resultType.kind === 'void' ? [] : [f.resultType];
        if (!typesEq(res, op.results.map((v) => v.type))) this.err('call', `result ${list(op.results.map((v) => v.type))} does not match '@${f.name}' -> ${f.resultType.text}`, op);
        return;
      }
      case 'yield': {
        const owner = op.parent?.parentOp;
        if (!owner || (owner.name !== 'if' && owner.name !== 'for')) return this.err('yield', `'yield' must end an 'if' region or a 'for' body (it is in ${owner ? `a '${owner.name}'` : 'the function body'})`, op);
        const want = owner.results.map((v) => v.type);
        const got = op.operands.map((v) => v.type);
        if (!typesEq(want, got)) this.err('yield', `yields ${list(got)} but the '${owner.name}' expects ${list(want)}`, op);
        return;
      }
      case 'break': case 'continue': {
        const loop = this.enclosingLoop(op);
        if (!loop) return this.err('loop-exit', `'${op.name}' outside of a loop`, op);
        const want = op.name === 'break' ? loop.results.map((v) => v.type) : loop.regions[0]!.args.slice(loop.name === 'for' ? 1 : 0).map((v) => v.type);
        const got = op.operands.map((v) => v.type);
        if (!typesEq(want, got)) this.err('loop-exit', `'${op.name}' passes ${list(got)} but the '${loop.name}' expects ${list(want)}`, op);
        return;
      }
      case 'return': {
        const f = this.func!;
        const want = f.resultType.kind === 'void' ? [] : [f.resultType];
        const got = op.operands.map((v) => v.type);
        if (!typesEq(want, got)) this.err('return', `returns ${list(got)} but '@${f.name}' returns ${f.resultType.text}`, op);
        return;
      }
      case 'shuffle': case 'vote': case 'syncwarp': {
        const mask = constOf(op.operands[0]!);
        if (mask === 0) this.err('barrier', 'participation mask is the constant 0', op);
        if (op.name === 'shuffle') {
          const w = constOf(op.operands[3]!);
          if (w !== undefined && !(w >= 1 && w <= 32 && (w & (w - 1)) === 0)) this.err('barrier', `shuffle width ${w} must be a power of two in 1..32`, op);
        }
        return;
      }
      case 'atomic.rmw': case 'atomic.cas': case 'load': case 'store': {
        const p = op.operands[op.name === 'store' ? 1 : 0]!.type;
        if (isPtr(p) && p.space === 'host') this.err('address-space', `${op.name} through a host pointer in device code`, op);
        return;
      }
    }
  }

  private enclosingLoop(op: Op): Op | undefined {
    let r = op.parent;
    while (r) {
      const owner = r.parentOp;
      if (!owner) return undefined;
      if (owner.name === 'for' || owner.name === 'loop') return owner;
      r = owner.parent;
    }
    return undefined;
  }

  private nested(op: Op, visible: Set<Value>): void {
    const withArgs = (r: Region, kind: 'if' | 'for' | 'loop') => {
      r.args.forEach((a) => visible.add(a));
      this.region(r, visible, kind);
      r.args.forEach((a) => visible.delete(a));
    };
    if (op.name === 'if') {
      for (const r of op.regions) {
        if (r.args.length) this.err('regions', "'if' regions take no arguments", op);
        withArgs(r, 'if');
      }
    } else if (op.name === 'for') {
      const r = op.regions[0]!;
      const want = [op.operands[0]!.type, ...op.operands.slice(3).map((v) => v.type)];
      if (!typesEq(want, r.args.map((a) => a.type))) this.err('regions', `body arguments ${list(r.args.map((a) => a.type))} must be ${list(want)}`, op);
      withArgs(r, 'for');
    } else if (op.name === 'loop') {
      const r = op.regions[0]!;
      const want = op.operands.map((v) => v.type);
      if (!typesEq(want, r.args.map((a) => a.type))) this.err('regions', `body arguments ${list(r.args.map((a) => a.type))} must be ${list(want)}`, op);
      const t = r.ops[r.ops.length - 1];
      if (t?.name === 'yield') this.err('terminator', "a 'loop' body ends in continue, break or return, not yield", t);
      withArgs(r, 'loop');
    }
  }
}

function constOf(v: Value): number | undefined {
  const d = v.definingOp;
  return d?.name === 'const' && typeof d.attrs.value === 'number' ? d.attrs.value : undefined;
}

function initFits(init: Init, t: Type): boolean {
  if (init === 'zero') return true;
  if (Array.isArray(init)) {
    if (t.kind === 'struct') return init.length === t.fields.length && init.every((x, i) => initFits(x, t.fields[i]!));
    if (t.kind === 'array' || t.kind === 'vec') return init.length <= t.len && init.every((x) => initFits(x, t.elem));
    return false;
  }
  if (t.kind === 'int') return t.bits === 64 ? typeof init === 'bigint' : typeof init === 'number';
  return (t.kind === 'float' || t.kind === 'bool') && typeof init === 'number';
}

/** Verifies a module: the list of broken invariants (empty when the module is valid). */
export function verifyModule(m: Module): VerifyError[] {
  return new Verifier(m).run();
}

/** Verifies and reports into a DiagnosticBag (KCC46xx, one code per invariant). */
export function verifyInto(m: Module, diags: DiagnosticBag): boolean {
  const errs = verifyModule(m);
  for (const e of errs) diags.report(CODES[e.invariant], undefined, { op: e.where, detail: e.detail });
  return errs.length === 0;
}

/** Throws with every message when the module is invalid (tests, pass manager). */
export function verifyOrThrow(m: Module): void {
  const errs = verifyModule(m);
  if (errs.length) throw new Error(`KIR verification failed:\n${errs.map((e) => e.message).join('\n')}`);
}

export function newDiagnosticBag(): DiagnosticBag {
  return new DiagnosticBag(new SourceManager());
}

export { walkOps };
