/**
 * The fast path, part 1: expressions, names and types, parsed by hand-written recursive
 * descent over the item's token array — no chevrotain DSL calls, no closures per rule, one
 * precedence-climbing loop for binary operators.
 *
 * The fast path covers the common subset of kcc's grammar. Each `f…` method mirrors the
 * chevrotain rule of the same name (same decisions, same lookahead predicates, same node
 * construction), and where the rule would take a path the fast path does not cover, or would
 * report an error, it throws BAIL: the item is then re-parsed by the chevrotain grammar from
 * the start (items.ts), with the name table rolled back, so the chevrotain grammar stays the
 * reference for every error and for every rare construct.
 *
 * Position: chevrotain's own `currIdx` (LA(1) is `tokVector[currIdx + 1]`), so the helpers of
 * the grammar (`spanFrom`, `pos`, the lookahead predicates) work unchanged here.
 */
import type { TokenType } from 'chevrotain';
import type { AssignOp, BinaryOp, Expr, InitItem, NamePart, ParamDecl, QualifiedName, TemplateArg, TypeNode, UnaryOp } from '../ast.js';
import { joinSpans } from '../../support/source.js';
import { type Declarator, type DeclaratorSuffix, type PtrOp, SpecBuilder, applyPtrOps, applySuffixes, hasKeys, lastName } from './build.js';
import type { KToken } from './convert.js';
import type { DeclSpecContext, ResolvedName } from './core.js';
import * as L from './lookahead.js';
import { type NameEntry, isTemplateEntry, isTypeEntry } from './scope.js';
import { StatementRules } from './statements.js';
import * as T from './tokens.js';

/** thrown to abandon the fast path for the current item (not an Error: no stack trace to build) */
export const BAIL = { bail: true } as const;

/** the fast path gives up well before the grammar's NEST_LIMIT (the grammar reports that) */
const FAST_NEST = 200;

/**
 * Binary operator precedence, by token type index (0: not a binary operator), from the C++
 * standard's expression grammar ([expr.mul] … [expr.log.or]; cppreference "C++ Operator
 * Precedence" groups 5–15). All are left-associative. `>>` arrives as two joined `>` and
 * takes the precedence of `<<`. Must agree with build.ts's PRECEDENCE (the grammar's table).
 */
const BINARY_PRECEDENCE: Int8Array = (() => {
  const table: [TokenType, number][] = [
    [T.Star, 10], [T.Slash, 10], [T.Percent, 10],
    [T.Plus, 9], [T.Minus, 9],
    [T.ShiftLeft, 8],
    [T.Less, 7], [T.Greater, 7], [T.LessEq, 7], [T.GreaterEq, 7],
    [T.EqEq, 6], [T.NotEq, 6],
    [T.Amp, 5], [T.Caret, 4], [T.Pipe, 3], [T.AmpAmp, 2], [T.PipePipe, 1],
  ];
  const out = new Int8Array(T.ALL_TOKENS.reduce((m, t) => Math.max(m, t.tokenTypeIdx!), 0) + 2);
  for (const [t, p] of table) out[t.tokenTypeIdx!] = p;
  return out;
})();
const SHIFT_PRECEDENCE = 8;

/** token type index → true for the members of a category (allocation-free category tests) */
function categorySet(cat: TokenType): Uint8Array {
  const out = new Uint8Array(BINARY_PRECEDENCE.length);
  for (const t of T.ALL_TOKENS) if ((cat.categoryMatchesMap as Record<number, boolean> | undefined)?.[t.tokenTypeIdx!]) out[t.tokenTypeIdx!] = 1;
  return out;
}

export abstract class FastExpressionRules extends StatementRules {
  declare tokVector: KToken[];
  declare currIdx: number;

  private assignOps: Uint8Array | undefined;
  private unaryOps: Uint8Array | undefined;
  private builtinWords: Uint8Array | undefined;
  protected simpleSpecs: Uint8Array | undefined;
  private castWords: Uint8Array | undefined;

  /** category tables, made after chevrotain has computed the categories (performSelfAnalysis) */
  protected initFast(): void {
    this.assignOps = categorySet(T.AssignOperator);
    this.unaryOps = categorySet(T.UnaryOperator);
    this.builtinWords = categorySet(T.BuiltinTypeWord);
    this.simpleSpecs = categorySet(T.SimpleSpecifier);
    this.castWords = categorySet(T.CastKeyword);
  }

  // ---- token access ----

  /** token type of LA(k) */
  protected fk(k: number): TokenType {
    return this.tokVector[this.currIdx + k]!.tokenType;
  }

  /** consume LA(1), whatever it is */
  protected fNext(): KToken {
    return this.tokVector[++this.currIdx]!;
  }

  /** consume LA(1) when it is `t`, else abandon the fast path */
  protected fEat(t: TokenType): KToken {
    const tok = this.tokVector[this.currIdx + 1]!;
    if (tok.tokenType !== t) throw BAIL;
    this.currIdx++;
    return tok;
  }

  protected fEnter(): void {
    if (++this.nest > FAST_NEST) throw BAIL;
  }

  protected isBuiltinWord(t: TokenType): boolean {
    return this.builtinWords![t.tokenTypeIdx!] === 1;
  }

  // ---- expressions (expressions.ts) ----

  // expression = assignment (',' assignment)*
  protected fExpression(): Expr {
    let e = this.fAssignment();
    while (this.fk(1) === T.Comma) {
      const op = this.fNext();
      const r = this.fAssignment();
      e = { kind: 'binary', op: ',', left: e, right: r, opSpan: this.spanOf(op), span: joinSpans(e.span, r.span) };
    }
    return e;
  }

  // assignment = binary ('?' expression ':' assignment | assignOperator initClause)?
  protected fAssignment(): Expr {
    this.fEnter();
    const start = this.startSpan();
    let e = this.fBinary(1);
    const t = this.fk(1);
    if (t === T.Question) {
      this.fNext();
      const then = this.fExpression();
      this.fEat(T.Colon);
      const els = this.fAssignment();
      e = { kind: 'conditional', cond: e, then, else: els, span: this.spanFrom(start) };
    } else if (this.assignOps![t.tokenTypeIdx!] === 1) {
      const op = this.fNext();
      const value = this.fInitClause();
      e = { kind: 'assign', op: op.image as AssignOp, target: e, value, opSpan: this.spanOf(op), span: this.spanFrom(start) };
    }
    this.nest--;
    return e;
  }

  // initClause = braceInit | assignment
  protected fInitClause(): Expr {
    return this.fk(1) === T.LBrace ? this.fBraceInit() : this.fAssignment();
  }

  // braceInit = '{' (initItem (',' initItem)* ','?)? '}'        (here: no designators)
  protected fBraceInit(): Expr {
    const start = this.startSpan();
    this.fEat(T.LBrace);
    const saved = this.noGreater;
    this.noGreater = false;
    const items: InitItem[] = [];
    if (this.fk(1) !== T.RBrace) {
      items.push(this.fInitItem());
      while (this.fk(1) === T.Comma && this.fk(2) !== T.RBrace) {
        this.fNext();
        items.push(this.fInitItem());
      }
      if (this.fk(1) === T.Comma) this.fNext();
    }
    this.fEat(T.RBrace);
    this.noGreater = saved;
    return { kind: 'init-list', items, span: this.spanFrom(start) };
  }

  // initItem = initClause                      (designators: the grammar)
  private fInitItem(): InitItem {
    const t = this.fk(1);
    if (t === T.Dot || t === T.LBracket) throw BAIL;
    return { value: this.fInitClause() };
  }

  // binary = unary (binaryOperator unary)*, climbing precedence (`>>` is two joined `>`):
  // the same left-associative tree as build.ts's buildBinary
  protected fBinary(min: number): Expr {
    let left = this.fUnary();
    for (;;) {
      const t = this.tokVector[this.currIdx + 1]!;
      const tt = t.tokenType;
      let prec = BINARY_PRECEDENCE[tt.tokenTypeIdx!]!;
      if (prec === 0 || (tt === T.Greater && this.noGreater)) return left;
      const shift = tt === T.Greater && this.tokVector[this.currIdx + 2]!.joined;
      if (shift) prec = SHIFT_PRECEDENCE;
      if (prec < min) return left;
      this.currIdx++;
      let op = t.image as BinaryOp;
      let opSpan = this.spanOf(t);
      if (shift) {
        const t2 = this.fNext();
        op = '>>';
        opSpan = joinSpans(opSpan, this.spanOf(t2));
      }
      const right = this.fBinary(prec + 1);
      left = { kind: 'binary', op, left, right, opSpan, span: joinSpans(left.span, right.span) };
    }
  }

  // unary = unaryOperator unary | 'sizeof' ('(' typeId ')' | unary) | parenStart
  //       (alignof, new, delete, throw, typeid: the grammar)
  protected fUnary(): Expr {
    const t = this.fk(1);
    if (this.unaryOps![t.tokenTypeIdx!] === 1) {
      const start = this.startSpan();
      const op = this.fNext();
      this.fEnter();
      const operand = this.fUnary();
      this.nest--;
      return { kind: 'unary', op: op.image as UnaryOp, operand, span: this.spanFrom(start) };
    }
    if (t === T.Sizeof) {
      const start = this.startSpan();
      this.fNext();
      if (this.fk(1) === T.LParen && this.typeIdAhead(1)) {
        this.fNext();
        const type = this.fTypeId();
        this.fEat(T.RParen);
        return { kind: 'sizeof-type', type, span: this.spanFrom(start) };
      }
      const operand = this.fUnary();
      return { kind: 'sizeof-expr', operand, span: this.spanFrom(start) };
    }
    if (t === T.Alignof || t === T.New || t === T.Delete || t === T.Throw || t === T.Typeid) throw BAIL;
    // parenStart = '(' typeId ')' unary | postfix
    if (t === T.LParen && this.castAhead()) {
      const start = this.startSpan();
      this.fNext();
      const saved = this.noGreater;
      this.noGreater = false;
      const type = this.fTypeId();
      this.fEat(T.RParen);
      this.noGreater = saved;
      this.fEnter();
      const operand = this.fUnary();
      this.nest--;
      return { kind: 'cast', style: 'c', type, operand, span: this.spanFrom(start) };
    }
    return this.fPostfix();
  }

  // postfix = primary ('[' expression ']' | callArguments | ('.' | '->') namePart | '++' | '--')*
  //         (launch `<<<…>>>`, `.template`: the grammar)
  protected fPostfix(): Expr {
    const start = this.startSpan();
    let e = this.fPrimary();
    for (;;) {
      const t = this.fk(1);
      if (t === T.LBracket) {
        if (this.fk(2) === T.LBracket) return e;
        this.fNext();
        const saved = this.noGreater;
        this.noGreater = false;
        const index = this.fExpression();
        this.fEat(T.RBracket);
        this.noGreater = saved;
        e = { kind: 'index', base: e, index, span: this.spanFrom(start) };
      } else if (t === T.LParen) {
        const args = this.fCallArguments();
        e = { kind: 'call', callee: e, args, span: this.spanFrom(start) };
      } else if (t === T.Dot || t === T.Arrow) {
        this.fNext();
        if (this.fk(1) === T.Template) throw BAIL;
        const m = this.fNamePart(undefined, false, false, false);
        e = { kind: 'member', base: e, member: m.part, arrow: t === T.Arrow, span: this.spanFrom(start) };
      } else if (t === T.PlusPlus || t === T.MinusMinus) {
        const op = this.fNext();
        e = { kind: 'postfix', op: op.image as '++' | '--', operand: e, span: this.spanFrom(start) };
      } else if (t === T.ShiftLeft && this.fk(2) === T.Less) throw BAIL;
      else return e;
    }
  }

  // callArguments = '(' (initClause (',' initClause)*)? ')'
  protected fCallArguments(): Expr[] {
    this.fEat(T.LParen);
    const saved = this.noGreater;
    this.noGreater = false;
    const args: Expr[] = [];
    if (this.fk(1) !== T.RParen) {
      args.push(this.fInitClause());
      while (this.fk(1) === T.Comma) {
        this.fNext();
        args.push(this.fInitClause());
      }
    }
    this.fEat(T.RParen);
    this.noGreater = saved;
    return args;
  }

  // primary = NumberLit | CharLit | StringLit+ | 'true' | 'false' | 'nullptr' | 'this'
  //         | '(' expression ')' | nameExpression | builtinTypeWord (callArguments | braceInit)
  //         | castKeyword '<' typeId '>' '(' expression ')'        (typename…, lambdas: the grammar)
  protected fPrimary(): Expr {
    const tok = this.tokVector[this.currIdx + 1]!;
    const t = tok.tokenType;
    if (t === T.Identifier || t === T.ColonColon) return this.fNameExpression();
    if (t === T.NumberLit) return this.numberNode(this.fNext());
    if (t === T.LParen) {
      const start = this.startSpan();
      this.fNext();
      const saved = this.noGreater;
      this.noGreater = false;
      const e = this.fExpression();
      this.fEat(T.RParen);
      this.noGreater = saved;
      return Object.assign({}, e, { span: this.spanFrom(start) });
    }
    if (t === T.True || t === T.False) return { kind: 'bool', value: t === T.True, span: this.spanOf(this.fNext()) };
    if (t === T.Nullptr) return { kind: 'nullptr', span: this.spanOf(this.fNext()) };
    if (t === T.This) return { kind: 'this', span: this.spanOf(this.fNext()) };
    if (t === T.StringLit) {
      const parts: KToken[] = [];
      while (this.fk(1) === T.StringLit) parts.push(this.fNext());
      return this.stringNode(parts);
    }
    if (this.builtinWords![t.tokenTypeIdx!] === 1) {
      const start = this.startSpan();
      const w = this.fNext();
      const type = { kind: 'builtin', name: w.image, span: this.spanOf(w) } as const;
      const n = this.fk(1);
      if (n === T.LParen) return { kind: 'construct', type, args: this.fCallArguments(), braces: false, span: this.spanFrom(start) } as Expr;
      if (n === T.LBrace) return { kind: 'construct', type, args: this.initListItems(this.fBraceInit()), braces: true, span: this.spanFrom(start) } as Expr;
      throw BAIL;
    }
    if (this.castWords![t.tokenTypeIdx!] === 1) {
      const start = this.startSpan();
      const k = this.fNext();
      this.fEat(T.Less);
      const saved = this.noGreater;
      this.noGreater = true;
      const type = this.fTypeId();
      this.fEat(T.Greater);
      this.noGreater = false;
      this.fEat(T.LParen);
      const operand = this.fExpression();
      this.fEat(T.RParen);
      this.noGreater = saved;
      const style = k.image.slice(0, k.image.indexOf('_')) as 'static' | 'reinterpret' | 'const' | 'dynamic';
      return { kind: 'cast', style, type, operand, span: this.spanFrom(start) };
    }
    throw BAIL;
  }

  // nameExpression = qualifiedName ((callArguments | braceInit) when the name is a type)?
  protected fNameExpression(): Expr {
    const start = this.startSpan();
    let name: QualifiedName;
    let entry: NameEntry | undefined;
    const t2 = this.fk(2);
    if (this.fk(1) === T.Identifier && t2 !== T.ColonColon && t2 !== T.Less) {
      const id = this.fNext();
      const span = this.spanOf(id);
      name = { kind: 'name', global: false, parts: [{ name: id.image, span }], span };
      entry = this.table.lookup(id.image);
    } else {
      const n = this.fQualifiedName();
      name = n.name;
      entry = n.entry;
    }
    const t = this.fk(1);
    if (isTypeEntry(entry) && (t === T.LParen || t === T.LBrace)) {
      const type = { kind: 'named', name, span: name.span } as const;
      if (t === T.LParen) return { kind: 'construct', type, args: this.fCallArguments(), braces: false, span: this.spanFrom(start) } as Expr;
      return { kind: 'construct', type, args: this.initListItems(this.fBraceInit()), braces: true, span: this.spanFrom(start) } as Expr;
    }
    return { kind: 'ident', name, span: name.span };
  }

  // ---- names (names.ts) ----

  // qualifiedName = '::'? namePart ('::' 'template'? namePart)*
  protected fQualifiedName(): ResolvedName {
    const start = this.startSpan();
    let global = false;
    if (this.fk(1) === T.ColonColon) {
      this.fNext();
      global = true;
    }
    const first = this.fNamePart(undefined, true, global, false);
    const parts: NamePart[] = [first.part];
    let entry = first.entry;
    for (;;) {
      if (this.fk(1) !== T.ColonColon) break;
      const t2 = this.fk(2);
      if (t2 !== T.Identifier && t2 !== T.Template && t2 !== T.Tilde && t2 !== T.Operator) break;
      this.fNext();
      let forced = false;
      if (t2 === T.Template) {
        this.fNext();
        forced = true;
      }
      const next = this.fNamePart(entry, false, false, forced);
      parts.push(next.part);
      entry = next.entry;
    }
    return { name: { kind: 'name', global, parts, span: this.spanFrom(start) }, entry };
  }

  // namePart = Identifier templateArgs?               (operator names, destructors: the grammar)
  protected fNamePart(prev: NameEntry | undefined, first: boolean, global: boolean, forced: boolean): { part: NamePart; entry: NameEntry | undefined } {
    const id = this.fEat(T.Identifier);
    const entry = first ? L.resolveFirst(this.ctx, id.image, global) : L.resolveMember(prev, id.image);
    let templateArgs: TemplateArg[] | undefined;
    if (this.fk(1) === T.Less && (forced || this.assumeTemplates || isTemplateEntry(entry) || (first && entry === undefined && L.unknownTemplateAt(this.ctx, this.pos)))) {
      templateArgs = this.fTemplateArgs();
    }
    const part: NamePart = templateArgs ? { name: id.image, templateArgs, span: this.spanFrom(this.spanOf(id)) } : { name: id.image, span: this.spanOf(id) };
    return { part, entry };
  }

  // templateArgs = '<' (templateArg (',' templateArg)*)? '>'
  protected fTemplateArgs(): TemplateArg[] {
    this.fEat(T.Less);
    this.fEnter();
    const saved = this.noGreater;
    this.noGreater = true;
    const args: TemplateArg[] = [];
    if (this.fk(1) !== T.Greater) {
      args.push(this.fTemplateArg());
      while (this.fk(1) === T.Comma) {
        this.fNext();
        args.push(this.fTemplateArg());
      }
    }
    this.fEat(T.Greater);
    this.noGreater = saved;
    this.nest--;
    return args;
  }

  // templateArg = typeId | assignment
  private fTemplateArg(): TemplateArg {
    if (L.typeArgAt(this.ctx, this.pos)) return { kind: 'type', type: this.fTypeId() };
    return { kind: 'expr', expr: this.fAssignment() };
  }

  // ---- types (types.ts) ----

  // declSpecifiers = (simpleSpecifier | cvQualifier | '__restrict__' | builtinTypeWord | 'auto' | 'typedef'
  //                  | recordSpecifier | 'typename' qualifiedName | qualifiedName)*
  //   (attributes, enums, decltype: the grammar)
  protected fDeclSpecifiers(ctx: DeclSpecContext): SpecBuilder {
    const b = new SpecBuilder(this.startSpan());
    while (this.specifierAhead(b, ctx)) {
      const t = this.fk(1);
      if (this.simpleSpecs![t.tokenTypeIdx!] === 1) {
        const tok = this.fNext();
        b.simple(tok.image, this.spanOf(tok));
      } else if (t === T.Const) {
        this.fNext();
        b.const = true;
      } else if (t === T.Volatile) {
        this.fNext();
        b.volatile = true;
      } else if (t === T.Restrict) this.fNext();
      else if (this.builtinWords![t.tokenTypeIdx!] === 1) {
        const tok = this.fNext();
        b.word(tok.image, this.spanOf(tok));
      } else if (t === T.Identifier || t === T.ColonColon) {
        const n = this.fQualifiedName();
        b.setNamed({ kind: 'named', name: n.name, span: n.name.span });
      } else if (t === T.Auto) {
        const tok = this.fNext();
        b.setNamed({ kind: 'builtin', name: 'auto', span: this.spanOf(tok) });
      } else if (t === T.Typedef) {
        const tok = this.fNext();
        b.typedef = true;
        b.specs.spans['typedef'] = this.spanOf(tok);
      } else if (t === T.Struct || t === T.Class || t === T.Union) this.fRecordSpecifier(b);
      else if (t === T.Typename) {
        this.fNext();
        const n = this.fQualifiedName();
        b.setNamed({ kind: 'named', name: n.name, typename: true, span: n.name.span });
      } else if (t === T.LaunchBounds) this.fLaunchBounds(b);
      else throw BAIL;
    }
    b.resolve();
    if (b.conflict) this.problem('cannotCombine', b.conflict.span, b.conflict.word);
    return b;
  }

  // attributeSpecifier = '__launch_bounds__' '(' assignment (',' assignment)* ')'     (the others: the grammar)
  private fLaunchBounds(b: SpecBuilder): void {
    const kw = this.fNext();
    this.fEat(T.LParen);
    const bounds: Expr[] = [this.fAssignment()];
    while (this.fk(1) === T.Comma) {
      this.fNext();
      bounds.push(this.fAssignment());
    }
    this.fEat(T.RParen);
    b.specs.launchBounds = bounds;
    b.specs.spans['__launch_bounds__'] = this.spanOf(kw);
  }

  // declarator = ptrOperator* qualifiedName? declaratorSuffix*      (nested declarators, attributes: the grammar)
  protected fDeclarator(mode: 'named' | 'maybe' | 'abstract'): Declarator {
    const start = this.startSpan();
    const ptrs: PtrOp[] = [];
    for (;;) {
      const t = this.fk(1);
      if (t !== T.Star && t !== T.Amp && t !== T.AmpAmp) break;
      ptrs.push(this.fPtrOperator());
    }
    let name: QualifiedName | undefined;
    if (mode !== 'abstract' && this.declaratorNameAhead()) {
      if (this.fk(1) === T.Operator || this.fk(1) === T.Tilde) throw BAIL;
      name = this.fQualifiedName().name;
    } else if (this.nestedDeclaratorAhead() || mode === 'named') throw BAIL;
    const suffixes: DeclaratorSuffix[] = [];
    for (;;) {
      const t = this.fk(1);
      if ((t === T.LBracket && this.fk(2) !== T.LBracket) || (t === T.LParen && this.parameterListAhead())) suffixes.push(this.fDeclaratorSuffix());
      else break;
    }
    const t = this.fk(1);
    if (t === T.Attribute || t === T.Declspec) throw BAIL;
    const wrap = (base: TypeNode): TypeNode => applySuffixes(applyPtrOps(base, ptrs), suffixes);
    const first = suffixes[0];
    const fn = first?.kind === 'function' ? first : undefined;
    return { name, wrap, fn, span: this.spanFrom(start) };
  }

  // ptrOperator = '*' (cvQualifier | '__restrict__')* | '&' | '&&'
  private fPtrOperator(): PtrOp {
    const start = this.startSpan();
    const t = this.fNext().tokenType;
    if (t === T.Amp) return { kind: '&', const: false, volatile: false, restrict: false, span: start };
    if (t === T.AmpAmp) return { kind: '&&', const: false, volatile: false, restrict: false, span: start };
    let c = false, v = false, r = false;
    for (;;) {
      const q = this.fk(1);
      if (q === T.Const) c = true;
      else if (q === T.Volatile) v = true;
      else if (q === T.Restrict) r = true;
      else if (q === T.Attribute || q === T.Declspec) throw BAIL;
      else break;
      this.fNext();
    }
    return { kind: '*', const: c, volatile: v, restrict: r, span: this.spanFrom(start) };
  }

  // declaratorSuffix = '[' expression? ']' | '(' parameterList ')' functionQualifier* ('->' typeId)?
  //   (functionQualifier here: cv, `override`, `final`)
  private fDeclaratorSuffix(): DeclaratorSuffix {
    const start = this.startSpan();
    const saved = this.noGreater;
    this.noGreater = false;
    if (this.fNext().tokenType === T.LBracket) {
      let size: Expr | undefined;
      if (this.fk(1) !== T.RBracket) size = this.fExpression();
      this.fEat(T.RBracket);
      this.noGreater = saved;
      return size ? { kind: 'array', size, span: this.spanFrom(start) } : { kind: 'array', span: this.spanFrom(start) };
    }
    const list = this.fParameterList();
    this.fEat(T.RParen);
    let constMethod = false;
    while (this.functionQualifierAhead()) {
      const q = this.tokVector[this.currIdx + 1]!;
      if (q.tokenType === T.Const || q.tokenType === T.Volatile) {
        if (q.image === 'const') constMethod = true;
      } else if (q.tokenType !== T.Identifier) throw BAIL;
      this.fNext();
    }
    let trailing: TypeNode | undefined;
    if (this.fk(1) === T.Arrow) {
      this.fNext();
      trailing = this.fTypeId();
    }
    this.noGreater = saved;
    const span = this.spanFrom(start);
    if (trailing) return { kind: 'function', params: list.params, variadic: list.variadic, constMethod, trailing, span };
    return { kind: 'function', params: list.params, variadic: list.variadic, constMethod, span };
  }

  // parameterList = 'void' | (parameter (',' parameter)*)?          (variadic: the grammar)
  private fParameterList(): { params: ParamDecl[]; variadic: boolean } {
    const params: ParamDecl[] = [];
    const t = this.fk(1);
    if (t === T.Void && this.fk(2) === T.RParen) this.fNext();
    else if (t === T.Ellipsis) throw BAIL;
    else if (t !== T.RParen) {
      params.push(this.fParameter());
      while (this.fk(1) === T.Comma && this.fk(2) !== T.Ellipsis) {
        this.fNext();
        params.push(this.fParameter());
      }
      if (this.fk(1) === T.Comma || this.fk(1) === T.Ellipsis) throw BAIL;
    }
    return { params, variadic: false };
  }

  // parameter = declSpecifiers declarator? ('=' initClause)?
  protected fParameter(): ParamDecl {
    const start = this.startSpan();
    const b = this.fDeclSpecifiers('param');
    const d = this.fDeclarator('maybe');
    let def: Expr | undefined;
    if (this.fk(1) === T.Assign) {
      this.fNext();
      def = this.fInitClause();
    }
    if (!b.base) this.problem('expectedParameter', start);
    const type = d.wrap(b.base ?? { kind: 'builtin', name: 'int', span: start });
    const hasSpecs = hasKeys(b.specs.spans) || b.specs.align !== undefined;
    const p: Record<string, unknown> = { kind: 'param' };
    if (d.name) p['name'] = lastName(d.name);
    p['type'] = type;
    if (def) p['default'] = def;
    if (hasSpecs) p['specs'] = b.specs;
    p['span'] = this.spanFrom(start);
    return p as unknown as ParamDecl;
  }

  // typeId = declSpecifiers declarator(abstract)
  protected fTypeId(): TypeNode {
    const start = this.startSpan();
    const b = this.fDeclSpecifiers('type');
    const d = this.fDeclarator('abstract');
    if (!b.base) this.problem('expectedTypeName', start);
    const t = d.wrap(b.base ?? { kind: 'builtin', name: 'int', span: start });
    return Object.assign({}, t, { span: joinSpans(start, this.spanOf(this.LA(0))) });
  }

  /** defined in fast.ts */
  protected abstract fRecordSpecifier(b: SpecBuilder): void;
}
