/**
 * Lowering diagnostics (KCC4001–KCC4499): constructs the frontend accepts but lowering to KIR
 * cannot express. Each is reported at the construct's span; lowering then goes on with a
 * placeholder value so that one run reports every such construct, never crashing.
 */
import { type DiagnosticTable, registerDiagnostics } from '../../support/diagnostics/index.js';

export const lowerDiagnostics = {
  unsupportedExpr: { code: 'KCC4001', severity: 'error', message: "cannot lower this expression to KIR yet ({what})" },
  unsupportedBuiltin: { code: 'KCC4002', severity: 'error', message: "the built-in '{name}' ({id}) is not supported in device code by kcc yet" },
  unsupportedType: { code: 'KCC4003', severity: 'error', message: "the type '{type}' cannot be used in device code by kcc yet ({why})" },
  unsupportedStmt: { code: 'KCC4004', severity: 'error', message: "cannot lower this statement to KIR yet ({what})" },
  unsupportedConversion: { code: 'KCC4005', severity: 'error', message: "cannot lower the conversion '{kind}' from '{from}' to '{to}'" },
  staticInit: { code: 'KCC4006', severity: 'error', message: "function-scope static variable '{name}' needs a constant initialiser in device code (CUDA does not allow dynamic initialisation of device statics)" },
  roundingMode: { code: 'KCC4007', severity: 'error', message: "the rounding mode of '{name}' ({id}) is not supported; only round-to-nearest forms are" },
  printfFormat: { code: 'KCC4008', severity: 'error', message: 'the format of printf must be a string literal' },
  unknownKernel: { code: 'KCC4009', severity: 'error', message: "no kernel named '{name}' in this program" },
  hostOnly: { code: 'KCC4010', severity: 'error', message: "'{name}' is host-only and cannot be called from device code" },
  recursion: { code: 'KCC4011', severity: 'error', message: "'{name}' is called but has no device body" },
  internal: { code: 'KCC4099', severity: 'error', message: 'internal error while lowering to KIR: {message}' },
} as const satisfies DiagnosticTable;

registerDiagnostics(lowerDiagnostics);
