/**
 * The parser's diagnostics (KCC2001–KCC2999), worded as clang words them.
 *
 * The grammar names a message by its key (chevrotain's ERR_MSG); an argument may follow the
 * key after a `|` (`expectedLParenAfter|if`), and `items.ts` turns the key into a diagnostic.
 */
import { type DiagnosticDef, type DiagnosticTable, registerDiagnostics } from '../../support/diagnostics/index.js';

export const parseDiagnostics = {
  expectedToken: { code: 'KCC2001', severity: 'error', message: 'expected {arg}' },
  expectedExpression: { code: 'KCC2002', severity: 'error', message: 'expected expression' },
  expectedSemiAfterExpr: { code: 'KCC2003', severity: 'error', message: "expected ';' after expression" },
  expectedSemiAfterDecl: { code: 'KCC2004', severity: 'error', message: "expected ';' at end of declaration" },
  expectedSemiAfterStmt: { code: 'KCC2005', severity: 'error', message: "expected ';' after {arg} statement" },
  expectedSemiAfterRecord: { code: 'KCC2006', severity: 'error', message: "expected ';' after {arg}" },
  expectedSemiAfterStaticAssert: { code: 'KCC2007', severity: 'error', message: "expected ';' after static_assert" },
  expectedLParenAfter: { code: 'KCC2008', severity: 'error', message: "expected '(' after '{arg}'" },
  expectedIdentifier: { code: 'KCC2009', severity: 'error', message: 'expected identifier' },
  expectedUnqualifiedId: { code: 'KCC2010', severity: 'error', message: 'expected unqualified-id' },
  expectedTypeName: { code: 'KCC2011', severity: 'error', message: 'expected a type' },
  expectedStatement: { code: 'KCC2012', severity: 'error', message: 'expected statement' },
  expectedDeclaration: { code: 'KCC2013', severity: 'error', message: 'expected a declaration' },
  expectedMemberDeclaration: { code: 'KCC2014', severity: 'error', message: 'expected member declaration' },
  expectedWhileInDo: { code: 'KCC2015', severity: 'error', message: "expected 'while' in do/while loop" },
  expectedColonAfter: { code: 'KCC2016', severity: 'error', message: "expected ':' after '{arg}'" },
  expectedColonInConditional: { code: 'KCC2017', severity: 'error', message: "expected ':' in conditional expression" },
  expectedFunctionBody: { code: 'KCC2018', severity: 'error', message: 'expected function body after function declarator' },
  expectedParameter: { code: 'KCC2019', severity: 'error', message: 'expected parameter declarator' },
  expectedTemplateClose: { code: 'KCC2020', severity: 'error', message: "expected '>' to close the template argument list" },
  expectedTemplateParameter: { code: 'KCC2021', severity: 'error', message: 'expected template parameter' },
  expectedMemberName: { code: 'KCC2022', severity: 'error', message: "expected member name after '{arg}'" },
  expectedRParenAfter: { code: 'KCC2023', severity: 'error', message: "expected ')' after {arg}" },
  expectedRBracket: { code: 'KCC2024', severity: 'error', message: "expected ']' after array subscript" },
  expectedRBraceAtEnd: { code: 'KCC2025', severity: 'error', message: "expected '}' at end of {arg}" },
  expectedEnumerator: { code: 'KCC2026', severity: 'error', message: 'expected enumerator name' },
  expectedNamespaceBody: { code: 'KCC2027', severity: 'error', message: "expected '{' or '=' after namespace name" },
  expectedInitializer: { code: 'KCC2028', severity: 'error', message: 'expected initializer' },
  expectedLaunchClose: { code: 'KCC2029', severity: 'error', message: "expected '>>>' to close the kernel launch configuration" },
  expectedStringLiteral: { code: 'KCC2030', severity: 'error', message: 'expected string literal' },
  unexpectedToken: { code: 'KCC2031', severity: 'error', message: 'unexpected {arg}' },
  extraneousAfterDecl: { code: 'KCC2032', severity: 'error', message: 'extraneous {arg} after declaration' },
  extraneousClosingBrace: { code: 'KCC2033', severity: 'error', message: "extraneous closing brace ('}')" },
  typeRequired: { code: 'KCC2034', severity: 'error', message: 'a type specifier is required for all declarations' },
  cannotCombine: { code: 'KCC2035', severity: 'error', message: "cannot combine with previous '{arg}' declaration specifier" },
  nestingTooDeep: { code: 'KCC2036', severity: 'error', message: 'nesting too deep (limit {limit})' },
  emptyCharConstant: { code: 'KCC2037', severity: 'error', message: 'empty character constant' },
  invalidIntSuffix: { code: 'KCC2038', severity: 'error', message: "invalid suffix '{arg}' on integer constant" },
  invalidFloatSuffix: { code: 'KCC2039', severity: 'error', message: "invalid suffix '{arg}' on floating constant" },
  invalidOctalDigit: { code: 'KCC2040', severity: 'error', message: "invalid digit '{arg}' in octal constant" },
  integerTooLarge: { code: 'KCC2041', severity: 'error', message: 'integer literal is too large to be represented in any integer type' },
  exponentNoDigits: { code: 'KCC2042', severity: 'error', message: 'exponent has no digits' },
  invalidNumber: { code: 'KCC2043', severity: 'error', message: "invalid numeric constant '{arg}'" },
  hexEscapeRange: { code: 'KCC2044', severity: 'error', message: 'hex escape sequence out of range' },
  multiCharConstant: { code: 'KCC2045', severity: 'warning', message: 'multi-character character constant' },
  unknownEscape: { code: 'KCC2046', severity: 'warning', message: "unknown escape sequence '\\{arg}'" },
  pragmaNotBeforeLoop: { code: 'KCC2047', severity: 'warning', message: "'#pragma {arg}' must precede a for, while or do loop; ignored" },
  setAside: { code: 'KCC2048', severity: 'note', message: 'host code outside the kcc subset set aside: {reason}' },
  unterminatedItem: { code: 'KCC2049', severity: 'error', message: "expected '{arg}' before end of file" },
  expectedRParenInParams: { code: 'KCC2050', severity: 'error', message: "expected ')' at end of parameter list" },
  expectedCaseValue: { code: 'KCC2051', severity: 'error', message: "expected expression after 'case'" },
  templateWithoutDecl: { code: 'KCC2052', severity: 'error', message: 'expected a declaration after template parameter list' },
  expectedQualifiedName: { code: 'KCC2053', severity: 'error', message: "expected a name after '::'" },
  internalError: { code: 'KCC2999', severity: 'error', message: 'internal error in the parser: {message}' },
} as const satisfies DiagnosticTable;

export type ParseDiagnosticKey = keyof typeof parseDiagnostics;

registerDiagnostics(parseDiagnostics);

/** `key` or `key|arg` (chevrotain ERR_MSG) → definition and arguments */
export function decodeMessage(message: string): { def: DiagnosticDef; args: Record<string, string> } {
  const bar = message.indexOf('|');
  const key = bar < 0 ? message : message.slice(0, bar);
  const arg = bar < 0 ? '' : message.slice(bar + 1);
  const def = (parseDiagnostics as Record<string, DiagnosticDef>)[key];
  if (def) return { def, args: { arg } };
  return { def: parseDiagnostics.unexpectedToken, args: { arg: message } };
}

/** The message text of an encoded key, as a set-aside reason. */
export function messageText(message: string): string {
  const { def, args } = decodeMessage(message);
  return def.message.replace(/\{(\w+)\}/g, (m, n: string) => args[n] ?? m);
}
