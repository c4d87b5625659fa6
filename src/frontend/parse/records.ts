/**
 * Structs, classes, unions and enums: heads with attributes (`struct __align__(16) S`), base
 * classes, member specifications (fields, bit-fields, methods with inline bodies,
 * constructors, operators, access specifiers, static members, nested types, member
 * templates), forward declarations, and enums (scoped, with an underlying type).
 *
 * A record's name is registered before its body is read, so members can name it (`S *next`,
 * the constructor `S()`); its members are kept with its name-table entry for `S::type`.
 */
import type { Decl, EnumDecl, Enumerator, Expr, QualifiedName, RecordDecl, RecordTag, TypeNode } from '../ast.js';
import { SpecBuilder, lastName } from './build.js';
import type { ResolvedName } from './core.js';
import { DeclarationRules } from './declarations.js';
import { type NameEntry, VALUE } from './scope.js';
import * as T from './tokens.js';

type Base = RecordDecl['bases'][number];

export abstract class RecordRules extends DeclarationRules {
  constructor(validate: boolean) {
    super(validate);
    const $ = this;

    // recordSpecifier = ('struct' | 'class' | 'union') attributeSpecifier* qualifiedName? 'final'?
    //                   (':' baseSpecifier (',' baseSpecifier)*)? ('{' memberDeclaration* '}')?
    // baseSpecifier = ('virtual' | 'public' | 'protected' | 'private')* qualifiedName
    $.recordSpecifier = $.RULE('recordSpecifier', (b?: SpecBuilder) => {
      const start = $.startSpan();
      const kw = $.CONSUME(T.RecordKeyword);
      const tparams = $.ACTION(() => {
        const p = $.specTemplate;
        $.specTemplate = undefined;
        return p;
      });
      const attrs = new SpecBuilder(start);
      $.MANY({ GATE: () => $.recordAttributeAhead(), DEF: () => $.SUBRULE($.attributeSpecifier, { ARGS: [attrs] }) });
      let n: ResolvedName | undefined;
      $.OPTION({ GATE: () => $.is(1, T.Identifier) || $.is(1, T.ColonColon), DEF: () => { n = $.SUBRULE($.qualifiedName); } });
      $.OPTION2({ GATE: () => $.LA(1).image === 'final' && $.is(1, T.Identifier), DEF: () => $.CONSUME(T.Identifier) });
      const bases: Base[] = [];
      let members: Decl[] | undefined;
      $.OPTION3({
        GATE: () => $.is(1, T.LBrace) || $.is(1, T.Colon),
        DEF: () => {
          $.OPTION4(() => {
            $.CONSUME(T.Colon);
            $.AT_LEAST_ONE_SEP({
              SEP: T.Comma,
              DEF: () => {
                let access: Base['access'];
                $.MANY2(() =>
                  $.OR([
                    { ALT: () => { const a = $.CONSUME(T.AccessKeyword); access = a.image as Base['access']; } },
                    { ALT: () => { $.CONSUME(T.SimpleSpecifier); } },
                  ]),
                );
                const bn = $.SUBRULE2($.qualifiedName);
                $.ACTION(() => bases.push({ type: { kind: 'named', name: bn.name, span: bn.name.span }, ...(access ? { access } : {}) }));
              },
            });
          });
          $.CONSUME(T.LBrace);
          $.ACTION(() => {
            const entry = $.declareRecord(n?.name, n?.entry, tparams !== undefined, true);
            $.table.enter('record', entry?.members, n ? lastName(n.name) : undefined);
          });
          members = [];
          $.MANY3(() => {
            const m = $.SUBRULE($.memberDeclaration);
            $.ACTION(() => members!.push(...m));
          });
          $.CONSUME(T.RBrace, { ERR_MSG: `expectedRBraceAtEnd|${kw.image}` });
          $.ACTION(() => $.table.leave());
        },
      });
      $.ACTION(() => {
        const tag = kw.image as RecordTag;
        if (!members) {
          if (n) $.declareRecord(n.name, n.entry, tparams !== undefined, false);
          if (n) b?.setNamed({ kind: 'elaborated', tag, name: n.name, span: $.spanFrom(start) });
          else $.problem('expectedIdentifier', $.spanOf($.LA(1)));
          return;
        }
        const hasSpecs = Object.keys(attrs.specs.spans).length > 0;
        const decl: RecordDecl = {
          kind: 'record', tag, ...(n ? { name: n.name } : {}), bases, members,
          ...(tparams ? { templateParams: tparams } : {}), ...(hasSpecs ? { specs: attrs.specs } : {}), span: $.spanFrom(start),
        };
        b?.defs.push(decl);
        b?.setNamed(n ? { kind: 'elaborated', tag, name: n.name, span: n.name.span } : { kind: 'definition', decl, span: decl.span });
      });
    });

    // memberDeclaration = accessKeyword ':' | templateDeclaration | usingDeclaration | staticAssert | ';'
    //                   | declaration(member)
    $.memberDeclaration = $.RULE('memberDeclaration', () =>
      $.OR({
        DEF: [
          {
            GATE: () => $.is(2, T.Colon),
            ALT: () => {
              const a = $.CONSUME(T.AccessKeyword);
              $.CONSUME(T.Colon);
              return [{ kind: 'access', access: a.image, span: $.spanOf(a) }] as Decl[];
            },
          },
          { ALT: () => ($.CONSUME(T.Semi), [] as Decl[]) },
          { ALT: () => $.SUBRULE($.templateDeclaration, { ARGS: ['member'] }) },
          { ALT: () => $.SUBRULE($.usingDeclaration) },
          { ALT: () => $.SUBRULE($.staticAssert) },
          { ALT: () => $.SUBRULE($.declaration, { ARGS: ['member'] }) },
        ],
        IGNORE_AMBIGUITIES: true,
        ERR_MSG: 'expectedMemberDeclaration',
      }),
    );

    // enumSpecifier = 'enum' ('class' | 'struct')? attributeSpecifier* Identifier? (':' typeId)?
    //                 ('{' (enumerator (',' enumerator)* ','?)? '}')?
    // enumerator = Identifier ('=' assignment)?
    $.enumSpecifier = $.RULE('enumSpecifier', (b?: SpecBuilder) => {
      const start = $.startSpan();
      $.CONSUME(T.Enum);
      let scoped = false;
      $.OPTION(() => {
        $.OR([{ ALT: () => $.CONSUME(T.Class) }, { ALT: () => $.CONSUME(T.Struct) }]);
        scoped = true;
      });
      $.MANY({ GATE: () => $.recordAttributeAhead(), DEF: () => $.SUBRULE($.attributeSpecifier) });
      let name: QualifiedName | undefined;
      $.OPTION2(() => {
        const id = $.CONSUME(T.Identifier);
        name = { kind: 'name', global: false, parts: [{ name: id.image, span: $.spanOf(id) }], span: $.spanOf(id) };
      });
      let underlying: TypeNode | undefined;
      $.OPTION3(() => {
        $.CONSUME(T.Colon);
        underlying = $.SUBRULE($.typeId);
      });
      let enumerators: Enumerator[] | undefined;
      let entry: NameEntry | undefined;
      $.OPTION4(() => {
        $.CONSUME(T.LBrace);
        $.ACTION(() => {
          entry = name ? $.table.declare(lastName(name), { kind: 'type', members: new Map() }) : undefined;
        });
        enumerators = [];
        $.OPTION5(() => {
          enumerators!.push($.SUBRULE($.enumerator, { ARGS: [scoped ? entry : undefined] }));
          $.MANY2({
            GATE: () => !$.is(2, T.RBrace),
            DEF: () => {
              $.CONSUME(T.Comma);
              enumerators!.push($.SUBRULE2($.enumerator, { ARGS: [scoped ? entry : undefined] }));
            },
          });
          $.OPTION6(() => $.CONSUME2(T.Comma));
        });
        $.CONSUME(T.RBrace, { ERR_MSG: 'expectedRBraceAtEnd|enum' });
      });
      $.ACTION(() => {
        if (!enumerators) {
          if (name && !$.table.lookup(lastName(name))) $.table.declare(lastName(name), { kind: 'type', members: new Map() });
          if (name) b?.setNamed({ kind: 'elaborated', tag: 'enum', name, span: $.spanFrom(start) });
          else $.problem('expectedIdentifier', $.spanOf($.LA(1)));
          return;
        }
        const decl: EnumDecl = {
          kind: 'enum', ...(name ? { name } : {}), scoped, ...(underlying ? { underlying } : {}), enumerators, span: $.spanFrom(start),
        };
        b?.defs.push(decl);
        b?.setNamed(name ? { kind: 'elaborated', tag: 'enum', name, span: name.span } : { kind: 'definition', decl, span: decl.span });
      });
    });

    $.enumerator = $.RULE('enumerator', (scope?: NameEntry) => {
      const id = $.CONSUME(T.Identifier, { ERR_MSG: 'expectedEnumerator' });
      let value: Expr | undefined;
      $.OPTION(() => {
        $.CONSUME(T.Assign);
        value = $.SUBRULE($.assignment);
      });
      return $.ACTION((): Enumerator => {
        if (scope?.members) scope.members.set(id.image, VALUE);
        else $.table.declare(id.image, VALUE);
        return { name: id.image, ...(value ? { value } : {}), span: $.spanFrom($.spanOf(id)) };
      });
    });
  }

  declare enumerator: import('chevrotain').ParserMethod<[scope?: NameEntry], Enumerator>;

  /** attributes between `struct` and the name: `__align__(16)`, `alignas(8)`, `__attribute__((…))`, `[[…]]` */
  protected recordAttributeAhead(): boolean {
    const t = this.LA(1).tokenType;
    return t === T.Align || t === T.Alignas || t === T.Attribute || t === T.Declspec || (t === T.LBracket && this.is(2, T.LBracket));
  }

  /** Register a record name (a template if declared under `template<…>`); returns its entry. */
  protected declareRecord(name: QualifiedName | undefined, known: NameEntry | undefined, template: boolean, defining: boolean): NameEntry | undefined {
    if (!name) return { kind: 'type', members: new Map() };
    if (name.parts.length > 1 || name.parts[0]!.templateArgs) return known?.members ? known : { kind: 'type', members: new Map() };
    const simple = lastName(name);
    const existing = this.table.lookup(simple);
    if (!defining && existing && (existing.kind === 'type' || existing.kind === 'template-type')) return existing;
    return this.table.declare(simple, { kind: template ? 'template-type' : 'type', members: existing?.members ?? new Map() });
  }
}
