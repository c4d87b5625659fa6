import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KCC_VERSION, runCli } from '../../src/cli/cli.js';
import { memoryIO } from '../../src/cli/io.js';

const SAXPY = `__global__ void saxpy(int n, float a, const float *x, float *y) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) y[i] = a * x[i] + y[i];
}
`;

async function kcc(argv: string[], files: Record<string, string> = {}) {
  const io = memoryIO(files);
  const code = await runCli(argv, io);
  return { code, out: io.out, err: io.err, written: io.written };
}

describe('kcc CLI', () => {
  it('--version and --help exit 0', async () => {
    const v = await kcc(['--version']);
    expect(v.code).toBe(0);
    expect(v.out.trim()).toBe(KCC_VERSION);
    const h = await kcc(['--help']);
    expect(h.code).toBe(0);
    expect(h.out).toContain('Usage: kcc');
    expect(h.out).toContain('--emit');
  });

  it('usage errors are clang-style with exit 2', async () => {
    const u = await kcc(['--bogus', 'a.cu']);
    expect(u.code).toBe(2);
    expect(u.err).toMatch(/^kcc: error: unknown argument: '--bogus'/);
    expect((await kcc([])).err).toContain('kcc: error: no input files');
    expect((await kcc(['-fno-such-thing', 'a.cu'])).err).toContain("unknown argument: '-fno-such-thing'");
    expect((await kcc(['-O7', 'a.cu'])).code).toBe(2);
    expect((await kcc(['--emit', 'nonsense', 'a.cu'])).code).toBe(2);
  });

  it('a missing file is a user error (exit 1), not a stack trace', async () => {
    const r = await kcc(['/no/such/file.cu']);
    expect(r.code).toBe(1);
    expect(r.err).toContain("no such file or directory: '/no/such/file.cu'");
    expect(r.err).not.toMatch(/at .*\.ts:\d+/);
  });

  it('--emit ast prints the tree; -o writes it', async () => {
    const r = await kcc(['s.cu', '--emit', 'ast'], { 's.cu': SAXPY });
    expect(r.code).toBe(0);
    expect(r.out).toContain('saxpy');
    const o = await kcc(['s.cu', '--emit', 'ast', '-o', 'out.txt'], { 's.cu': SAXPY });
    expect(o.code).toBe(0);
    expect(o.out).toBe('');
    expect(o.written['out.txt']).toContain('saxpy');
  });

  it('-D and -E', async () => {
    const r = await kcc(['-DN=4096', '-DFLAG', 'd.cu', '-E'], { 'd.cu': 'int a = N;\n#ifdef FLAG\nint b = FLAG;\n#endif\n' });
    expect(r.code).toBe(0);
    expect(r.out).toContain('int a = 4096;');
    expect(r.out).toContain('int b = 1;');
  });

  it('-I finds quoted includes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kcc-cli-'));
    writeFileSync(join(dir, 'params.h'), '#define BLOCK 256\n');
    writeFileSync(join(dir, 'k.cu'), '#include "params.h"\nint b = BLOCK;\n');
    const r = await kcc([join(dir, 'k.cu'), '-E']);
    expect(r.out).toContain('int b = 256;');
    const missing = await kcc(['m.cu'], { 'm.cu': '#include "nowhere.h"\n' });
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/m\.cu:1:\d+: error: .*nowhere\.h/);
    expect(readFileSync(join(dir, 'params.h'), 'utf8')).toContain('BLOCK');
  });

  it('errors are reported several per run, clang-style, exit 1', async () => {
    const src = '__global__ void a(float *x) { x[0] = undefined_one; }\n__global__ void b(float *x) { x[0] = undefined_two; }\n';
    const r = await kcc(['e.cu'], { 'e.cu': src });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^e\.cu:1:\d+: error: .*undefined_one.* \[KCC\d{4}\]$/m);
    expect(r.err).toMatch(/^e\.cu:2:\d+: error: .*undefined_two/m);
    expect(r.err).toContain('2 errors generated.');
    expect(r.err).toMatch(/\n\s*\^~*\n/);
  });

  it('--diagnostics-format=json gives structured diagnostics', async () => {
    const r = await kcc(['j.cu', '--diagnostics-format=json'], { 'j.cu': '__global__ void k(float *x) { x[0] = nope; }\n' });
    expect(r.code).toBe(1);
    const j = JSON.parse(r.err) as { diagnostics: { severity: string; code: string; file: string; line: number; column: number }[] };
    const e = j.diagnostics.find((d) => d.severity === 'error')!;
    expect(e).toMatchObject({ file: 'j.cu', line: 1 });
    expect(e.code).toMatch(/^KCC3\d{3}$/);
    expect(e.column).toBeGreaterThan(1);
  });

  it('-ferror-limit stops after N errors', async () => {
    const src = Array.from({ length: 10 }, (_, i) => `__global__ void k${i}(float *x) { x[0] = nope${i}; }`).join('\n');
    const r = await kcc(['l.cu', '-ferror-limit=3'], { 'l.cu': src });
    expect(r.code).toBe(1);
    expect(r.err).toContain('too many errors emitted');
    expect(r.err).not.toContain('nope5');
  });
});
