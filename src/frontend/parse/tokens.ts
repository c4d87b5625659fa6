/**
 * The parser's token vocabulary: one chevrotain token type per keyword and punctuator, plus
 * categories the grammar matches as a group (binary operators, assignment operators, builtin
 * type words, simple declaration specifiers, and `NonBracket` for skipping balanced text such
 * as `__attribute__((…))` or a lambda body).
 *
 * No chevrotain lexer is built: the preprocessor's tokens are mapped onto these types by
 * `convert.ts` (keywords by a lookup table, punctuators by their text).
 */
import { Lexer, createToken, type TokenType } from 'chevrotain';

const NA = Lexer.NA;

// ---- categories -------------------------------------------------------------------------

/** every token except brackets and EOF: what `balanced` skips over */
export const NonBracket = createToken({ name: 'NonBracket', pattern: NA });
/** `* / % + - << < > <= >= == != & ^ | && ||` (precedence is a table in expressions.ts) */
export const BinaryOperator = createToken({ name: 'BinaryOperator', pattern: NA });
/** `++ -- + - ! ~ * &` as prefix operators */
export const UnaryOperator = createToken({ name: 'UnaryOperator', pattern: NA });
/** `= *= /= %= += -= <<= >>= &= ^= |=` */
export const AssignOperator = createToken({ name: 'AssignOperator', pattern: NA });
/** `void bool char short int long float double signed unsigned wchar_t char16_t char32_t` */
export const BuiltinTypeWord = createToken({ name: 'BuiltinTypeWord', pattern: NA });
/** storage classes, function specifiers and CUDA execution/memory-space specifiers */
export const SimpleSpecifier = createToken({ name: 'SimpleSpecifier', pattern: NA });
/** `const volatile` */
export const CvQualifier = createToken({ name: 'CvQualifier', pattern: NA });
/** `__restrict__ __restrict` */
export const RestrictQualifier = createToken({ name: 'RestrictQualifier', pattern: NA });
/** `static_cast reinterpret_cast const_cast dynamic_cast` */
export const CastKeyword = createToken({ name: 'CastKeyword', pattern: NA });
/** `struct class union` */
export const RecordKeyword = createToken({ name: 'RecordKeyword', pattern: NA });
/** `public protected private` */
export const AccessKeyword = createToken({ name: 'AccessKeyword', pattern: NA });
/** `asm __asm__ __asm` */
export const AsmKeyword = createToken({ name: 'AsmKeyword', pattern: NA });
/** `__attribute__ __declspec`: followed by a parenthesised list kcc ignores */
export const GnuAttributeKeyword = createToken({ name: 'GnuAttributeKeyword', pattern: NA });

const categories: TokenType[] = [
  NonBracket, BinaryOperator, UnaryOperator, AssignOperator, BuiltinTypeWord, SimpleSpecifier, CvQualifier, RestrictQualifier,
  CastKeyword, RecordKeyword, AccessKeyword, AsmKeyword, GnuAttributeKeyword,
];

function tok(name: string, ...cats: TokenType[]): TokenType {
  return createToken({ name, pattern: NA, categories: [NonBracket, ...cats] });
}

// ---- token classes of the preprocessor --------------------------------------------------

export const Identifier = tok('Identifier');
export const NumberLit = tok('NumberLit');
export const CharLit = tok('CharLit');
export const StringLit = tok('StringLit');
/** `#pragma unroll [N]`: expanded by convert.ts into PragmaUnroll <count tokens> PragmaEnd */
export const PragmaUnroll = tok('PragmaUnroll');
export const PragmaEnd = tok('PragmaEnd');
/** a punctuator kcc does not know (`@`, `$`, a stray `#`): always a syntax error */
export const Unknown = tok('Unknown');

// ---- keywords ---------------------------------------------------------------------------

/** keyword text → token type */
export const KEYWORDS = new Map<string, TokenType>();

function kw(text: string, ...cats: TokenType[]): TokenType {
  const t = tok('Kw_' + text, ...cats);
  KEYWORDS.set(text, t);
  return t;
}

function alias(text: string, t: TokenType): void {
  KEYWORDS.set(text, t);
}

export const Void = kw('void', BuiltinTypeWord);
export const Bool = kw('bool', BuiltinTypeWord);
export const Char = kw('char', BuiltinTypeWord);
export const Short = kw('short', BuiltinTypeWord);
export const Int = kw('int', BuiltinTypeWord);
export const Long = kw('long', BuiltinTypeWord);
export const Float = kw('float', BuiltinTypeWord);
export const Double = kw('double', BuiltinTypeWord);
export const Signed = kw('signed', BuiltinTypeWord);
alias('__signed__', Signed);
alias('__signed', Signed);
export const Unsigned = kw('unsigned', BuiltinTypeWord);
export const WcharT = kw('wchar_t', BuiltinTypeWord);
export const Char16T = kw('char16_t', BuiltinTypeWord);
export const Char32T = kw('char32_t', BuiltinTypeWord);
export const Auto = kw('auto');

export const Const = kw('const', CvQualifier);
export const Volatile = kw('volatile', CvQualifier);
alias('__volatile__', Volatile);
export const Restrict = kw('__restrict__', RestrictQualifier);
alias('__restrict', Restrict);

export const SIMPLE_SPECIFIER_WORDS = [
  'static', 'extern', 'register', 'thread_local', 'mutable', 'inline', '__inline__', '__inline', 'constexpr', 'consteval',
  'constinit', 'virtual', 'explicit', 'friend', '__global__', '__device__', '__host__', '__shared__', '__constant__',
  '__managed__', '__forceinline__', '__noinline__', '__grid_constant__',
] as const;
export const Static = kw('static', SimpleSpecifier);
export const Extern = kw('extern', SimpleSpecifier);
for (const w of SIMPLE_SPECIFIER_WORDS) if (!KEYWORDS.has(w)) kw(w, SimpleSpecifier);

export const Typedef = kw('typedef');
export const LaunchBounds = kw('__launch_bounds__');
export const Align = kw('__align__');
export const Alignas = kw('alignas');
export const Alignof = kw('alignof');
alias('__alignof__', Alignof);
export const Sizeof = kw('sizeof');
export const Decltype = kw('decltype');
alias('__typeof__', Decltype);
export const Attribute = kw('__attribute__', GnuAttributeKeyword);
export const Declspec = kw('__declspec', GnuAttributeKeyword);

export const Struct = kw('struct', RecordKeyword);
export const Class = kw('class', RecordKeyword);
export const Union = kw('union', RecordKeyword);
export const Enum = kw('enum');
export const Template = kw('template');
export const Typename = kw('typename');
export const Namespace = kw('namespace');
export const Using = kw('using');
export const Operator = kw('operator');
export const Public = kw('public', AccessKeyword);
export const Protected = kw('protected', AccessKeyword);
export const Private = kw('private', AccessKeyword);

export const If = kw('if');
export const Else = kw('else');
export const Switch = kw('switch');
export const Case = kw('case');
export const Default = kw('default');
export const While = kw('while');
export const Do = kw('do');
export const For = kw('for');
export const Break = kw('break');
export const Continue = kw('continue');
export const Return = kw('return');
export const Goto = kw('goto');
export const Try = kw('try');
export const Catch = kw('catch');
export const Throw = kw('throw');
export const Asm = kw('asm', AsmKeyword);
alias('__asm__', Asm);
alias('__asm', Asm);

export const New = kw('new');
export const Delete = kw('delete');
export const This = kw('this');
export const Nullptr = kw('nullptr');
export const True = kw('true');
export const False = kw('false');
export const StaticAssert = kw('static_assert');
alias('_Static_assert', StaticAssert);
export const Noexcept = kw('noexcept');
export const Typeid = kw('typeid');
export const StaticCast = kw('static_cast', CastKeyword);
export const ReinterpretCast = kw('reinterpret_cast', CastKeyword);
export const ConstCast = kw('const_cast', CastKeyword);
export const DynamicCast = kw('dynamic_cast', CastKeyword);

// ---- punctuators ------------------------------------------------------------------------

/** punctuator text → token type */
export const PUNCTUATORS = new Map<string, TokenType>();

function punct(text: string, name: string, ...cats: TokenType[]): TokenType {
  // brackets are the only tokens outside NonBracket
  const t = /^[()[\]{}]$/.test(text) ? createToken({ name, pattern: NA }) : tok(name, ...cats);
  PUNCTUATORS.set(text, t);
  return t;
}

export const LParen = punct('(', 'LParen');
export const RParen = punct(')', 'RParen');
export const LBracket = punct('[', 'LBracket');
export const RBracket = punct(']', 'RBracket');
export const LBrace = punct('{', 'LBrace');
export const RBrace = punct('}', 'RBrace');
export const Semi = punct(';', 'Semi');
export const Colon = punct(':', 'Colon');
export const ColonColon = punct('::', 'ColonColon');
export const Comma = punct(',', 'Comma');
export const Dot = punct('.', 'Dot');
export const Ellipsis = punct('...', 'Ellipsis');
export const Arrow = punct('->', 'Arrow');
export const ArrowStar = punct('->*', 'ArrowStar');
export const DotStar = punct('.*', 'DotStar');
export const Question = punct('?', 'Question');
export const Tilde = punct('~', 'Tilde', UnaryOperator);
export const Bang = punct('!', 'Bang', UnaryOperator);
export const PlusPlus = punct('++', 'PlusPlus', UnaryOperator);
export const MinusMinus = punct('--', 'MinusMinus', UnaryOperator);
export const Hash = punct('#', 'Hash');
export const HashHash = punct('##', 'HashHash');
export const Spaceship = punct('<=>', 'Spaceship');

export const Star = punct('*', 'Star', BinaryOperator, UnaryOperator);
export const Slash = punct('/', 'Slash', BinaryOperator);
export const Percent = punct('%', 'Percent', BinaryOperator);
export const Plus = punct('+', 'Plus', BinaryOperator, UnaryOperator);
export const Minus = punct('-', 'Minus', BinaryOperator, UnaryOperator);
export const ShiftLeft = punct('<<', 'ShiftLeft', BinaryOperator);
export const Less = punct('<', 'Less', BinaryOperator);
/** `>`; a `>>` arrives here as two adjacent `>` (see convert.ts) */
export const Greater = punct('>', 'Greater', BinaryOperator);
export const LessEq = punct('<=', 'LessEq', BinaryOperator);
export const GreaterEq = punct('>=', 'GreaterEq', BinaryOperator);
export const EqEq = punct('==', 'EqEq', BinaryOperator);
export const NotEq = punct('!=', 'NotEq', BinaryOperator);
export const Amp = punct('&', 'Amp', BinaryOperator, UnaryOperator);
export const Caret = punct('^', 'Caret', BinaryOperator);
export const Pipe = punct('|', 'Pipe', BinaryOperator);
export const AmpAmp = punct('&&', 'AmpAmp', BinaryOperator);
export const PipePipe = punct('||', 'PipePipe', BinaryOperator);

export const Assign = punct('=', 'Assign', AssignOperator);
for (const [text, name] of [
  ['*=', 'StarAssign'], ['/=', 'SlashAssign'], ['%=', 'PercentAssign'], ['+=', 'PlusAssign'], ['-=', 'MinusAssign'],
  ['<<=', 'ShlAssign'], ['>>=', 'ShrAssign'], ['&=', 'AmpAssign'], ['^=', 'CaretAssign'], ['|=', 'PipeAssign'],
] as const) punct(text, name, AssignOperator);

/** every token type, categories first (the parser's vocabulary) */
export const ALL_TOKENS: TokenType[] = [
  ...categories,
  Identifier, NumberLit, CharLit, StringLit, PragmaUnroll, PragmaEnd, Unknown,
  ...new Set(KEYWORDS.values()),
  ...PUNCTUATORS.values(),
];

/** how an error message spells a token type ("expected ';'") */
export function spell(t: TokenType): string {
  for (const [text, tt] of PUNCTUATORS) if (tt === t) return `'${text}'`;
  for (const [text, tt] of KEYWORDS) if (tt === t) return `'${text}'`;
  switch (t) {
    case Identifier: return 'identifier';
    case NumberLit: return 'number';
    case StringLit: return 'string literal';
    case CharLit: return 'character literal';
    default: return t.name;
  }
}
