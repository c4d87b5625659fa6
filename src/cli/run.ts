/**
 * `kcc run FILE.cu --kernel NAME --grid X[,Y[,Z]] --block X[,Y[,Z]] [--shared BYTES]
 *  --arg SPEC... [--target T] [--out FILE.json] [--stats] [--no-sanitize] [-D N=V] [-I DIR]`:
 * compiles FILE with the library API, launches one kernel with buffers and scalars made from
 * the `--arg` specs (src/support/args.ts), and prints a summary per buffer (first values and a
 * checksum). `--out` writes `{kernel, target, buffers: [{arg, type, data}], stats}`.
 *
 * Exit codes (API.md): 0 ok; 1 user error (compile errors, bad specs, a refused launch);
 * 2 usage; 3 a kernel fault (clang-style `file:line:col: error: …` naming block and thread);
 * 70 internal error.
 */
import type { Command } from 'commander';
import { device, type Device } from '../api/device.js';
import { CompileError, KernelFault, LaunchError, TargetUnavailableError } from '../api/errors.js';
import type { DeviceBuffer, TypedArray } from '../api/buffer.js';
import type { KernelArgValue, LaunchResult } from '../api/module.js';
import { isTargetName } from '../api/targets.js';
import { ArgSpecError, bufferValues, materializeBuffer, materializeScalar, parseArgSpec, typedArrayFor, type ArgSpec, type BufferArgSpec } from '../support/args.js';
import { readSource } from './compile-command.js';
import { ExitCode, UsageError } from './exit-codes.js';
import { processIO, type CliIO } from './io.js';

export interface RunCliOptions {
  kernel?: string;
  grid?: string;
  block?: string;
  shared?: string;
  arg: string[];
  target: string;
  out?: string;
  stats?: boolean;
  sanitize: boolean;
  fuel?: string;
  D: string[];
  I: string[];
}

const collect = (v: string, acc: string[]) => [...acc, v];

/** Adds `run` to the kcc command line; the exit code goes to `onExit`. */
export function registerRunCommand(program: Command, io: CliIO = processIO(), onExit: (code: number) => void = (c) => void (process.exitCode = c)): void {
  program
    .command('run')
    .description('compile FILE and run one kernel launch (on interp), printing the buffers')
    .argument('<file>', 'the CUDA source file')
    .option('--kernel <name>', 'the kernel to launch (a template by name expression: "reduce<float, 256>")')
    .option('--grid <dims>', 'blocks: X[,Y[,Z]]')
    .option('--block <dims>', 'threads per block: X[,Y[,Z]]')
    .option('--shared <bytes>', 'dynamic shared memory per block, in bytes')
    .option('--arg <spec>', 'a kernel argument, one per parameter in order (TYPE=VALUE, TYPE[COUNT][=INIT])', collect, [])
    .option('--target <target>', 'the target to run on', 'interp')
    .option('--out <file>', 'write the buffers and statistics as JSON')
    .option('--stats', 'print the launch statistics')
    .option('--no-sanitize', 'turn the interpreter\'s sanitizer off')
    .option('--fuel <n>', 'instruction budget of the launch (interp)')
    .option('-D <name[=value]>', 'define a macro', collect, [])
    .option('-I <dir>', 'add a directory to the include search path', collect, [])
    .action(async (file: string, opts: RunCliOptions) => {
      onExit(await runRun(io, file, opts));
    });
}

function dims(flag: string, v: string | undefined): number[] {
  if (v === undefined) throw new UsageError(`kcc run: ${flag} X[,Y[,Z]] is required`);
  const parts = v.split(',');
  if (parts.length > 3 || parts.some((p) => !/^[0-9]+$/.test(p.trim()) || Number(p) < 1))
    throw new UsageError(`invalid value '${v}' for ${flag} (expected X[,Y[,Z]] of positive integers)`);
  return parts.map(Number);
}

function nonNegative(flag: string, v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  if (!/^[0-9]+$/.test(v)) throw new UsageError(`invalid value '${v}' for ${flag} (expected a non-negative integer)`);
  return Number(v);
}

function defines(defs: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const d of defs) {
    const eq = d.indexOf('=');
    const name = eq < 0 ? d : d.slice(0, eq);
    if (!/^[A-Za-z_]\w*$/.test(name)) throw new UsageError(`macro name must be an identifier in '-D${d}'`);
    out[name] = eq < 0 ? '' : d.slice(eq + 1);
  }
  return out;
}

const ELEMENT_SIZE = { i8: 1, u8: 1, i16: 2, u16: 2, f16: 2, bf16: 2, i32: 4, u32: 4, f32: 4, i64: 8, u64: 8, f64: 8 } as const;

/** A number for JSON: non-finite values as strings that Number() reads back. */
const jsonNumber = (x: number): number | string => (Number.isFinite(x) ? x : String(x));

/** Runs `kcc run` and returns the exit code. Usage errors throw UsageError. */
export async function runRun(io: CliIO, file: string, opts: RunCliOptions): Promise<number> {
  if (!opts.kernel) throw new UsageError('kcc run: --kernel NAME is required (running a whole program\'s main is not available in this version)');
  if (!isTargetName(opts.target)) throw new UsageError(`unknown target '${opts.target}' for --target`);
  const grid = dims('--grid', opts.grid);
  const block = dims('--block', opts.block);
  const sharedBytes = nonNegative('--shared', opts.shared) ?? 0;
  const fuel = nonNegative('--fuel', opts.fuel);
  const defs = defines(opts.D);
  const userError = (msg: string): number => {
    io.stderr(`kcc: error: ${msg}\n`);
    return ExitCode.userError;
  };

  const source = readSource(io, file, { format: 'text', color: io.colorStderr });
  if (source === undefined) return ExitCode.userError;
  let specs: ArgSpec[];
  try {
    specs = opts.arg.map(parseArgSpec);
  } catch (e) {
    if (e instanceof ArgSpecError) return userError(e.message);
    throw e;
  }

  let dev: Device | undefined;
  try {
    dev = await device(opts.target, { sanitize: opts.sanitize });
    const mod = await dev.compile(source, { filename: file, includePaths: opts.I, defines: defs, kernels: [opts.kernel] });
    const bufs: (DeviceBuffer | undefined)[] = [];
    const args: KernelArgValue[] = specs.map((s, i) => {
      if (s.kind === 'scalar') return materializeScalar(s);
      const b = dev!.upload(materializeBuffer(s, (p) => io.readFile(p)), `arg${i}`);
      bufs[i] = b;
      return b;
    });
    let r: LaunchResult;
    try {
      r = await mod.launch(opts.kernel, { grid, block, sharedBytes, ...(fuel !== undefined ? { fuel } : {}) }, args);
    } catch (e) {
      if (e instanceof KernelFault) {
        if (e.printf) io.stdout(e.printf);
        io.stderr(`${e.message}\n`);
        return ExitCode.fault;
      }
      throw e;
    }
    if (r.printf) io.stdout(r.printf);
    const buffers: { arg: number; type: string; data: number[] }[] = [];
    for (let i = 0; i < specs.length; i++) {
      const s = specs[i]!;
      if (s.kind !== 'buffer') continue;
      const data = bufferValues(s.type, await download(dev, bufs[i]!, s));
      buffers.push({ arg: i, type: s.type, data });
      io.stdout(summary(i, s, data));
    }
    const st = r.stats;
    io.stdout(`${opts.kernel}: ${st.threads} threads in ${st.blocks} blocks, ${st.instructions} instructions, ${st.wallMs.toFixed(1)} ms on ${st.target}${st.sanitize ? '' : ' (sanitizer off)'}\n`);
    if (opts.stats) io.stdout(statsTable(st as unknown as Record<string, unknown>));
    if (opts.out) {
      const json = { kernel: opts.kernel, target: st.target, buffers: buffers.map((b) => ({ ...b, data: b.data.map(jsonNumber) })), stats: st };
      io.writeFile(opts.out, JSON.stringify(json, null, 1) + '\n');
    }
    return ExitCode.ok;
  } catch (e) {
    if (e instanceof CompileError) {
      io.stderr(`${e.message}\n`);
      return ExitCode.userError;
    }
    if (e instanceof LaunchError || e instanceof TargetUnavailableError || e instanceof ArgSpecError) return userError(e.message);
    throw e;
  } finally {
    dev?.dispose();
  }
}

async function download(dev: Device, b: DeviceBuffer, s: BufferArgSpec): Promise<TypedArray> {
  const bytes = await dev.download(b, Uint8Array);
  const out = typedArrayFor(s.type, s.count);
  new Uint8Array(out.buffer, out.byteOffset, out.byteLength).set(bytes.subarray(0, s.count * ELEMENT_SIZE[s.type]));
  return out;
}

/** `arg 3 f32[1000]: 1.5, 2, …  (sum 1234.5)` */
function summary(i: number, s: BufferArgSpec, data: number[]): string {
  const first = data.slice(0, 8).map((x) => String(x)).join(', ');
  let sum = 0;
  for (const x of data) sum += x;
  return `arg ${i} ${s.type}[${data.length}]: ${first}${data.length > 8 ? ', …' : ''}  (sum ${sum})\n`;
}

function statsTable(stats: Record<string, unknown>): string {
  const rows = Object.entries(stats).map(([k, v]) => [k, typeof v === 'number' && !Number.isInteger(v) ? v.toFixed(3) : String(v)] as const);
  const w = Math.max(...rows.map(([k]) => k.length));
  return rows.map(([k, v]) => `  ${k.padEnd(w)}  ${v}\n`).join('');
}
