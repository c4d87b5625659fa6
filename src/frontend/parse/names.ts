/**
 * Names and template arguments: `x`, `ns::f`, `::g`, `S<T, 4>::type`, `operator+`, `~S`, and
 * the `<…>` lists after a template name. Whether `<` opens template arguments is decided by
 * the name table (a known template), by `template` before the name, or, for a name nobody
 * declared, by C++20's rule that `f<…>(` is a template-id.
 */
import type { NamePart, TemplateArg } from '../ast.js';
import { joinSpans } from '../../support/source.js';
import type { KToken } from './convert.js';
import { ParserCore, type ResolvedName } from './core.js';
import * as L from './lookahead.js';
import { type NameEntry, isTemplateEntry } from './scope.js';
import * as T from './tokens.js';

export abstract class NameRules extends ParserCore {
  constructor(validate: boolean) {
    super(validate);
    const $ = this;

    // qualifiedName = '::'? namePart ('::' 'template'? namePart)*
    $.qualifiedName = $.RULE('qualifiedName', (): ResolvedName => {
      const start = $.startSpan();
      let global = false;
      $.OPTION(() => {
        $.CONSUME(T.ColonColon);
        global = true;
      });
      const first = $.SUBRULE($.namePart, { ARGS: [undefined, true, global, false] });
      const parts: NamePart[] = [first?.part];
      let entry = first?.entry;
      $.MANY({
        GATE: () => $.is(1, T.ColonColon) && ($.is(2, T.Identifier) || $.is(2, T.Template) || $.is(2, T.Tilde) || $.is(2, T.Operator)),
        DEF: () => {
          $.CONSUME2(T.ColonColon);
          let forced = false;
          $.OPTION2(() => {
            $.CONSUME(T.Template);
            forced = true;
          });
          const next = $.SUBRULE2($.namePart, { ARGS: [entry, false, false, forced] });
          $.ACTION(() => {
            parts.push(next.part);
            entry = next.entry;
          });
        },
      });
      return { name: { kind: 'name', global, parts, span: $.spanFrom(start) }, entry };
    });

    // namePart = Identifier templateArgs? | 'operator' operatorName | '~' Identifier
    $.namePart = $.RULE('namePart', (prev?: NameEntry, first?: boolean, global?: boolean, forced?: boolean) =>
      $.OR({
        DEF: [
          {
            ALT: () => {
              const id = $.CONSUME(T.Identifier);
              const entry = $.ACTION(() => (first ? L.resolveFirst($.ctx, id.image, !!global) : L.resolveMember(prev, id.image)));
              let templateArgs: TemplateArg[] | undefined;
              $.OPTION({
                GATE: () => $.is(1, T.Less) && (!!forced || $.assumeTemplates || isTemplateEntry(entry) || (!!first && entry === undefined && L.unknownTemplateAt($.ctx, $.pos))),
                DEF: () => {
                  templateArgs = $.SUBRULE($.templateArgs);
                },
              });
              const part: NamePart = templateArgs ? { name: id.image, templateArgs, span: $.spanFrom($.spanOf(id)) } : { name: id.image, span: $.spanOf(id) };
              return { part, entry };
            },
          },
          {
            ALT: () => {
              const op = $.CONSUME(T.Operator);
              const name = $.SUBRULE($.operatorName);
              return { part: { name: 'operator' + name, span: $.spanFrom($.spanOf(op)) }, entry: undefined };
            },
          },
          {
            ALT: () => {
              const tilde = $.CONSUME(T.Tilde);
              const id = $.CONSUME2(T.Identifier);
              return { part: { name: '~' + id.image, span: joinSpans($.spanOf(tilde), $.spanOf(id)) }, entry: undefined };
            },
          },
        ],
        ERR_MSG: 'expectedUnqualifiedId',
      }),
    );

    // operatorName = '(' ')' | '[' ']' | ('new' | 'delete') ('[' ']')? | '>' '>' | binaryOperator
    //              | assignOperator | unaryOperator | ',' | '->' | '->*' | conversionType
    $.operatorName = $.RULE('operatorName', () => {
      const from = $.pos;
      return $.OR({
        DEF: [
          { ALT: () => ($.CONSUME(T.LParen), $.CONSUME(T.RParen), '()') },
          { ALT: () => ($.CONSUME(T.LBracket), $.CONSUME(T.RBracket), '[]') },
          {
            ALT: () => {
              const t = $.OR2([{ ALT: () => $.CONSUME(T.New) }, { ALT: () => $.CONSUME(T.Delete) }]);
              let s = ' ' + t.image;
              $.OPTION(() => {
                $.CONSUME2(T.LBracket);
                $.CONSUME2(T.RBracket);
                s += '[]';
              });
              return s;
            },
          },
          {
            ALT: () => {
              const t = $.CONSUME(T.BinaryOperator);
              let s = t.image;
              $.OPTION2({ GATE: () => t.tokenType === T.Greater && ($.LA(1) as KToken).joined, DEF: () => { $.CONSUME(T.Greater); s = '>>'; } });
              return s;
            },
          },
          { ALT: () => $.CONSUME(T.AssignOperator).image },
          { ALT: () => $.CONSUME(T.UnaryOperator).image },
          { ALT: () => $.CONSUME(T.Comma).image },
          { ALT: () => $.CONSUME(T.Arrow).image },
          { ALT: () => $.CONSUME(T.ArrowStar).image },
          {
            GATE: () => $.typeIdAhead(),
            ALT: () => {
              $.SUBRULE($.declSpecifiers, { ARGS: ['type'] });
              $.MANY(() => $.SUBRULE($.ptrOperator));
              return ' ' + $.textFrom(from);
            },
          },
        ],
        IGNORE_AMBIGUITIES: true,
        ERR_MSG: 'expectedToken|an operator',
      });
    });

    // templateArgs = '<' (templateArg (',' templateArg)*)? '>'
    $.templateArgs = $.RULE('templateArgs', () => {
      $.CONSUME(T.Less);
      $.enterNest();
      const saved = $.noGreater;
      $.noGreater = true;
      const args: TemplateArg[] = [];
      $.OPTION({
        GATE: () => !$.is(1, T.Greater),
        DEF: () => {
          args.push($.SUBRULE($.templateArg));
          $.MANY(() => {
            $.CONSUME(T.Comma);
            args.push($.SUBRULE2($.templateArg));
          });
        },
      });
      $.CONSUME(T.Greater, { ERR_MSG: 'expectedTemplateClose' });
      $.noGreater = saved;
      $.leaveNest();
      return args;
    });

    // templateArg = typeId | assignment
    $.templateArg = $.RULE('templateArg', () =>
      $.OR({
        DEF: [
          { GATE: () => L.typeArgAt($.ctx, $.pos), ALT: (): TemplateArg => ({ kind: 'type', type: $.SUBRULE($.typeId) }) },
          { ALT: (): TemplateArg => ({ kind: 'expr', expr: $.SUBRULE($.assignment) }) },
        ],
        IGNORE_AMBIGUITIES: true,
      }),
    );

  }
}
