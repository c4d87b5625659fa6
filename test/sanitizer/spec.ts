/**
 * The annotations of the sanitizer suite's kernels (test/sanitizer/*.cu) and how to run one.
 *
 * Each file starts with a launch line and marks the buggy line with the fault it must cause:
 *
 *   // LAUNCH: kernel=k grid=2 block=64 args=f32[100]=iota,i32=100 [shared=BYTES] [fuel=N]
 *   ...
 *   out[i] = in[i];   // EXPECT-FAULT: out-of-bounds [block=1,0,0] [thread=36,0,0] ["message text"]
 *
 * `grid`/`block` are `X`, `XxY` or `XxYxZ`; `args` are `--arg` specs (src/support/args.ts)
 * joined by commas (a comma starts a new spec only where a type name follows, so comma lists
 * such as `f32[3]=1,2,3` work). The launch must report exactly the annotated (kind, line) pairs
 * — no fault more, none less; `block=`/`thread=` (x[,y[,z]]), `detail=NAME` (the detail of an
 * undefined-behaviour fault) and a quoted message substring narrow the first fault reported on
 * that line. A line may carry one annotation; a file may have several.
 *
 * A file with `// EXPECT-NO-FAULT` is a control: it must run clean (exited threads, atomics and
 * barriers used correctly are not reported). A file with `// SANITIZER-TODO: reason` documents
 * a bug class the interpreter cannot detect; the test lists it as `it.todo` with that reason
 * (none does at present: every class of issue 3 is detected).
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { lowerSource } from '../../src/frontend/lower/index.js';
import { type DeviceBuffer, type Fault, type KernelArg, type LaunchResult, Memory, interpret } from '../../src/ir/index.js';
import { type ArgSpec, materializeArgs, parseArgSpec } from '../../src/support/args.js';
import { formatDiagnostics } from '../../src/support/diagnostics/index.js';

export type Dim = [number, number, number];

export interface Expectation {
  kind: string;
  line: number;
  block?: Dim;
  thread?: Dim;
  message?: string;
  /** the fault's `detail` (undefined behaviour: signed-overflow, shift, division-by-zero, float-to-int) */
  detail?: string;
}

export interface SanitizerCase {
  file: string;
  name: string;
  source: string;
  kernel: string;
  grid: Dim;
  block: Dim;
  args: ArgSpec[];
  sharedBytes?: number;
  fuel?: number;
  expect: Expectation[];
  noFault: boolean;
  todo?: string;
}

const TYPE_START = /,(?=(?:i8|u8|i16|u16|i32|u32|i64|u64|f16|bf16|f32|f64)[=[])/;

function dim(text: string, what: string): Dim {
  const parts = text.split(/[x,]/).map(Number);
  if (!parts.length || parts.length > 3 || parts.some((v) => !Number.isInteger(v) || v < 0)) throw new Error(`bad ${what} '${text}'`);
  return [parts[0]!, parts[1] ?? (what === 'grid' || what === 'block' ? 1 : 0), parts[2] ?? (what === 'grid' || what === 'block' ? 1 : 0)];
}

export function parseCase(path: string): SanitizerCase {
  const source = readFileSync(path, 'utf8');
  const lines = source.split('\n');
  const launch = lines.map((l) => /\/\/\s*LAUNCH:\s*(.*)$/.exec(l)?.[1]).find((x) => x !== undefined);
  if (!launch) throw new Error(`${path}: no '// LAUNCH:' line`);
  const kv = new Map<string, string>();
  for (const m of launch.trim().matchAll(/(\w+)=(\S+)/g)) kv.set(m[1]!, m[2]!);
  const kernel = kv.get('kernel');
  if (!kernel) throw new Error(`${path}: LAUNCH needs kernel=`);
  const argText = kv.get('args') ?? '';
  const c: SanitizerCase = {
    file: path,
    name: basename(path, '.cu'),
    source,
    kernel,
    grid: dim(kv.get('grid') ?? '1', 'grid'),
    block: dim(kv.get('block') ?? '1', 'block'),
    args: argText ? argText.split(TYPE_START).map(parseArgSpec) : [],
    sharedBytes: kv.has('shared') ? Number(kv.get('shared')) : undefined,
    fuel: kv.has('fuel') ? Number(kv.get('fuel')) : undefined,
    expect: [],
    noFault: /\/\/\s*EXPECT-NO-FAULT\b/.test(source),
  };
  lines.forEach((l, i) => {
    const m = /\/\/\s*EXPECT-FAULT:\s*([\w-]+)(.*)$/.exec(l);
    if (!m) return;
    const e: Expectation = { kind: m[1]!, line: i + 1 };
    const rest = m[2]!;
    const b = /\bblock=([\d,]+)/.exec(rest);
    if (b) e.block = dim(b[1]!, 'fault block');
    const t = /\bthread=([\d,]+)/.exec(rest);
    if (t) e.thread = dim(t[1]!, 'fault thread');
    const d = /\bdetail=([\w-]+)/.exec(rest);
    if (d) e.detail = d[1]!;
    const msg = /"([^"]*)"/.exec(rest);
    if (msg) e.message = msg[1]!;
    c.expect.push(e);
  });
  const todo = /\/\/\s*SANITIZER-TODO:\s*(.*)$/m.exec(source);
  if (todo) c.todo = todo[1]!.trim();
  return c;
}

export interface CaseRun {
  result: LaunchResult;
  faults: Fault[];
  buffers: (DeviceBuffer | undefined)[];
  memory: Memory;
}

/** lowers the file and launches its kernel with the sanitizer on (or off) */
export function runCase(c: SanitizerCase, sanitize = true): CaseRun {
  const r = lowerSource(c.source, { filename: basename(c.file), kernels: [c.kernel] });
  const errors = r.diagnostics.list.filter((d) => d.severity === 'error');
  if (errors.length || !r.lowered) throw new Error(`${c.file} does not compile:\n${formatDiagnostics(r.sources, errors)}`);
  const k = r.lowered.kernels.find((x) => x.name === c.kernel);
  if (!k) throw new Error(`${c.file}: no kernel ${c.kernel}`);
  const memory = new Memory();
  const buffers: (DeviceBuffer | undefined)[] = [];
  const args: KernelArg[] = materializeArgs(c.args).map((v, i) => {
    if (typeof v === 'number' || typeof v === 'bigint') return v;
    return (buffers[i] = memory.upload(v, k.params[i]?.name ?? `arg${i}`));
  });
  const result = interpret(r.lowered.module, k.func, {
    grid: c.grid, block: c.block, args, memory, sharedBytes: c.sharedBytes, sanitize, ...(c.fuel ? { fuel: c.fuel } : {}),
  });
  return { result, faults: result.faults, buffers, memory };
}

/** `kind@line` of each fault, sorted and deduplicated */
export function faultKeys(faults: readonly { kind: string; loc?: { line: number } }[]): string[] {
  return [...new Set(faults.map((f) => `${f.kind}@${f.loc?.line ?? '?'}`))].sort();
}

export function describeFaults(faults: readonly Fault[]): string {
  return faults.map((f) => `${f.kind} at ${f.loc ? `${f.loc.line}:${f.loc.col}` : '?'} block (${f.block}) thread (${f.thread})${f.fatal ? ' [fatal]' : ''}: ${f.message}`).join('\n');
}
