/**
 * A readable, stable dump of the syntax tree (`kcc --emit ast`, golden tests):
 *
 *   (function saxpy [global] 3:17
 *     (result void)
 *     (params (param n int) (param a float) (param x (ptr float)))
 *     (compound 4:3
 *       (decl 4:3 (var i int (binary + (binary * (member blockIdx x) (member blockDim x)) (member threadIdx x))))))
 *
 * Declarations and statements are one per line with their `line:col` (the user-visible place,
 * through macro expansions); expressions and types are printed inline without positions, so
 * goldens do not churn when code moves within a line. Declarations that come from kcc's
 * built-in headers are left out. Set-aside items print as `(set-aside "reason" names…)`.
 */
import type {
  Decl, DeclSpecs, Expr, FunctionDecl, LoopPragma, NamePart, ParamDecl, QualifiedName, RecordDecl, Stmt, TemplateArg,
  TemplateParam, TranslationUnit, TypeNode,
} from './ast.js';
import type { SourceManager, Span } from '../support/source.js';

export function printAst(tu: TranslationUnit, sources: SourceManager): string {
  const p = new Printer(sources, tu.file);
  const lines: string[] = ['(translation-unit'];
  for (const d of tu.decls) if (!p.fromBuiltin(d.span)) p.decl(d, 1, true, lines);
  lines[lines.length - 1] += ')';
  return lines.join('\n') + '\n';
}

// ---- expressions, types and names (inline) ------------------------------------------------

export function printExpr(e: Expr): string {
  switch (e.kind) {
    case 'ident': return printName(e.name);
    case 'int': return `${e.value}${e.unsigned ? 'u' : ''}${e.long === 2 ? 'll' : e.long === 1 ? 'l' : ''}`;
    case 'float': return `${formatFloat(e.value)}${e.suffix}`;
    case 'char': return `(char ${e.prefix}${e.value})`;
    case 'string': return `${e.prefix}${JSON.stringify(e.value)}`;
    case 'bool': return String(e.value);
    case 'nullptr': return 'nullptr';
    case 'this': return 'this';
    case 'unary': return `(unary ${e.op} ${printExpr(e.operand)})`;
    case 'postfix': return `(postfix ${e.op} ${printExpr(e.operand)})`;
    case 'binary': return `(binary ${e.op} ${printExpr(e.left)} ${printExpr(e.right)})`;
    case 'assign': return `(assign ${e.op} ${printExpr(e.target)} ${printExpr(e.value)})`;
    case 'conditional': return `(cond ${printExpr(e.cond)} ${printExpr(e.then)} ${printExpr(e.else)})`;
    case 'call': return `(call ${[e.callee, ...e.args].map(printExpr).join(' ')})`;
    case 'launch': return `(launch ${printExpr(e.callee)} (config ${e.config.map(printExpr).join(' ')})${e.args.map((a) => ' ' + printExpr(a)).join('')})`;
    case 'index': return `(index ${printExpr(e.base)} ${printExpr(e.index)})`;
    case 'member': return `(${e.arrow ? 'arrow' : 'member'} ${printExpr(e.base)} ${printPart(e.member)})`;
    case 'cast': return `(cast ${e.style} ${printType(e.type)} ${printExpr(e.operand)})`;
    case 'construct': return `(construct${e.braces ? '-list' : ''} ${printType(e.type)}${e.args.map((a) => ' ' + printExpr(a)).join('')})`;
    case 'sizeof-type': return `(sizeof-type ${printType(e.type)})`;
    case 'sizeof-expr': return `(sizeof ${printExpr(e.operand)})`;
    case 'alignof': return `(alignof ${printType(e.type)})`;
    case 'init-list': return `(init-list${e.items.map((i) => ' ' + printInitItem(i)).join('')})`;
    case 'new': return `(new ${printType(e.type)}${e.arraySize ? ` [${printExpr(e.arraySize)}]` : ''}${e.args ? ` (${e.args.map(printExpr).join(' ')})` : ''})`;
    case 'delete': return `(delete${e.array ? '[]' : ''} ${printExpr(e.operand)})`;
    case 'lambda': return '(lambda)';
    case 'throw': return `(throw${e.operand ? ' ' + printExpr(e.operand) : ''})`;
    case 'unsupported': return `(unsupported ${e.what})`;
  }
}

function printInitItem(i: { designators?: readonly ({ field: string } | { index: Expr })[]; value: Expr }): string {
  if (!i.designators) return printExpr(i.value);
  const d = i.designators.map((x) => ('field' in x ? `.${x.field}` : `[${printExpr(x.index)}]`)).join('');
  return `(${d} ${printExpr(i.value)})`;
}

function formatFloat(v: number): string {
  if (Number.isInteger(v) && Math.abs(v) < 1e21) return v.toFixed(1);
  return String(v);
}

export function printName(n: QualifiedName): string {
  return (n.global ? '::' : '') + n.parts.map(printPart).join('::');
}

function printPart(p: NamePart): string {
  return p.templateArgs ? `${p.name}<${p.templateArgs.map(printTemplateArg).join(', ')}>` : p.name;
}

function printTemplateArg(a: TemplateArg): string {
  return a.kind === 'type' ? printType(a.type) : printExpr(a.expr);
}

export function printType(t: TypeNode): string {
  let s: string;
  switch (t.kind) {
    case 'builtin': s = t.name.includes(' ') ? `'${t.name}'` : t.name; break;
    case 'named': s = t.typename ? `(typename ${printName(t.name)})` : printName(t.name); break;
    case 'elaborated': s = `(${t.tag} ${printName(t.name)})`; break;
    case 'definition': s = `(${t.decl.kind === 'record' ? t.decl.tag : 'enum'} ${t.decl.name ? printName(t.decl.name) : '<anonymous>'})`; break;
    case 'pointer': s = `(ptr${t.restrict ? ' restrict' : ''} ${printType(t.pointee)})`; break;
    case 'reference': s = `(${t.rvalue ? 'rref' : 'ref'} ${printType(t.referent)})`; break;
    case 'array': s = `(array ${printType(t.element)}${t.size ? ' ' + printExpr(t.size) : ''})`; break;
    case 'function': s = `(fn ${printType(t.result)} (${t.params.map(printParam).join(' ')})${t.variadic ? ' ...' : ''})`; break;
    case 'decltype': s = `(decltype ${printExpr(t.expr)})`; break;
  }
  if (t.volatile) s = `(volatile ${s})`;
  if (t.const) s = `(const ${s})`;
  return s;
}

function printParam(p: ParamDecl): string {
  const flags = p.specs ? specFlags(p.specs) : '';
  return `(param${p.name ? ' ' + p.name : ''} ${printType(p.type)}${flags}${p.default ? ' (default ' + printExpr(p.default) + ')' : ''})`;
}

function specFlags(s: DeclSpecs): string {
  const f: string[] = [];
  if (s.global) f.push('global');
  if (s.device) f.push('device');
  if (s.host) f.push('host');
  if (s.shared) f.push('shared');
  if (s.constant) f.push('constant');
  if (s.managed) f.push('managed');
  if (s.storage) f.push(s.storage);
  for (const k of ['inline', 'forceinline', 'noinline', 'constexpr', 'virtual', 'explicit', 'friend'] as const) if (s[k]) f.push(k);
  if (s.launchBounds) f.push(`launch_bounds(${s.launchBounds.map(printExpr).join(', ')})`);
  if (s.align) f.push(`align(${printExpr(s.align)})`);
  return f.length ? ` [${f.join(' ')}]` : '';
}

function printTemplateParams(ps: readonly TemplateParam[]): string {
  const items = ps.map((p) => {
    const def = p.default ? ` (default ${printTemplateArg(p.default)})` : '';
    if (p.kind === 'type') return `(type${p.pack ? '...' : ''}${p.name ? ' ' + p.name : ''}${def})`;
    return `(value${p.name ? ' ' + p.name : ''} ${p.type ? printType(p.type) : '?'}${def})`;
  });
  return `(template${items.map((i) => ' ' + i).join('')})`;
}

function printPragma(p: LoopPragma): string {
  return `[${p.kind}${p.count ? ' ' + printExpr(p.count) : ''}]`;
}

// ---- declarations and statements (one per line) -------------------------------------------

class Printer {
  constructor(
    private readonly sources: SourceManager,
    private readonly mainFile: number,
  ) {}

  fromBuiltin(span: Span): boolean {
    return this.sources.files[this.sources.userSpan(span).file]?.builtin === true;
  }

  loc(span: Span): string {
    const s = this.sources.userSpan(span);
    const f = this.sources.files[s.file];
    if (!f) return '?';
    const { line, column } = f.lineCol(s.start);
    if (s.file === this.mainFile) return `${line}:${column}`;
    return `${f.path.replace(/^.*[\\/]/, '')}:${line}:${column}`;
  }

  decl(d: Decl, depth: number, withLoc: boolean, out: string[]): void {
    const pad = '  '.repeat(depth);
    const at = withLoc ? ' ' + this.loc(d.span) : '';
    switch (d.kind) {
      case 'function': return this.func(d, depth, at, out);
      case 'var': {
        const tp = d.templateParams ? ' ' + printTemplateParams(d.templateParams) : '';
        const bits = d.bitWidth ? ` (bits ${printExpr(d.bitWidth)})` : '';
        const init = d.init ? ` ${d.initStyle === 'copy' ? '' : `(${d.initStyle}) `}${printExpr(d.init)}` : '';
        out.push(`${pad}(var ${d.name} ${printType(d.type)}${specFlags(d.specs)}${at}${tp}${bits}${init})`);
        return;
      }
      case 'record': return this.record(d, depth, at, out);
      case 'enum': {
        const items = (d.enumerators ?? []).map((e) => (e.value ? ` (${e.name} ${printExpr(e.value)})` : ` ${e.name}`)).join('');
        const under = d.underlying ? ` (underlying ${printType(d.underlying)})` : '';
        out.push(`${pad}(enum${d.scoped ? ' class' : ''} ${d.name ? printName(d.name) : '<anonymous>'}${at}${under}${d.enumerators ? items : ' (forward)'})`);
        return;
      }
      case 'typedef':
        out.push(`${pad}(typedef ${d.name} ${printType(d.type)}${at}${d.templateParams ? ' ' + printTemplateParams(d.templateParams) : ''})`);
        return;
      case 'namespace':
      case 'linkage': {
        const head = d.kind === 'namespace' ? `(namespace${d.inline ? ' inline' : ''} ${d.name ?? '<anonymous>'}` : `(extern ${JSON.stringify(d.language)}`;
        out.push(`${pad}${head}${at}`);
        for (const x of d.decls) if (!this.fromBuiltin(x.span)) this.decl(x, depth + 1, true, out);
        out[out.length - 1] += ')';
        return;
      }
      case 'namespace-alias': out.push(`${pad}(namespace-alias ${d.name} ${printName(d.target)}${at})`); return;
      case 'using-directive': out.push(`${pad}(using-namespace ${printName(d.namespace)}${at})`); return;
      case 'using-decl': out.push(`${pad}(using ${printName(d.name)}${at})`); return;
      case 'static-assert':
        out.push(`${pad}(static-assert${at} ${printExpr(d.condition)}${d.message !== undefined ? ' ' + JSON.stringify(d.message) : ''})`);
        return;
      case 'explicit-instantiation':
        out.push(`${pad}(explicit-instantiation${at}`);
        this.decl(d.decl, depth + 1, false, out);
        out[out.length - 1] += ')';
        return;
      case 'access': out.push(`${pad}(access ${d.access}${at})`); return;
      case 'set-aside':
        out.push(`${pad}(set-aside${d.error ? ' error' : ''}${at} ${JSON.stringify(d.reason)}${d.declaredNames.map((n) => ' ' + n).join('')})`);
        return;
    }
  }

  private func(d: FunctionDecl, depth: number, at: string, out: string[]): void {
    const pad = '  '.repeat(depth + 1);
    out.push(`${'  '.repeat(depth)}(function ${printName(d.name)}${specFlags(d.specs)}${at}`);
    if (d.templateParams) out.push(pad + printTemplateParams(d.templateParams));
    out.push(`${pad}(result ${printType(d.result)})`);
    const extra = [d.variadic ? ' ...' : '', d.constMethod ? ' (const)' : ''].join('');
    out.push(`${pad}(params${d.params.map((p) => ' ' + printParam(p)).join('')}${extra})`);
    if (d.defaulted) out.push(`${pad}(${d.defaulted})`);
    if (d.pure) out.push(`${pad}(pure)`);
    if (d.memberInits) out.push(`${pad}(inits${d.memberInits.map((m) => ` (${printName(m.name)}${m.braces ? ' {}' : ''}${m.args.map((a) => ' ' + printExpr(a)).join('')})`).join('')})`);
    if (d.body) this.stmt(d.body, depth + 1, out);
    out[out.length - 1] += ')';
  }

  private record(d: RecordDecl, depth: number, at: string, out: string[]): void {
    const pad = '  '.repeat(depth + 1);
    const name = d.name ? printName(d.name) : '<anonymous>';
    out.push(`${'  '.repeat(depth)}(${d.tag} ${name}${d.specs ? specFlags(d.specs) : ''}${at}${d.members ? '' : ' (forward)'}`);
    if (d.templateParams) out.push(pad + printTemplateParams(d.templateParams));
    if (d.bases.length) out.push(`${pad}(bases${d.bases.map((b) => ` (${b.access ? b.access + ' ' : ''}${printType(b.type)})`).join('')})`);
    for (const m of d.members ?? []) this.decl(m, depth + 1, true, out);
    out[out.length - 1] += ')';
  }

  stmt(s: Stmt, depth: number, out: string[]): void {
    const pad = '  '.repeat(depth);
    const at = this.loc(s.span);
    const body = (b: Stmt): void => this.stmt(b, depth + 1, out);
    const cond = (c: Expr | Decl): string => ('name' in c && c.kind === 'var' ? this.inlineDecl(c) : printExpr(c as Expr));
    switch (s.kind) {
      case 'compound':
        out.push(`${pad}(compound ${at}`);
        for (const x of s.stmts) body(x);
        break;
      case 'expr': out.push(`${pad}(expr ${at} ${printExpr(s.expr)})`); return;
      case 'decl': {
        const simple = s.decls.every((d) => d.kind === 'var' || d.kind === 'typedef' || d.kind === 'using-decl' || d.kind === 'using-directive' || d.kind === 'namespace-alias' || d.kind === 'static-assert');
        if (simple) {
          out.push(`${pad}(decl ${at}${s.decls.map((d) => ' ' + this.inlineDecl(d)).join('')})`);
          return;
        }
        out.push(`${pad}(decl ${at}`);
        for (const d of s.decls) this.decl(d, depth + 1, false, out);
        break;
      }
      case 'if':
        out.push(`${pad}(if${s.constexpr ? ' constexpr' : ''} ${at} ${cond(s.cond)}`);
        if (s.init) body(s.init);
        body(s.then);
        if (s.else) body(s.else);
        break;
      case 'for':
        out.push(`${pad}(for ${at}${s.pragmas.map((p) => ' ' + printPragma(p)).join('')}`);
        out.push(`${pad}  (init${s.init ? '' : ')'}`);
        if (s.init) { this.stmt(s.init, depth + 2, out); out[out.length - 1] += ')'; }
        out.push(`${pad}  (cond${s.cond ? ' ' + cond(s.cond) : ''})`);
        out.push(`${pad}  (step${s.step ? ' ' + printExpr(s.step) : ''})`);
        body(s.body);
        break;
      case 'range-for':
        out.push(`${pad}(range-for ${at}${s.pragmas.map((p) => ' ' + printPragma(p)).join('')} ${this.inlineDecl(s.decl)} ${printExpr(s.range)}`);
        body(s.body);
        break;
      case 'while':
        out.push(`${pad}(while ${at}${s.pragmas.map((p) => ' ' + printPragma(p)).join('')} ${cond(s.cond)}`);
        body(s.body);
        break;
      case 'do':
        out.push(`${pad}(do ${at}${s.pragmas.map((p) => ' ' + printPragma(p)).join('')} ${printExpr(s.cond)}`);
        body(s.body);
        break;
      case 'switch':
        out.push(`${pad}(switch ${at} ${cond(s.cond)}`);
        body(s.body);
        break;
      case 'case':
        out.push(`${pad}(case ${at} ${printExpr(s.value)}${s.high ? ' ' + printExpr(s.high) : ''}`);
        body(s.body);
        break;
      case 'default':
        out.push(`${pad}(default ${at}`);
        body(s.body);
        break;
      case 'label':
        out.push(`${pad}(label ${at} ${s.name}`);
        body(s.body);
        break;
      case 'goto': out.push(`${pad}(goto ${at} ${s.label})`); return;
      case 'break': out.push(`${pad}(break ${at})`); return;
      case 'continue': out.push(`${pad}(continue ${at})`); return;
      case 'return': out.push(`${pad}(return ${at}${s.value ? ' ' + printExpr(s.value) : ''})`); return;
      case 'asm': out.push(`${pad}(asm ${at}${s.volatile ? ' volatile' : ''} ${JSON.stringify(s.text)})`); return;
      case 'unsupported': out.push(`${pad}(unsupported ${at} ${s.what})`); return;
      case 'empty': out.push(`${pad}(empty ${at})`); return;
    }
    out[out.length - 1] += ')';
  }

  /** a declaration on one line (inside statements) */
  private inlineDecl(d: Decl): string {
    const out: string[] = [];
    this.decl(d, 0, false, out);
    return out.map((l) => l.trim()).join(' ');
  }
}
