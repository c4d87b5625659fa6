/**
 * Statements: blocks, `if` (with `constexpr` and init-statements), `switch` with `case` and
 * `default` labels wrapping the statement that follows them, `while`, `do`, `for` and
 * range-`for`, jumps, labels and `goto` (parsed; semantic analysis rejects goto), inline
 * `asm`, `try`/`catch` (kept as an 'unsupported' node), declarations and expressions.
 *
 * `#pragma unroll` reaches here as `PragmaUnroll count? PragmaEnd` and is attached to the loop
 * that follows; before anything else it is ignored with a warning.
 */
import type { CompoundStmt, Decl, Expr, LoopPragma, Stmt, VarDecl } from '../ast.js';
import type { KToken } from './convert.js';
import { RecordRules } from './records.js';
import * as T from './tokens.js';

export abstract class StatementRules extends RecordRules {
  constructor(validate: boolean) {
    super(validate);
    const $ = this;

    // statement = loopPragma* attributeSpecifier? ( compoundStatement | ifStatement | switchStatement
    //           | whileStatement | doStatement | forStatement | jumpStatement | caseStatement
    //           | defaultStatement | asmStatement | tryBlock | ';' | simpleStatement )
    $.statement = $.RULE('statement', () => {
      $.enterNest();
      const pragmas: LoopPragma[] = [];
      $.MANY(() => pragmas.push($.SUBRULE($.loopPragma)));
      $.OPTION({ GATE: () => $.is(1, T.LBracket) && $.is(2, T.LBracket), DEF: () => $.SUBRULE($.attributeSpecifier) });
      const start = $.startSpan();
      const s = $.OR({
        DEF: [
          { ALT: () => $.SUBRULE($.compoundStatement) },
          { ALT: () => $.SUBRULE($.ifStatement) },
          { ALT: () => $.SUBRULE($.switchStatement) },
          {
            // whileStatement = 'while' '(' condition ')' statement
            ALT: (): Stmt => {
              $.CONSUME(T.While);
              $.CONSUME(T.LParen, { ERR_MSG: 'expectedLParenAfter|while' });
              $.ACTION(() => $.table.enter('block'));
              const cond = $.SUBRULE($.condition);
              $.CONSUME(T.RParen);
              const body = $.SUBRULE($.statement);
              $.ACTION(() => $.table.leave());
              return { kind: 'while', cond, body, pragmas, span: $.spanFrom(start) };
            },
          },
          {
            // doStatement = 'do' statement 'while' '(' expression ')' ';'
            ALT: (): Stmt => {
              $.CONSUME(T.Do);
              const body = $.SUBRULE2($.statement);
              $.CONSUME2(T.While, { ERR_MSG: 'expectedWhileInDo' });
              $.CONSUME2(T.LParen, { ERR_MSG: 'expectedLParenAfter|while' });
              const cond = $.SUBRULE($.expression);
              $.CONSUME2(T.RParen);
              $.CONSUME(T.Semi, { ERR_MSG: 'expectedSemiAfterStmt|do/while' });
              return { kind: 'do', body, cond, pragmas, span: $.spanFrom(start) };
            },
          },
          { ALT: () => $.SUBRULE($.forStatement, { ARGS: [pragmas] }) },
          { ALT: (): Stmt => ($.CONSUME(T.Break), $.CONSUME2(T.Semi, { ERR_MSG: 'expectedSemiAfterStmt|break' }), { kind: 'break', span: $.spanFrom(start) }) },
          { ALT: (): Stmt => ($.CONSUME(T.Continue), $.CONSUME3(T.Semi, { ERR_MSG: 'expectedSemiAfterStmt|continue' }), { kind: 'continue', span: $.spanFrom(start) }) },
          {
            // returnStatement = 'return' initClause? ';'
            ALT: (): Stmt => {
              $.CONSUME(T.Return);
              let value: Expr | undefined;
              $.OPTION2(() => {
                value = $.SUBRULE($.initClause);
              });
              $.CONSUME4(T.Semi, { ERR_MSG: 'expectedSemiAfterStmt|return' });
              return { kind: 'return', ...(value ? { value } : {}), span: $.spanFrom(start) };
            },
          },
          {
            // gotoStatement = 'goto' Identifier ';'
            ALT: (): Stmt => {
              $.CONSUME(T.Goto);
              const label = $.CONSUME(T.Identifier, { ERR_MSG: 'expectedIdentifier' });
              $.CONSUME5(T.Semi, { ERR_MSG: 'expectedSemiAfterStmt|goto' });
              return { kind: 'goto', label: label.image, span: $.spanFrom(start) };
            },
          },
          {
            // caseStatement = 'case' assignment ('...' assignment)? ':' statement
            ALT: (): Stmt => {
              $.CONSUME(T.Case);
              const value = $.SUBRULE($.assignment);
              let high: Expr | undefined;
              $.OPTION3(() => {
                $.CONSUME(T.Ellipsis);
                high = $.SUBRULE2($.assignment);
              });
              $.CONSUME(T.Colon, { ERR_MSG: 'expectedColonAfter|case' });
              const body = $.SUBRULE3($.statement);
              return { kind: 'case', value, ...(high ? { high } : {}), body, span: $.spanFrom(start) };
            },
          },
          {
            // defaultStatement = 'default' ':' statement
            ALT: (): Stmt => {
              $.CONSUME(T.Default);
              $.CONSUME2(T.Colon, { ERR_MSG: 'expectedColonAfter|default' });
              const body = $.SUBRULE4($.statement);
              return { kind: 'default', body, span: $.spanFrom(start) };
            },
          },
          { ALT: () => $.SUBRULE($.asmStatement) },
          {
            // tryBlock = 'try' compoundStatement ('catch' '(' balanced ')' compoundStatement)+
            ALT: (): Stmt => {
              $.CONSUME(T.Try);
              $.SUBRULE2($.compoundStatement);
              $.AT_LEAST_ONE(() => {
                $.CONSUME(T.Catch);
                $.CONSUME3(T.LParen);
                $.SUBRULE($.balanced);
                $.CONSUME3(T.RParen);
                $.SUBRULE3($.compoundStatement);
              });
              return { kind: 'unsupported', what: 'try', span: $.spanFrom(start) };
            },
          },
          { ALT: (): Stmt => ($.CONSUME6(T.Semi), { kind: 'empty', span: start }) },
          { ALT: () => $.SUBRULE($.simpleStatement) },
        ],
        IGNORE_AMBIGUITIES: true,
        ERR_MSG: 'expectedExpression',
      });
      $.ACTION(() => {
        if (pragmas.length > 0 && s.kind !== 'for' && s.kind !== 'while' && s.kind !== 'do' && s.kind !== 'range-for')
          for (const p of pragmas) $.warn('pragmaNotBeforeLoop', p.span, p.kind);
      });
      $.leaveNest();
      return s;
    });

    // compoundStatement = '{' statement* '}'
    $.compoundStatement = $.RULE('compoundStatement', (): CompoundStmt => {
      const start = $.startSpan();
      $.CONSUME(T.LBrace);
      $.ACTION(() => $.table.enter('block'));
      const stmts: Stmt[] = [];
      $.MANY(() => stmts.push($.SUBRULE($.statement)));
      $.CONSUME(T.RBrace, { ERR_MSG: $.LA(1).tokenType === T.RParen || $.LA(1).tokenType === T.RBracket || $.LA(1).tokenType === T.Else ? 'expectedExpression' : "expectedToken|'}'" });
      $.ACTION(() => $.table.leave());
      return { kind: 'compound', stmts, span: $.spanFrom(start) };
    });

    // ifStatement = 'if' 'constexpr'? '(' (simpleStatement)? condition ')' statement ('else' statement)?
    $.ifStatement = $.RULE('ifStatement', (): Stmt => {
      const start = $.startSpan();
      $.CONSUME(T.If);
      let constexpr = false;
      $.OPTION({ GATE: () => $.LA(1).image === 'constexpr', DEF: () => { $.CONSUME(T.SimpleSpecifier); constexpr = true; } });
      $.CONSUME(T.LParen, { ERR_MSG: 'expectedLParenAfter|if' });
      $.ACTION(() => $.table.enter('block'));
      const saved = $.noGreater;
      $.noGreater = false;
      let cond = $.SUBRULE($.condition);
      let init: Stmt | undefined;
      $.OPTION2(() => {
        const semi = $.CONSUME(T.Semi);
        $.ACTION(() => {
          init = cond.kind === 'var' ? { kind: 'decl', decls: [cond as VarDecl], span: cond.span } : { kind: 'expr', expr: cond as Expr, span: $.spanOf(semi) };
        });
        cond = $.SUBRULE2($.condition);
      });
      $.CONSUME(T.RParen);
      $.noGreater = saved;
      const then = $.SUBRULE($.statement);
      let els: Stmt | undefined;
      $.OPTION3(() => {
        $.CONSUME(T.Else);
        els = $.SUBRULE2($.statement);
      });
      $.ACTION(() => $.table.leave());
      return { kind: 'if', ...(init ? { init } : {}), cond, then, ...(els ? { else: els } : {}), ...(constexpr ? { constexpr } : {}), span: $.spanFrom(start) };
    });

    // switchStatement = 'switch' '(' condition ')' statement
    $.switchStatement = $.RULE('switchStatement', (): Stmt => {
      const start = $.startSpan();
      $.CONSUME(T.Switch);
      $.CONSUME(T.LParen, { ERR_MSG: 'expectedLParenAfter|switch' });
      $.ACTION(() => $.table.enter('block'));
      const cond = $.SUBRULE($.condition);
      $.CONSUME(T.RParen);
      const body = $.SUBRULE($.statement);
      $.ACTION(() => $.table.leave());
      return { kind: 'switch', cond, body, span: $.spanFrom(start) };
    });

    // forStatement = 'for' '(' ( declSpecifiers declarator ':' expression ')' statement            (range-for)
    //                          | forInit condition? ';' expression? ')' statement )
    // forInit = declSpecifiers declarator initializerTail (',' declarator initializerTail)* ';' | expression ';' | ';'
    $.forStatement = $.RULE('forStatement', (pragmas: LoopPragma[] = []): Stmt => {
      const start = $.startSpan();
      $.CONSUME(T.For);
      $.CONSUME(T.LParen, { ERR_MSG: 'expectedLParenAfter|for' });
      $.ACTION(() => $.table.enter('block'));
      const saved = $.noGreater;
      $.noGreater = false;
      let init: Stmt | undefined;
      let rangeDecl: VarDecl | undefined;
      let range: Expr | undefined;
      $.OR({
        DEF: [
          {
            GATE: () => $.declarationAhead(),
            ALT: () => {
              const ds = $.startSpan();
              const b = $.SUBRULE($.declSpecifiers, { ARGS: ['for'] });
              const d = $.SUBRULE($.declarator, { ARGS: ['named'] });
              const first = $.ACTION(() => $.conditionDecl(b, d, ds));
              $.OR2([
                {
                  GATE: () => $.is(1, T.Colon),
                  ALT: () => {
                    $.CONSUME(T.Colon);
                    range = $.SUBRULE($.initClause);
                    rangeDecl = first;
                  },
                },
                {
                  ALT: () => {
                    const decls: Decl[] = [];
                    const v = $.SUBRULE($.initializerTail, { ARGS: [first, false] });
                    $.ACTION(() => decls.push(v));
                    $.MANY(() => {
                      $.CONSUME(T.Comma);
                      const d2 = $.SUBRULE2($.declarator, { ARGS: ['named'] });
                      const next = $.ACTION(() => $.conditionDecl(b, d2, ds));
                      const v2 = $.SUBRULE2($.initializerTail, { ARGS: [next, false] });
                      $.ACTION(() => decls.push(v2));
                    });
                    $.CONSUME(T.Semi, { ERR_MSG: 'expectedSemiAfterDecl' });
                    $.ACTION(() => (init = $.declStmt(decls, ds)));
                  },
                },
              ]);
            },
          },
          { ALT: () => { $.CONSUME2(T.Semi); } },
          {
            ALT: () => {
              const es = $.startSpan();
              const expr = $.SUBRULE($.expression);
              $.CONSUME3(T.Semi, { ERR_MSG: "expectedToken|';' in 'for' statement specifier" });
              $.ACTION(() => (init = { kind: 'expr', expr, span: $.spanFrom(es) }));
            },
          },
        ],
        IGNORE_AMBIGUITIES: true,
      });
      const result = $.OR3([
        {
          GATE: () => range !== undefined,
          ALT: (): Stmt => {
            $.CONSUME(T.RParen);
            $.noGreater = saved;
            const body = $.SUBRULE($.statement);
            return { kind: 'range-for', decl: rangeDecl!, range: range!, body, pragmas, span: $.spanFrom(start) };
          },
        },
        {
          ALT: (): Stmt => {
            let cond: Expr | VarDecl | undefined;
            let step: Expr | undefined;
            $.OPTION(() => {
              cond = $.SUBRULE($.condition);
            });
            $.CONSUME4(T.Semi, { ERR_MSG: "expectedToken|';' in 'for' statement specifier" });
            $.OPTION2(() => {
              step = $.SUBRULE2($.expression);
            });
            $.CONSUME2(T.RParen);
            $.noGreater = saved;
            const body = $.SUBRULE2($.statement);
            return { kind: 'for', ...(init ? { init } : {}), ...(cond ? { cond } : {}), ...(step ? { step } : {}), body, pragmas, span: $.spanFrom(start) };
          },
        },
      ]);
      $.ACTION(() => $.table.leave());
      return result;
    });

    // condition = declSpecifiers declarator ('=' initClause | braceInit) | expression
    $.condition = $.RULE('condition', () =>
      $.OR({
        DEF: [
          {
            GATE: () => $.declarationAhead(),
            ALT: () => {
              const start = $.startSpan();
              const b = $.SUBRULE($.declSpecifiers, { ARGS: ['block'] });
              const d = $.SUBRULE($.declarator, { ARGS: ['named'] });
              const v = $.ACTION(() => $.conditionDecl(b, d, start));
              const init = $.OR2([
                { ALT: () => ($.CONSUME(T.Assign), $.SUBRULE($.initClause)) },
                { ALT: () => $.SUBRULE($.braceInit) },
              ]);
              return $.ACTION((): VarDecl => ({ ...v, init, initStyle: init.kind === 'init-list' ? 'list' : 'copy', span: $.spanFrom(start) }));
            },
          },
          { ALT: () => $.SUBRULE($.expression) },
        ],
        IGNORE_AMBIGUITIES: true,
      }),
    );

    // simpleStatement = Identifier ':' statement | declarationStatement | expression ';'
    $.simpleStatement = $.RULE('simpleStatement', () => {
      const start = $.startSpan();
      return $.OR({
        DEF: [
          {
            GATE: () => $.is(1, T.Identifier) && $.is(2, T.Colon),
            ALT: (): Stmt => {
              const id = $.CONSUME(T.Identifier);
              $.CONSUME(T.Colon);
              const body = $.SUBRULE($.statement);
              return { kind: 'label', name: id.image, body, span: $.spanFrom(start) };
            },
          },
          {
            GATE: () => $.declarationAhead(),
            ALT: () => {
              const decls = $.SUBRULE($.declarationStatement);
              return $.ACTION(() => $.declStmt(decls, start));
            },
          },
          {
            ALT: (): Stmt => {
              const expr = $.SUBRULE($.expression);
              $.CONSUME(T.Semi, { ERR_MSG: 'expectedSemiAfterExpr' });
              return { kind: 'expr', expr, span: $.spanFrom(start) };
            },
          },
        ],
        IGNORE_AMBIGUITIES: true,
      });
    });

    // loopPragma = PragmaUnroll assignment? PragmaEnd
    $.loopPragma = $.RULE('loopPragma', () => {
      const p = $.CONSUME(T.PragmaUnroll);
      let count: Expr | undefined;
      $.OPTION(() => {
        count = $.SUBRULE($.assignment);
      });
      $.CONSUME(T.PragmaEnd, { ERR_MSG: 'unexpectedToken|text after the #pragma unroll count' });
      return { kind: p.image === 'nounroll' ? 'nounroll' : 'unroll', ...(count ? { count } : {}), span: $.spanOf(p) } as LoopPragma;
    });

    // asmStatement = asmKeyword (cvQualifier | 'goto' | 'inline')* '(' StringLit+ balanced ')' ';'
    $.asmStatement = $.RULE('asmStatement', (): Stmt => {
      const start = $.startSpan();
      $.CONSUME(T.AsmKeyword);
      let volatile = false;
      $.MANY(() =>
        $.OR([
          { ALT: () => { $.CONSUME(T.CvQualifier); volatile = true; } },
          { ALT: () => { $.CONSUME(T.Goto); } },
          { ALT: () => { $.CONSUME(T.SimpleSpecifier); } },
        ]),
      );
      $.CONSUME(T.LParen, { ERR_MSG: 'expectedLParenAfter|asm' });
      const parts: KToken[] = [];
      $.AT_LEAST_ONE({ DEF: () => parts.push($.CONSUME(T.StringLit) as KToken), ERR_MSG: 'expectedStringLiteral' });
      $.SUBRULE($.balanced);
      $.CONSUME(T.RParen);
      $.CONSUME(T.Semi, { ERR_MSG: 'expectedSemiAfterStmt|asm' });
      return $.ACTION((): Stmt => {
        const s = $.stringNode(parts);
        return { kind: 'asm', text: s.kind === 'string' ? s.value : '', volatile, span: $.spanFrom(start) };
      });
    });
  }

  declare ifStatement: import('chevrotain').ParserMethod<[], Stmt>;
  declare switchStatement: import('chevrotain').ParserMethod<[], Stmt>;
}
