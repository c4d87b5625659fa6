/**
 * Declarations: the top-level item, simple declarations with several declarators, function
 * definitions (with constructor initialisers, `= default`, `= 0`), initialisers, typedefs,
 * `using` in its three forms, namespace aliases, `static_assert` and `extern "C"`.
 *
 * Every declared name is entered into the name table as soon as its declarator is read, so
 * that a typedef is a type for the rest of the file and a variable hides a type of the same
 * name.
 */
import type { Decl, EnumDecl, Expr, FunctionDecl, QualifiedName, RecordDecl, Stmt, TemplateParam, VarDecl } from '../ast.js';
import type { Span } from '../../support/source.js';
import { type Declarator, type SpecBuilder, lastName } from './build.js';
import type { DeclSpecContext } from './core.js';
import * as L from './lookahead.js';
import { VALUE } from './scope.js';
import { TemplateRules } from './templates.js';
import * as T from './tokens.js';

export abstract class DeclarationRules extends TemplateRules {
  constructor(validate: boolean) {
    super(validate);
    const $ = this;

    // topLevelItem = ';' | templateDeclaration | explicitInstantiation | usingDeclaration | namespaceAlias
    //              | staticAssert | 'extern' StringLit declaration | asmStatement | declaration
    $.topLevelItem = $.RULE('topLevelItem', () =>
      $.OR({
        DEF: [
          { ALT: () => ($.CONSUME(T.Semi), [] as Decl[]) },
          { GATE: () => $.is(2, T.Less), ALT: () => $.SUBRULE($.templateDeclaration) },
          { GATE: () => $.is(1, T.Template) || $.is(2, T.Template), ALT: () => $.SUBRULE($.explicitInstantiation) },
          { ALT: () => $.SUBRULE($.usingDeclaration) },
          { ALT: () => $.SUBRULE($.namespaceAlias) },
          { ALT: () => $.SUBRULE($.staticAssert) },
          {
            GATE: () => $.is(1, T.Extern) && $.is(2, T.StringLit),
            ALT: () => {
              const start = $.startSpan();
              $.CONSUME(T.Extern);
              const lang = $.CONSUME(T.StringLit);
              const decls = $.SUBRULE($.declaration);
              return [{ kind: 'linkage', language: lang.image.replace(/^"|"$/g, ''), decls, span: $.spanFrom(start) }] as Decl[];
            },
          },
          { ALT: () => ($.SUBRULE($.asmStatement), [] as Decl[]) },
          { ALT: () => $.SUBRULE2($.declaration) },
        ],
        IGNORE_AMBIGUITIES: true,
        ERR_MSG: 'expectedDeclaration',
      }),
    );

    // declarationStatement = usingDeclaration | namespaceAlias | staticAssert | declaration
    $.declarationStatement = $.RULE('declarationStatement', () =>
      $.OR({
        DEF: [
          { ALT: () => $.SUBRULE($.usingDeclaration) },
          { ALT: () => $.SUBRULE($.namespaceAlias) },
          { ALT: () => $.SUBRULE($.staticAssert) },
          { ALT: () => $.SUBRULE($.declaration, { ARGS: ['block'] }) },
        ],
        IGNORE_AMBIGUITIES: true,
      }),
    );

    // declaration = declSpecifiers ( ';'
    //                              | declarator functionBody
    //                              | declarator '=' ('default' | 'delete' | '0') ';'
    //                              | declarator initializerTail (',' declarator initializerTail)* ';' )
    $.declaration = $.RULE('declaration', (ctx: DeclSpecContext = 'decl') => {
      const start = $.startSpan();
      const tparams = $.ACTION(() => {
        const p = $.pendingTemplate;
        $.pendingTemplate = undefined;
        $.specTemplate = p;
        return p;
      });
      const b = $.SUBRULE($.declSpecifiers, { ARGS: [ctx] });
      const decls: Decl[] = [];
      $.ACTION(() => {
        $.specTemplate = undefined;
        decls.push(...b.defs);
      });
      $.OR({
        DEF: [
          {
            GATE: () => $.is(1, T.Semi),
            ALT: () => {
              $.CONSUME(T.Semi);
              $.ACTION(() => {
                const fwd = $.forwardDeclaration(b, tparams, start);
                if (fwd) decls.push(fwd);
              });
            },
          },
          {
            // after `struct S {…}` a declarator or ';' must follow
            GATE: () => b.defs.length === 0 || $.declaratorStartAhead(),
            ALT: () => {
              const d = $.SUBRULE($.declarator, { ARGS: ['named'] });
              let first = $.ACTION(() => $.makeDecl(b, d, tparams, ctx, start));
              $.OR2({
                DEF: [
                  {
                    GATE: () => first?.kind === 'function' && ($.is(1, T.LBrace) || $.is(1, T.Colon)),
                    ALT: () => {
                      const fn = $.SUBRULE($.functionBody, { ARGS: [first as FunctionDecl] });
                      $.ACTION(() => decls.push(fn));
                    },
                  },
                  {
                    GATE: () => first?.kind === 'function' && $.is(1, T.Assign) && ($.is(2, T.Default) || $.is(2, T.Delete) || $.is(2, T.NumberLit)),
                    ALT: () => {
                      $.CONSUME(T.Assign);
                      const how = $.OR3([
                        { ALT: () => $.CONSUME(T.Default) },
                        { ALT: () => $.CONSUME(T.Delete) },
                        { ALT: () => $.CONSUME(T.NumberLit) },
                      ]);
                      $.CONSUME3(T.Semi, { ERR_MSG: 'expectedSemiAfterDecl' });
                      $.ACTION(() => {
                        const f = first as FunctionDecl;
                        const extra = how.image === 'default' || how.image === 'delete' ? { defaulted: how.image } : { pure: true };
                        decls.push({ ...f, ...extra, span: $.spanFrom(start) } as FunctionDecl);
                      });
                    },
                  },
                  {
                    ALT: () => {
                      first = $.SUBRULE($.initializerTail, { ARGS: [first, ctx === 'member'] });
                      $.ACTION(() => decls.push(first!));
                      $.MANY(() => {
                        $.CONSUME(T.Comma);
                        const d2 = $.SUBRULE2($.declarator, { ARGS: ['named'] });
                        const next = $.ACTION(() => $.makeDecl(b, d2, tparams, ctx, start));
                        const done = $.SUBRULE2($.initializerTail, { ARGS: [next, ctx === 'member'] });
                        $.ACTION(() => decls.push(done));
                      });
                      $.CONSUME2(T.Semi, { ERR_MSG: 'expectedSemiAfterDecl' });
                    },
                  },
                ],
                IGNORE_AMBIGUITIES: true,
              });
            },
          },
        ],
        IGNORE_AMBIGUITIES: true,
        ERR_MSG: b?.defs?.length ? `expectedSemiAfterRecord|${$.defKeyword(b.defs[0]!)}` : 'expectedUnqualifiedId',
      });
      return decls;
    });

    // functionBody = (':' memberInit (',' memberInit)*)? compoundStatement
    // memberInit = qualifiedName (callArguments | braceInit)
    $.functionBody = $.RULE('functionBody', (fn?: FunctionDecl) => {
      $.ACTION(() => $.enterFunction(fn!));
      const inits: NonNullable<FunctionDecl['memberInits']>[number][] = [];
      $.OPTION(() => {
        $.CONSUME(T.Colon);
        $.AT_LEAST_ONE_SEP({
          SEP: T.Comma,
          DEF: () => {
            const start = $.startSpan();
            const n = $.SUBRULE($.qualifiedName);
            const init = $.OR([
              { ALT: () => ({ args: $.SUBRULE($.callArguments), braces: false }) },
              { ALT: () => ({ args: $.initListItems($.SUBRULE($.braceInit)), braces: true }) },
            ]);
            $.ACTION(() => inits.push({ name: n.name, args: init.args, braces: init.braces, span: $.spanFrom(start) }));
          },
        });
      });
      const body = $.SUBRULE($.compoundStatement);
      $.ACTION(() => $.table.leave());
      return $.ACTION((): FunctionDecl => ({ ...fn!, body, ...(inits.length > 0 ? { memberInits: inits } : {}), span: $.spanFrom(fn!.span) }));
    });

    // initializerTail = ':' assignment ('=' initClause)?      (bit-field width, members)
    //                 | '=' initClause | callArguments | braceInit | (nothing)
    $.initializerTail = $.RULE('initializerTail', (d?: Decl, member?: boolean) => {
      const isVar = (): boolean => d?.kind === 'var';
      let result = d;
      $.OR({
        DEF: [
          {
            GATE: () => isVar() && !!member && $.is(1, T.Colon),
            ALT: () => {
              $.CONSUME(T.Colon);
              const bitWidth = $.SUBRULE($.assignment);
              let init: Expr | undefined;
              $.OPTION(() => {
                $.CONSUME(T.Assign);
                init = $.SUBRULE($.initClause);
              });
              $.ACTION(() => (result = { ...(d as VarDecl), bitWidth, ...(init ? { init, initStyle: 'copy' } : {}), span: $.spanFrom(d!.span) }));
            },
          },
          {
            GATE: () => isVar() && $.is(1, T.Assign),
            ALT: () => {
              $.CONSUME2(T.Assign);
              const init = $.SUBRULE2($.initClause);
              $.ACTION(() => (result = { ...(d as VarDecl), init, initStyle: 'copy', span: $.spanFrom(d!.span) }));
            },
          },
          {
            GATE: () => isVar() && $.is(1, T.LParen),
            ALT: () => {
              const start = $.startSpan();
              const args = $.SUBRULE($.callArguments);
              $.ACTION(() => {
                const init: Expr = args.length === 1 ? args[0]! : { kind: 'init-list', items: args.map((value) => ({ value })), span: $.spanFrom(start) };
                result = { ...(d as VarDecl), init, initStyle: 'direct', span: $.spanFrom(d!.span) };
              });
            },
          },
          {
            GATE: () => isVar() && $.is(1, T.LBrace),
            ALT: () => {
              const init = $.SUBRULE($.braceInit);
              $.ACTION(() => (result = { ...(d as VarDecl), init, initStyle: 'list', span: $.spanFrom(d!.span) }));
            },
          },
          { ALT: () => $.SUBRULE($.empty) },
        ],
        IGNORE_AMBIGUITIES: true,
      });
      return result!;
    });

    // usingDeclaration = 'using' 'namespace' qualifiedName ';'
    //                  | 'using' Identifier attributeSpecifier* '=' typeId ';'     (alias, alias template)
    //                  | 'using' 'typename'? qualifiedName ';'
    $.usingDeclaration = $.RULE('usingDeclaration', () => {
      const start = $.startSpan();
      $.CONSUME(T.Using);
      const tparams = $.ACTION(() => {
        const p = $.pendingTemplate;
        $.pendingTemplate = undefined;
        return p;
      });
      return $.OR({
        DEF: [
          {
            ALT: () => {
              $.CONSUME(T.Namespace);
              const n = $.SUBRULE($.qualifiedName);
              $.CONSUME(T.Semi, { ERR_MSG: 'expectedSemiAfterDecl' });
              return $.ACTION((): Decl[] => {
                if (n.entry?.members) $.table.importMembers(n.entry.members);
                return [{ kind: 'using-directive', namespace: n.name, span: $.spanFrom(start) }];
              });
            },
          },
          {
            GATE: () => $.is(2, T.Assign) || $.is(2, T.GnuAttributeKeyword) || $.is(2, T.LBracket),
            ALT: () => {
              const id = $.CONSUME(T.Identifier);
              $.MANY(() => $.SUBRULE($.attributeSpecifier));
              $.CONSUME(T.Assign);
              const type = $.SUBRULE($.typeId);
              $.CONSUME2(T.Semi, { ERR_MSG: 'expectedSemiAfterDecl' });
              return $.ACTION((): Decl[] => {
                $.table.declare(id.image, { kind: tparams ? 'template-type' : 'type' });
                return [{ kind: 'typedef', name: id.image, type, ...(tparams ? { templateParams: tparams } : {}), span: $.spanFrom(start) }];
              });
            },
          },
          {
            ALT: () => {
              $.OPTION(() => $.CONSUME(T.Typename));
              const n = $.SUBRULE2($.qualifiedName);
              $.CONSUME3(T.Semi, { ERR_MSG: 'expectedSemiAfterDecl' });
              return $.ACTION((): Decl[] => {
                if (n.entry) $.table.declare(lastName(n.name), n.entry);
                return [{ kind: 'using-decl', name: n.name, span: $.spanFrom(start) }];
              });
            },
          },
        ],
        IGNORE_AMBIGUITIES: true,
        ERR_MSG: 'expectedUnqualifiedId',
      });
    });

    // namespaceAlias = 'namespace' Identifier '=' qualifiedName ';'
    $.namespaceAlias = $.RULE('namespaceAlias', () => {
      const start = $.startSpan();
      $.CONSUME(T.Namespace);
      const id = $.CONSUME(T.Identifier, { ERR_MSG: 'expectedIdentifier' });
      $.CONSUME(T.Assign, { ERR_MSG: 'expectedNamespaceBody' });
      const n = $.SUBRULE($.qualifiedName);
      $.CONSUME(T.Semi, { ERR_MSG: 'expectedSemiAfterDecl' });
      return $.ACTION((): Decl[] => {
        const target = n.entry?.kind === 'namespace' ? n.entry : { kind: 'namespace' as const, members: new Map() };
        $.table.declare(id.image, target);
        return [{ kind: 'namespace-alias', name: id.image, target: n.name, span: $.spanFrom(start) }];
      });
    });

    // staticAssert = 'static_assert' '(' assignment (',' StringLit+)? ')' ';'
    $.staticAssert = $.RULE('staticAssert', () => {
      const start = $.startSpan();
      $.CONSUME(T.StaticAssert);
      $.CONSUME(T.LParen, { ERR_MSG: 'expectedLParenAfter|static_assert' });
      const condition = $.SUBRULE($.assignment);
      let message: Expr | undefined;
      $.OPTION(() => {
        $.CONSUME(T.Comma);
        message = $.SUBRULE($.primary);
      });
      $.CONSUME(T.RParen);
      $.CONSUME(T.Semi, { ERR_MSG: 'expectedSemiAfterStaticAssert' });
      return $.ACTION((): Decl[] => {
        const m = message?.kind === 'string' ? { message: message.value } : {};
        if (message && message.kind !== 'string') $.problem('expectedStringLiteral', message.span);
        return [{ kind: 'static-assert', condition, ...m, span: $.spanFrom(start) }];
      });
    });
  }

  // ---- helpers for the rules above ----

  protected defKeyword(d: RecordDecl | EnumDecl): string {
    return d.kind === 'enum' ? 'enum' : d.tag;
  }

  /** can a declarator start here (after a record definition: `struct S {…} s;`)? */
  protected declaratorStartAhead(): boolean {
    const t = this.LA(1).tokenType;
    return t === T.Identifier || t === T.Star || t === T.Amp || t === T.AmpAmp || t === T.LParen || t === T.ColonColon
      || t === T.Const || t === T.Volatile || t === T.Attribute || t === T.Operator;
  }

  /** `struct S;`, `template struct S<int>;`, `friend class F;` */
  protected forwardDeclaration(b: SpecBuilder, tparams: TemplateParam[] | undefined, start: Span): Decl | undefined {
    const t = b.base;
    if (b.defs.length > 0 || !t || t.kind !== 'elaborated' || t.tag === 'enum') return undefined;
    const hasSpecs = Object.keys(b.specs.spans).length > 0;
    return {
      kind: 'record', tag: t.tag, name: t.name, bases: [],
      ...(tparams ? { templateParams: tparams } : {}), ...(hasSpecs ? { specs: b.specs } : {}), span: this.spanFrom(start),
    };
  }

  /** a declarator without a type specifier is fine for constructors, destructors and conversions */
  private specialMember(name: QualifiedName | undefined): boolean {
    if (!name) return false;
    const last = lastName(name);
    if (last.startsWith('~') || last.startsWith('operator')) return true;
    if (last === this.table.currentRecord) return true;
    const prev = name.parts[name.parts.length - 2];
    return prev !== undefined && prev.name === last;
  }

  /** The declaration one declarator makes, registered in the name table. */
  protected makeDecl(b: SpecBuilder, d: Declarator, tparams: TemplateParam[] | undefined, _ctx: DeclSpecContext, start: Span): Decl {
    const special = this.specialMember(d.name);
    if (!b.base && !special) this.problem('typeRequired', d.name?.span ?? start);
    const base = b.base ?? { kind: 'builtin', name: 'void', span: d.span };
    const name = d.name ?? { kind: 'name', global: false, parts: [{ name: '', span: d.span }], span: d.span };
    const simple = lastName(name);
    const span = this.spanFrom(start);
    // nodes are built key by key in the order `{ a, ...(c ? { k } : {}), span }` gives (object spread is slow)
    if (b.typedef) {
      this.table.declare(simple, { kind: tparams ? 'template-type' : 'type' });
      const td: Record<string, unknown> = { kind: 'typedef', name: simple, type: d.wrap(base) };
      if (tparams) td['templateParams'] = tparams;
      td['span'] = span;
      return td as unknown as Decl;
    }
    const type = d.wrap(base);
    if (d.fn && type.kind === 'function') {
      if (name.parts.length === 1 && !special) {
        if (tparams) this.table.declare(simple, { kind: 'template-func' });
        else if (this.table.lookup(simple)?.kind !== 'template-func') this.table.declare(simple, VALUE);
      }
      const fn: Record<string, unknown> = { kind: 'function', name, specs: b.specs, result: type.result, params: d.fn.params, variadic: d.fn.variadic };
      if (d.fn.constMethod) fn['constMethod'] = true;
      if (tparams) fn['templateParams'] = tparams;
      fn['span'] = span;
      return fn as unknown as Decl;
    }
    if (name.parts.length === 1) this.table.declare(simple, tparams ? { kind: 'template-func' } : VALUE);
    if (tparams) return { kind: 'var', name: simple, nameSpan: name.span, specs: b.specs, type, templateParams: tparams, span };
    return { kind: 'var', name: simple, nameSpan: name.span, specs: b.specs, type, span };
  }

  /** Enter a function body's scope: the members of `S` for `S::f`, then the parameters. */
  protected enterFunction(fn: FunctionDecl): void {
    this.table.enter('function');
    const parts = fn.name.parts;
    if (parts.length > 1) {
      let e = L.resolveFirst(this.ctx, parts[0]!.name, fn.name.global);
      if (e?.members) this.table.importMembers(e.members);
      for (let i = 1; i < parts.length - 1 && e; i++) {
        e = L.resolveMember(e, parts[i]!.name);
        if (e?.members) this.table.importMembers(e.members);
      }
    }
    for (const p of fn.params) if (p.name) this.table.declare(p.name, VALUE);
  }

  /** a declaration statement node */
  protected declStmt(decls: Decl[], start: Span): Stmt {
    return { kind: 'decl', decls, span: this.spanFrom(start) };
  }

  /** a declarator used as a condition or range-for variable */
  protected conditionDecl(b: SpecBuilder, d: Declarator, start: Span): VarDecl {
    const decl = this.makeDecl(b, d, undefined, 'block', start);
    if (decl.kind === 'var') return decl;
    this.problem('expectedExpression', decl.span);
    return { kind: 'var', name: '', nameSpan: decl.span, specs: b.specs, type: b.base ?? { kind: 'builtin', name: 'int', span: start }, span: decl.span };
  }
}
