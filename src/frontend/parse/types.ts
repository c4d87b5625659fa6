/**
 * Types as written: decl-specifier sequences (in any order, as C allows: `unsigned long const
 * static`), CUDA specifiers and attributes, declarators (pointers, references, arrays,
 * function suffixes, parenthesised declarators for function pointers), parameter lists and
 * type-ids.
 *
 * A declarator is returned as a function from the base type to the declared type (build.ts),
 * so `int *a[4], b;` shares one base type between both declarators.
 */
import { tokenMatcher } from 'chevrotain';
import type { Expr, ParamDecl, QualifiedName, TypeNode } from '../ast.js';
import { joinSpans } from '../../support/source.js';
import { type Declarator, type DeclaratorSuffix, type PtrOp, SpecBuilder, applyPtrOps, applySuffixes, lastName } from './build.js';
import type { DeclSpecContext } from './core.js';
import { ExpressionRules } from './expressions.js';
import * as T from './tokens.js';

export abstract class TypeRules extends ExpressionRules {
  constructor(validate: boolean) {
    super(validate);
    const $ = this;

    // declSpecifiers = (simpleSpecifier | cvQualifier | '__restrict__' | builtinTypeWord | 'auto' | 'typedef'
    //                  | attributeSpecifier | recordSpecifier | enumSpecifier | 'typename' qualifiedName
    //                  | 'decltype' '(' expression ')' | qualifiedName)*
    //   (at most one type name: after it, an identifier is the declarator)
    $.declSpecifiers = $.RULE('declSpecifiers', (ctx: DeclSpecContext = 'decl') => {
      const b = new SpecBuilder($.startSpan());
      $.MANY({
        GATE: () => $.specifierAhead(b, ctx),
        DEF: () =>
          $.OR({
            IGNORE_AMBIGUITIES: true,
            DEF: [
              { ALT: () => { const t = $.CONSUME(T.SimpleSpecifier); $.ACTION(() => b.simple(t.image, $.spanOf(t))); } },
              {
                ALT: () => {
                  const t = $.CONSUME(T.CvQualifier);
                  $.ACTION(() => (t.image === 'const' ? (b.const = true) : (b.volatile = true)));
                },
              },
              { ALT: () => { $.CONSUME(T.RestrictQualifier); } },
              { ALT: () => { const t = $.CONSUME(T.BuiltinTypeWord); $.ACTION(() => b.word(t.image, $.spanOf(t))); } },
              { ALT: () => { const t = $.CONSUME(T.Auto); $.ACTION(() => b.setNamed({ kind: 'builtin', name: 'auto', span: $.spanOf(t) })); } },
              { ALT: () => { const t = $.CONSUME(T.Typedef); $.ACTION(() => { b.typedef = true; b.specs.spans['typedef'] = $.spanOf(t); }); } },
              { ALT: () => $.SUBRULE($.attributeSpecifier, { ARGS: [b] }) },
              { ALT: () => $.SUBRULE($.recordSpecifier, { ARGS: [b] }) },
              { ALT: () => $.SUBRULE($.enumSpecifier, { ARGS: [b] }) },
              {
                ALT: () => {
                  $.CONSUME(T.Typename);
                  const n = $.SUBRULE($.qualifiedName);
                  $.ACTION(() => b.setNamed({ kind: 'named', name: n.name, typename: true, span: n.name.span }));
                },
              },
              {
                ALT: () => {
                  const start = $.startSpan();
                  $.CONSUME(T.Decltype);
                  $.CONSUME(T.LParen);
                  const saved = $.noGreater;
                  $.noGreater = false;
                  const expr = $.SUBRULE($.expression);
                  $.CONSUME(T.RParen);
                  $.noGreater = saved;
                  $.ACTION(() => b.setNamed({ kind: 'decltype', expr, span: $.spanFrom(start) }));
                },
              },
              {
                ALT: () => {
                  const n = $.SUBRULE2($.qualifiedName);
                  $.ACTION(() => b.setNamed({ kind: 'named', name: n.name, span: n.name.span }));
                },
              },
            ],
          }),
      });
      $.ACTION(() => {
        b.resolve();
        if (b.conflict) $.problem('cannotCombine', b.conflict.span, b.conflict.word);
      });
      return b;
    });

    // attributeSpecifier = '__launch_bounds__' '(' assignment (',' assignment)* ')'
    //                    | ('__align__' | 'alignas') '(' (typeId | assignment) ')'
    //                    | ('__attribute__' | '__declspec') '(' balanced ')'
    //                    | '[' '[' balanced ']' ']'
    $.attributeSpecifier = $.RULE('attributeSpecifier', (b?: SpecBuilder) => {
      $.OR([
        {
          ALT: () => {
            const kw = $.CONSUME(T.LaunchBounds);
            $.CONSUME(T.LParen);
            const bounds: Expr[] = [$.SUBRULE($.assignment)];
            $.MANY(() => {
              $.CONSUME(T.Comma);
              bounds.push($.SUBRULE2($.assignment));
            });
            $.CONSUME(T.RParen);
            $.ACTION(() => {
              if (!b) return;
              b.specs.launchBounds = bounds;
              b.specs.spans['__launch_bounds__'] = $.spanOf(kw);
            });
          },
        },
        {
          ALT: () => {
            const kw = $.OR2([{ ALT: () => $.CONSUME(T.Align) }, { ALT: () => $.CONSUME(T.Alignas) }]);
            $.CONSUME2(T.LParen);
            const align = $.OR3({
              IGNORE_AMBIGUITIES: true,
              DEF: [
                {
                  GATE: () => $.typeIdAhead(),
                  ALT: () => {
                    const type = $.SUBRULE($.typeId);
                    return { kind: 'alignof', type, span: type.span } as Expr;
                  },
                },
                { ALT: () => $.SUBRULE3($.assignment) },
              ],
            });
            $.CONSUME2(T.RParen);
            $.ACTION(() => {
              if (!b) return;
              b.specs.align = align;
              b.specs.spans[kw.image] = $.spanOf(kw);
            });
          },
        },
        {
          ALT: () => {
            $.CONSUME(T.GnuAttributeKeyword);
            $.CONSUME3(T.LParen);
            $.SUBRULE($.balanced);
            $.CONSUME3(T.RParen);
          },
        },
        {
          ALT: () => {
            $.CONSUME(T.LBracket);
            $.CONSUME2(T.LBracket);
            $.SUBRULE2($.balanced);
            $.CONSUME(T.RBracket);
            $.CONSUME2(T.RBracket);
          },
        },
      ]);
    });

    // declarator = ptrOperator* (qualifiedName | '(' declarator ')')? declaratorSuffix* attributeSpecifier*
    //   mode 'named' requires a name, 'maybe' (parameters) allows none, 'abstract' (type-ids) has none
    $.declarator = $.RULE('declarator', (mode: 'named' | 'maybe' | 'abstract' = 'named') => {
      const start = $.startSpan();
      const ptrs: PtrOp[] = [];
      $.MANY(() => ptrs.push($.SUBRULE($.ptrOperator)));
      let name: QualifiedName | undefined;
      let inner: Declarator | undefined;
      $.OR({
        IGNORE_AMBIGUITIES: true,
        DEF: [
          {
            GATE: () => mode !== 'abstract' && $.declaratorNameAhead(),
            ALT: () => {
              name = $.SUBRULE($.qualifiedName).name;
            },
          },
          {
            GATE: () => $.nestedDeclaratorAhead(),
            ALT: () => {
              $.CONSUME(T.LParen);
              inner = $.SUBRULE($.declarator, { ARGS: [mode] });
              $.CONSUME(T.RParen);
            },
          },
          { GATE: () => mode !== 'named', ALT: () => $.SUBRULE($.empty) },
        ],
        ERR_MSG: 'expectedUnqualifiedId',
      });
      const suffixes: DeclaratorSuffix[] = [];
      $.MANY2({
        GATE: () => ($.is(1, T.LBracket) && !$.is(2, T.LBracket)) || ($.is(1, T.LParen) && $.parameterListAhead()),
        DEF: () => suffixes.push($.SUBRULE($.declaratorSuffix)),
      });
      $.MANY3({ GATE: () => $.is(1, T.GnuAttributeKeyword), DEF: () => $.SUBRULE($.attributeSpecifier) });
      return $.ACTION((): Declarator => {
        const wrap = (base: TypeNode): TypeNode => {
          const t = applySuffixes(applyPtrOps(base, ptrs), suffixes);
          return inner ? inner.wrap(t) : t;
        };
        const first = suffixes[0];
        const fn = !inner && first?.kind === 'function' ? first : undefined;
        const declared = name ?? inner?.name;
        return { ...(declared ? { name: declared } : {}), wrap, ...(fn ? { fn } : {}), span: $.spanFrom(start) };
      });
    });

    // ptrOperator = '*' (cvQualifier | '__restrict__' | attributeSpecifier)* | '&' | '&&'
    $.ptrOperator = $.RULE('ptrOperator', () => {
      const start = $.startSpan();
      return $.OR([
        {
          ALT: () => {
            $.CONSUME(T.Star);
            let c = false, v = false, r = false;
            $.MANY(() =>
              $.OR2([
                { ALT: () => { const q = $.CONSUME(T.CvQualifier); if (q.image === 'const') c = true; else v = true; } },
                { ALT: () => { $.CONSUME(T.RestrictQualifier); r = true; } },
                { ALT: () => { $.CONSUME(T.GnuAttributeKeyword); $.CONSUME(T.LParen); $.SUBRULE($.balanced); $.CONSUME(T.RParen); } },
              ]),
            );
            return { kind: '*', const: c, volatile: v, restrict: r, span: $.spanFrom(start) } as PtrOp;
          },
        },
        { ALT: () => ($.CONSUME(T.Amp), { kind: '&', const: false, volatile: false, restrict: false, span: start } as PtrOp) },
        { ALT: () => ($.CONSUME(T.AmpAmp), { kind: '&&', const: false, volatile: false, restrict: false, span: start } as PtrOp) },
      ]);
    });

    // declaratorSuffix = '[' expression? ']'
    //                  | '(' parameterList ')' functionQualifier* ('->' typeId)?
    // functionQualifier = cvQualifier | 'noexcept' ('(' expression ')')? | 'throw' '(' balanced ')'
    //                   | 'override' | 'final' | attributeSpecifier
    $.declaratorSuffix = $.RULE('declaratorSuffix', () => {
      const start = $.startSpan();
      return $.OR([
        {
          ALT: () => {
            $.CONSUME(T.LBracket);
            const saved = $.noGreater;
            $.noGreater = false;
            let size: Expr | undefined;
            $.OPTION(() => {
              size = $.SUBRULE($.expression);
            });
            $.CONSUME(T.RBracket, { ERR_MSG: 'expectedRBracket' });
            $.noGreater = saved;
            return { kind: 'array', ...(size ? { size } : {}), span: $.spanFrom(start) } as DeclaratorSuffix;
          },
        },
        {
          ALT: () => {
            $.CONSUME(T.LParen);
            const saved = $.noGreater;
            $.noGreater = false;
            const list = $.SUBRULE($.parameterList);
            $.CONSUME(T.RParen, { ERR_MSG: 'expectedRParenInParams' });
            let constMethod = false;
            $.MANY({
              GATE: () => $.functionQualifierAhead(),
              DEF: () =>
                $.OR2([
                  { ALT: () => { const q = $.CONSUME(T.CvQualifier); if (q.image === 'const') constMethod = true; } },
                  {
                    ALT: () => {
                      $.CONSUME(T.Noexcept);
                      $.OPTION2(() => { $.CONSUME2(T.LParen); $.SUBRULE($.balanced); $.CONSUME2(T.RParen); });
                    },
                  },
                  { ALT: () => { $.CONSUME(T.Throw); $.CONSUME3(T.LParen); $.SUBRULE2($.balanced); $.CONSUME3(T.RParen); } },
                  { ALT: () => { $.CONSUME(T.Identifier); } },
                  { ALT: () => { $.SUBRULE($.attributeSpecifier); } },
                ]),
            });
            let trailing: TypeNode | undefined;
            $.OPTION3(() => {
              $.CONSUME(T.Arrow);
              trailing = $.SUBRULE($.typeId);
            });
            $.noGreater = saved;
            return { kind: 'function', params: list.params, variadic: list.variadic, constMethod, ...(trailing ? { trailing } : {}), span: $.spanFrom(start) } as DeclaratorSuffix;
          },
        },
      ]);
    });

    // parameterList = 'void' | '...' | (parameter (',' parameter)* (','? '...')?)?
    $.parameterList = $.RULE('parameterList', () => {
      const params: ParamDecl[] = [];
      let variadic = false;
      $.OR({
        IGNORE_AMBIGUITIES: true,
        DEF: [
          { GATE: () => $.is(2, T.RParen), ALT: () => { $.CONSUME(T.Void); } },
          { ALT: () => { $.CONSUME(T.Ellipsis); variadic = true; } },
          {
            GATE: () => !$.is(1, T.RParen),
            ALT: () => {
              params.push($.SUBRULE($.parameter));
              $.MANY({
                GATE: () => $.is(1, T.Comma) && !$.is(2, T.Ellipsis),
                DEF: () => {
                  $.CONSUME(T.Comma);
                  params.push($.SUBRULE2($.parameter));
                },
              });
              $.OPTION(() => {
                $.OPTION2(() => $.CONSUME2(T.Comma));
                $.CONSUME2(T.Ellipsis);
                variadic = true;
              });
            },
          },
          { ALT: () => $.SUBRULE($.empty) },
        ],
      });
      return { params, variadic };
    });

    // parameter = declSpecifiers declarator? ('=' initClause)?
    $.parameter = $.RULE('parameter', () => {
      const start = $.startSpan();
      const b = $.SUBRULE($.declSpecifiers, { ARGS: ['param'] });
      const d = $.SUBRULE($.declarator, { ARGS: ['maybe'] });
      let def: Expr | undefined;
      $.OPTION(() => {
        $.CONSUME(T.Assign);
        def = $.SUBRULE($.initClause);
      });
      return $.ACTION((): ParamDecl => {
        if (!b.base) $.problem('expectedParameter', start);
        const type = d.wrap(b.base ?? { kind: 'builtin', name: 'int', span: start });
        const hasSpecs = Object.keys(b.specs.spans).length > 0 || b.specs.align !== undefined;
        return {
          kind: 'param',
          ...(d.name ? { name: lastName(d.name) } : {}),
          type,
          ...(def ? { default: def } : {}),
          ...(hasSpecs ? { specs: b.specs } : {}),
          span: $.spanFrom(start),
        };
      });
    });

    // typeId = declSpecifiers declarator(abstract)
    $.typeId = $.RULE('typeId', () => {
      const start = $.startSpan();
      const b = $.SUBRULE($.declSpecifiers, { ARGS: ['type'] });
      const d = $.SUBRULE($.declarator, { ARGS: ['abstract'] });
      return $.ACTION(() => {
        if (!b.base) $.problem('expectedTypeName', start);
        const t = d.wrap(b.base ?? { kind: 'builtin', name: 'int', span: start });
        return { ...t, span: joinSpans(start, $.spanOf($.LA(0))) };
      });
    });
  }

  // ---- helpers for the rules above ----

  /** may the decl-specifier loop take the next token? */
  protected specifierAhead(b: SpecBuilder, ctx: DeclSpecContext): boolean {
    const t = this.LA(1);
    const tt = t.tokenType;
    // after `struct S {…}` only qualifiers and attributes may follow (else: a missing ';')
    if (b.defs.length > 0) return tt === T.Const || tt === T.Volatile || tokenMatcher(t, T.GnuAttributeKeyword);
    if (tt === T.Identifier || tt === T.ColonColon) return !b.hasType && this.namedTypeAhead(ctx === 'param' || ctx === 'type');
    if (tokenMatcher(t, T.SimpleSpecifier) || tokenMatcher(t, T.CvQualifier) || tokenMatcher(t, T.RestrictQualifier)) return true;
    if (tokenMatcher(t, T.BuiltinTypeWord)) return b.acceptsWord;
    if (tt === T.Typedef || tt === T.LaunchBounds || tt === T.Align || tt === T.Alignas || tokenMatcher(t, T.GnuAttributeKeyword)) return true;
    if (tt === T.LBracket) return this.is(2, T.LBracket);
    if (b.hasType) return false;
    return tt === T.Auto || tt === T.Enum || tt === T.Typename || tt === T.Decltype || tokenMatcher(t, T.RecordKeyword);
  }

  /** a declarator's name: `x`, `ns::f`, `S::S`, `operator+`, `~S` */
  protected declaratorNameAhead(): boolean {
    const t = this.LA(1).tokenType;
    if (t === T.Identifier || t === T.Operator) return true;
    if (t === T.Tilde) return this.is(2, T.Identifier);
    return t === T.ColonColon && (this.is(2, T.Identifier) || this.is(2, T.Operator));
  }

  /** `(*name)`, `(&name)`: a parenthesised declarator rather than a parameter list */
  protected nestedDeclaratorAhead(): boolean {
    if (!this.is(1, T.LParen)) return false;
    const t = this.LA(2).tokenType;
    return t === T.Star || t === T.Amp || t === T.AmpAmp || t === T.Caret;
  }

  protected functionQualifierAhead(): boolean {
    const t = this.LA(1);
    const tt = t.tokenType;
    if (tt === T.Identifier) return t.image === 'override' || t.image === 'final';
    return tt === T.Const || tt === T.Volatile || tt === T.Noexcept || tt === T.Throw || tt === T.Attribute || tt === T.Declspec;
  }
}
