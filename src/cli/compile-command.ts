/**
 * `kcc FILE.cu [options]`: run the frontend on one file and write what `--emit` asks for.
 *
 * Outputs: `-E` (preprocessed source), `--emit ast`, `-fsyntax-only` (check only; also what a
 * bare `kcc FILE.cu` does), and `--emit kir` — the KIR of the source→KIR pipeline
 * (src/api/pipeline.ts), which is also the artifact of `--target interp`.
 */
import { driverDiagnostics } from '../support/diagnostics/index.js';
import { DiagnosticBag } from '../support/diagnostics/index.js';
import { SourceManager } from '../support/source.js';
import { runFrontend, type FrontendOptions } from '../frontend/index.js';
import { printAst } from '../frontend/ast-print.js';
import { printTokens } from '../frontend/tokens-print.js';
import { CompileError } from '../api/errors.js';
import { compileToKir } from '../api/pipeline.js';
import { printModule } from '../ir/index.js';
import { ExitCode } from './exit-codes.js';
import type { CliIO } from './io.js';
import { printDiagnostics, type DiagnosticsStyle } from './diagnostics-output.js';

export type EmitKind = 'ast' | 'preprocessed' | 'kir' | 'none';

export interface CompileCommand {
  file: string;
  emit: EmitKind;
  output?: string;
  frontend: FrontendOptions;
  diagnostics: DiagnosticsStyle;
  /** `--kernel` names (template instances are created on request) */
  kernels?: string[];
}

export function runCompile(io: CliIO, cmd: CompileCommand): number {
  const text = readSource(io, cmd.file, cmd.diagnostics);
  if (text === undefined) return ExitCode.userError;
  if (cmd.emit === 'kir') return emitKir(io, cmd, text);

  const stopAfter = cmd.emit === 'preprocessed' ? 'preprocess' : 'check';
  const fe = runFrontend(text, { ...cmd.frontend, filename: cmd.file, stopAfter });
  printDiagnostics(io, fe.diagnostics, cmd.diagnostics);
  if (!fe.ok) return ExitCode.userError;

  let artifact: string | undefined;
  if (cmd.emit === 'preprocessed') artifact = printTokens(fe.tokens, fe.sources);
  else if (cmd.emit === 'ast' && fe.ast) artifact = printAst(fe.ast, fe.sources);
  if (artifact !== undefined) {
    if (cmd.output && cmd.output !== '-') io.writeFile(cmd.output, artifact);
    else io.stdout(artifact);
  }
  return ExitCode.ok;
}

/** `--emit kir` / `--target interp`: source → verified KIR, printed. */
function emitKir(io: CliIO, cmd: CompileCommand, text: string): number {
  const fe = cmd.frontend;
  let artifact: string;
  try {
    const p = compileToKir(text, {
      filename: cmd.file, includePaths: fe.includePaths, defines: fe.defines, undefines: fe.undefines,
      kernels: cmd.kernels, errorLimit: fe.errorLimit,
    });
    printDiagnostics(io, p.bag, cmd.diagnostics); // warnings
    artifact = printModule(p.module);
  } catch (e) {
    if (!(e instanceof CompileError)) throw e;
    if (cmd.diagnostics.format === 'json') io.stderr(JSON.stringify({ diagnostics: e.diagnostics }, null, 2) + '\n');
    else io.stderr(`${e.message}\n`);
    return ExitCode.userError;
  }
  if (cmd.output && cmd.output !== '-') io.writeFile(cmd.output, artifact);
  else io.stdout(artifact);
  return ExitCode.ok;
}

/**
 * Reads the input; a missing file or binary data is a diagnostic, not a stack trace.
 * Binary data: a NUL byte in the file (no C++ source has one).
 */
export function readSource(io: CliIO, path: string, style: DiagnosticsStyle): string | undefined {
  const sources = new SourceManager();
  const bag = new DiagnosticBag(sources);
  let bytes: Buffer;
  try {
    bytes = io.readFile(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') bag.report(driverDiagnostics.fileNotFound, undefined, { path });
    else bag.report(driverDiagnostics.fileUnreadable, undefined, { path, reason: code ?? String(e) });
    printDiagnostics(io, bag, style);
    return undefined;
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    bag.report(driverDiagnostics.notText, undefined, { path, offset: nul });
    printDiagnostics(io, bag, style);
    return undefined;
  }
  return bytes.toString('utf8');
}
