/**
 * The library API of API.md on `interp`, end to end from CUDA source: compile → upload →
 * launch → download; template kernels launched by name expression; struct arguments as plain
 * objects (nested structs, fixed arrays, vector types); `__constant__`/`__device__` symbols;
 * CompileError diagnostics; a KernelFault at the source line of a planted out-of-bounds access.
 * (Bit-fields in kernel parameters are encoded by launch-args.ts but the lowering does not
 * accept them yet, so they are not tested here.)
 */
import { describe, expect, it } from 'vitest';
import { CompileError, KernelFault, LaunchError, compile, device } from '../../src/index.js';

const SAXPY = `__global__ void saxpy(int n, float a, const float *x, float *y) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) y[i] = a * x[i] + y[i];
}
`;

const TEMPLATES = `template <typename T, int BLOCK>
__global__ void reduce(const T *in, T *out, int n) {
  __shared__ T s[BLOCK];
  int t = threadIdx.x;
  int i = blockIdx.x * BLOCK + t;
  s[t] = i < n ? in[i] : T(0);
  __syncthreads();
  for (int stride = BLOCK / 2; stride > 0; stride >>= 1) {
    if (t < stride) s[t] += s[t + stride];
    __syncthreads();
  }
  if (t == 0) out[blockIdx.x] = s[0];
}
__global__ void plain(int *p) { p[threadIdx.x] = 7; }
`;

const STRUCTS = `struct Inner { short s; double d; };
struct Params {
  int nx, ny;
  float c;
  Inner inner;
  float w[3];
  float2 v;
  unsigned char flag;
  unsigned short level;
};
__global__ void use(Params p, float *out) {
  out[0] = p.nx * 100 + p.ny;
  out[1] = p.c;
  out[2] = p.inner.s + (float)p.inner.d;
  out[3] = p.w[0] + p.w[1] + p.w[2];
  out[4] = p.v.x - p.v.y;
  out[5] = p.flag * 10 + p.level;
}
`;

const SYMBOLS = `__constant__ float coeffs[4];
__device__ unsigned counter;
__global__ void apply(const float *x, float *y, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) {
    y[i] = coeffs[0] + coeffs[1] * x[i] + coeffs[2] * x[i] * x[i];
    atomicAdd(&counter, 1u);
  }
}
`;

const OOB = `__global__ void shift(const float *x, float *y, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n)
    y[i] = x[i + 1];
}
`;

describe('API on interp (CUDA source)', () => {
  it('saxpy: compile, upload, launch, download; artifact is KIR with source locations', async () => {
    const dev = await device('interp');
    const mod = await dev.compile(SAXPY, { filename: 'saxpy.cu' });
    expect(mod.kernels).toEqual(['saxpy']);
    expect(mod.artifact.kind).toBe('kir');
    expect(mod.artifact.text).toContain('kernel @saxpy(');
    expect(mod.artifact.text).toContain('loc("saxpy.cu":3:');
    const n = 1000;
    const xs = Float32Array.from({ length: n }, (_, i) => Math.sin(i));
    const ys = Float32Array.from({ length: n }, (_, i) => i / 7);
    const x = dev.upload(xs);
    const y = dev.upload(ys);
    const r = await mod.launch('saxpy', { grid: [Math.ceil(n / 256)], block: [256], sharedBytes: 0 }, [n, 2.5, x, y]);
    expect(r.stats.target).toBe('interp');
    expect(typeof r.stats.wallMs).toBe('number');
    const out = await dev.download(y, Float32Array);
    for (let i = 0; i < n; i++) expect(out[i]).toBe(Math.fround(Math.fround(2.5 * xs[i]!) + ys[i]!));
    dev.dispose();
  });

  it('views at an offset are pointer arithmetic (d_x + 64)', async () => {
    const dev = await device('interp');
    const mod = await dev.compile(SAXPY, { filename: 'saxpy.cu' });
    const x = dev.upload(Float32Array.from({ length: 128 }, (_, i) => i));
    const y = dev.alloc(128 * 4);
    await mod.launch('saxpy', { grid: 1, block: 64 }, [64, 1, dev.view(x, 256), dev.view(y, 256)]);
    const out = await dev.download(y, Float32Array);
    expect(out[63]).toBe(0);
    expect(out[64]).toBe(64);
    expect(out[127]).toBe(127);
  });

  it('launches a template kernel by name expression; kernels lists the non-template ones', async () => {
    const dev = await device('interp');
    const mod = await dev.compile(TEMPLATES, { filename: 't.cu' });
    expect(mod.kernels).toEqual(['plain']);
    const n = 1000;
    const x = dev.upload(Float32Array.from({ length: n }, (_, i) => i % 10));
    const out = dev.alloc(4 * 4);
    await mod.launch('reduce<float, 256>', { grid: 4, block: 256 }, [x, out, n]);
    const got = await dev.download(out, Float32Array);
    const want = [0, 1, 2, 3].map((b) => { let s = 0; for (let i = b * 256; i < Math.min(n, b * 256 + 256); i++) s += i % 10; return s; });
    expect(Array.from(got)).toEqual(want);
    // a second instance, and the first again under a differently spaced name
    const xi = dev.upload(Int32Array.from({ length: 64 }, (_, i) => i));
    const oi = dev.alloc(4);
    await mod.launch('reduce<int,64>', { grid: 1, block: 64 }, [xi, oi, 64]);
    expect((await dev.download(oi, Int32Array))[0]).toBe(2016);
    await mod.launch('reduce<float,256>', { grid: 4, block: 256 }, [x, out, n]);
    await mod.launch('plain', { grid: 1, block: 4 }, [dev.alloc(16)]);
    expect(mod.artifact.text).toContain('reduce');
    const e = await mod.launch('reduce<float>', { grid: 1, block: 1 }, [x, out, n]).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(Error);
    const u = await mod.launch('nothere<int>', { grid: 1, block: 1 }, []).catch((x: unknown) => x);
    expect(u).toBeInstanceOf(LaunchError);
  });

  it('struct by value as a plain object: nested structs, arrays, vectors, small integers', async () => {
    const dev = await device('interp');
    const mod = await dev.compile(STRUCTS, { filename: 's.cu' });
    const out = dev.alloc(6 * 4);
    const p = { nx: 30, ny: 20, c: 0.2, inner: { s: -3, d: 0.5 }, w: [1, 2, 4], v: { x: 5, y: 1.5 }, flag: 1, level: 5 };
    await mod.launch('use', { grid: 1, block: 1 }, [p, out]);
    expect(Array.from(await dev.download(out, Float32Array))).toEqual([3020, Math.fround(0.2), -2.5, 7, 3.5, 15]);
    // vectors also take arrays
    await mod.launch('use', { grid: 1, block: 1 }, [{ ...p, v: [2, 2] }, out]);
    expect((await dev.download(out, Float32Array))[4]).toBe(0);
    const missing = await mod.launch('use', { grid: 1, block: 1 }, [{ nx: 1, ny: 2, c: 0.2, inner: { s: 1, d: 1 }, w: [1, 2, 3], v: { x: 1, y: 1 }, flag: 0 }, out]).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(LaunchError);
    expect((missing as LaunchError).message).toContain("missing field 'level'");
    const extra = await mod.launch('use', { grid: 1, block: 1 }, [{ ...p, inner: { s: 1, d: 1, q: 2 } }, out]).catch((e: unknown) => e);
    expect((extra as LaunchError).message).toMatch(/'p\.inner'.*has no field 'q'/);
    const badBits = await mod.launch('use', { grid: 1, block: 1 }, [{ ...p, level: 65536 }, out]).catch((e: unknown) => e);
    expect((badBits as LaunchError).kind).toBe('argument-value');
    const frac = await mod.launch('use', { grid: 1, block: 1 }, [{ ...p, nx: 1.5 }, out]).catch((e: unknown) => e);
    expect((frac as LaunchError).message).toContain("'p.nx', int");
  });

  it('setSymbol / getSymbol for __constant__ and __device__', async () => {
    const dev = await device('interp');
    const mod = await dev.compile(SYMBOLS, { filename: 'sym.cu' });
    mod.setSymbol('coeffs', new Float32Array([1, 2, 3, 0]));
    const n = 100;
    const x = dev.upload(Float32Array.from({ length: n }, (_, i) => i / 10));
    const y = dev.alloc(4 * n);
    await mod.launch('apply', { grid: 2, block: 64 }, [x, y, n]);
    const out = await dev.download(y, Float32Array);
    const f = Math.fround;
    for (let i = 0; i < n; i++) {
      const xi = f(i / 10);
      expect(out[i]).toBe(f(f(1 + f(2 * xi)) + f(f(3 * xi) * xi)));
    }
    expect(Array.from(await mod.getSymbol('counter', Uint32Array))).toEqual([n]);
    expect(Array.from(await mod.getSymbol('coeffs', Float32Array))).toEqual([1, 2, 3, 0]);
    expect(() => mod.setSymbol('missing', new Float32Array(1))).toThrow(LaunchError);
  });

  it('CompileError: resolved diagnostics and a clang-style message', async () => {
    const dev = await device('interp');
    const bad = `__global__ void k(float *y) {\n  y[0] = undeclared + 1;\n}\n`;
    const e = await dev.compile(bad, { filename: 'bad.cu' }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(CompileError);
    const ce = e as CompileError;
    expect(ce.diagnostics.length).toBeGreaterThanOrEqual(1);
    expect(ce.diagnostics[0]).toMatchObject({ severity: 'error', file: 'bad.cu', line: 2, column: 10 });
    expect(ce.diagnostics[0]!.code).toMatch(/^KCC\d{4}$/);
    expect(Array.isArray(ce.diagnostics[0]!.notes)).toBe(true);
    expect(ce.message).toMatch(/^bad\.cu:2:10: error: .*undeclared/);
    expect(ce.message).toContain('1 error generated.');
    // defines and include paths reach the preprocessor
    const ok = await dev.compile('__global__ void k(float *y) { y[0] = N; }', { filename: 'd.cu', defines: { N: 4 } });
    const y = dev.alloc(4);
    await ok.launch('k', { grid: 1, block: 1 }, [y]);
    expect((await dev.download(y, Float32Array))[0]).toBe(4);
  });

  it('KernelFault for a planted out-of-bounds read, at its source line', async () => {
    const dev = await device('interp');
    const mod = await dev.compile(OOB, { filename: 'oob.cu' });
    const n = 100;
    const x = dev.upload(new Float32Array(n));
    const y = dev.alloc(4 * n);
    const e = await mod.launch('shift', { grid: 1, block: 128 }, [x, y, n]).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(KernelFault);
    const f = e as KernelFault;
    expect(f.kind).toBe('out-of-bounds');
    expect(f.file).toBe('oob.cu');
    expect(f.line).toBe(4);
    expect(f.block).toEqual([0, 0, 0]);
    expect(f.thread).toEqual([99, 0, 0]);
    expect(f.message).toMatch(/^oob\.cu:4:\d+: error: out-of-bounds .*index 100.* in block \(0,0,0\), thread \(99,0,0\) \[KCC7001\]/);
    expect(f.message).toContain('    y[i] = x[i + 1];'); // the source line is quoted
  });

  it('compile() emit-only: KIR for interp, a clear error for other targets', async () => {
    const r = await compile(SAXPY, { target: 'interp', filename: 'k.cu' });
    expect(r.artifact.kind).toBe('kir');
    expect(r.artifact.text).toContain('kernel @saxpy');
    expect(r.kernels).toEqual(['saxpy']);
    await expect(compile(SAXPY, { target: 'llvm-nvptx' })).rejects.toThrow("target 'llvm-nvptx' is not available in this version of kcc (available: interp)");
  });
});
