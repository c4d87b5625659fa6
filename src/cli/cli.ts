/**
 * The `kcc` command line (commander), runnable in-process: `runCli(argv, io)` returns the exit
 * code instead of exiting, so tests and the filetest runner drive it directly.
 *
 * Flags follow clang: `-D NAME[=VAL]`, `-I DIR`, `-o OUT`, `-O0..-O3`, `-E`, `-fsyntax-only`,
 * `-ferror-limit=N`, `-f[no-]color-diagnostics`. Usage errors print clang-style
 * (`kcc: error: unknown argument: '--foo'`) and exit 2.
 */
import { readFileSync } from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import { ExitCode, UsageError } from './exit-codes.js';
import type { CliIO } from './io.js';
import { runCompile, type EmitKind } from './compile-command.js';
import type { DiagnosticsFormat } from './diagnostics-output.js';
import { registerSimCommand } from './sim.js';
import { registerRunCommand } from './run.js';
import { isTargetName, requireTarget } from '../api/targets.js';
import { TargetUnavailableError } from '../api/errors.js';

export const KCC_VERSION: string = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

const collect = (v: string, acc: string[]) => [...acc, v];

/** `-f` flags kcc understands, with what they take. */
const F_FLAGS: Record<string, 'bool' | 'int'> = {
  'syntax-only': 'bool',
  'color-diagnostics': 'bool',
  'no-color-diagnostics': 'bool',
  'error-limit': 'int',
};

interface RootOptions {
  D: string[];
  U: string[];
  I: string[];
  o?: string;
  O?: string;
  E?: boolean;
  f: string[];
  emit?: string;
  target?: string;
  kernel: string[];
  diagnosticsFormat: DiagnosticsFormat;
}

export async function runCli(argv: readonly string[], io: CliIO): Promise<number> {
  let exitCode: number = ExitCode.ok;
  const program = new Command('kcc');
  program
    .description('kcc: compile CUDA C++ kernels for CPUs, WebGPU and NPUs')
    .version(KCC_VERSION, '--version', 'print the version')
    .helpOption('-h, --help', 'show this help')
    .usage('[options] FILE.cu')
    .argument('[file]', 'the CUDA source file')
    .option('-D <name[=value]>', 'define a macro', collect, [])
    .option('-U <name>', 'undefine a macro', collect, [])
    .option('-I <dir>', 'add a directory to the include search path', collect, [])
    .option('-o <file>', 'write the output to FILE (default: stdout)')
    .option('-O <level>', 'optimisation level 0-3 (default 2)')
    .option('-E', 'preprocess only: print the preprocessed source')
    .option('-f <flag>', 'compiler flags: -fsyntax-only, -ferror-limit=N, -f[no-]color-diagnostics', collect, [])
    .addOption(new Option('--emit <kind>', 'what to write: ast, kir (llvm, ptx, asm, wgsl, bindings: with their targets)').choices(['ast', 'kir', 'llvm', 'ptx', 'asm', 'wgsl', 'bindings']))
    .option('--target <target>', 'interp llvm-cpu llvm-nvptx llvm-amdgpu wgsl npu-sim (without --emit, the target\'s artifact is written)')
    .option('--kernel <name>', 'instantiate a template kernel by name, e.g. "reduce<float, 256>"', collect, [])
    .addOption(new Option('--diagnostics-format <format>', 'text (clang style) or json').choices(['text', 'json']).default('text'))
    .showSuggestionAfterError(false)
    // options after a subcommand name belong to it (`kcc run F --kernel K`, not the root's --kernel)
    .enablePositionalOptions()
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout(s),
      // commander's own error text is replaced by a clang-style line below
      writeErr: (s) => {
        if (!s.startsWith('error:')) io.stderr(s);
      },
    })
    .action((file: string | undefined, opts: RootOptions) => {
      exitCode = compileAction(io, file, opts);
    });

  // subcommands: each registers itself and reports its exit code back here
  registerSimCommand(program, io, (code) => (exitCode = code));
  registerRunCommand(program, io, (code) => (exitCode = code));

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return ExitCode.ok;
      io.stderr(`kcc: error: ${clangStyle(e)}\nTry 'kcc --help' for more information.\n`);
      return ExitCode.usage;
    }
    if (e instanceof UsageError) {
      io.stderr(`kcc: error: ${e.message}\nTry 'kcc --help' for more information.\n`);
      return ExitCode.usage;
    }
    const err = e as Error;
    io.stderr(
      `kcc: internal compiler error: ${err?.message ?? String(e)}\n` +
        `This is a bug in kcc, not in your program; please report it with the input file.\n${err?.stack ?? ''}\n`,
    );
    return ExitCode.internal;
  }
}

function compileAction(io: CliIO, file: string | undefined, opts: RootOptions): number {
  if (!file) throw new UsageError('no input files');
  const f = parseFFlags(opts.f);
  if (opts.O !== undefined && !/^[0-3]$/.test(opts.O)) throw new UsageError(`invalid optimisation level '-O${opts.O}' (expected -O0, -O1, -O2 or -O3)`);
  let emit: EmitKind = 'none';
  if (opts.target !== undefined && !isTargetName(opts.target)) throw new UsageError(`unknown target '${opts.target}' for --target`);
  const unavailable = (what: string): number => {
    io.stderr(`kcc: error: ${what}\n`);
    return ExitCode.userError;
  };
  if (opts.target !== undefined) {
    try {
      requireTarget(opts.target, 'compile');
    } catch (e) {
      if (e instanceof TargetUnavailableError) return unavailable(e.message);
      throw e;
    }
  }
  if (opts.emit && opts.emit !== 'ast' && opts.emit !== 'kir')
    return unavailable(`--emit ${opts.emit} is not available in this version of kcc (available: ast, kir)`);
  if (opts.E) emit = 'preprocessed';
  else if (f['syntax-only']) emit = 'none';
  else if (opts.emit === 'ast') emit = 'ast';
  else if (opts.emit === 'kir' || opts.target === 'interp') emit = 'kir';
  const color = f['color-diagnostics'] ? true : f['no-color-diagnostics'] ? false : io.colorStderr;
  return runCompile(io, {
    file,
    emit,
    output: opts.o,
    frontend: {
      defines: parseDefines(opts.D),
      undefines: opts.U,
      includePaths: opts.I,
      instantiate: opts.kernel.filter((k) => k.includes('<')),
      errorLimit: typeof f['error-limit'] === 'number' ? f['error-limit'] || Infinity : undefined,
    },
    diagnostics: { format: opts.diagnosticsFormat, color },
    kernels: opts.kernel,
  });
}

function parseFFlags(flags: readonly string[]): Record<string, boolean | number> {
  const out: Record<string, boolean | number> = {};
  for (const raw of flags) {
    const eq = raw.indexOf('=');
    const name = eq < 0 ? raw : raw.slice(0, eq);
    const kind = F_FLAGS[name];
    if (!kind) throw new UsageError(`unknown argument: '-f${raw}'`);
    if (kind === 'bool') {
      if (eq >= 0) throw new UsageError(`'-f${name}' takes no value`);
      out[name] = true;
    } else {
      const v = eq < 0 ? NaN : Number(raw.slice(eq + 1));
      if (!Number.isInteger(v) || v < 0) throw new UsageError(`invalid value in '-f${raw}' (expected -f${name}=N)`);
      out[name] = v;
    }
  }
  return out;
}

function parseDefines(defs: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const d of defs) {
    const eq = d.indexOf('=');
    const name = eq < 0 ? d : d.slice(0, eq);
    if (!/^[A-Za-z_]\w*$/.test(name)) throw new UsageError(`macro name must be an identifier in '-D${d}'`);
    out[name] = eq < 0 ? '' : d.slice(eq + 1);
  }
  return out;
}

function clangStyle(e: CommanderError): string {
  const m = /^error: (.*)$/s.exec(e.message.trim());
  const msg = m ? m[1]! : e.message;
  const unknown = /^unknown option '(.*)'$/.exec(msg);
  if (unknown) return `unknown argument: '${unknown[1]}'`;
  return msg;
}
