/**
 * Templates: `template<…>` declarations with type and non-type parameters and defaults
 * (functions, classes, alias templates, variable templates), explicit specialisations
 * `template<>` and explicit instantiations `template __global__ void k<float>(float*);`.
 *
 * Template parameters live in their own scope for the duration of the declaration; the
 * declaration picks up the parameter list through `pendingTemplate`, so that the entity it
 * declares is registered as a template (the grammar needs that to read `k<float>(x)`).
 */
import type { Decl, TemplateArg, TemplateParam, TypeNode } from '../ast.js';
import { joinSpans } from '../../support/source.js';
import type { DeclSpecContext } from './core.js';
import { VALUE } from './scope.js';
import * as T from './tokens.js';
import { TypeRules } from './types.js';

export abstract class TemplateRules extends TypeRules {
  constructor(validate: boolean) {
    super(validate);
    const $ = this;

    // templateDeclaration = 'template' '<' (templateParameter (',' templateParameter)*)? '>'
    //                       (templateDeclaration | usingDeclaration | declaration)
    $.templateDeclaration = $.RULE('templateDeclaration', (ctx: DeclSpecContext = 'decl') => {
      const start = $.startSpan();
      $.CONSUME(T.Template);
      $.CONSUME(T.Less);
      $.ACTION(() => $.table.enter('template'));
      const saved = $.noGreater;
      $.noGreater = true;
      const params: TemplateParam[] = [];
      $.OPTION({
        GATE: () => !$.is(1, T.Greater),
        DEF: () => {
          params.push($.SUBRULE($.templateParameter));
          $.MANY(() => {
            $.CONSUME(T.Comma);
            params.push($.SUBRULE2($.templateParameter));
          });
        },
      });
      $.CONSUME(T.Greater, { ERR_MSG: 'expectedTemplateClose' });
      $.noGreater = saved;
      const decls = $.OR({
        DEF: [
          { GATE: () => $.is(2, T.Less), ALT: () => $.SUBRULE($.templateDeclaration, { ARGS: [ctx] }) },
          { ALT: () => { $.ACTION(() => ($.pendingTemplate = params)); return $.SUBRULE($.usingDeclaration); } },
          { ALT: () => { $.ACTION(() => ($.pendingTemplate = params)); return $.SUBRULE($.declaration, { ARGS: [ctx] }); } },
        ],
        IGNORE_AMBIGUITIES: true,
        ERR_MSG: 'templateWithoutDecl',
      });
      $.ACTION(() => $.table.leave());
      // the declaration's span starts at `template`
      return $.ACTION(() => decls.map((d) => ({ ...d, span: joinSpans(start, d.span) }) as Decl));
    });

    // templateParameter = ('typename' | 'class') '...'? Identifier? ('=' typeId)?
    //                   | parameter                               (non-type: `int N = 256`)
    $.templateParameter = $.RULE('templateParameter', () => {
      const start = $.startSpan();
      return $.OR({
        DEF: [
          {
            GATE: () => $.typeParameterAhead(),
            ALT: () => {
              $.OR2([{ ALT: () => $.CONSUME(T.Typename) }, { ALT: () => $.CONSUME(T.Class) }]);
              let pack = false;
              let name: string | undefined;
              let type: TypeNode | undefined;
              $.OPTION(() => {
                $.CONSUME(T.Ellipsis);
                pack = true;
              });
              $.OPTION2(() => {
                name = $.CONSUME(T.Identifier).image;
              });
              $.ACTION(() => name && $.table.declareHere(name, { kind: 'type' }));
              $.OPTION3(() => {
                $.CONSUME(T.Assign);
                type = $.SUBRULE($.typeId);
              });
              const def: TemplateArg | undefined = type ? { kind: 'type', type } : undefined;
              return { kind: 'type', ...(name ? { name } : {}), ...(def ? { default: def } : {}), ...(pack ? { pack } : {}), span: $.spanFrom(start) } as TemplateParam;
            },
          },
          {
            ALT: () => {
              const p = $.SUBRULE($.parameter);
              return $.ACTION((): TemplateParam => {
                if (p.name) $.table.declareHere(p.name, VALUE);
                return {
                  kind: 'value',
                  ...(p.name ? { name: p.name } : {}),
                  type: p.type,
                  ...(p.default ? { default: { kind: 'expr', expr: p.default } } : {}),
                  span: p.span,
                };
              });
            },
          },
        ],
        IGNORE_AMBIGUITIES: true,
        ERR_MSG: 'expectedTemplateParameter',
      });
    });

    // explicitInstantiation = 'extern'? 'template' declaration
    $.explicitInstantiation = $.RULE('explicitInstantiation', () => {
      const start = $.startSpan();
      $.OPTION(() => $.CONSUME(T.Extern));
      $.CONSUME(T.Template);
      const decls = $.SUBRULE($.declaration, { ARGS: ['decl'] });
      return $.ACTION(() =>
        decls.map((d): Decl =>
          d.kind === 'function' || d.kind === 'record' ? { kind: 'explicit-instantiation', decl: d, span: $.spanFrom(start) } : d,
        ),
      );
    });
  }

  /** `typename T`, `class T = int`, `typename...` — but not `typename T::type N` (a non-type parameter) */
  protected typeParameterAhead(): boolean {
    if (!this.is(1, T.Typename) && !this.is(1, T.Class)) return false;
    const t = this.LA(2).tokenType;
    if (t === T.Identifier) return !this.is(3, T.ColonColon);
    return t === T.Ellipsis || t === T.Comma || t === T.Greater || t === T.Assign;
  }
}
