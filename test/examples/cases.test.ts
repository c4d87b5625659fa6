/**
 * Self-consistency of examples/cases.ts, checked without any compiler:
 *  - every examples/*.cu file and every non-template __global__ kernel in it has a case, every
 *    case names a kernel that exists (a text check on the source), with as many arguments as
 *    the kernel has parameters, buffers for pointers and scalars for values, of matching types;
 *  - the specs round-trip through the `--arg` grammar, inputs materialise, the launch sizes fit
 *    an interpreter run, and references give outputs of the right buffers and lengths;
 *  - the references agree with independent f64 formulas or invariants (partials add up to the
 *    total, softmax rows sum to one, a transpose of a transpose is the input, Newton's third
 *    law holds in n-body, …), so a slip in one reference shows up here and not as a mysterious
 *    target mismatch later;
 *  - the example files carry their nvcc header and the programs look like programs.
 */

import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_CASES, compareBuffers, type ExampleCase, type MaterializedArg } from '../../examples/cases.js';
import {
  formatArgSpec, materializeArgs, parseArgSpec, bufferValues, SCALAR_TYPES, type ScalarType,
} from '../../src/support/args.js';
import { f16BitsToF32 } from '../../src/support/half.js';

const EXAMPLES = join(dirname(fileURLToPath(import.meta.url)), '../../examples');
const read = (f: string): string => readFileSync(join(EXAMPLES, f), 'utf8');
const exampleFiles = readdirSync(EXAMPLES).filter((f) => f.endsWith('.cu')).sort();
const programFiles = readdirSync(join(EXAMPLES, 'programs')).filter((f) => f.endsWith('.cu')).sort();

/** The source without comments, so commented-out code cannot satisfy a check. */
function stripComments(src: string): string {
  return src.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/\/\/[^\n]*/g, ' ');
}

/** Names of the __global__ functions, and whether each is a template. */
function globalKernels(src: string): { name: string; template: boolean }[] {
  const out: { name: string; template: boolean }[] = [];
  const re = /(template\s*<[^>]*>\s*)?__global__\s+(?:void\s+)?(?:__launch_bounds__\s*\([^)]*\)\s*)?(?:void\s+)?([A-Za-z_]\w*)\s*(<[^>]*>)?\s*\(/g;
  for (const m of stripComments(src).matchAll(re)) {
    if (m[3]) continue; // an explicit instantiation `template __global__ void reduce<float, 256>(…)`
    out.push({ name: m[2]!, template: m[1] !== undefined });
  }
  return out;
}

/** The parameter declarations of kernel `name` (text between its parentheses, split at commas). */
function kernelParams(src: string, name: string): string[] {
  const code = stripComments(src);
  const re = new RegExp(`__global__[^;{]*?\\b${name}\\s*\\(`, 'g');
  const m = re.exec(code);
  if (!m) throw new Error(`no __global__ ${name}`);
  let depth = 1, i = m.index + m[0].length;
  const start = i;
  for (; depth > 0; i++) {
    if (code[i] === '(') depth++;
    else if (code[i] === ')') depth--;
  }
  const text = code.slice(start, i - 1).trim();
  return text === '' ? [] : text.split(',').map((p) => p.trim());
}

/** The C spelling of a parameter's element type, mapped to a spec type (with lanes for float4). */
const C_TYPES: Record<string, { type: ScalarType; lanes: number }> = {
  float: { type: 'f32', lanes: 1 }, double: { type: 'f64', lanes: 1 }, int: { type: 'i32', lanes: 1 },
  'unsigned int': { type: 'u32', lanes: 1 }, unsigned: { type: 'u32', lanes: 1 },
  'unsigned char': { type: 'u8', lanes: 1 }, uint8_t: { type: 'u8', lanes: 1 }, __half: { type: 'f16', lanes: 1 },
  float4: { type: 'f32', lanes: 4 }, size_t: { type: 'u64', lanes: 1 },
};

function paramShape(decl: string, templateArgs: Record<string, string>): { pointer: boolean; type: ScalarType; lanes: number } {
  const words = decl.replace(/\*/g, ' * ').split(/\s+/).filter((w) => w && !['const', '__restrict__', 'volatile'].includes(w));
  const pointer = words.includes('*');
  // drop the parameter name (last word unless it is '*') and the stars
  const typeWords = words.slice(0, words[words.length - 1] === '*' ? undefined : -1).filter((w) => w !== '*');
  let spelled = typeWords.join(' ');
  spelled = templateArgs[spelled] ?? spelled;
  const t = C_TYPES[spelled];
  if (!t) throw new Error(`unmapped C type '${spelled}' in '${decl}'`);
  return { pointer, ...t };
}

/** 'reduce<float, 256>' → { base: 'reduce', targs: ['float', '256'] }. */
function splitKernel(kernel: string): { base: string; targs: string[] } {
  const m = /^(\w+)\s*(?:<(.*)>)?$/.exec(kernel);
  if (!m) throw new Error(`bad kernel expression ${kernel}`);
  return { base: m[1]!, targs: m[2] ? m[2].split(',').map((s) => s.trim()) : [] };
}

function templateParamNames(src: string, name: string): string[] {
  const m = new RegExp(`template\\s*<([^>]*)>\\s*__global__[^;{]*?\\b${name}\\s*\\(`).exec(stripComments(src));
  if (!m) return [];
  return m[1]!.split(',').map((p) => p.trim().split(/\s+/).pop()!);
}

const product = (v: number[]): number => v.reduce((a, b) => a * b, 1);

function outputsOf(c: ExampleCase): { inputs: MaterializedArg[]; want: Record<number, ArrayLike<number | bigint>> } {
  const inputs = materializeArgs(c.args);
  return { inputs, want: c.reference(inputs) };
}

describe('example files', () => {
  it('has at least 16 kernel files and 4 programs', () => {
    expect(exampleFiles.length).toBeGreaterThanOrEqual(16);
    expect(programFiles.length).toBeGreaterThanOrEqual(4);
  });

  for (const file of exampleFiles) {
    it(`${file}: header, no main, every kernel has a case`, () => {
      const src = read(file);
      expect(src).toMatch(new RegExp(`Checked with: nvcc -ptx -arch=sm_80 ${file.replace('.', '\\.')} \\(CUDA 13\\.0\\), \\d{4}-\\d{2}-\\d{2}`));
      expect(stripComments(src)).not.toMatch(/\bmain\s*\(/);
      const kernels = globalKernels(src);
      expect(kernels.length).toBeGreaterThan(0);
      const cases = EXAMPLE_CASES.filter((c) => c.file === file);
      expect(cases.length, `no case for ${file}`).toBeGreaterThan(0);
      for (const k of kernels) {
        expect(cases.some((c) => splitKernel(c.kernel).base === k.name), `no case for kernel ${k.name}`).toBe(true);
      }
    });
  }

  for (const file of programFiles) {
    it(`programs/${file}: a whole program with kernels and host code`, () => {
      const src = stripComments(read(join('programs', file)));
      expect(read(join('programs', file))).toContain('Checked with: nvcc -ptx -arch=sm_80');
      expect(src).toMatch(/\bint\s+main\s*\(/);
      expect(globalKernels(src).length).toBeGreaterThan(0);
      expect(src).toMatch(/<<<[^>]+>>>/);
      for (const word of ['cudaMalloc', 'cudaMemcpy', 'CUDA_CHECK', 'PASSED', '#include <cstdio>']) expect(src).toContain(word);
    });
  }
});

describe('EXAMPLE_CASES', () => {
  it('have unique names', () => {
    const names = EXAMPLE_CASES.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
  });

  for (const c of EXAMPLE_CASES) {
    describe(c.name, () => {
      const src = read(c.file);
      const { base, targs } = splitKernel(c.kernel);

      it('names a __global__ kernel of its file, with matching parameters', () => {
        const k = globalKernels(src).find((g) => g.name === base);
        expect(k, `${base} is not a __global__ function of ${c.file}`).toBeDefined();
        expect(k!.template).toBe(targs.length > 0);
        const tnames = templateParamNames(src, base);
        expect(tnames.length).toBe(targs.length);
        const tmap = Object.fromEntries(tnames.map((n, i) => [n, targs[i]!]));
        const params = kernelParams(src, base);
        expect(c.args.length, `${c.kernel} takes ${params.length} arguments`).toBe(params.length);
        params.forEach((decl, i) => {
          const shape = paramShape(decl, tmap);
          const arg = c.args[i]!;
          expect(arg.kind, `argument ${i} (${decl})`).toBe(shape.pointer ? 'buffer' : 'scalar');
          expect(arg.type, `argument ${i} (${decl})`).toBe(shape.type);
          if (arg.kind === 'buffer') expect(arg.count % shape.lanes).toBe(0);
        });
      });

      it('has a launch an interpreter can run', () => {
        expect(c.grid.length).toBeGreaterThanOrEqual(1);
        expect(c.grid.length).toBeLessThanOrEqual(3);
        expect(c.block.length).toBeLessThanOrEqual(3);
        for (const d of [...c.grid, ...c.block]) expect(Number.isInteger(d) && d >= 1).toBe(true);
        expect(product(c.block)).toBeLessThanOrEqual(1024);
        expect(product(c.grid) * product(c.block)).toBeLessThanOrEqual(100_000);
        expect(c.sharedBytes ?? 0).toBeLessThanOrEqual(48 * 1024);
        expect(c.tolerance.rtol >= 0 && c.tolerance.atol >= 0).toBe(true);
        expect(Number.isFinite(c.tolerance.rtol) && Number.isFinite(c.tolerance.atol)).toBe(true);
      });

      it('uses defines and symbols the file declares', () => {
        for (const name of Object.keys(c.defines ?? {})) expect(src).toMatch(new RegExp(`#ifndef ${name}\\b`));
        for (const [name, sym] of Object.entries(c.symbols ?? {})) {
          expect(stripComments(src)).toMatch(new RegExp(`__constant__\\s+\\w+\\s+${name}\\s*\\[`));
          expect(sym.values.length).toBeGreaterThan(0);
        }
      });

      it('round-trips its specs and gives outputs for buffers of the right length', () => {
        for (const a of c.args) expect(parseArgSpec(formatArgSpec(a))).toEqual(a);
        const { inputs, want } = outputsOf(c);
        const keys = Object.keys(want).map(Number);
        expect(keys.length).toBeGreaterThan(0);
        for (const k of keys) {
          const a = c.args[k];
          expect(a?.kind, `output ${k} is not a buffer argument`).toBe('buffer');
          if (a?.kind !== 'buffer') continue;
          expect(want[k]!.length).toBe(a.count);
          // An output should not be what it was before the launch (a reference that forgot to
          // write would pass every target that also does nothing).
          const before = inputs[k] as ArrayLike<number | bigint>;
          let changed = false;
          for (let i = 0; i < a.count && !changed; i++) changed = !Object.is(Number(before[i]), Number(want[k]![i]));
          expect(changed, `output ${k} equals its initial contents`).toBe(true);
          // The reference itself compares equal to itself under the tolerance, and the
          // comparison rejects a clearly wrong buffer.
          expect(compareBuffers(a.type, want[k]!, want[k]!, c.tolerance).ok).toBe(true);
        }
        // deterministic: a second run gives the same outputs
        const again = c.reference(materializeArgs(c.args));
        for (const k of keys) expect(Array.from(again[k]!)).toEqual(Array.from(want[k]!));
      });
    });
  }
});

// ---------------------------------------------------------------------------------------------
// Cross-checks of the references against independent formulas and invariants

function f64(inputs: readonly MaterializedArg[], i: number, type: ScalarType = 'f32'): number[] {
  return bufferValues(type, inputs[i] as ArrayLike<number>);
}
const n = (inputs: readonly MaterializedArg[], i: number): number => Number(inputs[i]);

function expectClose(got: ArrayLike<number>, want: ArrayLike<number>, rtol: number, atol: number, what: string): void {
  expect(got.length, what).toBe(want.length);
  for (let i = 0; i < want.length; i++) {
    const err = Math.abs(got[i]! - want[i]!);
    if (!(err <= atol + rtol * Math.abs(want[i]!))) {
      throw new Error(`${what}[${i}]: ${got[i]} vs ${want[i]} (|err| ${err})`);
    }
  }
}

const CROSS_CHECKS: Record<string, (c: ExampleCase, inputs: MaterializedArg[], want: Record<number, ArrayLike<number | bigint>>) => void> = {
  'saxpy.cu': (_c, inp, want) => {
    const a = n(inp, 1), x = f64(inp, 2), y = f64(inp, 3);
    expectClose(want[3] as Float32Array, y.map((v, i) => (i < n(inp, 0) ? a * x[i]! + v : v)), 1e-6, 1e-6, 'y');
  },
  'reduce.cu': (_c, inp, want) => {
    const total = f64(inp, 0).slice(0, n(inp, 2)).reduce((s, v) => s + v, 0);
    const sum = Array.from(want[1] as Float32Array).reduce((s, v) => s + v, 0);
    expect(Math.abs(sum - total)).toBeLessThan(1e-4);
  },
  'matmul_tiled.cu': (_c, inp, want) => {
    const A = f64(inp, 0), B = f64(inp, 1), M = n(inp, 3), N = n(inp, 4), K = n(inp, 5);
    const C: number[] = [];
    for (let r = 0; r < M; r++) for (let c = 0; c < N; c++) {
      let s = 0;
      for (let k = 0; k < K; k++) s += A[r * K + k]! * B[k * N + c]!;
      C.push(s);
    }
    expectClose(want[2] as Float32Array, C, 1e-5, 1e-5, 'C');
  },
  'softmax.cu': (_c, inp, want) => {
    const rows = n(inp, 2), cols = n(inp, 3), out = want[0] as Float32Array, x = f64(inp, 1);
    for (let r = 0; r < rows; r++) {
      const row = x.slice(r * cols, (r + 1) * cols);
      const m = Math.max(...row);
      const z = row.reduce((s, v) => s + Math.exp(v - m), 0);
      expectClose(out.subarray(r * cols, (r + 1) * cols), row.map((v) => Math.exp(v - m) / z), 1e-5, 1e-7, `row ${r}`);
    }
  },
  'layernorm.cu': (_c, inp, want) => {
    // With weight = 1 and bias = 0 the rows come out with mean 0 and variance ≈ 1; otherwise
    // undo the affine map first: n = (out - bias) / weight.
    const N = n(inp, 6), C = n(inp, 7), w = f64(inp, 4), b = f64(inp, 5), out = want[0] as Float32Array;
    for (let r = 0; r < N; r++) {
      const norm = Array.from({ length: C }, (_, i) => (out[r * C + i]! - b[i]!) / w[i]!).filter(Number.isFinite);
      if (norm.length < C) continue; // a weight of 0 (cannot happen with rand, but be safe)
      const mean = norm.reduce((s, v) => s + v, 0) / C;
      const v = norm.reduce((s, x) => s + (x - mean) ** 2, 0) / C;
      expect(Math.abs(mean)).toBeLessThan(1e-3);
      expect(Math.abs(v - 1)).toBeLessThan(1e-3); // eps = 1e-5 lowers it by ~3e-5 for var ≈ 1/3
    }
  },
  'histogram.cu': (_c, inp, want) => {
    expect(Array.from(want[1] as Uint32Array).reduce((s, v) => s + v, 0)).toBe(n(inp, 2));
  },
  'scan.cu': (c, inp, want) => {
    const seg = 2 * Number(c.defines?.SCAN_BLOCK ?? 128), x = f64(inp, 0), N = n(inp, 3);
    const out = want[1] as Float32Array, sums = want[2] as Float32Array;
    let acc = 0;
    for (let i = 0; i < N; i++) {
      if (i % seg === 0) acc = 0;
      expect(Math.abs(out[i]! - acc)).toBeLessThan(1e-4);
      acc += x[i]!;
      if (i % seg === seg - 1 || i === N - 1) expect(Math.abs(sums[Math.floor(i / seg)]! - acc)).toBeLessThan(1e-4);
    }
  },
  'stencil2d.cu': (_c, inp, want) => {
    const x = f64(inp, 0), nx = n(inp, 2), ny = n(inp, 3), alpha = n(inp, 4), out = want[1] as Float32Array;
    const at = (i: number, j: number): number => x[j * nx + i]!;
    const exp: number[] = [];
    for (let j = 0; j < ny; j++) for (let i = 0; i < nx; i++) {
      const edge = i === 0 || j === 0 || i === nx - 1 || j === ny - 1;
      exp.push(edge ? at(i, j) : at(i, j) + alpha * (at(i - 1, j) + at(i + 1, j) + at(i, j - 1) + at(i, j + 1) - 4 * at(i, j)));
    }
    expectClose(out, exp, 1e-6, 1e-6, 'out');
  },
  'transpose.cu': (c, inp, want) => {
    // transposing the output (swap width and height) gives the input back
    const back = c.reference([inp[1]!, want[0] as Float32Array, n(inp, 3), n(inp, 2)]);
    expect(Array.from(back[0]!)).toEqual(Array.from(inp[1] as Float32Array));
  },
  'conv2d.cu': (c, inp, want) => {
    const x = f64(inp, 0), w = n(inp, 2), h = n(inp, 3), m = c.symbols!.c_mask!.values;
    const exp: number[] = [];
    for (let r = 0; r < h; r++) for (let q = 0; q < w; q++) {
      let s = 0;
      for (let dy = -2; dy <= 2; dy++) for (let dx = -2; dx <= 2; dx++) {
        const rr = r + dy, qq = q + dx;
        if (rr >= 0 && rr < h && qq >= 0 && qq < w) s += x[rr * w + qq]! * m[(dy + 2) * 5 + dx + 2]!;
      }
      exp.push(s);
    }
    expectClose(want[1] as Float32Array, exp, 1e-5, 1e-5, 'out');
  },
  'vec4.cu': (_c, inp, want) => {
    const a = f64(inp, 1), b = f64(inp, 2), alpha = n(inp, 3);
    expectClose(want[0] as Float32Array, a.map((v, i) => alpha * v + b[i]!), 1e-6, 1e-6, 'out');
  },
  'template_reduce.cu': (c, inp, want) => {
    const total = f64(inp, 0).reduce((s, v) => s + v, 0);
    const sum = Array.from(want[1] as ArrayLike<number>).reduce((s, v) => s + v, 0);
    if (c.args[0]!.type === 'i32') expect(sum).toBe(total);
    else expect(Math.abs(sum - total)).toBeLessThan(1e-3);
  },
  'half.cu': (c, inp, want) => {
    if (c.kernel === 'haxpy') {
      const a = n(inp, 1), x = f64(inp, 2, 'f16'), y = f64(inp, 3, 'f16');
      expectClose(bufferValues('f16', want[3] as Uint16Array), x.map((v, i) => a * v + y[i]!), 1e-3, 1e-3, 'y');
    } else {
      const x = f64(inp, 0, 'f16'), scale = n(inp, 2), bias = n(inp, 3);
      expectClose(Array.from(want[1] as Uint16Array, f16BitsToF32), x.map((v) => v * scale + bias), 1e-3, 1e-3, 'out');
    }
  },
  'bitops.cu': (_c, inp, want) => {
    const N = n(inp, 7);
    const hash = want[1] as Uint32Array, popc = want[2] as Int32Array, clz = want[3] as Int32Array;
    const ffs = want[4] as Int32Array, brev = want[5] as Uint32Array, rot = want[6] as Uint32Array;
    for (let i = 0; i < N; i++) {
      const bits = hash[i]!.toString(2).padStart(32, '0');
      expect(popc[i]).toBe([...bits].filter((b) => b === '1').length);
      expect(clz[i]).toBe(bits.indexOf('1') < 0 ? 32 : bits.indexOf('1'));
      expect(ffs[i]).toBe(bits.lastIndexOf('1') < 0 ? 0 : 32 - bits.lastIndexOf('1'));
      expect(brev[i]!.toString(2).padStart(32, '0')).toBe([...bits].reverse().join(''));
      const r = i & 31;
      expect(rot[i]!.toString(2).padStart(32, '0')).toBe(bits.slice(r) + bits.slice(0, r));
    }
    if (N === 4) expect(Array.from(hash.subarray(0, 1))).toEqual([0]); // fmix32(0) = 0
  },
  'gelu.cu': (c, inp, want) => {
    // Central differences of the forward formula check the hand-written derivative.
    const gelu = (v: number): number => 0.5 * v * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (v + 0.044715 * v ** 3)));
    if (c.kernel === 'gelu_forward') {
      expectClose(want[0] as Float32Array, f64(inp, 1).map(gelu), 1e-5, 1e-6, 'out');
    } else {
      const d0 = f64(inp, 0), x = f64(inp, 1), dout = f64(inp, 2), h = 1e-5;
      const exp = x.map((v, i) => d0[i]! + ((gelu(v + h) - gelu(v - h)) / (2 * h)) * dout[i]!);
      expectClose(want[0] as Float32Array, exp, 1e-4, 1e-5, 'dinp');
    }
  },
  'atomic_max.cu': (_c, inp, want) => {
    expect((want[1] as Float32Array)[0]).toBe(Math.max(...f64(inp, 0)));
  },
  'compact.cu': (_c, inp, want) => {
    const x = f64(inp, 0).slice(0, n(inp, 3)), t = n(inp, 4);
    const kept = x.filter((v) => v > t);
    const counts = Array.from(want[2] as Int32Array);
    expect(counts.reduce((s, v) => s + v, 0)).toBe(kept.length);
    const packed: number[] = [];
    counts.forEach((k, w) => packed.push(...Array.from((want[1] as Float32Array).subarray(32 * w, 32 * w + k))));
    expect(packed).toEqual(kept);
  },
  'nbody.cu': (_c, inp, want) => {
    // Newton's third law: the mass-weighted accelerations cancel (sum_i m_i a_i = 0).
    const pos = f64(inp, 0), acc = want[1] as Float32Array, N = n(inp, 2);
    let scale = 0;
    for (const k of [0, 1, 2]) {
      let s = 0;
      for (let i = 0; i < N; i++) {
        s += pos[4 * i + 3]! * acc[4 * i + k]!;
        scale += Math.abs(pos[4 * i + 3]! * acc[4 * i + k]!);
      }
      expect(Math.abs(s)).toBeLessThan(1e-5 * scale + 1e-4);
    }
    for (let i = 0; i < N; i++) expect(acc[4 * i + 3]).toBe(0);
  },
};

describe('references agree with independent formulas', () => {
  it('every example file has a cross-check', () => {
    for (const file of exampleFiles) expect(CROSS_CHECKS[file], file).toBeDefined();
  });
  for (const c of EXAMPLE_CASES) {
    it(c.name, () => {
      const { inputs, want } = outputsOf(c);
      CROSS_CHECKS[c.file]!(c, inputs, want);
    });
  }
});

describe('compareBuffers', () => {
  it('applies atol + rtol*|want|, decodes halves, matches NaN with NaN', () => {
    const tol = { rtol: 1e-3, atol: 1e-6 };
    expect(compareBuffers('f32', [1.0005, 0], [1, 0], tol).ok).toBe(true);
    const r = compareBuffers('f32', [1.01, 0, 5], [1, 1e-5, 5], tol);
    expect(r).toMatchObject({ ok: false, mismatches: 2, first: 0 });
    expect(compareBuffers('f32', [NaN, Infinity], [NaN, Infinity], tol).ok).toBe(true);
    expect(compareBuffers('f32', [NaN], [1], tol).ok).toBe(false);
    expect(compareBuffers('f32', [Infinity], [-Infinity], { rtol: 1, atol: 1 }).ok).toBe(false);
    expect(compareBuffers('f16', [0x3c01], [0x3c00], { rtol: 1e-3, atol: 0 }).ok).toBe(true); // 1 ulp
    expect(compareBuffers('f16', [0x3c03], [0x3c00], { rtol: 1e-3, atol: 0 }).ok).toBe(false);
    expect(compareBuffers('u64', [2n ** 63n], [2n ** 63n + 1n], { rtol: 1, atol: 1 }).ok).toBe(false);
    expect(compareBuffers('f32', [1, 2], [1], tol).ok).toBe(false);
    expect(SCALAR_TYPES.f16.size).toBe(2);
  });
});
