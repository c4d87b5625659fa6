/**
 * The KIR printer. Text it produces parses back to the same module, and printing that gives
 * the same text (`print(parse(print(m))) === print(m)`), so every pass can be tested as text.
 *
 *   global shared @tile : [256 x f32] align 16
 *   kernel @saxpy(%n: i32, %x: ptr<global, f32> noalias readonly) loc("saxpy.cu":1:17) {
 *     %0 = thread_id x : u32
 *     %c = cmp lt %i, %n : i1 loc("saxpy.cu":3:9)
 *     %s = for %lo, %hi, %one, %z : f32 (%k: i32, %acc: f32) {
 *       yield %acc2
 *     }
 *     return
 *   }
 *
 * Names: a value with a name hint prints as `%hint` (`%hint.1`, `%hint.2` when taken), others
 * as `%0, %1, …` numbered per function in order of definition. Floats print as the shortest
 * decimal that reads back as the same value of their type; `inf`, `-inf`, `nan`, `-0.0`.
 */
import type { Attrs, AttrValue, Func, Global, Init, Loc, Module, Op, Region, Value } from './core.js';
import { FUNC_FLAG_ATTRS, PARAM_ATTRS } from './core.js';
import { flagsOf, isEnumKind } from './ops/table.js';
import { roundFloat } from './semantics.js';
import type { Type } from './types.js';

/** Assigns printable names to the values of one function. */
export class Namer {
  private readonly names = new Map<Value, string>();
  private readonly used = new Set<string>();
  private next = 0;

  name(v: Value): string {
    let n = this.names.get(v);
    if (n !== undefined) return n;
    const hint = v.name && /^[A-Za-z_][\w.$]*$/.test(v.name) ? v.name : undefined;
    if (hint) {
      n = hint;
      for (let k = 1; this.used.has(n); k++) n = `${hint}.${k}`;
    } else n = String(this.next++);
    this.used.add(n);
    this.names.set(v, n);
    return n;
  }
  /** the name of a value already named, or `%?` (for messages about broken IR) */
  peek(v: Value): string {
    return this.names.get(v) ?? '?';
  }
}

export function formatFloat(x: number, t?: Type): string {
  if (Number.isNaN(x)) return 'nan';
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  if (Object.is(x, -0)) return '-0.0';
  let s = String(x);
  if (t && t.kind === 'float' && t.fkind !== 'f64') {
    for (let p = 1; p <= 17; p++) {
      const c = x.toPrecision(p);
      if (roundFloat(t, Number(c)) === x) {
        s = String(Number(c));
        break;
      }
    }
  }
  return /[.eE]/.test(s) ? s : `${s}.0`;
}

export function formatConst(v: AttrValue, t: Type | undefined): string {
  if (t?.kind === 'bool') return v ? 'true' : 'false';
  if (t?.kind === 'float' && typeof v === 'number') return formatFloat(v, t);
  return String(v);
}

export function formatLocSuffix(l: Loc | undefined): string {
  return l ? ` loc(${JSON.stringify(l.file)}:${l.line}:${l.col})` : '';
}

export function printInit(init: Init, t: Type): string {
  if (init === 'zero') return 'zero';
  if (Array.isArray(init)) {
    const elem = (i: number): Type => (t.kind === 'struct' ? t.fields[i]! : t.kind === 'array' || t.kind === 'vec' ? t.elem : t);
    return `[${init.map((x, i) => printInit(x, elem(i))).join(', ')}]`;
  }
  return formatConst(init as number | bigint, t);
}

export function printGlobal(g: Global): string {
  let s = `global ${g.space} @${g.name} : ${g.type.text}`;
  if (g.align) s += ` align ${g.align}`;
  if (g.init !== undefined) s += ` = ${printInit(g.init, g.type)}`;
  return s + formatLocSuffix(g.loc);
}

function printAttrValue(v: AttrValue, kind: unknown, resultType: Type | undefined): string {
  if (kind === 'string') return JSON.stringify(v);
  if (kind === 'symbol') return `@${String(v)}`;
  if (kind === 'const') return formatConst(v, resultType);
  if (typeof v === 'object') return (v as Type).text;
  return String(v);
}

class FuncPrinter {
  readonly namer = new Namer();
  readonly lines: string[] = [];

  ref(v: Value): string {
    return `%${this.namer.name(v)}`;
  }

  op(op: Op, indent: string): void {
    const d = op.def;
    let s = indent;
    if (op.results.length) s += `${op.results.map((r) => this.ref(r)).join(', ')} = `;
    s += op.name;
    const t0 = op.results[0]?.type;
    if (d.primary && op.attrs[d.primary] !== undefined) s += ` ${printAttrValue(op.attrs[d.primary]!, d.attrs[d.primary]!.kind, t0)}`;
    for (const f of flagsOf(d)) if (op.attrs[f] === true) s += ` ${f}`;
    if (op.operands.length) s += ` ${op.operands.map((v) => this.ref(v)).join(', ')}`;
    const rest = Object.entries(d.attrs).filter(([k, spec]) => k !== d.primary && spec.kind !== 'flag' && op.attrs[k] !== undefined);
    if (rest.length) s += ` {${rest.map(([k, spec]) => `${k} = ${printAttrValue(op.attrs[k]!, isEnumKind(spec.kind) ? 'enum' : spec.kind, t0)}`).join(', ')}}`;
    if (op.results.length) s += ` : ${op.results.map((r) => r.type.text).join(', ')}`;
    s += formatLocSuffix(op.loc);
    op.regions.forEach((r, i) => {
      if (i > 0) s += ` ${d.regionKeywords?.[i - 1] ?? ''}`.trimEnd();
      if (r.args.length) s += ` (${r.args.map((a) => `${this.ref(a)}: ${a.type.text}`).join(', ')})`;
      s += ' {';
      this.lines.push(s);
      this.region(r, indent + '  ');
      s = `${indent}}`;
    });
    this.lines.push(s);
  }

  region(r: Region, indent: string): void {
    for (const op of r.ops) this.op(op, indent);
  }

  func(f: Func): string {
    const params = f.params.map((p, i) => {
      let s = `${this.ref(p)}: ${p.type.text}`;
      const a = f.paramAttrs[i] ?? {};
      for (const k of PARAM_ATTRS) if (a[k]) s += ` ${k}`;
      return s;
    });
    let head = `${f.kind === 'kernel' ? 'kernel' : 'func'} @${f.name}(${params.join(', ')})`;
    if (f.resultType.kind !== 'void') head += ` -> ${f.resultType.text}`;
    const attrs: string[] = [];
    for (const k of FUNC_FLAG_ATTRS) if (f.attrs[k]) attrs.push(k);
    if (f.attrs.launch_bounds !== undefined) attrs.push(`launch_bounds = ${f.attrs.launch_bounds}`);
    if (attrs.length) head += ` attrs {${attrs.join(', ')}}`;
    head += formatLocSuffix(f.loc);
    this.lines.push(`${head} {`);
    this.region(f.body, '  ');
    this.lines.push('}');
    return this.lines.join('\n');
  }
}

export function printFunc(f: Func): string {
  return new FuncPrinter().func(f);
}

/** The text form of a module: globals, then functions, separated by blank lines. */
export function printModule(m: Module): string {
  const parts: string[] = [];
  if (m.globals.length) parts.push(m.globals.map(printGlobal).join('\n'));
  for (const f of m.funcs) parts.push(printFunc(f));
  return parts.join('\n\n') + '\n';
}

/** One op on one line (its regions elided), for messages. */
export function describeOp(op: Op): string {
  return `'${op.name}'${op.loc ? ` at ${op.loc.file}:${op.loc.line}:${op.loc.col}` : ''}`;
}

export type { Attrs };
