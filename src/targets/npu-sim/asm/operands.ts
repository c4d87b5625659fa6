/**
 * Checks one parsed instruction against its table row and builds the Instr: suffixes (types,
 * condition), positional operands by kind, options (name=value), flags, required options,
 * and the pipe the instruction is queued on. Every problem is a diagnostic at the operand.
 */
import type { DiagnosticDef } from '../../../support/diagnostics/index.js';
import type { Span } from '../../../support/source.js';
import type { BufferName, NpuConfig } from '../config.js';
import { npuDiagnostics as D } from '../diagnostics.js';
import { CMP_CONDITIONS } from '../isa/vector.js';
import { PIPES, type Instr, type OpDef, type Operand, type OperandKind, type Pipe, type Space } from '../isa/program.js';
import { ELEM_TYPES, isElemType, type ElemType } from '../types.js';
import type { Tok } from './lexer.js';
import type { Ex, Item, Val } from './syntax.js';

export interface AsmScope {
  params: Map<string, { kind: 'sreg' | 'freg'; reg: number }>;
  symbols: Map<string, { value: bigint; space?: BufferName }>;
  labels: Map<string, number>;
  report(def: DiagnosticDef, at: { start: number; end: number }, args?: Record<string, string | number>): void;
  cfg: NpuConfig;
}

const KIND_TEXT: Record<string, string> = {
  sd: 'an s register', s: 'an s register', fd: 'an f register', f: 'an f register',
  sv: 'an s register, an integer or %core/%ncores', fv: 'an f register or a number',
  any: 'a register or a number', reg: 'an s or f register', vsrc: 'a ub[...] address or a scalar',
  'mem:*': 'an address', label: 'a label', pipe: 'a pipe (S MTE1 MTE2 MTE3 M V FIX) or all',
  pair: 'a pipe pair SRC>DST', path: 'a DMA path (gm2ub, ub2gm)', val: 'an integer or an s register',
  vlist: 'an integer, an s register or a colon list', word: 'a keyword',
};
const kindText = (k: OperandKind) => KIND_TEXT[k] ?? `a ${k.slice(4)}[...] address`;

class Bad extends Error {
  /** true when a more specific diagnostic was already reported */
  constructor(readonly reported = false) {
    super();
  }
}

export function checkInstr(
  scope: AsmScope, def: OpDef, suffixes: string[], head: Tok, items: Item[], at: { pc: number; line: number; span: Span },
): Instr | undefined {
  let ok = true;
  const fail = (d: DiagnosticDef, where: { start: number; end: number }, args: Record<string, string | number>) => {
    scope.report(d, where, args);
    ok = false;
  };
  // suffixes
  const types: ElemType[] = [];
  let cc: string | undefined;
  const want = def.suffix === 'none' ? 0 : def.suffix === 'type' ? 1 : 2;
  if (suffixes.length !== want) {
    const form = def.suffix === 'none' ? def.name : def.suffix === 'type' ? `${def.name}.TYPE` : def.suffix === 'cc.type' ? `${def.name}.CC.TYPE` : `${def.name}.DST.SRC`;
    fail(D.badSuffix, head, { name: head.text, problem: `expected the form ${form}` });
  } else {
    suffixes.forEach((s, k) => {
      if (def.suffix === 'cc.type' && k === 0) {
        if (!(s in CMP_CONDITIONS)) fail(D.badSuffix, head, { name: head.text, problem: `unknown condition '${s}' (eq ne lt le gt ge)` });
        cc = s;
        return;
      }
      if (!isElemType(s)) return fail(D.badSuffix, head, { name: head.text, problem: `unknown type '${s}' (${ELEM_TYPES.join(' ')})` });
      const allowed = def.types ?? ELEM_TYPES;
      if (k === want - 1 && def.suffix !== 'type.type' && !allowed.includes(s))
        fail(D.badSuffix, head, { name: head.text, problem: `type ${s} is not supported (${allowed.join(' ')})` });
      types.push(s);
    });
  }
  // split items
  const positional: Val[] = [];
  const options: Extract<Item, { k: 'opt' }>[] = [];
  const flags: string[] = [];
  for (const it of items) {
    if (it.k === 'opt') options.push(it);
    else if (it.k === 'expr' && it.e.k === 'id' && def.flags?.includes(it.e.name)) flags.push(it.e.name);
    else positional.push(it);
  }
  const min = def.args.length - (def.optionalArgs ?? 0);
  if (positional.length < min || positional.length > def.args.length) {
    const expected = min === def.args.length ? `${min}` : `${min} to ${def.args.length}`;
    fail(D.operandCount, { start: head.start, end: head.end }, { name: head.text, expected, s: def.args.length === 1 ? '' : 's', got: positional.length });
    return undefined;
  }
  const args: Operand[] = [];
  positional.forEach((v, k) => {
    try {
      args.push(convert(scope, def.args[k]!, v));
    } catch (e) {
      if (!(e instanceof Bad)) throw e;
      if (e.reported) ok = false;
      else fail(D.operandKind, v, { index: k + 1, name: head.text, kind: kindText(def.args[k]!) });
    }
  });
  const opts = new Map<string, Operand>();
  for (const o of options) {
    const spec = def.options?.[o.name];
    if (!spec) {
      const known = Object.keys(def.options ?? {});
      fail(D.unknownOption, o, { name: head.text, opt: o.name, hint: known.length ? ` (options: ${known.join(', ')})` : '' });
      continue;
    }
    if (opts.has(o.name)) fail(D.duplicateOption, o, { opt: o.name });
    try {
      const v = convert(scope, spec.kind, o.value);
      if (spec.words && (v.kind !== 'word' || !spec.words.includes(v.word)))
        fail(D.badWord, o.value, { value: v.kind === 'word' ? v.word : '?', opt: o.name, expected: spec.words.join(', ') });
      opts.set(o.name, v);
    } catch (e) {
      if (!(e instanceof Bad)) throw e;
      if (e.reported) ok = false;
      else fail(D.operandKind, o.value, { index: o.name, name: head.text, kind: kindText(spec.kind) });
    }
  }
  for (const [name, spec] of Object.entries(def.options ?? {}))
    if (spec.required && !opts.has(name)) fail(D.missingOption, head, { name: head.text, opt: name });
  if (!ok) return undefined;
  // the pipe an instruction is queued on
  let pipe: Pipe = def.pipe;
  if (def.name === 'setf' || def.name === 'waitf') {
    const p = args[0] as Extract<Operand, { kind: 'pair' }>;
    pipe = def.name === 'setf' ? p.src : p.dst;
    const id = args[1]!;
    if (p.src === p.dst) fail(D.badFlag, positional[0]!, { problem: `a flag connects two different pipes, not ${p.src}>${p.dst}` });
    if (def.name === 'setf' && p.src === 'S') {
      // the scalar unit sets flags at issue (its work is done in order)
    }
    if (id.kind === 'imm' && (id.value < 0n || id.value >= BigInt(scope.cfg.flagIds)))
      fail(D.badFlag, positional[1]!, { problem: `flag id ${id.value} is outside 0..${scope.cfg.flagIds - 1}` });
  }
  if (def.name === 'bar') {
    const p = (args[0] as Extract<Operand, { kind: 'pipe' }>).pipe;
    pipe = p === 'all' ? 'S' : p;
  }
  if (def.name === 'dma.gather' || def.name === 'dma.scatter') {
    const w = args[0] as Extract<Operand, { kind: 'word' }>;
    const path = def.name === 'dma.gather' ? 'gm2ub' : 'ub2gm';
    if (w.word !== path) fail(D.operandKind, positional[0]!, { index: 1, name: head.text, kind: `the path ${path}` });
  }
  if (!ok) return undefined;
  const ins: Instr = { def, types, cc, args, opts, flags, pipe, span: at.span, line: at.line, pc: at.pc };
  const problem = def.validate?.(ins);
  if (problem) {
    fail(D.badSuffix, head, { name: head.text, problem });
    return undefined;
  }
  return ins;
}

interface Linear {
  reg?: Extract<Operand, { kind: 'sreg' | 'freg' }>;
  special?: 'core' | 'ncores' | 'nblocks';
  c: bigint;
  float?: number;
  sym?: { name: string; space?: BufferName; compound?: boolean };
}

function register(scope: AsmScope, name: string, tok: Tok): Extract<Operand, { kind: 'sreg' | 'freg' }> | undefined {
  const m = /^([sf])([0-9]+)$/.exec(name);
  if (m) {
    const reg = Number(m[2]);
    if (reg > 31) {
      scope.report(D.badRegister, tok, { reg: name });
      throw new Bad(true);
    }
    return { kind: m[1] === 's' ? 'sreg' : 'freg', reg };
  }
  const p = scope.params.get(name);
  return p ? { kind: p.kind, reg: p.reg } : undefined;
}

/** Evaluates an expression to register + constant (+ float when it is a float literal). */
function linear(scope: AsmScope, e: Ex): Linear {
  switch (e.k) {
    case 'num': return { c: e.v };
    case 'float': return { c: 0n, float: e.v };
    case 'special':
      if (e.name !== 'core' && e.name !== 'ncores' && e.name !== 'nblocks') throw new Bad();
      return { c: 0n, special: e.name };
    case 'id': {
      const r = register(scope, e.name, e.tok);
      if (r) return { c: 0n, reg: r };
      if (e.name === 'inf' || e.name === 'nan') return { c: 0n, float: e.name === 'inf' ? Infinity : NaN };
      const s = scope.symbols.get(e.name);
      if (s) return { c: s.value, sym: { name: e.name, space: s.space } };
      scope.report(D.undefinedSymbol, e.tok, { name: e.name });
      throw new Bad(true);
    }
    case 'neg': {
      const v = linear(scope, e.e);
      if (v.reg || v.special) throw new Bad();
      return v.float !== undefined ? { c: 0n, float: -v.float } : { c: -v.c };
    }
    case 'bin': {
      const l = linear(scope, e.l), r = linear(scope, e.r);
      if (l.float !== undefined || r.float !== undefined) throw new Bad();
      if (e.op === '*') {
        if (l.reg || r.reg || l.special || r.special) throw new Bad();
        return { c: l.c * r.c };
      }
      if ((l.reg || l.special) && (r.reg || r.special)) throw new Bad();
      if (e.op === '-' && (r.reg || r.special)) throw new Bad();
      // a symbol's name is kept (for printing) only when the operand is the symbol alone;
      // its space is kept to check memory operands
      const space = l.sym?.space ?? r.sym?.space;
      return { reg: l.reg ?? r.reg, special: l.special ?? r.special, c: e.op === '+' ? l.c + r.c : l.c - r.c, sym: space ? { name: (l.sym ?? r.sym)!.name, space, compound: true } : undefined };
    }
  }
}

function scalarOperand(v: Linear, allowF: boolean, allowS: boolean, allowConst: boolean): Operand {
  if (v.reg) {
    if (v.c !== 0n) throw new Bad();
    if (v.reg.kind === 'freg' ? !allowF : !allowS) throw new Bad();
    return v.reg;
  }
  if (v.special) {
    if (v.c !== 0n || !allowS) throw new Bad();
    return { kind: 'special', name: v.special };
  }
  if (!allowConst) throw new Bad();
  if (v.float !== undefined) {
    if (!allowF) throw new Bad();
    return { kind: 'fimm', value: v.float };
  }
  return v.sym && !v.sym.compound ? { kind: 'imm', value: v.c, text: v.sym.name } : { kind: 'imm', value: v.c };
}

function convert(scope: AsmScope, kind: OperandKind, v: Val): Operand {
  if (kind.startsWith('mem:') || (kind === 'vsrc' && v.k === 'mem')) {
    if (v.k !== 'mem') throw new Bad();
    const want = kind === 'vsrc' ? 'ub' : kind.slice(4);
    if (want !== '*' && v.space !== want) throw new Bad();
    const l = linear(scope, v.e);
    if (l.float !== undefined || l.special || l.reg?.kind === 'freg') throw new Bad();
    if (l.sym?.space && l.sym.space !== v.space) {
      scope.report(D.symbolSpace, v, { name: l.sym.name, space: l.sym.space, want: v.space });
      throw new Bad(true);
    }
    return { kind: 'mem', space: v.space as Space, base: l.reg?.reg, offset: Number(l.c) };
  }
  if (kind === 'pair') {
    if (v.k !== 'pair') throw new Bad();
    if (!PIPES.includes(v.src as Pipe) || !PIPES.includes(v.dst as Pipe)) throw new Bad();
    return { kind: 'pair', src: v.src as Pipe, dst: v.dst as Pipe };
  }
  if (kind === 'vlist' && v.k === 'list') {
    return { kind: 'list', items: v.items.map((e) => scalarOperand(linear(scope, e), false, true, true)) };
  }
  if (v.k !== 'expr') throw new Bad();
  const e = v.e;
  switch (kind) {
    case 'label':
      if (e.k !== 'id') throw new Bad();
      if (!scope.labels.has(e.name)) {
        scope.report(D.undefinedLabel, e.tok, { name: e.name });
        throw new Bad(true);
      }
      return { kind: 'label', name: e.name, target: scope.labels.get(e.name)! };
    case 'pipe':
      if (e.k !== 'id' || !(e.name === 'all' || PIPES.includes(e.name as Pipe))) throw new Bad();
      return { kind: 'pipe', pipe: e.name as Pipe | 'all' };
    case 'path': case 'word':
      if (e.k !== 'id') throw new Bad();
      return { kind: 'word', word: e.name };
  }
  const l = linear(scope, e);
  switch (kind) {
    case 'sd': case 's': return scalarOperand(l, false, true, false);
    case 'fd': case 'f': return scalarOperand(l, true, false, false);
    case 'reg': return scalarOperand(l, true, true, false);
    case 'sv': case 'val': case 'vlist': return scalarOperand(l, false, true, true);
    case 'fv': {
      const o = scalarOperand(l, true, false, true);
      return o.kind === 'imm' ? { kind: 'fimm', value: Number(o.value) } : o;
    }
    case 'any': case 'vsrc': return scalarOperand(l, true, true, true);
  }
  throw new Bad();
}

export { ELEM_TYPES };
export type { ElemType };
