/**
 * Pre-compiles KIR functions into flat arrays of closures (see runtime.ts for the model).
 * Structured control flow becomes jumps:
 *
 *   if c {T} else {E}      br c ? T : E;  T…; (yield: copy → results; jmp END);  E…;  END:
 *   for lo,hi,st,init      iv,carried = lo,init;  HEAD: iv < hi ? body : (results = carried; jmp END)
 *                          body… (yield/continue: carried = vals; iv += st; jmp HEAD) (break: results = vals; jmp END)
 *   loop init              carried = init;  HEAD: body… (continue: carried = vals; jmp HEAD) (break: results = vals; jmp END)
 *   return v               result to the caller's slot, pop the frame (or end the thread)
 *
 * Constants cost nothing at run time: they live in the frame template every call copies.
 * One Program per (module, sanitize): the sanitizer's checks are compiled in or left out.
 */
import type { Func, Loc, Module, Op, Region, Value } from '../core.js';
import { type Type, isInt } from '../types.js';
import { compileArith } from './compile-arith.js';
import { compileMemory } from './compile-memory.js';
import { compileSimt } from './compile-simt.js';
import { EXIT, FRAME, type Frame, type Instr, STOP, type Thread, fault } from './runtime.js';

export type Slot = readonly [bank: number, index: number];

export interface CompiledFunc {
  readonly func: Func;
  readonly code: Instr[];
  readonly n0: Float64Array;
  readonly b0: bigint[];
  readonly oSize: number;
  readonly params: Slot[];
}

/** bank of a value of type t: 0 numbers, 1 bigints (64-bit integers), 2 aggregates */
export function bankOf(t: Type): number {
  if (isInt(t) && t.bits === 64) return 1;
  if (t.kind === 'vec' || t.kind === 'struct' || t.kind === 'array') return 2;
  return 0;
}

export class Program {
  private funcs = new Map<Func, CompiledFunc>();
  /** module global name → index (addressof reads `ctx.globalAddr[index]` / `blk.sharedAddr[index]`) */
  readonly globalIndex = new Map<string, number>();

  constructor(readonly module: Module, readonly sanitize: boolean) {
    module.globals.forEach((g, i) => this.globalIndex.set(g.name, i));
  }

  get(f: Func): CompiledFunc {
    let cf = this.funcs.get(f);
    if (!cf) {
      cf = new FnCompiler(this, f).compile();
      this.funcs.set(f, cf);
    }
    return cf;
  }
}

/** the source location of each instruction of a compiled function (faults raised outside an
 *  instruction, such as fuel exhaustion, name the line the thread was about to run) */
export const codeLocs = new WeakMap<Instr[], (Loc | undefined)[]>();

export function newFrame(cf: CompiledFunc): Frame {
  return { n: cf.n0.slice(), b: cf.b0.slice(), o: new Array<unknown>(cf.oSize), code: cf.code, retPc: 0, retBank: -1, retSlot: 0, locals: undefined };
}

interface Construct {
  kind: 'if' | 'for' | 'loop';
  results: Slot[];
  carried: Slot[];
  head: number;
  iv?: Slot;
  step?: Slot;
  /** instructions to patch with the END pc */
  exits: { at: number; make: (end: number) => Instr }[];
}

type Get = (f: Frame) => unknown;
type Put = (f: Frame, v: unknown) => void;

export function getter(s: Slot): Get {
  const [bank, i] = s;
  return bank === 0 ? (f) => f.n[i] : bank === 1 ? (f) => f.b[i] : (f) => f.o[i];
}
export function putter(s: Slot): Put {
  const [bank, i] = s;
  return bank === 0 ? (f, v) => { f.n[i] = v as number; } : bank === 1 ? (f, v) => { f.b[i] = v as bigint; } : (f, v) => { f.o[i] = v; };
}

/** a parallel copy srcs → dsts (reads everything before writing: loop-carried swaps are safe) */
export function copier(srcs: readonly Slot[], dsts: readonly Slot[]): ((f: Frame) => void) | undefined {
  if (!srcs.length) return undefined;
  if (srcs.length === 1 && srcs[0]![0] === 0 && dsts[0]![0] === 0) {
    const s = srcs[0]![1], d = dsts[0]![1];
    return (f) => { f.n[d] = f.n[s]!; };
  }
  if (srcs.every((s) => s[0] === 0) && dsts.every((s) => s[0] === 0)) {
    const ss = srcs.map((s) => s[1]), ds = dsts.map((s) => s[1]);
    const tmp = new Float64Array(ss.length);
    return (f) => {
      for (let i = 0; i < ss.length; i++) tmp[i] = f.n[ss[i]!]!;
      for (let i = 0; i < ds.length; i++) f.n[ds[i]!] = tmp[i]!;
    };
  }
  const gets = srcs.map(getter), puts = dsts.map(putter);
  return (f) => {
    const vals = gets.map((g) => g(f));
    puts.forEach((p, i) => p(f, vals[i]));
  };
}

export class FnCompiler {
  readonly code: Instr[] = [];
  private slots = new Map<Value, Slot>();
  private sizes = [0, 0, 0];
  private constsN: [number, number][] = [];
  private constsB: [number, bigint][] = [];
  private constructs: Construct[] = [];
  private readonly locs: (Loc | undefined)[] = [];
  private curLoc: Loc | undefined;

  constructor(readonly program: Program, readonly func: Func) {}

  get sanitize(): boolean {
    return this.program.sanitize;
  }
  get module(): Module {
    return this.program.module;
  }
  /** the pc the instruction being emitted now will fall through to */
  get next(): number {
    return this.code.length + 1;
  }

  slot(v: Value): Slot {
    let s = this.slots.get(v);
    if (!s) {
      const bank = bankOf(v.type);
      s = [bank, this.sizes[bank]!++];
      this.slots.set(v, s);
    }
    return s;
  }
  /** index of a value in the number bank */
  n(v: Value): number {
    const [bank, i] = this.slot(v);
    if (bank !== 0) throw new Error(`internal: ${v.type.text} is not in the number bank`);
    return i;
  }

  /** registers a constant in the frame template */
  constant(v: Value, value: number | bigint): void {
    const [bank, i] = this.slot(v);
    if (bank === 1) this.constsB.push([i, BigInt(value)]);
    else this.constsN.push([i, Number(value)]);
  }

  emit(i: Instr): number {
    this.code.push(i);
    this.locs.push(this.curLoc);
    return this.code.length - 1;
  }

  compile(): CompiledFunc {
    const params = this.func.params.map((p) => this.slot(p));
    this.region(this.func.body);
    const n0 = new Float64Array(this.sizes[0]!);
    for (const [i, v] of this.constsN) n0[i] = v;
    const b0 = new Array<bigint>(this.sizes[1]!).fill(0n);
    for (const [i, v] of this.constsB) b0[i] = v;
    codeLocs.set(this.code, this.locs);
    return { func: this.func, code: this.code, n0, b0, oSize: this.sizes[2]!, params };
  }

  private region(r: Region): void {
    for (const op of r.ops) this.op(op);
  }

  private op(op: Op): void {
    const outer = this.curLoc;
    this.curLoc = op.loc ?? outer;
    this.compileOp(op);
    this.curLoc = outer;
  }

  private compileOp(op: Op): void {
    switch (op.name) {
      case 'if': return this.compileIf(op);
      case 'for': return this.compileFor(op);
      case 'loop': return this.compileLoop(op);
      case 'yield': case 'continue': case 'break': return this.compileExit(op);
      case 'return': return this.compileReturn(op);
      case 'call': return this.compileCall(op);
    }
    let ins = compileArith(op, this);
    if (ins === undefined) ins = compileMemory(op, this);
    if (ins === undefined) ins = compileSimt(op, this);
    if (ins === undefined) throw new Error(`internal: the interpreter cannot run op '${op.name}'`);
    if (ins !== null) this.emit(ins);
  }

  private compileIf(op: Op): void {
    const c = this.n(op.operands[0]!);
    const br = this.emit(() => STOP);
    const k: Construct = { kind: 'if', results: op.results.map((v) => this.slot(v)), carried: [], head: -1, exits: [] };
    this.constructs.push(k);
    this.region(op.regions[0]!);
    const elseStart = this.code.length;
    this.region(op.regions[1]!);
    this.constructs.pop();
    const end = this.code.length;
    const then = br + 1;
    this.code[br] = (f) => (f.n[c] ? then : elseStart);
    for (const x of k.exits) this.code[x.at] = x.make(end);
  }

  private compileFor(op: Op): void {
    const body = op.regions[0]!;
    const [iv, ...carried] = body.args.map((a) => this.slot(a));
    const [lo, hi, step, ...inits] = op.operands.map((v) => this.slot(v));
    const init = copier([lo!, ...inits], [iv!, ...carried])!;
    const start = this.emit(() => 0);
    this.code[start] = (f) => { init(f); return start + 1; };
    const head = this.emit(() => STOP);
    const k: Construct = { kind: 'for', results: op.results.map((v) => this.slot(v)), carried, head, iv, step, exits: [] };
    this.constructs.push(k);
    this.region(body);
    this.constructs.pop();
    const end = this.code.length;
    const out = copier(carried, k.results);
    const [bank, ivi] = iv!;
    const hii = hi![1];
    const first = head + 1;
    if (bank === 0) this.code[head] = out ? (f) => (f.n[ivi]! < f.n[hii]! ? first : (out(f), end)) : (f) => (f.n[ivi]! < f.n[hii]! ? first : end);
    else this.code[head] = (f) => (f.b[ivi]! < f.b[hii]! ? first : (out?.(f), end));
    for (const x of k.exits) this.code[x.at] = x.make(end);
  }

  private compileLoop(op: Op): void {
    const body = op.regions[0]!;
    const carried = body.args.map((a) => this.slot(a));
    const init = copier(op.operands.map((v) => this.slot(v)), carried);
    const start = this.emit(() => 0);
    this.code[start] = init ? (f) => { init(f); return start + 1; } : () => start + 1;
    const head = this.code.length;
    const k: Construct = { kind: 'loop', results: op.results.map((v) => this.slot(v)), carried, head, exits: [] };
    this.constructs.push(k);
    this.region(body);
    this.constructs.pop();
    const end = this.code.length;
    for (const x of k.exits) this.code[x.at] = x.make(end);
  }

  private compileExit(op: Op): void {
    const vals = op.operands.map((v) => this.slot(v));
    const k = op.name === 'yield' ? this.constructs[this.constructs.length - 1]! : [...this.constructs].reverse().find((c) => c.kind !== 'if')!;
    const at = this.code.length;
    const toEnd = (dsts: Slot[]) => {
      const cp = copier(vals, dsts);
      this.emit(() => STOP);
      k.exits.push({ at, make: (end) => (cp ? (f) => { cp(f); return end; } : () => end) });
    };
    if (op.name === 'break' || k.kind === 'if') return toEnd(k.results);
    // yield in a for body, or continue: next iteration
    const cp = copier(vals, k.carried);
    const head = k.head;
    if (k.kind === 'loop') {
      this.emit(cp ? (f) => { cp(f); return head; } : () => head);
      return;
    }
    const [bank, ivi] = k.iv!;
    const st = k.step![1];
    if (bank === 0) this.emit(cp ? (f) => { cp(f); f.n[ivi] += f.n[st]!; return head; } : (f) => { f.n[ivi] += f.n[st]!; return head; });
    else this.emit((f) => { cp?.(f); f.b[ivi] = f.b[ivi]! + f.b[st]!; return head; });
  }

  private compileReturn(op: Op): void {
    const v = op.operands[0] ? getter(this.slot(op.operands[0])) : undefined;
    this.emit((f, t) => {
      const val = v?.(f);
      if (f.locals) for (const id of f.locals) t.ctx.mem.release(id);
      t.frames.pop();
      const caller = t.frames[t.frames.length - 1];
      if (!caller) {
        t.state = 2;
        return EXIT;
      }
      if (f.retBank >= 0) putter([f.retBank, f.retSlot])(caller, val);
      t.f = caller;
      t.pc = f.retPc;
      return FRAME;
    });
  }

  private compileCall(op: Op): void {
    const callee = this.module.func(op.attrs.callee as string)!;
    const args = op.operands.map((v) => getter(this.slot(v)));
    const res = op.results[0] ? this.slot(op.results[0]) : undefined;
    const program = this.program;
    const loc = op.loc;
    let cf: CompiledFunc | undefined;
    let puts: Put[] = [];
    const next = this.next;
    this.emit((f, t) => {
      if (!cf) {
        cf = program.get(callee);
        puts = cf.params.map(putter);
      }
      if (t.frames.length > 1000) {
        fault(t, 'stack-overflow', `call depth exceeds 1000 calling @${callee.name}`, loc, true);
        return STOP;
      }
      const nf = newFrame(cf);
      for (let i = 0; i < args.length; i++) puts[i]!(nf, args[i]!(f));
      nf.retPc = next;
      nf.retBank = res ? res[0] : -1;
      nf.retSlot = res ? res[1] : 0;
      t.frames.push(nf);
      t.f = nf;
      t.pc = 0;
      return FRAME;
    });
  }

  /** the location of an op, for faults */
  loc(op: Op): Loc | undefined {
    return op.loc;
  }
}
