/**
 * Expression grammar: C's full set with C++'s names, casts and construction, and CUDA's
 * `<<<…>>>` launch in host code.
 *
 * Binary operators are one rule; their precedence and left associativity are applied by
 * `buildBinary` (operator-precedence parsing), which keeps the rule chain per operand short:
 *   expression → assignment → binary → unary → postfix → primary
 * Inside template arguments and launch configurations `>` closes the list (`noGreater`), and
 * parentheses, brackets and braces reopen it.
 */
import type { IToken } from 'chevrotain';
import type { AssignOp, BinaryOp, Expr, InitItem, NamePart, TemplateArg, TypeNode, UnaryOp } from '../ast.js';
import { joinSpans } from '../../support/source.js';
import { type PtrOp, applyPtrOps, buildBinary } from './build.js';
import type { KToken } from './convert.js';
import type { ResolvedName } from './core.js';
import { NameRules } from './names.js';
import { parseChar, parseNumber, parseString } from './literals.js';
import * as L from './lookahead.js';
import { type NameEntry, isTemplateEntry, isTypeEntry } from './scope.js';
import * as T from './tokens.js';

export abstract class ExpressionRules extends NameRules {
  constructor(validate: boolean) {
    super(validate);
    const $ = this;

    // empty =        (an empty alternative: chevrotain's lookahead sees through a rule, not an empty ALT)
    $.empty = $.RULE('empty', () => undefined);

    // expression = assignment (',' assignment)*
    $.expression = $.RULE('expression', () => {
      let e = $.SUBRULE($.assignment);
      $.MANY(() => {
        const op = $.CONSUME(T.Comma);
        const r = $.SUBRULE2($.assignment);
        $.ACTION(() => {
          e = { kind: 'binary', op: ',', left: e, right: r, opSpan: $.spanOf(op), span: joinSpans(e.span, r.span) };
        });
      });
      return e;
    });

    // assignment = binary ('?' expression ':' assignment | assignOperator initClause)?
    $.assignment = $.RULE('assignment', () => {
      $.enterNest();
      const start = $.startSpan();
      let e = $.SUBRULE($.binary);
      $.OPTION(() =>
        $.OR([
          {
            ALT: () => {
              $.CONSUME(T.Question);
              const then = $.SUBRULE($.expression);
              $.CONSUME(T.Colon, { ERR_MSG: 'expectedColonInConditional' });
              const els = $.SUBRULE2($.assignment);
              $.ACTION(() => {
                e = { kind: 'conditional', cond: e, then, else: els, span: $.spanFrom(start) };
              });
            },
          },
          {
            ALT: () => {
              const op = $.CONSUME(T.AssignOperator);
              const value = $.SUBRULE($.initClause);
              $.ACTION(() => {
                e = { kind: 'assign', op: op.image as AssignOp, target: e, value, opSpan: $.spanOf(op), span: $.spanFrom(start) };
              });
            },
          },
        ]),
      );
      $.leaveNest();
      return e;
    });

    // initClause = braceInit | assignment
    $.initClause = $.RULE('initClause', () =>
      $.OR([{ ALT: () => $.SUBRULE($.braceInit) }, { ALT: () => $.SUBRULE($.assignment) }]),
    );

    // braceInit = '{' (initItem (',' initItem)* ','?)? '}'
    $.braceInit = $.RULE('braceInit', (): Expr => {
      const start = $.startSpan();
      $.CONSUME(T.LBrace);
      const saved = $.noGreater;
      $.noGreater = false;
      const items: InitItem[] = [];
      $.OPTION(() => {
        items.push($.SUBRULE($.initItem));
        $.MANY({
          GATE: () => !$.is(2, T.RBrace),
          DEF: () => {
            $.CONSUME(T.Comma);
            items.push($.SUBRULE2($.initItem));
          },
        });
        $.OPTION2(() => $.CONSUME2(T.Comma));
      });
      $.CONSUME(T.RBrace);
      $.noGreater = saved;
      return { kind: 'init-list', items, span: $.spanFrom(start) };
    });

    // initItem = (designator+ '=')? initClause      designator = '.' Identifier | '[' assignment ']'
    $.initItem = $.RULE('initItem', () => {
      const designators: NonNullable<InitItem['designators']>[number][] = [];
      $.MANY({
        GATE: () => $.is(1, T.Dot) || ($.is(1, T.LBracket) && L.designatorAt($.ctx, $.pos)),
        DEF: () =>
          $.OR([
            {
              ALT: () => {
                const dot = $.CONSUME(T.Dot);
                const id = $.CONSUME(T.Identifier);
                designators.push({ field: id.image, span: joinSpans($.spanOf(dot), $.spanOf(id)) });
              },
            },
            {
              ALT: () => {
                const start = $.startSpan();
                $.CONSUME(T.LBracket);
                const index = $.SUBRULE($.assignment);
                $.CONSUME(T.RBracket);
                designators.push({ index, span: $.spanFrom(start) });
              },
            },
          ]),
      });
      $.OPTION2({ GATE: () => designators.length > 0, DEF: () => $.CONSUME(T.Assign) });
      const value = $.SUBRULE($.initClause);
      return designators.length > 0 ? { designators, value } : { value };
    });

    // binary = unary (binaryOperator unary)*
    //   one rule for `* / % + - << >> < > <= >= == != & ^ | && ||`; `>>` is two joined `>`;
    //   the tree is built by precedence (build.ts: buildBinary)
    $.binary = $.RULE('binary', () => {
      const first = $.SUBRULE($.unary);
      let operands: Expr[] | undefined;
      let ops: { op: BinaryOp; span: ReturnType<typeof $.spanOf> }[] | undefined;
      $.MANY({
        GATE: () => $.binaryOperatorAhead(),
        DEF: () => {
          const t = $.CONSUME(T.BinaryOperator);
          let op = t.image as BinaryOp;
          let span = $.spanOf(t);
          $.OPTION({
            GATE: () => t.tokenType === T.Greater && ($.LA(1) as KToken).joined,
            DEF: () => {
              const t2 = $.CONSUME(T.Greater);
              op = '>>';
              span = joinSpans(span, $.spanOf(t2));
            },
          });
          const right = $.SUBRULE2($.unary);
          $.ACTION(() => {
            (operands ??= [first]).push(right);
            (ops ??= []).push({ op, span });
          });
        },
      });
      return operands && ops ? $.ACTION(() => buildBinary(operands!, ops!)) : first;
    });

    // unary = unaryOperator unary | 'sizeof' ('(' typeId ')' | unary) | 'alignof' '(' typeId ')'
    //       | newExpression | 'delete' ('[' ']')? unary | 'throw' assignment?
    //       | parenStart | postfix
    // the alternatives are built once (chevrotain allocates nothing per call then); each ALT
    // takes its own start span
    const unaryOr = {
        IGNORE_AMBIGUITIES: true,
        DEF: [
          {
            ALT: () => {
              const start = $.startSpan();
              const op = $.CONSUME(T.UnaryOperator);
              $.enterNest();
              const operand = $.SUBRULE($.unary);
              $.leaveNest();
              return $.ACTION((): Expr => ({ kind: 'unary', op: op.image as UnaryOp, operand, span: $.spanFrom(start) }));
            },
          },
          {
            ALT: () => {
              const start = $.startSpan();
              $.CONSUME(T.Sizeof);
              return $.OR2([
                {
                  GATE: () => $.is(1, T.LParen) && $.typeIdAhead(1),
                  ALT: () => {
                    $.CONSUME(T.LParen);
                    const type = $.SUBRULE($.typeId);
                    $.CONSUME(T.RParen);
                    return { kind: 'sizeof-type', type, span: $.spanFrom(start) } as Expr;
                  },
                },
                {
                  ALT: () => {
                    const operand = $.SUBRULE2($.unary);
                    return { kind: 'sizeof-expr', operand, span: $.spanFrom(start) } as Expr;
                  },
                },
              ]);
            },
          },
          {
            ALT: () => {
              const start = $.startSpan();
              $.CONSUME(T.Alignof);
              $.CONSUME2(T.LParen);
              const type = $.SUBRULE2($.typeId);
              $.CONSUME2(T.RParen);
              return { kind: 'alignof', type, span: $.spanFrom(start) } as Expr;
            },
          },
          { ALT: () => $.SUBRULE($.newExpression) },
          {
            ALT: () => {
              const start = $.startSpan();
              $.CONSUME(T.Delete);
              let array = false;
              $.OPTION(() => {
                $.CONSUME(T.LBracket);
                $.CONSUME(T.RBracket);
                array = true;
              });
              const operand = $.SUBRULE3($.unary);
              return { kind: 'delete', array, operand, span: $.spanFrom(start) } as Expr;
            },
          },
          {
            ALT: () => {
              const start = $.startSpan();
              $.CONSUME(T.Throw);
              let operand: Expr | undefined;
              $.OPTION2(() => {
                operand = $.SUBRULE($.assignment);
              });
              return { kind: 'throw', ...(operand ? { operand } : {}), span: $.spanFrom(start) } as Expr;
            },
          },
          {
            ALT: () => {
              const start = $.startSpan();
              $.CONSUME(T.Typeid);
              $.CONSUME3(T.LParen);
              $.SUBRULE($.balanced);
              $.CONSUME3(T.RParen);
              return { kind: 'unsupported', what: 'typeid', span: $.spanFrom(start) } as Expr;
            },
          },
          { ALT: () => $.SUBRULE($.parenStart) },
          { ALT: () => $.SUBRULE($.postfix) },
        ],
        ERR_MSG: 'expectedExpression',
      };
    $.unary = $.RULE('unary', () => $.OR(unaryOr));

    // parenStart = '(' typeId ')' unary      (a C cast: a type follows the parenthesis)
    //            | postfix                   (a parenthesised expression and what follows it)
    $.parenStart = $.RULE('parenStart', () =>
      $.OR([
        {
          GATE: () => $.castAhead(),
          ALT: () => {
            const start = $.startSpan();
            $.CONSUME(T.LParen);
            const saved = $.noGreater;
            $.noGreater = false;
            const type = $.SUBRULE($.typeId);
            $.CONSUME(T.RParen);
            $.noGreater = saved;
            $.enterNest();
            const operand = $.SUBRULE($.unary);
            $.leaveNest();
            return { kind: 'cast', style: 'c', type, operand, span: $.spanFrom(start) } as Expr;
          },
        },
        { ALT: () => $.SUBRULE($.postfix) },
      ]),
    );

    // postfix = primary postfixOperator*
    // postfixOperator = '[' expression ']' | callArguments | ('.' | '->') 'template'? namePart | '++' | '--'
    //                 | '<<' '<' assignment (',' assignment)* '>' '>' '>' callArguments     (kernel launch)
    type PostfixOp =
      | { kind: 'index'; index: Expr }
      | { kind: 'call'; args: Expr[] }
      | { kind: 'member'; member: NamePart; arrow: boolean }
      | { kind: 'postfix'; op: '++' | '--' }
      | { kind: 'launch'; config: Expr[]; args: Expr[] };
    const postfixOr: { ALT: () => PostfixOp }[] = [
      {
        ALT: () => {
          $.CONSUME(T.LBracket);
          const saved = $.noGreater;
          $.noGreater = false;
          const index = $.SUBRULE($.expression);
          $.CONSUME(T.RBracket, { ERR_MSG: 'expectedRBracket' });
          $.noGreater = saved;
          return { kind: 'index', index };
        },
      },
      { ALT: () => ({ kind: 'call', args: $.SUBRULE($.callArguments) }) },
      {
        ALT: () => {
          const arrow = $.OR2([{ ALT: () => ($.CONSUME(T.Dot), false) }, { ALT: () => ($.CONSUME(T.Arrow), true) }]);
          let forced = false;
          $.OPTION(() => {
            $.CONSUME(T.Template);
            forced = true;
          });
          const m = $.SUBRULE($.namePart, { ARGS: [undefined, false, false, forced] });
          return { kind: 'member', member: m?.part, arrow };
        },
      },
      {
        ALT: () => {
          const op = $.OR3([{ ALT: () => $.CONSUME(T.PlusPlus) }, { ALT: () => $.CONSUME(T.MinusMinus) }]);
          return { kind: 'postfix', op: op.image as '++' | '--' };
        },
      },
      {
        ALT: () => {
          $.CONSUME(T.ShiftLeft);
          $.CONSUME(T.Less);
          const saved = $.noGreater;
          $.noGreater = true;
          const config: Expr[] = [$.SUBRULE($.assignment)];
          $.MANY2(() => {
            $.CONSUME(T.Comma);
            config.push($.SUBRULE2($.assignment));
          });
          $.CONSUME(T.Greater, { ERR_MSG: 'expectedLaunchClose' });
          $.CONSUME2(T.Greater, { ERR_MSG: 'expectedLaunchClose' });
          $.CONSUME3(T.Greater, { ERR_MSG: 'expectedLaunchClose' });
          $.noGreater = saved;
          return { kind: 'launch', config, args: $.SUBRULE2($.callArguments) };
        },
      },
    ];
    $.postfix = $.RULE('postfix', () => {
      const start = $.startSpan();
      let e = $.SUBRULE($.primary);
      $.MANY({
        GATE: () => $.postfixOperatorAhead(),
        DEF: () => {
          const op = $.OR(postfixOr);
          $.ACTION(() => {
            const span = $.spanFrom(start);
            switch (op.kind) {
              case 'index': e = { kind: 'index', base: e, index: op.index, span }; break;
              case 'call': e = { kind: 'call', callee: e, args: op.args, span }; break;
              case 'member': e = { kind: 'member', base: e, member: op.member, arrow: op.arrow, span }; break;
              case 'postfix': e = { kind: 'postfix', op: op.op, operand: e, span }; break;
              case 'launch': e = { kind: 'launch', callee: e, config: op.config, args: op.args, span }; break;
            }
          });
        },
      });
      return e;
    });

    // callArguments = '(' (initClause (',' initClause)*)? ')'
    $.callArguments = $.RULE('callArguments', () => {
      $.CONSUME(T.LParen);
      const saved = $.noGreater;
      $.noGreater = false;
      const args: Expr[] = [];
      $.OPTION(() => {
        args.push($.SUBRULE($.initClause));
        $.MANY(() => {
          $.CONSUME(T.Comma);
          args.push($.SUBRULE2($.initClause));
        });
      });
      $.CONSUME(T.RParen);
      $.noGreater = saved;
      return args;
    });

    // primary = NumberLit | CharLit | StringLit+ | 'true' | 'false' | 'nullptr' | 'this'
    //         | '(' expression ')' | nameExpression | lambda
    //         | builtinTypeWord (callArguments | braceInit)                  (`float(x)`)
    //         | 'typename' qualifiedName (callArguments | braceInit)
    //         | castKeyword '<' typeId '>' '(' expression ')'               (`static_cast<float>(x)`)
    const primaryOr = {
        DEF: [
          { ALT: () => { const t = $.CONSUME(T.NumberLit); return $.ACTION(() => $.numberNode(t)); } },
          {
            ALT: () => {
              const start = $.startSpan();
              const t = $.CONSUME(T.CharLit);
              return $.ACTION((): Expr => {
                const c = parseChar(t.image, (key, arg) => $.problem(key, $.spanOf(t), arg));
                return { kind: 'char', text: t.image, value: c.value, prefix: c.prefix, span: $.spanOf(t) };
              });
            },
          },
          {
            ALT: () => {
              const start = $.startSpan();
              const parts: IToken[] = [];
              $.AT_LEAST_ONE(() => parts.push($.CONSUME(T.StringLit)));
              return $.ACTION(() => $.stringNode(parts));
            },
          },
          { ALT: () => ({ kind: 'bool', value: true, span: $.spanOf($.CONSUME(T.True)) }) as Expr },
          { ALT: () => ({ kind: 'bool', value: false, span: $.spanOf($.CONSUME(T.False)) }) as Expr },
          { ALT: () => ({ kind: 'nullptr', span: $.spanOf($.CONSUME(T.Nullptr)) }) as Expr },
          { ALT: () => ({ kind: 'this', span: $.spanOf($.CONSUME(T.This)) }) as Expr },
          {
            ALT: () => {
              const start = $.startSpan();
              $.CONSUME(T.LParen);
              const saved = $.noGreater;
              $.noGreater = false;
              const e = $.SUBRULE($.expression);
              $.CONSUME(T.RParen);
              $.noGreater = saved;
              return $.ACTION((): Expr => ({ ...e, span: $.spanFrom(start) }));
            },
          },
          { ALT: () => $.SUBRULE($.nameExpression) },
          {
            ALT: () => {
              const start = $.startSpan();
              const w = $.CONSUME(T.BuiltinTypeWord);
              const type = { kind: 'builtin', name: w.image, span: $.spanOf(w) } as const;
              return $.OR2([
                { ALT: () => ({ kind: 'construct', type, args: $.SUBRULE($.callArguments), braces: false, span: $.spanFrom(start) }) as Expr },
                { ALT: () => ({ kind: 'construct', type, args: $.initListItems($.SUBRULE($.braceInit)), braces: true, span: $.spanFrom(start) }) as Expr },
              ]);
            },
          },
          {
            ALT: () => {
              const start = $.startSpan();
              $.CONSUME(T.Typename);
              const n = $.SUBRULE($.qualifiedName);
              const type = { kind: 'named', name: n.name, typename: true, span: n.name?.span } as const;
              return $.OR3([
                { ALT: () => ({ kind: 'construct', type, args: $.SUBRULE2($.callArguments), braces: false, span: $.spanFrom(start) }) as Expr },
                { ALT: () => ({ kind: 'construct', type, args: $.initListItems($.SUBRULE2($.braceInit)), braces: true, span: $.spanFrom(start) }) as Expr },
              ]);
            },
          },
          {
            ALT: () => {
              const start = $.startSpan();
              const k = $.CONSUME(T.CastKeyword);
              $.CONSUME(T.Less);
              const saved = $.noGreater;
              $.noGreater = true;
              const type = $.SUBRULE($.typeId);
              $.CONSUME(T.Greater, { ERR_MSG: 'expectedTemplateClose' });
              $.noGreater = false;
              $.CONSUME2(T.LParen);
              const operand = $.SUBRULE2($.expression);
              $.CONSUME2(T.RParen);
              $.noGreater = saved;
              const style = k.image.slice(0, k.image.indexOf('_')) as 'static' | 'reinterpret' | 'const' | 'dynamic';
              return { kind: 'cast', style, type, operand, span: $.spanFrom(start) } as Expr;
            },
          },
          { ALT: () => $.SUBRULE($.lambda) },
        ],
        ERR_MSG: 'expectedExpression',
      };
    $.primary = $.RULE('primary', () => $.OR(primaryOr));

    // nameExpression = qualifiedName ((callArguments | braceInit) when the name is a type)?
    // a plain identifier (the common case) skips the qualified-name rules
    const nameOr = [
      {
        GATE: () => !$.is(2, T.ColonColon) && !$.is(2, T.Less),
        ALT: (): ResolvedName => {
          const id = $.CONSUME(T.Identifier);
          const span = $.spanOf(id);
          return { name: { kind: 'name', global: false, parts: [{ name: id.image, span }], span }, entry: $.table.lookup(id.image) };
        },
      },
      { ALT: () => $.SUBRULE($.qualifiedName) },
    ];
    $.nameExpression = $.RULE('nameExpression', (): Expr => {
      const start = $.startSpan();
      const n = $.OR2({ DEF: nameOr, IGNORE_AMBIGUITIES: true });
      let e: Expr | undefined;
      $.OPTION({
        GATE: () => isTypeEntry(n.entry) && ($.is(1, T.LParen) || $.is(1, T.LBrace)),
        DEF: () => {
          const type = { kind: 'named', name: n.name, span: n.name?.span } as const;
          e = $.OR([
            { ALT: () => ({ kind: 'construct', type, args: $.SUBRULE($.callArguments), braces: false, span: $.spanFrom(start) }) as Expr },
            { ALT: () => ({ kind: 'construct', type, args: $.initListItems($.SUBRULE($.braceInit)), braces: true, span: $.spanFrom(start) }) as Expr },
          ]);
        },
      });
      return e ?? { kind: 'ident', name: n.name, span: n.name?.span };
    });

    // newExpression = 'new' ('(' expression ')')? (declSpecifiers ptrOperator* ('[' expression ']')? | '(' typeId ')')
    //                 (callArguments | braceInit)?
    $.newExpression = $.RULE('newExpression', () => {
      const start = $.startSpan();
      $.CONSUME(T.New);
      $.OPTION({ GATE: () => !$.typeIdAhead(1), DEF: () => $.SUBRULE($.callArguments) });
      let type: ReturnType<typeof $.typeId> | undefined;
      let arraySize: Expr | undefined;
      let args: Expr[] | undefined;
      $.OR([
        {
          ALT: () => {
            $.CONSUME(T.LParen);
            type = $.SUBRULE($.typeId);
            $.CONSUME(T.RParen);
          },
        },
        {
          ALT: () => {
            const b = $.SUBRULE($.declSpecifiers, { ARGS: ['type'] });
            const ptrs: PtrOp[] = [];
            $.MANY(() => ptrs.push($.SUBRULE($.ptrOperator)));
            type = $.ACTION(() => $.wrapPointers(b.base ?? { kind: 'builtin', name: 'int', span: start }, ptrs));
            $.OPTION2(() => {
              $.CONSUME(T.LBracket);
              arraySize = $.SUBRULE($.expression);
              $.CONSUME(T.RBracket);
            });
          },
        },
      ]);
      $.OPTION3(() =>
        $.OR2([
          { ALT: () => { args = $.SUBRULE2($.callArguments); } },
          { ALT: () => { args = $.initListItems($.SUBRULE($.braceInit)); } },
        ]),
      );
      return { kind: 'new', type: type!, ...(arraySize ? { arraySize } : {}), ...(args ? { args } : {}), span: $.spanFrom(start) } as Expr;
    });

    // lambda = '[' balanced ']' ('(' balanced ')' | NonBracket)* '{' balanced '}'
    $.lambda = $.RULE('lambda', () => {
      const start = $.startSpan();
      $.CONSUME(T.LBracket);
      $.SUBRULE($.balanced);
      $.CONSUME(T.RBracket);
      $.MANY(() =>
        $.OR([
          { ALT: () => { $.CONSUME(T.LParen); $.SUBRULE2($.balanced); $.CONSUME(T.RParen); } },
          { ALT: () => { $.CONSUME(T.NonBracket); } },
        ]),
      );
      $.CONSUME(T.LBrace);
      $.SUBRULE3($.balanced);
      $.CONSUME(T.RBrace);
      return { kind: 'lambda', span: $.spanFrom(start) } as Expr;
    });

    // balanced = (NonBracket | '(' balanced ')' | '[' balanced ']' | '{' balanced '}')*
    $.balanced = $.RULE('balanced', () => {
      $.MANY(() =>
        $.OR([
          { ALT: () => { $.CONSUME(T.NonBracket); } },
          { ALT: () => { $.CONSUME(T.LParen); $.SUBRULE($.balanced); $.CONSUME(T.RParen); } },
          { ALT: () => { $.CONSUME(T.LBracket); $.SUBRULE2($.balanced); $.CONSUME(T.RBracket); } },
          { ALT: () => { $.CONSUME(T.LBrace); $.SUBRULE3($.balanced); $.CONSUME(T.RBrace); } },
        ]),
      );
    });
  }

  // ---- helpers for the rules above ----

  protected binaryOperatorAhead(): boolean {
    const t = this.LA(1);
    if (!T.BinaryOperator.categoryMatchesMap![t.tokenTypeIdx]) return false;
    return !(this.noGreater && t.tokenType === T.Greater);
  }

  protected postfixOperatorAhead(): boolean {
    const t = this.LA(1).tokenType;
    if (t === T.LBracket) return !this.is(2, T.LBracket);
    if (t === T.LParen || t === T.Dot || t === T.Arrow || t === T.PlusPlus || t === T.MinusMinus) return true;
    return t === T.ShiftLeft && this.is(2, T.Less);
  }

  protected numberNode(t: IToken): Expr {
    const span = this.spanOf(t);
    const n = parseNumber(t.image, (key, arg) => this.problem(key, span, arg));
    if (n.kind === 'int') return { kind: 'int', text: t.image, value: n.value, unsigned: n.unsigned, long: n.long, decimal: n.decimal, span };
    return { kind: 'float', text: t.image, value: n.value, suffix: n.suffix, span };
  }

  protected stringNode(parts: readonly IToken[]): Expr {
    let value = '';
    let prefix: '' | 'u8' | 'u' | 'U' | 'L' = '';
    for (const p of parts) {
      const s = parseString(p.image, (key, arg) => this.problem(key, this.spanOf(p), arg));
      value += s.value;
      if (s.prefix) prefix = s.prefix;
    }
    const span = joinSpans(this.spanOf(parts[0]!), this.spanOf(parts[parts.length - 1]!));
    return { kind: 'string', text: parts.map((p) => p.image).join(' '), value, prefix, span };
  }

  /** `T{a, b}`: the construct node keeps the values; designators are not allowed there */
  protected initListItems(e: Expr): Expr[] {
    return e && e.kind === 'init-list' ? e.items.map((i) => i.value) : [];
  }

  protected wrapPointers(base: TypeNode, ptrs: readonly PtrOp[]): TypeNode {
    return applyPtrOps(base, ptrs);
  }
}
