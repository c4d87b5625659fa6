/**
 * The base of the parser class chain: chevrotain set-up, per-item state, span helpers, the
 * hand-written lookahead predicates bound to the current position, and the declarations of
 * every grammar rule. The rules themselves are defined by the subclasses, one file per part
 * of the grammar:
 *
 *   core → names → expressions → types → templates → declarations → records → statements →
 *   parser.ts (the last link, which performs chevrotain's self-analysis)
 *
 * A rule may call any other rule: chevrotain records the grammar only after every
 * constructor has run.
 */
import {
  EarlyExitException, EmbeddedActionsParser, type IParserErrorMessageProvider, type IToken, NoViableAltException,
  type ParserMethod, type TokenType, tokenMatcher,
} from 'chevrotain';
import type {
  CompoundStmt, Decl, Expr, FunctionDecl, InitItem, LoopPragma, NamePart, ParamDecl, QualifiedName, Stmt, TemplateArg,
  TemplateParam, TypeNode, VarDecl,
} from '../ast.js';
import { type Span, joinSpans } from '../../support/source.js';
import { type Declarator, type DeclaratorSuffix, NO_SPAN, type PtrOp, type SpecBuilder } from './build.js';
import type { KToken } from './convert.js';
import type { ParseDiagnosticKey } from './diagnostics.js';
import * as L from './lookahead.js';
import { type NameEntry, NameTable } from './scope.js';
import { ALL_TOKENS, RBrace, spell } from './tokens.js';

/** clang's default -fbracket-depth */
export const BRACKET_LIMIT = 256;
/** recursion of unbracketed constructs (`- - - x`, `a = b = …`, `if … else if …`, `A<A<…>>`) */
export const NEST_LIMIT = 256;

/** thrown (and caught per item) when recursion would go deeper than NEST_LIMIT */
export class NestingTooDeep extends Error {
  constructor(readonly token: IToken) {
    super('nesting too deep');
  }
}

/** A problem found by a grammar action (bad literal, impossible specifier combination). */
export interface SyntaxProblem {
  readonly key: ParseDiagnosticKey;
  readonly arg?: string;
  readonly span: Span;
}

/** what a name in a declaration or expression resolved to */
export interface ResolvedName {
  readonly name: QualifiedName;
  readonly entry: NameEntry | undefined;
}

/** what `declSpecifiers` returns: the accumulated specifiers and the base type */
export type DeclSpecContext = 'decl' | 'member' | 'block' | 'param' | 'type' | 'for';

/** chevrotain's messages, as keys of the parser's diagnostics table (see diagnostics.ts) */
const MESSAGES: IParserErrorMessageProvider = {
  buildMismatchTokenMessage: ({ expected }) => `expectedToken|${spell(expected)}`,
  buildNotAllInputParsedMessage: ({ firstRedundant }) =>
    firstRedundant.tokenType === RBrace ? 'extraneousClosingBrace' : `extraneousAfterDecl|'${firstRedundant.image}'`,
  buildNoViableAltMessage: ({ customUserDescription }) => customUserDescription ?? 'expectedExpression',
  buildEarlyExitMessage: ({ customUserDescription }) => customUserDescription ?? 'expectedExpression',
};

export abstract class ParserCore extends EmbeddedActionsParser {
  // ---- state of the parse in progress (reset per item by `beginItem`) ----
  table = new NameTable();
  /** inside `<…>` template arguments or a `<<<…>>>` launch: `>` closes, it is not an operator */
  noGreater = false;
  assumeTemplates = false;
  nest = 0;
  problems: SyntaxProblem[] = [];
  warnings: SyntaxProblem[] = [];
  /** template parameters for the declaration about to be parsed */
  pendingTemplate: TemplateParam[] | undefined;
  /** template parameters for the record specifier of the declaration being parsed */
  specTemplate: TemplateParam[] | undefined;

  // ---- expressions.ts ----
  declare empty: ParserMethod<[], undefined>;
  declare expression: ParserMethod<[], Expr>;
  declare assignment: ParserMethod<[], Expr>;
  declare initClause: ParserMethod<[], Expr>;
  declare braceInit: ParserMethod<[], Expr>;
  declare initItem: ParserMethod<[], InitItem>;
  declare binary: ParserMethod<[], Expr>;
  declare unary: ParserMethod<[], Expr>;
  declare parenStart: ParserMethod<[], Expr>;
  declare postfix: ParserMethod<[], Expr>;
  declare primary: ParserMethod<[], Expr>;
  declare nameExpression: ParserMethod<[], Expr>;
  declare qualifiedName: ParserMethod<[], ResolvedName>;
  declare namePart: ParserMethod<[prev?: NameEntry, first?: boolean, global?: boolean, forced?: boolean], { part: NamePart; entry: NameEntry | undefined }>;
  declare operatorName: ParserMethod<[], string>;
  declare templateArgs: ParserMethod<[], TemplateArg[]>;
  declare templateArg: ParserMethod<[], TemplateArg>;
  declare callArguments: ParserMethod<[], Expr[]>;
  declare newExpression: ParserMethod<[], Expr>;
  declare lambda: ParserMethod<[], Expr>;
  declare balanced: ParserMethod<[], void>;
  // ---- types.ts ----
  declare declSpecifiers: ParserMethod<[ctx?: DeclSpecContext], SpecBuilder>;
  declare attributeSpecifier: ParserMethod<[b?: SpecBuilder], void>;
  declare declarator: ParserMethod<[mode?: 'named' | 'maybe' | 'abstract'], Declarator>;
  declare ptrOperator: ParserMethod<[], PtrOp>;
  declare declaratorSuffix: ParserMethod<[], DeclaratorSuffix>;
  declare parameterList: ParserMethod<[], { params: ParamDecl[]; variadic: boolean }>;
  declare parameter: ParserMethod<[], ParamDecl>;
  declare typeId: ParserMethod<[], TypeNode>;
  // ---- templates.ts ----
  declare templateDeclaration: ParserMethod<[ctx?: DeclSpecContext], Decl[]>;
  declare templateParameter: ParserMethod<[], TemplateParam>;
  declare explicitInstantiation: ParserMethod<[], Decl[]>;
  // ---- statements.ts ----
  declare statement: ParserMethod<[], Stmt>;
  declare compoundStatement: ParserMethod<[], CompoundStmt>;
  declare loopPragma: ParserMethod<[], LoopPragma>;
  declare simpleStatement: ParserMethod<[], Stmt>;
  declare condition: ParserMethod<[], Expr | VarDecl>;
  declare forStatement: ParserMethod<[pragmas?: LoopPragma[]], Stmt>;
  declare asmStatement: ParserMethod<[], Stmt>;
  // ---- records.ts ----
  declare recordSpecifier: ParserMethod<[b?: SpecBuilder], void>;
  declare enumSpecifier: ParserMethod<[b?: SpecBuilder], void>;
  declare memberDeclaration: ParserMethod<[], Decl[]>;
  // ---- declarations.ts ----
  declare topLevelItem: ParserMethod<[], Decl[]>;
  declare declaration: ParserMethod<[ctx?: DeclSpecContext], Decl[]>;
  declare declarationStatement: ParserMethod<[], Decl[]>;
  declare usingDeclaration: ParserMethod<[], Decl[]>;
  declare namespaceAlias: ParserMethod<[], Decl[]>;
  declare staticAssert: ParserMethod<[], Decl[]>;
  declare functionBody: ParserMethod<[fn?: FunctionDecl], FunctionDecl>;
  declare initializerTail: ParserMethod<[d?: Decl, member?: boolean], Decl>;

  constructor(validate: boolean) {
    super(ALL_TOKENS, { maxLookahead: 1, skipValidations: !validate, errorMessageProvider: MESSAGES });
  }

  /** Start parsing one item: fresh chevrotain state, balanced flags. */
  beginItem(tokens: KToken[]): void {
    this.input = tokens;
    this.noGreater = false;
    this.nest = 0;
    this.problems = [];
    this.warnings = [];
    this.pendingTemplate = undefined;
    this.specTemplate = undefined;
  }

  // ---- tokens and spans ----

  protected get ctx(): L.LookaheadContext {
    return this as unknown as L.LookaheadContext;
  }

  /** index of LA(1) in the item's token array */
  protected get pos(): number {
    return (this as unknown as { currIdx: number }).currIdx + 1;
  }

  protected is(k: number, t: TokenType): boolean {
    return tokenMatcher(this.LA(k), t);
  }

  protected spanOf(t: IToken): Span {
    return (t as Partial<KToken>).src?.span ?? NO_SPAN;
  }

  protected startSpan(): Span {
    return this.spanOf(this.LA(1));
  }

  /** from `start` through the last consumed token */
  protected spanFrom(start: Span): Span {
    return joinSpans(start, this.spanOf(this.LA(0)));
  }

  protected problem(key: ParseDiagnosticKey, span: Span, arg?: string): void {
    this.problems.push({ key, span, arg });
  }

  protected warn(key: ParseDiagnosticKey, span: Span, arg?: string): void {
    this.warnings.push({ key, span, arg });
  }

  protected enterNest(): void {
    if (++this.nest > NEST_LIMIT) throw new NestingTooDeep(this.LA(1));
  }

  protected leaveNest(): void {
    this.nest--;
  }

  /** text of the tokens from index `from` to the current position (operator names) */
  protected textFrom(from: number): string {
    return (this.input as KToken[]).slice(from, this.pos).map((t) => t.image).join(' ');
  }

  // ---- predicates at the current position ----

  protected declarationAhead(): boolean {
    return L.declarationAt(this.ctx, this.pos, this.table.currentRecord);
  }

  protected castAhead(): boolean {
    return L.castAt(this.ctx, this.pos);
  }

  protected typeIdAhead(offset = 0): boolean {
    return L.typeIdAt(this.ctx, this.pos + offset);
  }

  protected namedTypeAhead(required: boolean): boolean {
    return L.namedTypeAt(this.ctx, this.pos, required, this.table.currentRecord);
  }

  protected parameterListAhead(): boolean {
    return L.parameterListAt(this.ctx, this.pos);
  }

  // ---- chevrotain error construction without its grammar analysis (errors stay cheap) ----

  raiseNoAltException(_occurrence: number, errMsgTypes: string | undefined): never {
    const e = new NoViableAltException(errMsgTypes ?? 'expectedExpression', this.LA(1), this.LA(0));
    throw (this as unknown as { SAVE_ERROR(e: Error): Error }).SAVE_ERROR(e);
  }

  raiseEarlyExitException(_occurrence: number, _prodType: unknown, userDefinedErrMsg: string | undefined): never {
    const e = new EarlyExitException(userDefinedErrMsg ?? 'expectedExpression', this.LA(1), this.LA(0));
    throw (this as unknown as { SAVE_ERROR(e: Error): Error }).SAVE_ERROR(e);
  }
}
