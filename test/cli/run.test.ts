/**
 * `kcc run` and `kcc FILE --emit kir` / `--target`, in-process: buffer summaries, `--out` JSON,
 * `--stats`, and the exit codes of API.md (0 ok, 1 user error, 2 usage, 3 kernel fault).
 * Both KIR input (`.kir`, independent of the CUDA lowering) and CUDA source.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/cli.js';
import { memoryIO } from '../../src/cli/io.js';

const SAXPY = `__global__ void saxpy(int n, float a, const float *x, float *y) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) y[i] = a * x[i] + y[i];
}
`;

const SAXPY_KIR = `kernel @saxpy(%n: i32, %a: f32, %x: ptr<global, f32>, %y: ptr<global, f32>) {
  %0 = block_id x : u32
  %1 = block_dim x : u32
  %2 = thread_id x : u32
  %3 = mul %0, %1 : u32
  %4 = add %3, %2 : u32
  %i = bitcast %4 : i32
  %c = cmp lt %i, %n : i1
  if %c {
    %px = ptradd %x, %i : ptr<global, f32>
    %py = ptradd %y, %i : ptr<global, f32>
    %xv = load %px : f32 loc("k.cu":3:25)
    %yv = load %py : f32
    %m = mul %a, %xv : f32
    %s = add %m, %yv : f32
    store %s, %py
    yield
  } else {
    yield
  }
  return
}
`;

async function kcc(argv: string[], files: Record<string, string>) {
  const io = memoryIO(files);
  const code = await runCli(argv, io);
  return { code, out: io.out, err: io.err, written: io.written };
}

const ARGS = ['--arg', 'i32=1000', '--arg', 'f32=2.5', '--arg', 'f32[1000]=iota', '--arg', 'f32[1000]=ones'];

describe('kcc run (KIR input)', () => {
  it('prints a summary per buffer and writes --out JSON', async () => {
    const r = await kcc(['run', 'k.kir', '--kernel', 'saxpy', '--grid', '4', '--block', '256', ...ARGS, '--out', 'o.json', '--stats'], { 'k.kir': SAXPY_KIR });
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('arg 2 f32[1000]: 0, 1, 2, 3, 4, 5, 6, 7, …  (sum 499500)');
    expect(r.out).toContain('arg 3 f32[1000]: 1, 3.5, 6, 8.5, 11, 13.5, 16, 18.5, …  (sum 1249750)');
    expect(r.out).toMatch(/saxpy: 1024 threads in 4 blocks, \d+ instructions/);
    expect(r.out).toMatch(/instructions\s+\d+/); // --stats table
    const json = JSON.parse(r.written['o.json']!) as { kernel: string; target: string; buffers: { arg: number; type: string; data: number[] }[]; stats: Record<string, unknown> };
    expect(json.kernel).toBe('saxpy');
    expect(json.target).toBe('interp');
    expect(json.buffers.map((b) => [b.arg, b.type, b.data.length])).toEqual([[2, 'f32', 1000], [3, 'f32', 1000]]);
    expect(json.buffers[1]!.data[2]).toBe(6);
    expect(json.stats['target']).toBe('interp');
    expect(typeof json.stats['wallMs']).toBe('number');
  });

  it('a kernel fault exits 3 with a clang-style diagnostic naming block and thread', async () => {
    const argv = ['run', 'k.kir', '--kernel', 'saxpy', '--grid', '4', '--block', '256', '--arg', 'i32=1001', '--arg', 'f32=2', '--arg', 'f32[1000]', '--arg', 'f32[1000]'];
    const r = await kcc(argv, { 'k.kir': SAXPY_KIR });
    expect(r.code).toBe(3);
    expect(r.err).toMatch(/^k\.cu:3:25: error: out-of-bounds load .*\(index 1000\).* in block \(3,0,0\), thread \(232,0,0\) \[KCC7001\]/);
    // the same launch without the sanitizer still faults (out-of-bounds is always checked)
    expect((await kcc([...argv, '--no-sanitize'], { 'k.kir': SAXPY_KIR })).code).toBe(3);
  });

  it('user errors exit 1: refused launches, bad specs, unavailable targets', async () => {
    const files = { 'k.kir': SAXPY_KIR };
    const base = ['run', 'k.kir', '--kernel', 'saxpy', '--grid', '1', '--block', '32'];
    const count = await kcc([...base, '--arg', 'i32=4'], files);
    expect(count.code).toBe(1);
    expect(count.err).toContain('kcc: error: saxpy: takes 4 arguments, got 1');
    const type = await kcc([...base, '--arg', 'f32[4]', '--arg', 'f32=1', '--arg', 'f32[4]', '--arg', 'f32[4]'], files);
    expect(type.code).toBe(1);
    expect(type.err).toContain("argument 1 ('n', i32)");
    expect((await kcc([...base, '--arg', 'i32=1.5'], files)).code).toBe(1);
    expect((await kcc([...base, ...ARGS, '--block', '4096'], files)).err).toContain('larger than interp allows');
    const wgsl = await kcc([...base, ...ARGS, '--target', 'wgsl'], files);
    expect(wgsl.code).toBe(1);
    expect(wgsl.err).toContain("target 'wgsl' is not available in this version of kcc (available: interp)");
    expect((await kcc(['run', 'missing.kir', '--kernel', 'k', '--grid', '1', '--block', '1'], files)).code).toBe(1);
    expect((await kcc(['run', 'k.kir', '--kernel', 'nope', '--grid', '1', '--block', '1'], files)).err).toContain("no kernel named 'nope'");
  });

  it('usage errors exit 2', async () => {
    const files = { 'k.kir': SAXPY_KIR };
    expect((await kcc(['run', 'k.kir', '--kernel', 'saxpy', '--grid', '4x', '--block', '1'], files)).code).toBe(2);
    expect((await kcc(['run', 'k.kir', '--kernel', 'saxpy', '--block', '1'], files)).err).toContain('--grid X[,Y[,Z]] is required');
    expect((await kcc(['run', 'k.kir', '--grid', '1', '--block', '1'], files)).code).toBe(2);
    expect((await kcc(['run', 'k.kir', '--kernel', 'saxpy', '--grid', '1', '--block', '1', '--target', 'cuda'], files)).code).toBe(2);
    expect((await kcc(['run', 'k.kir', '--kernel', 'saxpy', '--grid', '1', '--block', '1', '--shared', '-1'], files)).code).toBe(2);
    expect((await kcc(['k.kir', '--target', 'bogus'], files)).code).toBe(2);
  });

  it('--target interp writes the KIR artifact; other targets are unavailable (exit 1)', async () => {
    const r = await kcc(['k.kir', '--target', 'interp'], { 'k.kir': SAXPY_KIR });
    expect(r.code).toBe(0);
    expect(r.out).toContain('kernel @saxpy(');
    const o = await kcc(['k.kir', '--emit', 'kir', '-o', 'out.kir'], { 'k.kir': SAXPY_KIR });
    expect(o.code).toBe(0);
    expect(o.written['out.kir']).toContain('kernel @saxpy(');
    const n = await kcc(['k.kir', '--target', 'npu-sim'], { 'k.kir': SAXPY_KIR });
    expect(n.code).toBe(1);
    expect(n.err).toContain("target 'npu-sim' is not available in this version of kcc (available: interp)");
    expect((await kcc(['k.kir', '--emit', 'wgsl'], { 'k.kir': SAXPY_KIR })).code).toBe(1);
  });
});

describe('kcc run / --emit kir (CUDA input)', () => {
  it('runs saxpy from source', async () => {
    const r = await kcc(['run', 's.cu', '--kernel', 'saxpy', '--grid', '4', '--block', '256', ...ARGS], { 's.cu': SAXPY });
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('arg 3 f32[1000]: 1, 3.5, 6, 8.5, 11, 13.5, 16, 18.5, …  (sum 1249750)');
  });

  it('a planted out-of-bounds read exits 3 and quotes the source line', async () => {
    const r = await kcc(['run', 's.cu', '--kernel', 'saxpy', '--grid', '4', '--block', '256', '--arg', 'i32=1001', '--arg', 'f32=2', '--arg', 'f32[1000]', '--arg', 'f32[1000]'], { 's.cu': SAXPY });
    expect(r.code).toBe(3);
    expect(r.err).toMatch(/^s\.cu:3:\d+: error: out-of-bounds .* in block \(3,0,0\), thread \(232,0,0\) \[KCC7001\]\n  if \(i < n\) y\[i\] = a \* x\[i\] \+ y\[i\];\n/);
  });

  it('-D reaches the preprocessor; template kernels by --kernel name', async () => {
    const src = `template <int K> __global__ void fill(int *p) { p[threadIdx.x] = K * V; }\n`;
    const r = await kcc(['run', 't.cu', '--kernel', 'fill<3>', '-D', 'V=2', '--grid', '1', '--block', '4', '--arg', 'i32[4]'], { 't.cu': src });
    expect(r.err).toBe('');
    expect(r.out).toContain('arg 0 i32[4]: 6, 6, 6, 6  (sum 24)');
  });

  it('--emit kir prints KIR; compile errors exit 1; --emit ast and -fsyntax-only still work', async () => {
    const r = await kcc(['s.cu', '--emit', 'kir'], { 's.cu': SAXPY });
    expect(r.code).toBe(0);
    expect(r.out).toContain('kernel @saxpy(');
    expect(r.out).toContain('loc("s.cu":3:');
    const bad = await kcc(['b.cu', '--emit', 'kir'], { 'b.cu': '__global__ void k() { nope(); }\n' });
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/^b\.cu:1:\d+: error: /);
    const json = await kcc(['b.cu', '--emit', 'kir', '--diagnostics-format', 'json'], { 'b.cu': '__global__ void k() { nope(); }\n' });
    expect(JSON.parse(json.err).diagnostics[0].file).toBe('b.cu');
    expect((await kcc(['s.cu', '--emit', 'ast'], { 's.cu': SAXPY })).out).toContain('saxpy');
    const so = await kcc(['s.cu', '-fsyntax-only', '--emit', 'kir'], { 's.cu': SAXPY });
    expect(so.code).toBe(0);
    expect(so.out).toBe('');
  });
});
