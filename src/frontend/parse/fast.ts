/**
 * The fast path, part 2: top-level items, declarations, templates, records and statements
 * (see fast-expr.ts for how the fast path works and when it gives up).
 *
 * `fastItem` parses one item; it returns undefined when the fast path gave up, after undoing
 * what the item declared in the name table, and the caller parses the item with the
 * chevrotain grammar instead.
 */
import { EOF } from 'chevrotain';
import type { CompoundStmt, Decl, Expr, FunctionDecl, LoopPragma, RecordDecl, RecordTag, Stmt, TemplateArg, TemplateParam, TypeNode, VarDecl } from '../ast.js';
import { joinSpans } from '../../support/source.js';
import { SpecBuilder, lastName } from './build.js';
import type { DeclSpecContext, ResolvedName } from './core.js';
import { BAIL, FastExpressionRules } from './fast-expr.js';
import { VALUE } from './scope.js';
import * as T from './tokens.js';

/** how often the fast path parsed an item, gave up, or failed unexpectedly (scratch measurements) */
export const fastStats = { ok: 0, bail: 0, unexpected: 0 };

export abstract class FastRules extends FastExpressionRules {
  /** Parse the current item (`beginItem` ran) on the fast path; undefined: parse it with the grammar. */
  fastItem(): Decl[] | undefined {
    const table = this.table;
    const depth = table.depth;
    table.mark();
    try {
      const decls = this.fTopLevel();
      if (this.fk(1) !== EOF) throw BAIL;
      table.commit();
      fastStats.ok++;
      return decls;
    } catch (e) {
      if (e === BAIL) fastStats.bail++;
      else fastStats.unexpected++;
      table.rollback(depth);
      return undefined;
    }
  }

  // ---- declarations (declarations.ts) ----

  // topLevelItem = ';' | templateDeclaration | declaration
  //   (explicit instantiations, using, namespace aliases, static_assert, extern "C", asm: the grammar)
  private fTopLevel(): Decl[] {
    const t = this.fk(1);
    if (t === T.Semi) {
      this.fNext();
      return [];
    }
    if (t === T.Template && this.fk(2) === T.Less) return this.fTemplateDeclaration('decl');
    if (t === T.Template || (t === T.Extern && this.fk(2) === T.Template)) return this.fExplicitInstantiation();
    if (this.fk(2) === T.Template) throw BAIL;
    if (t === T.StaticAssert) return this.fStaticAssert();
    if (t === T.Using || t === T.Namespace || t === T.Asm) throw BAIL;
    if (t === T.Extern && this.fk(2) === T.StringLit) throw BAIL;
    return this.fDeclaration('decl');
  }

  // declaration = declSpecifiers ( ';' | declarator functionBody
  //                              | declarator initializerTail (',' declarator initializerTail)* ';' )
  private fDeclaration(ctx: DeclSpecContext): Decl[] {
    const start = this.startSpan();
    const tparams = this.pendingTemplate;
    this.pendingTemplate = undefined;
    this.specTemplate = tparams;
    const b = this.fDeclSpecifiers(ctx);
    const decls: Decl[] = [];
    this.specTemplate = undefined;
    decls.push(...b.defs);
    if (this.fk(1) === T.Semi) {
      this.fNext();
      const fwd = this.forwardDeclaration(b, tparams, start);
      if (fwd) decls.push(fwd);
      return decls;
    }
    if (b.defs.length > 0 && !this.declaratorStartAhead()) throw BAIL;
    const d = this.fDeclarator('named');
    let first = this.makeDecl(b, d, tparams, ctx, start);
    const t = this.fk(1);
    if (first.kind === 'function' && (t === T.LBrace || t === T.Colon)) {
      decls.push(this.fFunctionBody(first));
      return decls;
    }
    if (first.kind === 'function' && t === T.Assign) {
      const t2 = this.fk(2);
      if (t2 === T.Default || t2 === T.Delete || t2 === T.NumberLit) throw BAIL;
    }
    first = this.fInitializerTail(first, ctx === 'member');
    decls.push(first);
    while (this.fk(1) === T.Comma) {
      this.fNext();
      const d2 = this.fDeclarator('named');
      const next = this.makeDecl(b, d2, tparams, ctx, start);
      decls.push(this.fInitializerTail(next, ctx === 'member'));
    }
    this.fEat(T.Semi);
    return decls;
  }

  // functionBody = compoundStatement          (member initialisers: the grammar)
  private fFunctionBody(fn: FunctionDecl): FunctionDecl {
    this.enterFunction(fn);
    if (this.fk(1) === T.Colon) throw BAIL;
    const body = this.fCompound();
    this.table.leave();
    return Object.assign({}, fn, { body, span: this.spanFrom(fn.span) });
  }

  // initializerTail = '=' initClause | callArguments | braceInit | (nothing)     (bit-fields: the grammar)
  private fInitializerTail(d: Decl, member: boolean): Decl {
    if (d.kind !== 'var') return d;
    const t = this.fk(1);
    if (t === T.Colon && member) throw BAIL;
    if (t === T.Assign) {
      this.fNext();
      const init = this.fInitClause();
      return Object.assign({}, d, { init, initStyle: 'copy' as const, span: this.spanFrom(d.span) });
    }
    if (t === T.LParen) {
      const start = this.startSpan();
      const args = this.fCallArguments();
      const init: Expr = args.length === 1 ? args[0]! : { kind: 'init-list', items: args.map((value) => ({ value })), span: this.spanFrom(start) };
      return Object.assign({}, d, { init, initStyle: 'direct' as const, span: this.spanFrom(d.span) });
    }
    if (t === T.LBrace) {
      const init = this.fBraceInit();
      return Object.assign({}, d, { init, initStyle: 'list' as const, span: this.spanFrom(d.span) });
    }
    return d;
  }

  // staticAssert = 'static_assert' '(' assignment (',' primary)? ')' ';'
  private fStaticAssert(): Decl[] {
    const start = this.startSpan();
    this.fNext();
    this.fEat(T.LParen);
    const condition = this.fAssignment();
    let message: Expr | undefined;
    if (this.fk(1) === T.Comma) {
      this.fNext();
      message = this.fPrimary();
    }
    this.fEat(T.RParen);
    this.fEat(T.Semi);
    if (message && message.kind !== 'string') this.problem('expectedStringLiteral', message.span);
    const span = this.spanFrom(start);
    if (message?.kind === 'string') return [{ kind: 'static-assert', condition, message: message.value, span }];
    return [{ kind: 'static-assert', condition, span }];
  }

  // ---- templates (templates.ts) ----

  // explicitInstantiation = 'extern'? 'template' declaration
  private fExplicitInstantiation(): Decl[] {
    const start = this.startSpan();
    if (this.fk(1) === T.Extern) this.fNext();
    this.fEat(T.Template);
    const decls = this.fDeclaration('decl');
    return decls.map((d): Decl => (d.kind === 'function' || d.kind === 'record' ? { kind: 'explicit-instantiation', decl: d, span: this.spanFrom(start) } : d));
  }

  // templateDeclaration = 'template' '<' (templateParameter (',' templateParameter)*)? '>'
  //                       (templateDeclaration | declaration)          (alias templates: the grammar)
  private fTemplateDeclaration(ctx: DeclSpecContext): Decl[] {
    const start = this.startSpan();
    this.fNext();
    this.fEat(T.Less);
    this.table.enter('template');
    const saved = this.noGreater;
    this.noGreater = true;
    const params: TemplateParam[] = [];
    if (this.fk(1) !== T.Greater) {
      params.push(this.fTemplateParameter());
      while (this.fk(1) === T.Comma) {
        this.fNext();
        params.push(this.fTemplateParameter());
      }
    }
    this.fEat(T.Greater);
    this.noGreater = saved;
    const t = this.fk(1);
    let decls: Decl[];
    if (t === T.Template && this.fk(2) === T.Less) decls = this.fTemplateDeclaration(ctx);
    else if (t === T.Using) throw BAIL;
    else {
      this.pendingTemplate = params;
      decls = this.fDeclaration(ctx);
    }
    this.table.leave();
    return decls.map((d) => Object.assign({}, d, { span: joinSpans(start, d.span) }) as Decl);
  }

  // templateParameter = ('typename' | 'class') '...'? Identifier? ('=' typeId)? | parameter
  private fTemplateParameter(): TemplateParam {
    const start = this.startSpan();
    if (this.typeParameterAhead()) {
      this.fNext();
      let pack = false;
      let name: string | undefined;
      let type: TypeNode | undefined;
      if (this.fk(1) === T.Ellipsis) {
        this.fNext();
        pack = true;
      }
      if (this.fk(1) === T.Identifier) name = this.fNext().image;
      if (name) this.table.declareHere(name, { kind: 'type' });
      if (this.fk(1) === T.Assign) {
        this.fNext();
        type = this.fTypeId();
      }
      const def: TemplateArg | undefined = type ? { kind: 'type', type } : undefined;
      const tp: Record<string, unknown> = { kind: 'type' };
      if (name) tp['name'] = name;
      if (def) tp['default'] = def;
      if (pack) tp['pack'] = pack;
      tp['span'] = this.spanFrom(start);
      return tp as unknown as TemplateParam;
    }
    const p = this.fParameter();
    if (p.name) this.table.declareHere(p.name, VALUE);
    const vp: Record<string, unknown> = { kind: 'value' };
    if (p.name) vp['name'] = p.name;
    vp['type'] = p.type;
    if (p.default) vp['default'] = { kind: 'expr', expr: p.default };
    vp['span'] = p.span;
    return vp as unknown as TemplateParam;
  }

  // ---- records (records.ts) ----

  // recordSpecifier = ('struct' | 'class' | 'union') qualifiedName? 'final'? ('{' memberDeclaration* '}')?
  //   (attributes, base classes: the grammar)
  protected fRecordSpecifier(b: SpecBuilder): void {
    const start = this.startSpan();
    const kw = this.fNext();
    const tparams = this.specTemplate;
    this.specTemplate = undefined;
    const attrs = new SpecBuilder(start);
    if (this.recordAttributeAhead()) throw BAIL;
    let n: ResolvedName | undefined;
    if (this.fk(1) === T.Identifier || this.fk(1) === T.ColonColon) n = this.fQualifiedName();
    if (this.LA(1).image === 'final' && this.fk(1) === T.Identifier) this.fNext();
    let members: Decl[] | undefined;
    if (this.fk(1) === T.Colon) throw BAIL;
    if (this.fk(1) === T.LBrace) {
      this.fNext();
      const entry = this.declareRecord(n?.name, n?.entry, tparams !== undefined, true);
      this.table.enter('record', entry?.members, n ? lastName(n.name) : undefined);
      members = [];
      while (this.fk(1) !== T.RBrace) members.push(...this.fMemberDeclaration());
      this.fNext();
      this.table.leave();
    }
    const tag = kw.image as RecordTag;
    if (!members) {
      if (!n) throw BAIL;
      this.declareRecord(n.name, n.entry, tparams !== undefined, false);
      b.setNamed({ kind: 'elaborated', tag, name: n.name, span: this.spanFrom(start) });
      return;
    }
    const hasSpecs = Object.keys(attrs.specs.spans).length > 0;
    const r: Record<string, unknown> = { kind: 'record', tag };
    if (n) r['name'] = n.name;
    r['bases'] = [];
    r['members'] = members;
    if (tparams) r['templateParams'] = tparams;
    if (hasSpecs) r['specs'] = attrs.specs;
    r['span'] = this.spanFrom(start);
    const decl = r as unknown as RecordDecl;
    b.defs.push(decl);
    b.setNamed(n ? { kind: 'elaborated', tag, name: n.name, span: n.name.span } : { kind: 'definition', decl, span: decl.span });
  }

  // memberDeclaration = accessKeyword ':' | ';' | declaration(member)
  //   (member templates, using, static_assert: the grammar)
  private fMemberDeclaration(): Decl[] {
    const t = this.fk(1);
    if (t === T.Public || t === T.Protected || t === T.Private) {
      if (this.fk(2) !== T.Colon) throw BAIL;
      const a = this.fNext();
      this.fNext();
      return [{ kind: 'access', access: a.image, span: this.spanOf(a) }] as Decl[];
    }
    if (t === T.Semi) {
      this.fNext();
      return [];
    }
    if (t === T.StaticAssert) return this.fStaticAssert();
    if (t === T.Template || t === T.Using) throw BAIL;
    return this.fDeclaration('member');
  }

  // ---- statements (statements.ts) ----

  // statement = loopPragma* ( compoundStatement | ifStatement | whileStatement | doStatement | forStatement
  //           | 'break' ';' | 'continue' ';' | 'return' initClause? ';' | ';' | simpleStatement )
  //   (attributes, switch, case, default, goto, asm, try, labels: the grammar)
  private fStatement(): Stmt {
    this.fEnter();
    const pragmas: LoopPragma[] = [];
    while (this.fk(1) === T.PragmaUnroll) pragmas.push(this.fLoopPragma());
    const t = this.fk(1);
    if (t === T.LBracket && this.fk(2) === T.LBracket) throw BAIL;
    const start = this.startSpan();
    let s: Stmt;
    if (t === T.LBrace) s = this.fCompound();
    else if (t === T.If) s = this.fIf();
    else if (t === T.For) s = this.fFor(pragmas);
    else if (t === T.Return) {
      this.fNext();
      let value: Expr | undefined;
      if (this.fk(1) !== T.Semi) value = this.fInitClause();
      this.fEat(T.Semi);
      s = value ? { kind: 'return', value, span: this.spanFrom(start) } : { kind: 'return', span: this.spanFrom(start) };
    } else if (t === T.While) {
      this.fNext();
      this.fEat(T.LParen);
      this.table.enter('block');
      const cond = this.fCondition();
      this.fEat(T.RParen);
      const body = this.fStatement();
      this.table.leave();
      s = { kind: 'while', cond, body, pragmas, span: this.spanFrom(start) };
    } else if (t === T.Do) {
      this.fNext();
      const body = this.fStatement();
      this.fEat(T.While);
      this.fEat(T.LParen);
      const cond = this.fExpression();
      this.fEat(T.RParen);
      this.fEat(T.Semi);
      s = { kind: 'do', body, cond, pragmas, span: this.spanFrom(start) };
    } else if (t === T.Break || t === T.Continue) {
      this.fNext();
      this.fEat(T.Semi);
      s = { kind: t === T.Break ? 'break' : 'continue', span: this.spanFrom(start) };
    } else if (t === T.Semi) {
      this.fNext();
      s = { kind: 'empty', span: start };
    } else if (t === T.Switch || t === T.Case || t === T.Default || t === T.Goto || t === T.Asm || t === T.Try) throw BAIL;
    else s = this.fSimpleStatement();
    if (pragmas.length > 0 && s.kind !== 'for' && s.kind !== 'while' && s.kind !== 'do' && s.kind !== 'range-for')
      for (const p of pragmas) this.warn('pragmaNotBeforeLoop', p.span, p.kind);
    this.nest--;
    return s;
  }

  // loopPragma = PragmaUnroll assignment? PragmaEnd
  private fLoopPragma(): LoopPragma {
    const p = this.fNext();
    let count: Expr | undefined;
    if (this.fk(1) !== T.PragmaEnd) count = this.fAssignment();
    this.fEat(T.PragmaEnd);
    const kind = p.image === 'nounroll' ? 'nounroll' : 'unroll';
    return (count ? { kind, count, span: this.spanOf(p) } : { kind, span: this.spanOf(p) }) as LoopPragma;
  }

  // compoundStatement = '{' statement* '}'
  private fCompound(): CompoundStmt {
    const start = this.startSpan();
    this.fEat(T.LBrace);
    this.table.enter('block');
    const stmts: Stmt[] = [];
    while (this.fk(1) !== T.RBrace) stmts.push(this.fStatement());
    this.fNext();
    this.table.leave();
    return { kind: 'compound', stmts, span: this.spanFrom(start) };
  }

  // ifStatement = 'if' 'constexpr'? '(' (simpleStatement)? condition ')' statement ('else' statement)?
  private fIf(): Stmt {
    const start = this.startSpan();
    this.fNext();
    let constexpr = false;
    if (this.LA(1).image === 'constexpr' && this.simpleSpecs![this.fk(1).tokenTypeIdx!] === 1) {
      this.fNext();
      constexpr = true;
    }
    this.fEat(T.LParen);
    this.table.enter('block');
    const saved = this.noGreater;
    this.noGreater = false;
    let cond = this.fCondition();
    let init: Stmt | undefined;
    if (this.fk(1) === T.Semi) {
      const semi = this.fNext();
      init = cond.kind === 'var' ? { kind: 'decl', decls: [cond as VarDecl], span: cond.span } : { kind: 'expr', expr: cond as Expr, span: this.spanOf(semi) };
      cond = this.fCondition();
    }
    this.fEat(T.RParen);
    this.noGreater = saved;
    const then = this.fStatement();
    let els: Stmt | undefined;
    if (this.fk(1) === T.Else) {
      this.fNext();
      els = this.fStatement();
    }
    this.table.leave();
    const s: Record<string, unknown> = { kind: 'if' };
    if (init) s['init'] = init;
    s['cond'] = cond;
    s['then'] = then;
    if (els) s['else'] = els;
    if (constexpr) s['constexpr'] = constexpr;
    s['span'] = this.spanFrom(start);
    return s as unknown as Stmt;
  }

  // forStatement = 'for' '(' ( declSpecifiers declarator ':' initClause ')' statement
  //                          | forInit condition? ';' expression? ')' statement )
  private fFor(pragmas: LoopPragma[]): Stmt {
    const start = this.startSpan();
    this.fNext();
    this.fEat(T.LParen);
    this.table.enter('block');
    const saved = this.noGreater;
    this.noGreater = false;
    let init: Stmt | undefined;
    let rangeDecl: VarDecl | undefined;
    let range: Expr | undefined;
    if (this.declarationAhead()) {
      this.fDeclarationStart();
      const ds = this.startSpan();
      const b = this.fDeclSpecifiers('for');
      const d = this.fDeclarator('named');
      const first = this.conditionDecl(b, d, ds);
      if (this.fk(1) === T.Colon) {
        this.fNext();
        range = this.fInitClause();
        rangeDecl = first;
      } else {
        const decls: Decl[] = [this.fInitializerTail(first, false)];
        while (this.fk(1) === T.Comma) {
          this.fNext();
          const d2 = this.fDeclarator('named');
          decls.push(this.fInitializerTail(this.conditionDecl(b, d2, ds), false));
        }
        this.fEat(T.Semi);
        init = this.declStmt(decls, ds);
      }
    } else if (this.fk(1) === T.Semi) this.fNext();
    else {
      const es = this.startSpan();
      const expr = this.fExpression();
      this.fEat(T.Semi);
      init = { kind: 'expr', expr, span: this.spanFrom(es) };
    }
    let result: Stmt;
    if (range !== undefined) {
      this.fEat(T.RParen);
      this.noGreater = saved;
      const body = this.fStatement();
      result = { kind: 'range-for', decl: rangeDecl!, range, body, pragmas, span: this.spanFrom(start) };
    } else {
      let cond: Expr | VarDecl | undefined;
      let step: Expr | undefined;
      if (this.fk(1) !== T.Semi) cond = this.fCondition();
      this.fEat(T.Semi);
      if (this.fk(1) !== T.RParen) step = this.fExpression();
      this.fEat(T.RParen);
      this.noGreater = saved;
      const body = this.fStatement();
      const s: Record<string, unknown> = { kind: 'for' };
      if (init) s['init'] = init;
      if (cond) s['cond'] = cond;
      if (step) s['step'] = step;
      s['body'] = body;
      s['pragmas'] = pragmas;
      s['span'] = this.spanFrom(start);
      result = s as unknown as Stmt;
    }
    this.table.leave();
    return result;
  }

  // condition = declSpecifiers declarator ('=' initClause | braceInit) | expression
  private fCondition(): Expr | VarDecl {
    if (!this.declarationAhead()) return this.fExpression();
    this.fDeclarationStart();
    const start = this.startSpan();
    const b = this.fDeclSpecifiers('block');
    const d = this.fDeclarator('named');
    const v = this.conditionDecl(b, d, start);
    let init: Expr;
    if (this.fk(1) === T.Assign) {
      this.fNext();
      init = this.fInitClause();
    } else if (this.fk(1) === T.LBrace) init = this.fBraceInit();
    else throw BAIL;
    return Object.assign({}, v, { init, initStyle: init.kind === 'init-list' ? ('list' as const) : ('copy' as const), span: this.spanFrom(start) });
  }

  // simpleStatement = declarationStatement | expression ';'        (labels, using, static_assert: the grammar)
  private fSimpleStatement(): Stmt {
    const start = this.startSpan();
    if (this.fk(1) === T.Identifier && this.fk(2) === T.Colon) throw BAIL;
    if (this.declarationAhead()) {
      if (this.fk(1) === T.StaticAssert) return this.declStmt(this.fStaticAssert(), start);
      this.fDeclarationStart();
      return this.declStmt(this.fDeclaration('block'), start);
    }
    const expr = this.fExpression();
    this.fEat(T.Semi);
    return { kind: 'expr', expr, span: this.spanFrom(start) };
  }

  /** a declaration the fast path does not cover starts here (or one the grammar rejects) */
  private fDeclarationStart(): void {
    const t = this.fk(1);
    if (t === T.Using || t === T.Namespace || t === T.StaticAssert || t === T.Template) throw BAIL;
  }
}
