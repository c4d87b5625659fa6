/**
 * The NPU simulator's diagnostics (codes KCC6100–KCC6399): 61xx assembler, 62xx faults found
 * while simulating (each names the instruction's line and column, the core and the pipe),
 * 63xx launch (arguments against the kernel's parameters, config).
 */
import { registerDiagnostics, type DiagnosticTable } from '../../support/diagnostics/index.js';

export const npuDiagnostics = {
  // assembler
  badChar: { code: 'KCC6101', severity: 'error', message: "unexpected character '{char}'" },
  unknownInstr: { code: 'KCC6102', severity: 'error', message: "unknown instruction '{name}'" },
  expected: { code: 'KCC6103', severity: 'error', message: "expected {what}, found '{found}'" },
  operandCount: { code: 'KCC6104', severity: 'error', message: "'{name}' takes {expected} operand{s}, found {got}" },
  operandKind: { code: 'KCC6105', severity: 'error', message: "operand {index} of '{name}' must be {kind}" },
  unknownOption: { code: 'KCC6106', severity: 'error', message: "'{name}' has no option '{opt}'{hint}" },
  missingOption: { code: 'KCC6107', severity: 'error', message: "'{name}' needs option '{opt}='" },
  undefinedLabel: { code: 'KCC6108', severity: 'error', message: "undefined label '{name}'" },
  duplicateLabel: { code: 'KCC6109', severity: 'error', message: "label '{name}' is defined twice" },
  badSuffix: { code: 'KCC6110', severity: 'error', message: "'{name}': {problem}" },
  badRegister: { code: 'KCC6111', severity: 'error', message: "register '{reg}' does not exist (s0..s31, f0..f31)" },
  kernelDirective: { code: 'KCC6112', severity: 'error', message: '{problem}' },
  badAlloc: { code: 'KCC6113', severity: 'error', message: '.alloc: {problem}' },
  allocOverflow: { code: 'KCC6114', severity: 'error', message: "buffer overflow: .alloc '{name}' ends at byte {end} of {space}, whose capacity is {capacity} bytes" },
  unknownDirective: { code: 'KCC6115', severity: 'error', message: "unknown directive '{name}'" },
  undefinedSymbol: { code: 'KCC6116', severity: 'error', message: "undefined symbol '{name}'" },
  badParam: { code: 'KCC6117', severity: 'error', message: "parameter '{name}': {problem}" },
  badImmediate: { code: 'KCC6118', severity: 'error', message: '{problem}' },
  badWord: { code: 'KCC6120', severity: 'error', message: "'{value}' is not a valid value of '{opt}' (expected {expected})" },
  duplicateOption: { code: 'KCC6121', severity: 'error', message: "option '{opt}' is given twice" },
  badFlag: { code: 'KCC6122', severity: 'error', message: '{problem}' },
  symbolSpace: { code: 'KCC6123', severity: 'error', message: "'{name}' is an allocation in {space}, not in {want}" },
  // faults (simulation)
  faultOverflow: { code: 'KCC6201', severity: 'error', message: 'buffer overflow: {detail}' },
  faultMisaligned: { code: 'KCC6202', severity: 'error', message: 'misaligned access: {detail}' },
  faultOutOfAllocation: { code: 'KCC6203', severity: 'error', message: 'address outside any allocation: {detail}' },
  faultRace: { code: 'KCC6204', severity: 'error', message: 'race: {detail}' },
  faultDeadlock: { code: 'KCC6205', severity: 'error', message: 'deadlock: {detail}' },
  faultStepBudget: { code: 'KCC6206', severity: 'error', message: 'step budget exhausted: {detail}' },
  faultArith: { code: 'KCC6207', severity: 'error', message: 'arithmetic fault: {detail}' },
  faultOperand: { code: 'KCC6208', severity: 'error', message: 'invalid operand: {detail}' },
  faultNote: { code: 'KCC6209', severity: 'note', message: '{detail}' },
  // launch and config
  argCount: { code: 'KCC6301', severity: 'error', message: "kernel '{kernel}' takes {expected} argument{s}, got {got}" },
  argType: { code: 'KCC6302', severity: 'error', message: "argument {index} ('{param}': {ptype}) cannot take '{spec}': {problem}" },
  gmExhausted: { code: 'KCC6303', severity: 'error', message: 'global memory exhausted: {detail}' },
  badConfig: { code: 'KCC6304', severity: 'error', message: 'invalid NPU config: {detail}' },
  badArgSpec: { code: 'KCC6305', severity: 'error', message: '{detail}' },
} as const satisfies DiagnosticTable;

registerDiagnostics(npuDiagnostics);

export type NpuDiagnostic = keyof typeof npuDiagnostics;
