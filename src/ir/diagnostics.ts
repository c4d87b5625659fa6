/**
 * KIR diagnostics (KCC4500–KCC4799): 45xx the text parser, 46xx the verifier (one code per
 * invariant, so tests and tools can tell which rule broke), 47xx reserved for the interpreter's
 * launch checks.
 */
import { type DiagnosticTable, registerDiagnostics } from '../support/diagnostics/index.js';

export const kirDiagnostics = {
  // parser
  parseExpected: { code: 'KCC4500', severity: 'error', message: 'expected {what}, found {found}' },
  parseUnknownOp: { code: 'KCC4501', severity: 'error', message: "unknown KIR op '{name}'" },
  parseUndefinedValue: { code: 'KCC4502', severity: 'error', message: "use of undefined value '%{name}'" },
  parseRedefinedValue: { code: 'KCC4503', severity: 'error', message: "value '%{name}' is defined twice" },
  parseBadType: { code: 'KCC4504', severity: 'error', message: 'invalid type: {reason}' },
  parseBadConst: { code: 'KCC4505', severity: 'error', message: "invalid constant '{text}' for {type}" },
  parseResultCount: { code: 'KCC4506', severity: 'error', message: "op '{name}' names {named} result(s) but has {typed} result type(s)" },
  parseUnknownAttr: { code: 'KCC4507', severity: 'error', message: "op '{name}' has no attribute '{attr}'" },
  parseBadChar: { code: 'KCC4508', severity: 'error', message: "unexpected character '{ch}'" },
  parseDuplicateSymbol: { code: 'KCC4509', severity: 'error', message: "symbol '@{name}' is defined twice" },
  // verifier: the invariant's name is in the message
  verifyArity: { code: 'KCC4600', severity: 'error', message: "[arity] op {op}: {detail}" },
  verifyTyping: { code: 'KCC4601', severity: 'error', message: "[typing] op {op}: {detail}" },
  verifyAttr: { code: 'KCC4602', severity: 'error', message: "[attributes] op {op}: {detail}" },
  verifyDominance: { code: 'KCC4603', severity: 'error', message: "[dominance] op {op}: {detail}" },
  verifyTerminator: { code: 'KCC4604', severity: 'error', message: "[terminator] {detail}" },
  verifyYield: { code: 'KCC4605', severity: 'error', message: "[yield] op {op}: {detail}" },
  verifyLoopExit: { code: 'KCC4606', severity: 'error', message: "[loop-exit] op {op}: {detail}" },
  verifyAddressSpace: { code: 'KCC4607', severity: 'error', message: "[address-space] op {op}: {detail}" },
  verifySymbol: { code: 'KCC4608', severity: 'error', message: "[symbol] op {op}: {detail}" },
  verifyCall: { code: 'KCC4609', severity: 'error', message: "[call] op {op}: {detail}" },
  verifyReturn: { code: 'KCC4610', severity: 'error', message: "[return] op {op}: {detail}" },
  verifyBarrier: { code: 'KCC4611', severity: 'error', message: "[barrier] op {op}: {detail}" },
  verifyModule: { code: 'KCC4612', severity: 'error', message: "[module] {detail}" },
  verifyRegions: { code: 'KCC4613', severity: 'error', message: "[regions] op {op}: {detail}" },
  // interpreter launch checks
  launchBadKernel: { code: 'KCC4700', severity: 'error', message: "no kernel '{name}' in the module" },
  launchBadArgs: { code: 'KCC4701', severity: 'error', message: 'kernel {name} takes {want} argument(s), got {got}' },
} as const satisfies DiagnosticTable;

registerDiagnostics(kirDiagnostics);
