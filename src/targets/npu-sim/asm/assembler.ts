/**
 * The assembler: NPU assembly text → Program, with every error a diagnostic (line and column)
 * collected in a DiagnosticBag, several per run.
 *
 *   program   = line*
 *   line      = (label ':')* (directive | instr)?
 *   directive = '.kernel' name '(' (type name (',' type name)*)? ')'
 *             | '.alloc' SPACE name ',' expr (',' 'align' '=' expr)?
 *             | '.equ' name ',' expr
 *   instr     = mnemonic items                  (items: see syntax.ts)
 *
 * Two passes: the first collects labels, `.kernel`, `.alloc` and `.equ` (so they may be used
 * before they are defined), the second checks each instruction against its table row.
 * Kernel parameters arrive in registers: integers and pointers in s0, s1, … and floats in
 * f0, f1, … in order; a parameter's name is an alias of its register.
 */
import { DiagnosticBag, type DiagnosticDef } from '../../../support/diagnostics/index.js';
import { SourceManager, type Span } from '../../../support/source.js';
import { BUFFER_NAMES, dv910b, type BufferName, type NpuConfig } from '../config.js';
import { npuDiagnostics as D } from '../diagnostics.js';
import { splitMnemonic } from '../isa/table.js';
import type { Allocation, Instr, KernelParam, Program } from '../isa/program.js';
import { lexLine, type LexError, type Tok } from './lexer.js';
import { ItemParser, SyntaxErr, type Item } from './syntax.js';
import { checkInstr, type AsmScope } from './operands.js';

export interface AssembleOptions {
  filename?: string;
  config?: NpuConfig;
  /** report into an existing bag (and its SourceManager) */
  bag?: DiagnosticBag;
}

export interface AssembleResult {
  /** undefined when there were errors */
  program?: Program;
  bag: DiagnosticBag;
}

const PARAM_TYPES = new Set(['ptr', 'i8', 'u8', 'i16', 'u16', 'i32', 'u32', 'i64', 'u64', 'f16', 'bf16', 'f32']);

interface Line {
  toks: Tok[];
  /** index of the first token after labels */
  at: number;
}

export function assemble(text: string, opts: AssembleOptions = {}): AssembleResult {
  const bag = opts.bag ?? new DiagnosticBag(new SourceManager());
  const file = bag.sources.add(opts.filename ?? '<asm>', text);
  const cfg = opts.config ?? dv910b();
  const span = (t: { start: number; end: number }): Span => ({ file: file.id, start: t.start, end: Math.max(t.end, t.start + 1) });
  const report = (def: DiagnosticDef, t: { start: number; end: number }, args?: Record<string, string | number>) => bag.report(def, span(t), args);

  // ---- lex
  const lines: Line[] = [];
  const lexErrors: LexError[] = [];
  let off = 0;
  for (const raw of text.split('\n')) {
    lines.push({ toks: lexLine(raw, off, lexErrors), at: 0 });
    off += raw.length + 1;
  }
  for (const e of lexErrors) report(D.badChar, { start: e.start, end: e.start + 1 }, { char: e.char });

  // ---- pass 1: labels, directives
  const scope: AsmScope = { params: new Map(), symbols: new Map(), labels: new Map(), report, cfg };
  const allocs: Allocation[] = [];
  const equs = new Map<string, bigint>();
  let kernel: Program['kernel'] | undefined;
  const next: Record<BufferName, number> = { ub: 0, l1: 0, l0a: 0, l0b: 0, l0c: 0 };
  let count = 0;
  lines.forEach((line, lineNo) => {
    const t = line.toks;
    let i = 0;
    while (t[i]!.kind === 'ident' && t[i + 1]?.kind === 'punct' && t[i + 1]!.text === ':') {
      const name = t[i]!.text;
      if (scope.labels.has(name)) report(D.duplicateLabel, t[i]!, { name });
      else scope.labels.set(name, count);
      i += 2;
    }
    line.at = i;
    const head = t[i]!;
    if (head.kind === 'eol') return;
    if (head.kind === 'dir') {
      try {
        if (head.text === '.kernel') {
          if (kernel) report(D.kernelDirective, head, { problem: 'a second .kernel directive (one kernel per file)' });
          kernel = parseKernel(t, i + 1, scope);
        } else if (head.text === '.alloc') {
          const a = parseAlloc(t, i + 1, scope, lineNo + 1);
          if (a) {
            const space = a.space;
            const align = Math.max(a.align, cfg.buffers[space].align);
            const offset = Math.ceil(next[space] / align) * align;
            const alloc: Allocation = { ...a, offset, align };
            next[space] = offset + a.bytes;
            if (next[space] > cfg.buffers[space].bytes)
              report(D.allocOverflow, t[i + 2]!, { name: a.name, end: next[space], space, capacity: cfg.buffers[space].bytes });
            if (scope.symbols.has(a.name)) report(D.badAlloc, t[i + 2]!, { problem: `'${a.name}' is already defined` });
            scope.symbols.set(a.name, { value: BigInt(offset), space });
            allocs.push(alloc);
          }
        } else if (head.text === '.equ') {
          const name = t[i + 1]!;
          if (name.kind !== 'ident') throw new SyntaxErr('a symbol name', name);
          if (t[i + 2]?.text !== ',') throw new SyntaxErr("','", t[i + 2]!);
          const v = new ItemParser(t, i + 3).value();
          if (v.k !== 'expr') throw new SyntaxErr('a constant', t[i + 3]!);
          const value = constValue(v.e, scope);
          if (value !== undefined) {
            scope.symbols.set(name.text, { value });
            equs.set(name.text, value);
          }
        } else report(D.unknownDirective, head, { name: head.text });
      } catch (e) {
        if (!(e instanceof SyntaxErr)) throw e;
        report(D.expected, e.tok, { what: e.what, found: e.tok.text || 'end of line' });
      }
      return;
    }
    count++;
  });
  if (!kernel) {
    bag.report(D.kernelDirective, { file: file.id, start: 0, end: 0 }, { problem: 'missing .kernel directive (e.g. .kernel vadd(ptr a, ptr b, u32 n))' });
    kernel = { name: '<none>', params: [] };
  }

  // ---- pass 2: instructions
  const instrs: Instr[] = [];
  lines.forEach((line, lineNo) => {
    const t = line.toks;
    const head = t[line.at]!;
    if (head.kind === 'eol' || head.kind === 'dir') return;
    const pc = instrs.length;
    if (head.kind !== 'ident') {
      report(D.expected, head, { what: 'an instruction', found: head.text });
      instrs.push(placeholder(pc, lineNo + 1));
      return;
    }
    const split = splitMnemonic(head.text);
    if (!split) {
      report(D.unknownInstr, head, { name: head.text });
      instrs.push(placeholder(pc, lineNo + 1));
      return;
    }
    // `dma.gather gm2ub dst, …`: the path word is followed by a space, not a comma
    if (split.def.args[0] === 'path' && t[line.at + 1]?.kind === 'ident' && t[line.at + 2] && t[line.at + 2]!.text !== ',') {
      const w = t[line.at + 1]!;
      t.splice(line.at + 2, 0, { kind: 'punct', text: ',', start: w.end, end: w.end });
    }
    let items: Item[];
    try {
      items = new ItemParser(t, line.at + 1).items();
    } catch (e) {
      if (!(e instanceof SyntaxErr)) throw e;
      report(D.expected, e.tok, { what: e.what, found: e.tok.text || 'end of line' });
      instrs.push(placeholder(pc, lineNo + 1));
      return;
    }
    const lineEnd = t[t.length - 1]!.start;
    const ins = checkInstr(scope, split.def, split.suffixes, head, items, { pc, line: lineNo + 1, span: span({ start: head.start, end: lineEnd }) });
    instrs.push(ins ?? placeholder(pc, lineNo + 1));
  });

  if (bag.hasErrors) return { bag };
  return { bag, program: { kernel, allocs, instrs, labels: scope.labels, equs, fileId: file.id } };
}

function placeholder(pc: number, line: number): Instr {
  return { def: splitMnemonic('nop')!.def, types: [], args: [], opts: new Map(), flags: [], pipe: 'S', line, pc };
}

function constValue(e: import('./syntax.js').Ex, scope: AsmScope): bigint | undefined {
  switch (e.k) {
    case 'num': return e.v;
    case 'neg': {
      const v = constValue(e.e, scope);
      return v === undefined ? undefined : -v;
    }
    case 'bin': {
      const l = constValue(e.l, scope), r = constValue(e.r, scope);
      if (l === undefined || r === undefined) return undefined;
      return e.op === '+' ? l + r : e.op === '-' ? l - r : l * r;
    }
    case 'id': {
      const s = scope.symbols.get(e.name);
      if (s) return s.value;
      scope.report(D.undefinedSymbol, e.tok, { name: e.name });
      return undefined;
    }
    default:
      scope.report(D.badImmediate, e.tok, { problem: `expected an integer constant, found '${e.tok.text}'` });
      return undefined;
  }
}

function parseKernel(t: Tok[], i: number, scope: AsmScope): Program['kernel'] {
  const name = t[i]!;
  if (name.kind !== 'ident') throw new SyntaxErr('a kernel name', name);
  if (t[i + 1]?.text !== '(') throw new SyntaxErr("'('", t[i + 1]!);
  const params: KernelParam[] = [];
  let j = i + 2;
  let sNext = 0, fNext = 0;
  if (t[j]!.text === ')') j++;
  else
    for (;;) {
      const ty = t[j]!, nm = t[j + 1]!;
      if (ty.kind !== 'ident') throw new SyntaxErr('a parameter type', ty);
      if (nm.kind !== 'ident') throw new SyntaxErr('a parameter name', nm);
      if (!PARAM_TYPES.has(ty.text)) {
        const problem = ty.text === 'f64' ? 'the NPU has no f64 (demote to f32)' : `unknown type '${ty.text}' (ptr, i8…u64, f16, bf16, f32)`;
        scope.report(D.badParam, ty, { name: nm.text, problem });
      }
      const isFloat = ty.text === 'f16' || ty.text === 'bf16' || ty.text === 'f32';
      const reg = isFloat ? { kind: 'freg' as const, reg: fNext++ } : { kind: 'sreg' as const, reg: sNext++ };
      if (reg.reg > 31) scope.report(D.badParam, nm, { name: nm.text, problem: 'more than 32 parameters of one register class' });
      if (scope.params.has(nm.text)) scope.report(D.badParam, nm, { name: nm.text, problem: 'defined twice' });
      params.push({ name: nm.text, type: ty.text, reg });
      scope.params.set(nm.text, reg);
      j += 2;
      if (t[j]!.text === ',') {
        j++;
        continue;
      }
      if (t[j]!.text === ')') {
        j++;
        break;
      }
      throw new SyntaxErr("',' or ')'", t[j]!);
    }
  if (t[j]!.kind !== 'eol') throw new SyntaxErr('the end of the line', t[j]!);
  return { name: name.text, params };
}

function parseAlloc(t: Tok[], i: number, scope: AsmScope, line: number): Omit<Allocation, 'offset'> | undefined {
  const sp = t[i]!, nm = t[i + 1]!;
  if (sp.kind !== 'ident' || !(BUFFER_NAMES as readonly string[]).includes(sp.text)) {
    scope.report(D.badAlloc, sp, { problem: `'${sp.text}' is not an on-core buffer (${BUFFER_NAMES.join(', ')})` });
    return undefined;
  }
  if (nm.kind !== 'ident') throw new SyntaxErr('an allocation name', nm);
  if (t[i + 2]!.text !== ',') throw new SyntaxErr("','", t[i + 2]!);
  const items = new ItemParser(t, i + 3).items();
  const size = items[0];
  if (!size || size.k !== 'expr') throw new SyntaxErr('a size in bytes', t[i + 3]!);
  const bytes = constValue(size.e, scope);
  let align = 0n;
  for (const it of items.slice(1)) {
    if (it.k === 'opt' && it.name === 'align' && it.value.k === 'expr') align = constValue(it.value.e, scope) ?? 0n;
    else scope.report(D.badAlloc, { start: it.start, end: it.end }, { problem: 'expected align=N' });
  }
  if (bytes === undefined) return undefined;
  if (bytes <= 0n) {
    scope.report(D.badAlloc, size, { problem: `size ${bytes} must be positive` });
    return undefined;
  }
  if (align & (align - 1n)) scope.report(D.badAlloc, items[1]!, { problem: `align=${align} is not a power of two` });
  return { space: sp.text as BufferName, name: nm.text, bytes: Number(bytes), align: Number(align), line };
}
