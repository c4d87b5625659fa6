/** Re-exports for the verifier tests. */
import { DiagnosticBag } from '../../src/support/diagnostics/index.js';
import { SourceManager } from '../../src/support/source.js';
export * from '../../src/ir/index.js';
export const DiagnosticBagFor = (): DiagnosticBag => new DiagnosticBag(new SourceManager());
