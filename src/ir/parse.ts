/**
 * The KIR text parser: the inverse of print.ts. Errors are diagnostics (KCC45xx) with spans in
 * a SourceManager file, so they print as `file.kir:3:12: error: …` with a caret; after an error
 * inside a function the parser skips to the next top-level `kernel`/`func`/`global` and goes on,
 * so one run reports an error per function.
 *
 * Grammar (newlines are not significant):
 *   module  = (global | func)*
 *   global  = 'global' SPACE '@'name ':' type ('align' INT)? ('=' init)? loc?
 *   func    = ('kernel' | 'func') '@'name '(' (param (',' param)*)? ')' ('->' type)? ('attrs' '{' fattr,* '}')? loc? '{' op* '}'
 *   param   = '%'name ':' type ('noalias' | 'readonly' | 'writeonly')*
 *   op      = (vals '=')? NAME primary? FLAG* vals? ('{' attr,* '}')? (':' type,*)? loc? region*
 *             (newlines separate ops: an op's text up to its first region is on one line)
 *   region  = KEYWORD? ('(' '%'name ':' type,* ')')? '{' op* '}'
 *   type    = SCALAR | '<' INT 'x' type '>' | '[' INT 'x' type ']' | '{' type,* (';' 'align' INT)? '}' | 'ptr' '<' SPACE ',' type '>'
 *   loc     = 'loc' '(' STRING ':' INT ':' INT ')'
 */
import { DiagnosticBag, formatDiagnostics } from '../support/diagnostics/index.js';
import { SourceManager, type Span } from '../support/source.js';
import { type AttrValue, type Attrs, FUNC_FLAG_ATTRS, Func, Global, type GlobalSpace, type Init, type Loc, Module, Op, PARAM_ATTRS, type ParamAttrs, Region, type Value } from './core.js';
import { kirDiagnostics as D } from './diagnostics.js';
import { findOpDef, flagsOf, isEnumKind, type AttrSpec } from './ops/table.js';
import { roundFloat } from './semantics.js';
import { ADDRESS_SPACES, type AddressSpace, SCALARS, type ScalarType, type Type, array, ptr, struct, vec, voidT } from './types.js';

type TokKind = 'val' | 'sym' | 'id' | 'num' | 'str' | 'punct' | 'eof';
interface Tok { kind: TokKind; text: string; start: number; end: number; lineStart: boolean }

class ParseError extends Error {}

function lex(text: string, report: (start: number, ch: string) => void): Tok[] {
  const toks: Tok[] = [];
  let i = 0;
  let lineStart = true;
  const n = text.length;
  while (i < n) {
    const c = text[i]!;
    if (c === '\n') { lineStart = true; i++; continue; }
    if (c === ' ' || c === '\t' || c === '\r') { i++; continue; }
    if (c === '/' && text[i + 1] === '/') { while (i < n && text[i] !== '\n') i++; continue; }
    const start = i;
    const push = (kind: TokKind, end: number) => {
      toks.push({ kind, text: text.slice(start, end), start, end, lineStart });
      lineStart = false;
      i = end;
    };
    const word = (from: number) => {
      let j = from;
      while (j < n && /[\w.$]/.test(text[j]!)) j++;
      return j;
    };
    if (c === '%') push('val', word(i + 1));
    else if (c === '@') push('sym', word(i + 1));
    else if (c === '"') {
      let j = i + 1;
      while (j < n && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      push('str', Math.min(j + 1, n));
    } else if (/[0-9]/.test(c) || (c === '-' && /[0-9i]/.test(text[i + 1] ?? ''))) {
      const m = /^-?(inf|\d+(\.\d+)?([eE][+-]?\d+)?)/.exec(text.slice(i, i + 64));
      push('num', i + (m ? m[0].length : 1));
    } else if (/[A-Za-z_]/.test(c)) push('id', word(i));
    else if (c === '-' && text[i + 1] === '>') push('punct', i + 2);
    else if ('(){}[]<>,:=;'.includes(c)) push('punct', i + 1);
    else { report(i, c); i++; }
  }
  toks.push({ kind: 'eof', text: '<end of input>', start: n, end: n, lineStart: true });
  return toks;
}

class Parser {
  private toks: Tok[];
  private p = 0;
  private scopes: Map<string, Value>[] = [];
  private defined = new Set<string>();

  constructor(text: string, private readonly file: number, private readonly diags: DiagnosticBag) {
    this.toks = lex(text, (start, ch) => this.diags.report(D.parseBadChar, this.span(start, start + 1), { ch }));
  }

  private span(start: number, end: number): Span {
    return { file: this.file, start, end };
  }
  private get tok(): Tok {
    return this.toks[this.p]!;
  }
  private atEof(): boolean {
    return this.tok.kind === 'eof';
  }
  private peek(k = 1): Tok {
    return this.toks[Math.min(this.p + k, this.toks.length - 1)]!;
  }
  private fail(def: (typeof D)[keyof typeof D], args: Record<string, string | number>, t: Tok = this.tok): never {
    this.diags.report(def, this.span(t.start, t.end), args);
    throw new ParseError();
  }
  private expected(what: string): never {
    return this.fail(D.parseExpected, { what, found: this.tok.kind === 'eof' ? 'end of input' : `'${this.tok.text}'` });
  }
  private is(text: string): boolean {
    return (this.tok.kind === 'punct' || this.tok.kind === 'id') && this.tok.text === text;
  }
  private accept(text: string): boolean {
    if (!this.is(text)) return false;
    this.p++;
    return true;
  }
  private expect(text: string): Tok {
    if (!this.is(text)) this.expected(`'${text}'`);
    return this.toks[this.p++]!;
  }
  private ident(what = 'an identifier'): string {
    if (this.tok.kind !== 'id') this.expected(what);
    return this.toks[this.p++]!.text;
  }
  private int(what = 'an integer'): number {
    if (this.tok.kind !== 'num' || !/^-?\d+$/.test(this.tok.text)) this.expected(what);
    return Number(this.toks[this.p++]!.text);
  }
  private str(): string {
    if (this.tok.kind !== 'str') this.expected('a string');
    return JSON.parse(this.toks[this.p++]!.text) as string;
  }

  // ---- module ----
  module(): Module {
    const m = new Module();
    const symbols = new Set<string>();
    while (this.tok.kind !== 'eof') {
      const start = this.p;
      try {
        const name = this.peek(this.is('global') ? 2 : 1);
        if (name.kind === 'sym') {
          if (symbols.has(name.text.slice(1))) this.fail(D.parseDuplicateSymbol, { name: name.text.slice(1) }, name);
          symbols.add(name.text.slice(1));
        }
        if (this.is('global')) m.addGlobal(this.global());
        else if (this.is('kernel') || this.is('func')) m.addFunc(this.func());
        else this.expected("'kernel', 'func' or 'global'");
      } catch (e) {
        if (!(e instanceof ParseError)) throw e;
        // recover: skip to the next top-level keyword at the start of a line
        this.p = Math.max(this.p, start + 1);
        while (!this.atEof() && !(this.tok.lineStart && ['kernel', 'func', 'global'].includes(this.tok.text))) this.p++;
      }
    }
    return m;
  }

  private global(): Global {
    this.expect('global');
    const spaceTok = this.tok;
    const space = this.ident('an address space');
    if (!['global', 'shared', 'constant'].includes(space)) this.fail(D.parseExpected, { what: 'global, shared or constant', found: `'${space}'` }, spaceTok);
    const name = this.symbol();
    this.expect(':');
    const type = this.type();
    const align = this.accept('align') ? this.int() : 0;
    const init = this.accept('=') ? this.init(type) : undefined;
    const g = new Global(name, space as GlobalSpace, type, init, align);
    g.loc = this.optLoc();
    return g;
  }

  private init(t: Type): Init {
    if (this.accept('zero')) return 'zero';
    if (this.accept('[')) {
      const out: Init[] = [];
      let i = 0;
      while (!this.is(']')) {
        const et = t.kind === 'struct' ? t.fields[i] : t.kind === 'array' || t.kind === 'vec' ? t.elem : undefined;
        if (!et) this.fail(D.parseBadType, { reason: `too many initialisers for ${t.text}` });
        out.push(this.init(et));
        i++;
        if (!this.accept(',')) break;
      }
      this.expect(']');
      return out;
    }
    return this.constValue(t) as number | bigint;
  }

  private symbol(): string {
    if (this.tok.kind !== 'sym') this.expected('a symbol (@name)');
    return this.toks[this.p++]!.text.slice(1);
  }

  private func(): Func {
    const kind = this.ident() === 'kernel' ? 'kernel' : 'device';
    const name = this.symbol();
    this.scopes = [new Map()];
    this.defined = new Set();
    const params: { name: string; type: Type; attrs: ParamAttrs; tok: Tok }[] = [];
    this.expect('(');
    while (!this.is(')')) {
      const tok = this.tok;
      if (tok.kind !== 'val') this.expected('a parameter (%name)');
      this.p++;
      this.expect(':');
      const type = this.type();
      const attrs: ParamAttrs = {};
      while (this.tok.kind === 'id' && (PARAM_ATTRS as readonly string[]).includes(this.tok.text)) attrs[this.ident() as keyof ParamAttrs] = true;
      params.push({ name: tok.text.slice(1), type, attrs, tok });
      if (!this.accept(',')) break;
    }
    this.expect(')');
    const resultType = this.accept('->') ? this.type() : voidT;
    const f = new Func(name, kind, resultType);
    for (const p of params) this.define(f.addParam(p.type, hintOf(p.name), p.attrs), p.name, p.tok);
    if (this.accept('attrs')) {
      this.expect('{');
      while (!this.is('}')) {
        const k = this.ident('a function attribute');
        if ((FUNC_FLAG_ATTRS as readonly string[]).includes(k)) f.attrs[k as 'forceinline'] = true;
        else if (k === 'launch_bounds') { this.expect('='); f.attrs.launch_bounds = this.int(); }
        else this.fail(D.parseExpected, { what: 'forceinline, noinline or launch_bounds', found: `'${k}'` }, this.toks[this.p - 1]);
        if (!this.accept(',')) break;
      }
      this.expect('}');
    }
    f.loc = this.optLoc();
    this.expect('{');
    this.regionBody(f.body);
    return f;
  }

  private define(v: Value, name: string, tok: Tok): void {
    if (this.defined.has(name)) this.fail(D.parseRedefinedValue, { name }, tok);
    this.defined.add(name);
    this.scopes[this.scopes.length - 1]!.set(name, v);
  }

  private use(): Value {
    const t = this.tok;
    if (t.kind !== 'val') this.expected('a value (%name)');
    this.p++;
    const name = t.text.slice(1);
    for (let i = this.scopes.length - 1; i >= 0; i--) {
      const v = this.scopes[i]!.get(name);
      if (v) return v;
    }
    return this.fail(D.parseUndefinedValue, { name }, t);
  }

  /** ops up to and including the closing '}' (the '{' is already consumed) */
  private regionBody(r: Region): void {
    while (!this.accept('}')) {
      if (this.tok.kind === 'eof') this.expected("'}'");
      const op = this.op();
      op.parent = r;
      r.ops.push(op);
    }
  }

  private op(): Op {
    const resultToks: Tok[] = [];
    if (this.tok.kind === 'val') {
      do {
        if (this.tok.kind !== 'val') this.expected('a result name');
        resultToks.push(this.toks[this.p++]!);
      } while (this.accept(','));
      this.expect('=');
    }
    const nameTok = this.tok;
    const name = this.ident('an op name');
    const def = findOpDef(name);
    if (!def) return this.fail(D.parseUnknownOp, { name }, nameTok);
    const attrs: Attrs = {};
    let pendingConst: Tok | undefined;
    if (def.primary) {
      const spec = def.attrs[def.primary]!;
      const t = this.tok;
      const optionalEnum = isEnumKind(spec.kind) && !spec.required;
      if (!optionalEnum || (t.kind === 'id' && !t.lineStart && (spec.kind as readonly string[]).includes(t.text))) {
        if (spec.kind === 'const') { pendingConst = t; this.p++; }
        else attrs[def.primary] = this.attrValue(spec, name, def.primary);
      }
    }
    const flags = new Set(flagsOf(def));
    while (this.tok.kind === 'id' && !this.tok.lineStart && flags.has(this.tok.text)) attrs[this.ident()] = true;
    const operands: Value[] = [];
    // an op is one line up to its regions: a value at the start of the next line is the next op's result
    if (this.tok.kind === 'val' && !this.tok.lineStart) {
      operands.push(this.use());
      while (this.accept(',')) operands.push(this.use());
    }
    if (this.is('{') && this.peek().kind === 'id' && this.peek(2).text === '=') {
      this.p++;
      while (!this.is('}')) {
        const kt = this.tok;
        const k = this.ident('an attribute name');
        const spec = def.attrs[k];
        if (!spec || spec.kind === 'flag') this.fail(D.parseUnknownAttr, { name, attr: k }, kt);
        this.expect('=');
        attrs[k] = this.attrValue(spec, name, k);
        if (!this.accept(',')) break;
      }
      this.expect('}');
    }
    const types: Type[] = [];
    if (this.accept(':')) {
      types.push(this.type());
      while (this.accept(',')) types.push(this.type());
    }
    if (types.length !== resultToks.length) this.fail(D.parseResultCount, { name, named: resultToks.length, typed: types.length }, nameTok);
    if (pendingConst) attrs[def.primary!] = this.constValue(types[0] ?? voidT, pendingConst);
    const loc = this.optLoc();
    const regions: Region[] = [];
    for (let i = 0; i < (def.regions ?? 0); i++) {
      const kw = i > 0 ? def.regionKeywords?.[i - 1] : undefined;
      if (kw) this.expect(kw);
      const r = new Region();
      this.scopes.push(new Map());
      if (this.accept('(')) {
        while (!this.is(')')) {
          const t = this.tok;
          if (t.kind !== 'val') this.expected('a region argument (%name)');
          this.p++;
          this.expect(':');
          this.define(r.addArg(this.type(), hintOf(t.text.slice(1))), t.text.slice(1), t);
          if (!this.accept(',')) break;
        }
        this.expect(')');
      }
      this.expect('{');
      this.regionBody(r);
      this.scopes.pop();
      regions.push(r);
    }
    const op = new Op(name, operands, types, attrs, regions, loc);
    op.results.forEach((v, i) => {
      const t = resultToks[i]!;
      v.name = hintOf(t.text.slice(1));
      this.define(v, t.text.slice(1), t);
    });
    return op;
  }

  private attrValue(spec: AttrSpec, op: string, attr: string): AttrValue {
    const k = spec.kind;
    const t = this.tok;
    if (isEnumKind(k)) {
      const v = this.ident(k.join('|'));
      if (!k.includes(v)) this.fail(D.parseExpected, { what: `${attr} (${k.join('|')})`, found: `'${v}'` }, t);
      return v;
    }
    switch (k) {
      case 'int': return this.int();
      case 'string': return this.str();
      case 'symbol': return this.symbol();
      case 'type': return this.type();
      default: return this.fail(D.parseUnknownAttr, { name: op, attr }, t);
    }
  }

  private constValue(t: Type, tok: Tok = this.toks[this.p++]!): number | bigint {
    const bad = () => this.fail(D.parseBadConst, { text: tok.text, type: t.text }, tok);
    const s = tok.text;
    if (t.kind === 'bool') return s === 'true' ? 1 : s === 'false' ? 0 : bad();
    if (t.kind === 'int') {
      if (!/^-?\d+$/.test(s)) bad();
      return t.bits === 64 ? BigInt(s) : Number(s);
    }
    if (t.kind === 'float') {
      const x = s === 'nan' ? NaN : s === 'inf' ? Infinity : s === '-inf' ? -Infinity : tok.kind === 'num' ? Number(s) : NaN;
      if (Number.isNaN(x) && s !== 'nan') bad();
      return roundFloat(t, x);
    }
    return bad();
  }

  private optLoc(): Loc | undefined {
    if (!this.accept('loc')) return undefined;
    this.expect('(');
    const file = this.str();
    this.expect(':');
    const line = this.int('a line number');
    this.expect(':');
    const col = this.int('a column number');
    this.expect(')');
    return { file, line, col };
  }

  type(): Type {
    const t = this.tok;
    if (this.accept('<')) {
      const n = this.int('a vector length');
      this.expect('x');
      const e = this.type();
      this.expect('>');
      if (e.kind !== 'int' && e.kind !== 'float' && e.kind !== 'bool') this.fail(D.parseBadType, { reason: `vector elements must be scalars (got ${e.text})` }, t);
      if (n < 1) this.fail(D.parseBadType, { reason: 'vector length must be positive' }, t);
      return vec(e as ScalarType, n);
    }
    if (this.accept('[')) {
      const n = this.int('an array length');
      this.expect('x');
      const e = this.type();
      this.expect(']');
      return array(e, n);
    }
    if (this.accept('{')) {
      const fields: Type[] = [];
      let align = 0;
      while (!this.is('}') && !this.is(';')) {
        fields.push(this.type());
        if (!this.accept(',')) break;
      }
      if (this.accept(';')) {
        this.expect('align');
        align = this.int();
        if (align <= 0 || (align & (align - 1)) !== 0) this.fail(D.parseBadType, { reason: 'alignment must be a power of two' }, t);
      }
      this.expect('}');
      return struct(fields, align);
    }
    if (this.accept('ptr')) {
      this.expect('<');
      const st = this.tok;
      const space = this.ident('an address space');
      if (!(ADDRESS_SPACES as readonly string[]).includes(space)) this.fail(D.parseBadType, { reason: `unknown address space '${space}'` }, st);
      this.expect(',');
      const pointee = this.type();
      this.expect('>');
      return ptr(space as AddressSpace, pointee);
    }
    const s = t.kind === 'id' ? SCALARS.get(t.text) : undefined;
    if (!s) this.expected('a type');
    this.p++;
    return s;
  }
}

/** `%7` is anonymous (renumbered on printing); `%acc` keeps its name */
function hintOf(name: string): string | undefined {
  return /^\d+$/.test(name) ? undefined : name;
}

export interface ParseResult {
  module: Module;
  diags: DiagnosticBag;
  ok: boolean;
}

/** Parses KIR text; errors go into `diags` (a new bag over a new SourceManager by default). */
export function parseModule(text: string, opts: { path?: string; diags?: DiagnosticBag } = {}): ParseResult {
  const diags = opts.diags ?? new DiagnosticBag(new SourceManager());
  const file = diags.sources.add(opts.path ?? '<kir>', text);
  const before = diags.errorCount;
  const module = new Parser(text, file.id, diags).module();
  return { module, diags, ok: diags.errorCount === before };
}

/** Parses KIR text or throws an Error whose message is the formatted diagnostics. */
export function parseModuleOrThrow(text: string, path = '<kir>'): Module {
  const r = parseModule(text, { path });
  if (!r.ok) throw new Error(formatDiagnostics(r.diags.sources, r.diags.list));
  return r.module;
}

/** Parses one type (`ptr<global, f32>`). */
export function parseType(text: string): Type {
  const diags = new DiagnosticBag(new SourceManager());
  const f = diags.sources.add('<type>', text);
  try {
    return new Parser(text, f.id, diags).type();
  } catch {
    throw new Error(formatDiagnostics(diags.sources, diags.list));
  }
}
