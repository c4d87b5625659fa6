/**
 * The preprocessor's diagnostics (KCC1100–KCC1499). Codes are stable: a retired message keeps
 * its number and is never reused.
 */
import { type DiagnosticTable, registerDiagnostics } from '../../support/diagnostics/index.js';

export const ppDiagnostics = {
  // conditionals
  unterminatedConditional: { code: 'KCC1100', severity: 'error', message: "unterminated '#{directive}'" },
  endifWithoutIf: { code: 'KCC1101', severity: 'error', message: '#endif without #if' },
  elseWithoutIf: { code: 'KCC1102', severity: 'error', message: '#else without #if' },
  elifWithoutIf: { code: 'KCC1103', severity: 'error', message: '#elif without #if' },
  elseAfterElse: { code: 'KCC1104', severity: 'error', message: '#else after #else' },
  elifAfterElse: { code: 'KCC1105', severity: 'error', message: '#elif after #else' },
  unknownDirective: { code: 'KCC1106', severity: 'error', message: "invalid preprocessing directive '#{name}'" },
  // macro definitions
  macroRedefined: { code: 'KCC1107', severity: 'warning', message: "'{name}' macro redefined" },
  macroNameMissing: { code: 'KCC1108', severity: 'error', message: 'macro name missing' },
  macroNameNotIdentifier: { code: 'KCC1109', severity: 'error', message: 'macro name must be an identifier' },
  definedAsMacroName: { code: 'KCC1110', severity: 'error', message: "'defined' cannot be used as a macro name" },
  badParameterList: { code: 'KCC1111', severity: 'error', message: "invalid token '{token}' in macro parameter list" },
  missingParenInParams: { code: 'KCC1112', severity: 'error', message: "missing ')' in macro parameter list" },
  duplicateParameter: { code: 'KCC1113', severity: 'error', message: "duplicate macro parameter name '{name}'" },
  hashNotParameter: { code: 'KCC1114', severity: 'error', message: "'#' is not followed by a macro parameter" },
  pasteAtEdge: { code: 'KCC1115', severity: 'error', message: "'##' cannot appear at either end of a macro expansion" },
  vaArgsOutsideVariadic: { code: 'KCC1116', severity: 'warning', message: '__VA_ARGS__ can only appear in the expansion of a variadic macro' },
  vaOptSyntax: { code: 'KCC1117', severity: 'error', message: "__VA_OPT__ must be followed by '(' … ')' in a variadic macro" },
  // macro invocations
  tooManyArguments: { code: 'KCC1120', severity: 'error', message: "too many arguments provided to function-like macro invocation of '{name}' (expected {expected}, have {count})" },
  tooFewArguments: { code: 'KCC1121', severity: 'error', message: "too few arguments provided to function-like macro invocation of '{name}' (expected {expected}, have {count})" },
  unterminatedInvocation: { code: 'KCC1122', severity: 'error', message: "unterminated function-like macro invocation of '{name}'" },
  invalidPaste: { code: 'KCC1123', severity: 'error', message: "pasting formed '{text}', an invalid preprocessing token" },
  expansionTooLarge: { code: 'KCC1124', severity: 'error', message: 'macro expansion produced more than {limit} tokens; preprocessing stopped here' },
  expansionTooDeep: { code: 'KCC1125', severity: 'error', message: 'macro invocations nested more than {limit} deep in macro arguments' },
  pragmaOperator: { code: 'KCC1126', severity: 'error', message: '_Pragma takes a parenthesized string literal' },
  // includes
  includeTooDeep: { code: 'KCC1130', severity: 'error', message: '#include nested more than {limit} deep' },
  includeNotFound: { code: 'KCC1131', severity: 'error', message: "'{name}' file not found" },
  headerSkipped: { code: 'KCC1132', severity: 'note', message: "'<{name}>' is not a header kcc provides; assuming it is host-only and skipping it" },
  includeExpectsName: { code: 'KCC1133', severity: 'error', message: '#{directive} expects "FILENAME" or <FILENAME>' },
  pragmaOnceInMain: { code: 'KCC1134', severity: 'warning', message: '#pragma once in main file' },
  hasIncludeSyntax: { code: 'KCC1135', severity: 'error', message: "'{name}' expects a header name in parentheses" },
  // other directives
  errorDirective: { code: 'KCC1140', severity: 'error', message: '{message}' },
  warningDirective: { code: 'KCC1141', severity: 'warning', message: '{message}' },
  lineNumberInvalid: { code: 'KCC1142', severity: 'error', message: '#line directive requires a positive integer argument' },
  extraTokens: { code: 'KCC1143', severity: 'warning', message: 'extra tokens at end of #{directive} directive' },
  // #if expressions
  ifNoExpression: { code: 'KCC1150', severity: 'error', message: '#{directive} with no expression' },
  ifExpectedValue: { code: 'KCC1151', severity: 'error', message: "expected value in expression, found '{token}'" },
  ifBadToken: { code: 'KCC1152', severity: 'error', message: "token '{token}' is not valid in a preprocessor expression" },
  ifMissingParen: { code: 'KCC1153', severity: 'error', message: "expected ')' in preprocessor expression" },
  ifMissingColon: { code: 'KCC1154', severity: 'error', message: "expected ':' in conditional expression" },
  ifDivisionByZero: { code: 'KCC1155', severity: 'error', message: '{op} by zero in preprocessor expression' },
  ifFloat: { code: 'KCC1156', severity: 'error', message: 'floating-point literal in preprocessor expression' },
  ifTooDeep: { code: 'KCC1157', severity: 'error', message: 'preprocessor expression nested more than {limit} deep' },
  ifDefinedSyntax: { code: 'KCC1158', severity: 'error', message: "macro name must be an identifier after 'defined'" },
  ifBadNumber: { code: 'KCC1159', severity: 'error', message: "invalid integer constant '{token}' in preprocessor expression" },
  ifIntegerTooLarge: { code: 'KCC1160', severity: 'warning', message: "integer constant '{token}' is too large for its type" },
} as const satisfies DiagnosticTable;

registerDiagnostics(ppDiagnostics);
