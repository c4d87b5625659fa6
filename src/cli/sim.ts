/**
 * `kcc sim FILE.s --arg SPEC... [--npu-config FILE.json] [--stats] [--trace FILE.json]
 *  [--out FILE.json] [--grid N] [--timing-only] [--no-race-check] [--max-steps N]`:
 * assembles NPU assembly and runs it on the simulator with the same `--arg` specs as `kcc run`.
 * Exit codes (API.md): 0 ok, 1 user error (assembler diagnostics, bad args or config),
 * 2 usage, 3 fault while simulating (race, overflow, deadlock, …), 70 internal error.
 */
import type { Command } from 'commander';
import { ArgSpecError, bufferValues, materializeArgs, parseArgSpec, type ArgSpec } from '../support/args.js';
import { DiagnosticBag, type DiagnosticDef } from '../support/diagnostics/index.js';
import { SourceManager } from '../support/source.js';
import {
  assemble, formatStats, NpuConfigError, NpuLaunchError, npuDiagnostics as D, parseConfigJson, SimFault, simulate,
  type NpuConfig, type SimArg,
} from '../targets/npu-sim/index.js';
import { printDiagnostics } from './diagnostics-output.js';
import { ExitCode, UsageError } from './exit-codes.js';
import { processIO, type CliIO } from './io.js';

export interface SimCliOptions {
  arg: string[];
  npuConfig?: string;
  stats?: boolean;
  trace?: string;
  out?: string;
  grid?: string;
  timingOnly?: boolean;
  raceCheck?: boolean;
  maxSteps?: string;
}

const collect = (v: string, acc: string[]) => [...acc, v];

/**
 * Adds `sim` to the kcc command line. The exit code goes to `onExit` (default: process.exitCode),
 * so an in-process runner can collect it.
 */
export function registerSimCommand(program: Command, io: CliIO = processIO(), onExit: (code: number) => void = (c) => void (process.exitCode = c)): void {
  program
    .command('sim')
    .description('run NPU assembly on the npu-sim simulator')
    .argument('<file>', 'NPU assembly file (.s)')
    .option('--arg <spec>', 'a kernel argument, one per parameter in order (TYPE=VALUE, TYPE[COUNT][=INIT])', collect, [])
    .option('--npu-config <file>', 'JSON overrides of the dv910b machine config')
    .option('--stats', 'print the statistics table')
    .option('--trace <file>', 'write a Chrome trace (Perfetto) of the run')
    .option('--out <file>', 'write the buffers and statistics as JSON')
    .option('--grid <n>', 'blocks of the launch (%nblocks; default: the number of cores)')
    .option('--timing-only', 'skip the functional model (buffers are not computed)')
    .option('--no-race-check', 'skip race detection')
    .option('--max-steps <n>', 'instruction budget, all cores together')
    .action((file: string, opts: SimCliOptions) => {
      onExit(runSim(io, file, opts));
    });
}

function positiveInt(flag: string, v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  if (!/^[0-9]+$/.test(v) || Number(v) < 1) throw new UsageError(`invalid value '${v}' for ${flag} (expected a positive integer)`);
  return Number(v);
}

/** Runs `kcc sim` and returns the exit code. Usage errors throw UsageError. */
export function runSim(io: CliIO, file: string, opts: SimCliOptions): number {
  const grid = positiveInt('--grid', opts.grid);
  const maxSteps = positiveInt('--max-steps', opts.maxSteps);
  const bag = new DiagnosticBag(new SourceManager());
  const style = { format: 'text' as const, color: io.colorStderr };
  const fail = (def: DiagnosticDef, args: Record<string, string | number>): number => {
    bag.report(def, undefined, args);
    printDiagnostics(io, bag, style);
    return ExitCode.userError;
  };
  try {
    let cfg: NpuConfig | undefined;
    if (opts.npuConfig) {
      try {
        cfg = parseConfigJson(io.readFile(opts.npuConfig).toString('utf8'));
      } catch (e) {
        if (e instanceof NpuConfigError) return fail(D.badConfig, { detail: `${opts.npuConfig}: ${e.message}` });
        return fail(D.badConfig, { detail: `cannot read '${opts.npuConfig}': ${(e as Error).message}` });
      }
    }
    let text: string;
    try {
      text = io.readFile(file).toString('utf8');
    } catch (e) {
      return fail(D.badArgSpec, { detail: `cannot read '${file}': ${(e as Error).message}` });
    }
    const asm = assemble(text, { filename: file, config: cfg, bag });
    if (!asm.program) {
      printDiagnostics(io, bag, style);
      return ExitCode.userError;
    }
    const program = asm.program;
    let specs: ArgSpec[];
    let values: SimArg[];
    try {
      specs = opts.arg.map(parseArgSpec);
      values = materializeArgs(specs, (p) => io.readFile(p)) as SimArg[];
    } catch (e) {
      if (e instanceof ArgSpecError) return fail(D.badArgSpec, { detail: e.message });
      throw e;
    }
    for (let i = 0; i < Math.min(specs.length, program.kernel.params.length); i++) {
      const p = program.kernel.params[i]!;
      const s = specs[i]!;
      if ((p.type === 'ptr') !== (s.kind === 'buffer'))
        return fail(D.argType, { index: i + 1, param: p.name, ptype: p.type, spec: opts.arg[i]!, problem: p.type === 'ptr' ? 'a pointer parameter takes a buffer (TYPE[COUNT])' : 'a scalar parameter takes TYPE=VALUE' });
    }
    let result;
    try {
      result = simulate(program, values, { config: cfg, trace: Boolean(opts.trace), functional: !opts.timingOnly, checkRaces: opts.raceCheck !== false, grid, maxSteps });
    } catch (e) {
      if (e instanceof NpuLaunchError) return fail(D[e.key], e.args);
      if (e instanceof SimFault) {
        reportFault(bag, e);
        printDiagnostics(io, bag, style);
        return ExitCode.fault;
      }
      throw e;
    }
    const buffers = specs.map((s, i) => {
      if (s.kind !== 'buffer') return undefined;
      const bytes = result.buffers[i]!;
      const size = { i8: 1, u8: 1, i16: 2, u16: 2, f16: 2, bf16: 2, i32: 4, u32: 4, f32: 4, i64: 8, u64: 8, f64: 8 }[s.type];
      const view = typedView(s.type, bytes, bytes.byteLength / size);
      return { arg: i, type: s.type, data: bufferValues(s.type, view) };
    });
    for (const b of buffers) {
      if (!b) continue;
      const first = b.data.slice(0, 8).map((x) => String(x)).join(', ');
      const sum = b.data.reduce((a, x) => a + x, 0);
      io.stdout(`arg ${b.arg} ${b.type}[${b.data.length}]: ${first}${b.data.length > 8 ? ', …' : ''}  (sum ${sum})\n`);
    }
    io.stdout(`${program.kernel.name}: ${result.stats.cycles} cycles (${result.stats.timeUs.toFixed(3)} µs), ${result.stats.boundBy}-bound at ${result.stats.rooflinePercent.toFixed(1)}% of roofline\n`);
    if (opts.stats) io.stdout(formatStats(result.stats));
    if (opts.trace) io.writeFile(opts.trace, JSON.stringify(result.trace));
    if (opts.out)
      io.writeFile(opts.out, JSON.stringify({ kernel: program.kernel.name, target: 'npu-sim', buffers: buffers.filter(Boolean), stats: result.stats }, null, 1));
    return ExitCode.ok;
  } catch (e) {
    if (e instanceof UsageError) throw e;
    const err = e as Error;
    io.stderr(`kcc: internal error in the NPU simulator: ${err?.message ?? String(e)}\n${err?.stack ?? ''}\n`);
    return ExitCode.internal;
  }
}

function typedView(type: string, b: Uint8Array, n: number): ArrayLike<number | bigint> {
  const buf = b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength);
  switch (type) {
    case 'i8': return new Int8Array(buf, 0, n);
    case 'u8': return new Uint8Array(buf, 0, n);
    case 'i16': return new Int16Array(buf, 0, n);
    case 'u16': case 'f16': case 'bf16': return new Uint16Array(buf, 0, n);
    case 'i32': return new Int32Array(buf, 0, n);
    case 'u32': return new Uint32Array(buf, 0, n);
    case 'i64': return new BigInt64Array(buf, 0, n);
    case 'u64': return new BigUint64Array(buf, 0, n);
    case 'f64': return new Float64Array(buf, 0, n);
    default: return new Float32Array(buf, 0, n);
  }
}

const FAULT_DEFS = {
  overflow: D.faultOverflow, misaligned: D.faultMisaligned, 'out-of-allocation': D.faultOutOfAllocation, race: D.faultRace,
  deadlock: D.faultDeadlock, 'step-budget': D.faultStepBudget, arith: D.faultArith, 'invalid-operand': D.faultOperand,
} as const;

/** A fault as a diagnostic at its instruction, with notes for where and the other access. */
export function reportFault(bag: DiagnosticBag, f: SimFault): void {
  const w = f.where;
  const where = [w.core !== undefined ? `core ${w.core}` : '', w.pipe ? `pipe ${w.pipe}` : '', w.time !== undefined ? `cycle ${Math.round(w.time)}` : ''].filter(Boolean).join(', ');
  const notes = [];
  if (where) notes.push({ message: `while simulating: ${where}` });
  for (const n of f.notes) notes.push({ message: n.message, span: n.ins?.span });
  bag.report(FAULT_DEFS[f.kind], w.ins?.span, { detail: f.detail }, notes);
}
