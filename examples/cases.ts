/**
 * Launch scenarios and CPU references for every kernel in examples/*.cu.
 *
 * Each `ExampleCase` says which kernel to launch with which grid, block and arguments (in the
 * `--arg SPEC` grammar of src/support/args.ts, so any case can be replayed from the command
 * line with `kcc run FILE --kernel K --grid … --block … --arg …`), and gives a reference: a
 * plain TypeScript function that computes the expected output buffers from the materialised
 * inputs. Every target is compared with these references (ARCHITECTURE.md, "Conformance").
 *
 * How to use a case:
 *   const inputs = materializeArgs(c.args);            // buffers as typed arrays, scalars typed
 *   … set c.symbols, launch c.kernel with copies of the input buffers, download the buffers …
 *   const want = c.reference(inputs);                 // { argIndex: expected contents }
 *   compareBuffers(c.args[i].type, got[i], want[i], c.tolerance) for each i in want
 * Buffers are in their device representation: f16/bf16 as Uint16Array bit patterns, i64/u64 as
 * bigint arrays. `compareBuffers` decodes half formats before applying the tolerance.
 *
 * References follow the kernel's own order of f32 operations (`Math.fround` after every op)
 * wherever the kernel fixes that order, so the interpreter — which rounds every f32 op and does
 * not contract — should match them exactly or within a few ulps (transcendentals). The
 * tolerances are for the other targets: FMA contraction (nvcc's and kcc's default for GPU-like
 * targets), approximate `expf`/`rsqrtf`/`tanhf` (CUDA allows 2 ulp), and reassociated
 * reductions; each case says which applies. A check passes when
 * |got - want| <= atol + rtol * |want| elementwise (numpy's isclose).
 *
 * Sizes are small (at most ~10k threads per case) so that every case runs in the interpreter
 * in tests, and deliberately not multiples of the block size where the kernel guards bounds.
 */

import {
  parseArgSpec, bufferValues, SCALAR_TYPES,
  type ArgSpec, type ScalarType, type TypedArray,
} from '../src/support/args.js';
import { f16BitsToF32, f32ToF16Bits } from '../src/support/half.js';
import { Mulberry32 } from '../src/support/prng.js';

/** A materialised argument: a buffer's contents, or a scalar's typed value. */
export type MaterializedArg = TypedArray | number | bigint;

export interface Tolerance {
  rtol: number;
  atol: number;
}

export interface ExampleCase {
  /** unique, 'kernel-or-file/scenario' */
  name: string;
  /** the source file, relative to examples/ */
  file: string;
  /** the kernel name, or a template name expression ('reduce<float, 256>') */
  kernel: string;
  grid: number[];
  block: number[];
  /** dynamic shared memory (extern __shared__), bytes */
  sharedBytes?: number;
  /** one per kernel parameter, in order */
  args: ArgSpec[];
  /** -D NAME=VALUE for the compilation */
  defines?: Record<string, string>;
  /** __constant__ data to set (cudaMemcpyToSymbol) before the launch */
  symbols?: Record<string, { type: ScalarType; values: number[] }>;
  /**
   * Expected contents of the output buffers, by argument index, computed on the CPU from the
   * materialised inputs (`materializeArgs(args)`: typed arrays for buffers, typed values for
   * scalars). Buffers not listed are not checked.
   */
  reference(inputs: readonly MaterializedArg[]): Record<number, ArrayLike<number | bigint>>;
  tolerance: Tolerance;
}

// ---------------------------------------------------------------------------------------------
// Helpers for writing references

const f = Math.fround;

/** Parses `--arg` specs, so the cases read like the command lines that replay them. */
function specs(...texts: string[]): ArgSpec[] {
  return texts.map(parseArgSpec);
}

/** A buffer argument's contents as numbers (f16/bf16 still as bits, like the device sees). */
function buf(inputs: readonly MaterializedArg[], i: number): ArrayLike<number> {
  const v = inputs[i];
  if (v === undefined || typeof v === 'number' || typeof v === 'bigint') {
    throw new Error(`argument ${i} is not a buffer`);
  }
  return v as ArrayLike<number>;
}

/** A scalar argument's value as a number. */
function num(inputs: readonly MaterializedArg[], i: number): number {
  const v = inputs[i];
  if (typeof v !== 'number') throw new Error(`argument ${i} is not a number scalar`);
  return v;
}

const ceilDiv = (a: number, b: number): number => Math.ceil(a / b);

/** A list initialiser `TYPE[N]=v0,v1,…` from a generator (for inputs with a shape, like masses). */
function listSpec(type: ScalarType, values: number[]): string {
  return `${type}[${values.length}]=${values.map((v) => String(v)).join(',')}`;
}

// ---------------------------------------------------------------------------------------------
// References, one per kernel (each mirrors the kernel's loops; comments name the order)

/** saxpy: y = a*x + y. */
function saxpyRef(inputs: readonly MaterializedArg[]): Record<number, Float32Array> {
  const n = num(inputs, 0), a = num(inputs, 1), x = buf(inputs, 2), y = buf(inputs, 3);
  const out = Float32Array.from(y);
  for (let i = 0; i < n; i++) out[i] = f(f(a * x[i]!) + y[i]!);
  return { 3: out };
}

/** block_sum: pairs added on load, then the shared-memory tree, stride BLOCK/2 … 1. */
function blockSumRef(block: number) {
  return (inputs: readonly MaterializedArg[]): Record<number, Float32Array> => {
    const x = buf(inputs, 0), n = num(inputs, 2);
    const blocks = buf(inputs, 1).length;
    const partial = new Float32Array(blocks);
    for (let b = 0; b < blocks; b++) {
      const s = new Float32Array(block);
      for (let t = 0; t < block; t++) {
        const i = b * 2 * block + t;
        let v = 0;
        if (i < n) v = x[i]!;
        if (i + block < n) v = f(v + x[i + block]!);
        s[t] = v;
      }
      for (let stride = block / 2; stride > 0; stride >>= 1) {
        for (let t = 0; t < stride; t++) s[t] = f(s[t]! + s[t + stride]!);
      }
      partial[b] = s[0]!;
    }
    return { 1: partial };
  };
}

/** matmul_tiled: C[r][c] = sum over k in increasing order of A[r][k] * B[k][c]. */
function matmulRef(inputs: readonly MaterializedArg[]): Record<number, Float32Array> {
  const A = buf(inputs, 0), B = buf(inputs, 1);
  const M = num(inputs, 3), N = num(inputs, 4), K = num(inputs, 5);
  const C = new Float32Array(M * N);
  for (let r = 0; r < M; r++) {
    for (let c = 0; c < N; c++) {
      let acc = 0;
      for (let k = 0; k < K; k++) acc = f(acc + f(A[r * K + k]! * B[k * N + c]!));
      C[r * N + c] = acc;
    }
  }
  return { 2: C };
}

/** softmax_rows: lane-strided partials, xor butterfly (offsets 16 … 1), then exp * (1/sum). */
function softmaxRef(inputs: readonly MaterializedArg[]): Record<number, Float32Array> {
  const x = buf(inputs, 1), rows = num(inputs, 2), cols = num(inputs, 3);
  const out = new Float32Array(rows * cols);
  const expf = (v: number): number => f(Math.exp(v));
  for (let r = 0; r < rows; r++) {
    const row = (c: number): number => x[r * cols + c]!;
    let m = -3.4028234663852886e38; // -FLT_MAX; max is exact in any order
    for (let c = 0; c < cols; c++) m = Math.max(m, row(c));
    const lane = new Float32Array(32);
    for (let l = 0; l < 32; l++) {
      let s = 0;
      for (let c = l; c < cols; c += 32) s = f(s + expf(f(row(c) - m)));
      lane[l] = s;
    }
    for (let offset = 16; offset > 0; offset >>= 1) {
      const prev = Float32Array.from(lane);
      for (let l = 0; l < 32; l++) lane[l] = f(prev[l]! + prev[l ^ offset]!);
    }
    const inv = f(1 / lane[0]!);
    for (let c = 0; c < cols; c++) out[r * cols + c] = f(expf(f(row(c) - m)) * inv);
  }
  return { 0: out };
}

/** layernorm_forward, in f64: cg::reduce's combination order is unspecified. */
function layernormRef(inputs: readonly MaterializedArg[]): Record<number, Float32Array> {
  const inp = buf(inputs, 3), w = buf(inputs, 4), bias = buf(inputs, 5);
  const N = num(inputs, 6), C = num(inputs, 7);
  const out = new Float32Array(N * C), mean = new Float32Array(N), rstd = new Float32Array(N);
  for (let r = 0; r < N; r++) {
    let sum = 0;
    for (let i = 0; i < C; i++) sum += inp[r * C + i]!;
    const m = sum / C;
    let v = 0;
    for (let i = 0; i < C; i++) v += (inp[r * C + i]! - m) ** 2;
    const s = 1 / Math.sqrt(v / C + f(1e-5));
    for (let i = 0; i < C; i++) out[r * C + i] = s * (inp[r * C + i]! - m) * w[i]! + bias[i]!;
    mean[r] = m;
    rstd[r] = s;
  }
  return { 0: out, 1: mean, 2: rstd };
}

/** histogram256: counts per byte value (exact; the order of atomics does not matter). */
function histogramRef(inputs: readonly MaterializedArg[]): Record<number, Uint32Array> {
  const data = buf(inputs, 0), n = num(inputs, 2);
  const bins = new Uint32Array(256);
  for (let i = 0; i < n; i++) bins[data[i]!]! += 1;
  return { 1: bins };
}

/** scan_blelloch: replays the up-sweep and down-sweep trees per segment of 2*block. */
function scanRef(block: number) {
  return (inputs: readonly MaterializedArg[]): Record<number, Float32Array> => {
    const x = buf(inputs, 0), n = num(inputs, 3);
    const blocks = buf(inputs, 2).length;
    const seg = 2 * block;
    const out = new Float32Array(n), sums = new Float32Array(blocks);
    for (let b = 0; b < blocks; b++) {
      const base = b * seg;
      const t = new Float32Array(seg);
      for (let i = 0; i < seg; i++) t[i] = base + i < n ? x[base + i]! : 0;
      let offset = 1;
      for (let d = seg >> 1; d > 0; d >>= 1) {
        for (let tid = 0; tid < d; tid++) {
          const ai = offset * (2 * tid + 1) - 1, bi = offset * (2 * tid + 2) - 1;
          t[bi] = f(t[bi]! + t[ai]!);
        }
        offset <<= 1;
      }
      sums[b] = t[seg - 1]!;
      t[seg - 1] = 0;
      for (let d = 1; d < seg; d <<= 1) {
        offset >>= 1;
        for (let tid = 0; tid < d; tid++) {
          const ai = offset * (2 * tid + 1) - 1, bi = offset * (2 * tid + 2) - 1;
          const tmp = t[ai]!;
          t[ai] = t[bi]!;
          t[bi] = f(t[bi]! + tmp);
        }
      }
      for (let i = 0; i < seg && base + i < n; i++) out[base + i] = t[i]!;
    }
    return { 1: out, 2: sums };
  };
}

/** heat_step: boundary copied; interior c + alpha*(((n + s) + e) + w - 4c), left to right. */
function heatRef(inputs: readonly MaterializedArg[]): Record<number, Float32Array> {
  const x = buf(inputs, 0), nx = num(inputs, 2), ny = num(inputs, 3), alpha = num(inputs, 4);
  const out = new Float32Array(nx * ny);
  const at = (xx: number, yy: number): number => x[yy * nx + xx]!;
  for (let y = 0; y < ny; y++) {
    for (let xx = 0; xx < nx; xx++) {
      const c = at(xx, y);
      if (xx === 0 || y === 0 || xx === nx - 1 || y === ny - 1) {
        out[y * nx + xx] = c;
        continue;
      }
      const sum = f(f(f(at(xx, y - 1) + at(xx, y + 1)) + at(xx + 1, y)) + at(xx - 1, y));
      out[y * nx + xx] = f(c + f(alpha * f(sum - f(4 * c))));
    }
  }
  return { 1: out };
}

/** transpose_padded: out[x][y] = in[y][x] (exact). */
function transposeRef(inputs: readonly MaterializedArg[]): Record<number, Float32Array> {
  const x = buf(inputs, 1), width = num(inputs, 2), height = num(inputs, 3);
  const out = new Float32Array(width * height);
  for (let y = 0; y < height; y++) for (let c = 0; c < width; c++) out[c * height + y] = x[y * width + c]!;
  return { 0: out };
}

/** conv2d: dy outer, dx inner, taps outside the image skipped. */
function conv2dRef(mask: readonly number[], radius: number) {
  const dim = 2 * radius + 1;
  return (inputs: readonly MaterializedArg[]): Record<number, Float32Array> => {
    const x = buf(inputs, 0), width = num(inputs, 2), height = num(inputs, 3);
    const m = Float32Array.from(mask);
    const out = new Float32Array(width * height);
    for (let row = 0; row < height; row++) {
      for (let col = 0; col < width; col++) {
        let acc = 0;
        for (let dy = -radius; dy <= radius; dy++) {
          const r = row + dy;
          if (r < 0 || r >= height) continue;
          for (let dx = -radius; dx <= radius; dx++) {
            const c = col + dx;
            if (c < 0 || c >= width) continue;
            acc = f(acc + f(x[r * width + c]! * m[(dy + radius) * dim + dx + radius]!));
          }
        }
        out[row * width + col] = acc;
      }
    }
    return { 1: out };
  };
}

/** scale_add_vec4: out = alpha*a + b (the float4 and tail paths compute the same thing). */
function vec4Ref(inputs: readonly MaterializedArg[]): Record<number, Float32Array> {
  const a = buf(inputs, 1), b = buf(inputs, 2), alpha = num(inputs, 3), n = num(inputs, 4);
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = f(f(alpha * a[i]!) + b[i]!);
  return { 0: out };
}

/**
 * reduce<T, BLOCK>: each thread sums its grid-stride elements in order, then the tree.
 * `add` is T's addition: f32 rounding or 32-bit wraparound.
 */
function templateReduceRef(block: number, type: 'f32' | 'i32') {
  const add = type === 'f32' ? (p: number, q: number): number => f(p + q) : (p: number, q: number): number => (p + q) | 0;
  return (inputs: readonly MaterializedArg[]): Record<number, ArrayLike<number>> => {
    const x = buf(inputs, 0), n = num(inputs, 2);
    const blocks = buf(inputs, 1).length;
    const out = type === 'f32' ? new Float32Array(blocks) : new Int32Array(blocks);
    for (let b = 0; b < blocks; b++) {
      const s: number[] = [];
      for (let t = 0; t < block; t++) {
        let acc = 0;
        for (let i = b * block + t; i < n; i += blocks * block) acc = add(acc, x[i]!);
        s.push(acc);
      }
      for (let stride = block / 2; stride > 0; stride >>= 1) {
        for (let t = 0; t < stride; t++) s[t] = add(s[t]!, s[t + stride]!);
      }
      out[b] = s[0]!;
    }
    return { 1: out };
  };
}

/**
 * haxpy: round(round(a*x) + y) in binary16. Rounding the exact f32 result to f16 is a correct
 * single rounding here: f16 products are exact in f32, and f32 has 24 >= 2*11 + 2 bits, so
 * an f32-rounded sum then rounded to f16 equals the correctly rounded f16 sum.
 */
function haxpyRef(inputs: readonly MaterializedArg[]): Record<number, Uint16Array> {
  const n = num(inputs, 0), a = num(inputs, 1), x = buf(inputs, 2), y = buf(inputs, 3);
  const out = Uint16Array.from(y);
  for (let i = 0; i < n; i++) {
    const p = f16BitsToF32(f32ToF16Bits(f(a * f16BitsToF32(x[i]!))));
    out[i] = f32ToF16Bits(f(p + f16BitsToF32(y[i]!)));
  }
  return { 3: out };
}

/** half_scale: half(float(in) * scale + bias), the f32 ops rounded, then one f16 rounding. */
function halfScaleRef(inputs: readonly MaterializedArg[]): Record<number, Uint16Array> {
  const x = buf(inputs, 0), scale = num(inputs, 2), bias = num(inputs, 3), n = num(inputs, 4);
  const out = new Uint16Array(n);
  for (let i = 0; i < n; i++) out[i] = f32ToF16Bits(f(f(f16BitsToF32(x[i]!) * scale) + bias));
  return { 1: out };
}

/** bit_stats: murmur3 fmix32 of in[i] ^ (i * golden ratio), then the bit facts. */
function bitStatsRef(inputs: readonly MaterializedArg[]): Record<number, ArrayLike<number>> {
  const x = buf(inputs, 0), n = num(inputs, 7);
  const hash = new Uint32Array(n), popc = new Int32Array(n), clz = new Int32Array(n);
  const ffs = new Int32Array(n), brev = new Uint32Array(n), rot = new Uint32Array(n);
  const fmix32 = (h0: number): number => {
    let h = h0 >>> 0;
    h = (h ^ (h >>> 16)) >>> 0;
    h = Math.imul(h, 0x85ebca6b) >>> 0;
    h = (h ^ (h >>> 13)) >>> 0;
    h = Math.imul(h, 0xc2b2ae35) >>> 0;
    return (h ^ (h >>> 16)) >>> 0;
  };
  const popcount = (v: number): number => {
    let c = 0;
    for (let k = 0; k < 32; k++) c += (v >>> k) & 1;
    return c;
  };
  const reverse = (v: number): number => {
    let r = 0;
    for (let k = 0; k < 32; k++) r = (r << 1) | ((v >>> k) & 1);
    return r >>> 0;
  };
  for (let i = 0; i < n; i++) {
    const h = fmix32((x[i]! ^ Math.imul(i, 0x9e3779b9)) >>> 0);
    hash[i] = h;
    popc[i] = popcount(h);
    clz[i] = Math.clz32(h);
    ffs[i] = h === 0 ? 0 : 32 - Math.clz32(h & -h);
    brev[i] = reverse(h);
    const r = i & 31;
    rot[i] = ((h << r) | (h >>> ((32 - r) & 31))) >>> 0;
  }
  return { 1: hash, 2: popc, 3: clz, 4: ffs, 5: brev, 6: rot };
}

const GELU_SCALE = f(Math.sqrt(f(2 / Math.PI))); // sqrtf((float)(2.0f / M_PI))
const GELU_CUBE = f(0.044715);

/** gelu_forward, in f64 from the f32 inputs and constants (tanhf is not correctly rounded). */
function geluForwardRef(inputs: readonly MaterializedArg[]): Record<number, Float32Array> {
  const x = buf(inputs, 1), N = num(inputs, 2);
  const out = new Float32Array(N);
  for (let i = 0; i < N; i++) {
    const v = x[i]!;
    out[i] = 0.5 * v * (1 + Math.tanh(GELU_SCALE * (v + GELU_CUBE * v * v * v)));
  }
  return { 0: out };
}

/** gelu_backward: dinp += gelu'(x) * dout, in f64. */
function geluBackwardRef(inputs: readonly MaterializedArg[]): Record<number, Float32Array> {
  const dinp = buf(inputs, 0), x = buf(inputs, 1), dout = buf(inputs, 2), N = num(inputs, 3);
  const out = Float32Array.from(dinp);
  for (let i = 0; i < N; i++) {
    const v = x[i]!;
    const arg = GELU_SCALE * (v + GELU_CUBE * v * v * v);
    const sech2 = 1 / Math.cosh(arg) ** 2;
    const grad = 0.5 * (1 + Math.tanh(arg)) + v * 0.5 * sech2 * GELU_SCALE * (1 + 3 * GELU_CUBE * v * v);
    out[i] = dinp[i]! + grad * dout[i]!;
  }
  return { 0: out };
}

/** max_reduce: max(initial result, max of in) — exact. */
function maxRef(inputs: readonly MaterializedArg[]): Record<number, Float32Array> {
  const x = buf(inputs, 0), n = num(inputs, 2);
  let m = buf(inputs, 1)[0]!;
  for (let i = 0; i < n; i++) m = Math.max(m, x[i]!);
  return { 1: Float32Array.of(m) };
}

/** compact_warp: per 32-element segment, the kept values in order, then the untouched rest. */
function compactRef(inputs: readonly MaterializedArg[]): Record<number, ArrayLike<number>> {
  const x = buf(inputs, 0), n = num(inputs, 3), threshold = num(inputs, 4);
  const out = Float32Array.from(buf(inputs, 1));
  const counts = Int32Array.from(buf(inputs, 2));
  for (let w = 0; w < counts.length; w++) {
    let k = 0;
    for (let lane = 0; lane < 32; lane++) {
      const i = w * 32 + lane;
      if (i < n && x[i]! > threshold) out[w * 32 + k++] = x[i]!;
    }
    counts[w] = k;
  }
  return { 1: out, 2: counts };
}

/**
 * nbody_accel: for each body, tiles of `block` bodies (zero-mass padding past n) in order,
 * each interaction with the kernel's f32 operation order. rsqrtf is approximated by a
 * correctly rounded 1/sqrt (CUDA's is within 2 ulp).
 */
function nbodyRef(block: number) {
  return (inputs: readonly MaterializedArg[]): Record<number, Float32Array> => {
    const pos = buf(inputs, 0), n = num(inputs, 2), soft2 = num(inputs, 3);
    const acc = new Float32Array(4 * n);
    const tiles = ceilDiv(n, block) * block;
    for (let i = 0; i < n; i++) {
      const bx = pos[4 * i]!, by = pos[4 * i + 1]!, bz = pos[4 * i + 2]!;
      let ax = 0, ay = 0, az = 0;
      for (let j = 0; j < tiles; j++) {
        const [jx, jy, jz, jw] = j < n ? [pos[4 * j]!, pos[4 * j + 1]!, pos[4 * j + 2]!, pos[4 * j + 3]!] : [0, 0, 0, 0];
        const rx = f(jx - bx), ry = f(jy - by), rz = f(jz - bz);
        const dist2 = f(f(f(f(rx * rx) + f(ry * ry)) + f(rz * rz)) + soft2);
        const inv = f(1 / Math.sqrt(dist2));
        const inv3 = f(f(inv * inv) * inv);
        const s = f(jw * inv3);
        ax = f(ax + f(rx * s));
        ay = f(ay + f(ry * s));
        az = f(az + f(rz * s));
      }
      acc[4 * i] = ax;
      acc[4 * i + 1] = ay;
      acc[4 * i + 2] = az;
    }
    return { 1: acc };
  };
}

// ---------------------------------------------------------------------------------------------
// Inputs that need a shape rand cannot give

/** A 5x5 mask of small dyadic weights (exact in f32), asymmetric so flips would show. */
const CONV_MASK: number[] = Array.from({ length: 25 }, (_, k) => ((k * 7) % 11 - 5) / 8);

/** Bodies: positions uniform in [-1, 1)^3, masses in [0.5, 1), from mulberry32 seed 27. */
function nbodyBodies(n: number): number[] {
  const rng = new Mulberry32(27);
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    out.push(rng.nextUnitBits(24), rng.nextUnitBits(24), rng.nextUnitBits(24));
    out.push(0.75 + 0.25 * rng.nextUnitBits(24));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The cases

// Tolerance notes, referred to below:
//  - FMA: targets may contract a*b + c into one fma (one rounding instead of two). For values
//    of magnitude ~1 that moves a result by about one f32 ulp of the product, ~1e-7 absolute.
//  - SUM(n): a reassociated sum of n terms of magnitude ≤ 1 may differ by ~n * 2^-24 absolute.
//  - EXACT: integer results, comparisons, data movement: no target may differ.
const EXACT: Tolerance = { rtol: 0, atol: 0 };

export const EXAMPLE_CASES: ExampleCase[] = [
  {
    name: 'saxpy/n1000',
    file: 'saxpy.cu',
    kernel: 'saxpy',
    grid: [4], block: [128], // 512 threads: each does one or two elements (grid stride)
    args: specs('i32=1000', 'f32=2.5', 'f32[1000]=rand:1', 'f32[1000]=rand:2'),
    reference: saxpyRef,
    tolerance: { rtol: 1e-6, atol: 1e-6 }, // FMA: a*x + y may be one fma
  },
  {
    name: 'saxpy/n5000_grid_stride',
    file: 'saxpy.cu',
    kernel: 'saxpy',
    grid: [3], block: [256], // 768 threads for 5000 elements: 6-7 trips each
    args: specs('i32=5000', 'f32=-0.75', 'f32[5000]=rand:3', 'f32[5000]=rand:4'),
    reference: saxpyRef,
    tolerance: { rtol: 1e-6, atol: 1e-6 }, // FMA
  },
  {
    name: 'block_sum/n1000',
    file: 'reduce.cu',
    kernel: 'block_sum',
    grid: [2], block: [256], // 2 blocks x 512 elements cover 1000; the tail reads as zero
    args: specs('f32[1000]=rand:5', 'f32[2]', 'i32=1000'),
    reference: blockSumRef(256),
    tolerance: { rtol: 1e-5, atol: 1e-5 }, // the tree fixes the order; SUM(512) if reassociated
  },
  {
    name: 'block_sum/block64_n300',
    file: 'reduce.cu',
    kernel: 'block_sum',
    defines: { BLOCK_SIZE: '64' },
    grid: [3], block: [64],
    args: specs('f32[300]=rand:6', 'f32[3]', 'i32=300'),
    reference: blockSumRef(64),
    tolerance: { rtol: 1e-5, atol: 1e-5 }, // as above
  },
  {
    name: 'matmul_tiled/37x45x29',
    file: 'matmul_tiled.cu',
    kernel: 'matmul_tiled',
    grid: [ceilDiv(45, 16), ceilDiv(37, 16)], block: [16, 16], // odd sizes: partial tiles everywhere
    args: specs('f32[1073]=rand:7', 'f32[1305]=rand:8', 'f32[1665]', 'i32=37', 'i32=45', 'i32=29'),
    reference: matmulRef,
    // FMA in the k loop, and the NPU cube reassociates the dot product: SUM(29) of products ≤ 1.
    tolerance: { rtol: 1e-5, atol: 1e-4 },
  },
  {
    name: 'matmul_tiled/5x70x33',
    file: 'matmul_tiled.cu',
    kernel: 'matmul_tiled',
    grid: [ceilDiv(70, 16), 1], block: [16, 16], // M < TILE: most threads of each block idle
    args: specs('f32[165]=rand:9', 'f32[2310]=rand:10', 'f32[350]', 'i32=5', 'i32=70', 'i32=33'),
    reference: matmulRef,
    tolerance: { rtol: 1e-5, atol: 1e-4 }, // as above
  },
  {
    name: 'softmax_rows/19x100',
    file: 'softmax.cu',
    kernel: 'softmax_rows',
    grid: [ceilDiv(19, 4)], block: [128], // 4 warps (rows) per block; the last block has 3 rows
    args: specs('f32[1900]', 'f32[1900]=rand:11', 'i32=19', 'i32=100'),
    reference: softmaxRef,
    tolerance: { rtol: 1e-5, atol: 1e-7 }, // expf within 2 ulp; results in (0, 1)
  },
  {
    name: 'softmax_rows/7x20_short_rows',
    file: 'softmax.cu',
    kernel: 'softmax_rows',
    grid: [ceilDiv(7, 2)], block: [64], // cols < 32: lanes 20..31 hold no element
    args: specs('f32[140]', 'f32[140]=rand:12', 'i32=7', 'i32=20'),
    reference: softmaxRef,
    tolerance: { rtol: 1e-5, atol: 1e-7 }, // as above
  },
  {
    name: 'layernorm_forward/13x70',
    file: 'layernorm.cu',
    kernel: 'layernorm_forward',
    grid: [ceilDiv(13 * 32, 64)], block: [64], // 2 rows per block; the 14th warp has no row
    args: specs('f32[910]', 'f32[13]', 'f32[13]', 'f32[910]=rand:13', 'f32[70]=rand:14', 'f32[70]=rand:15', 'i32=13', 'i32=70'),
    reference: layernormRef,
    // The reference is f64 and cg::reduce's order is unspecified: SUM(70) on mean and var,
    // rsqrtf within 2 ulp, and FMA in the final n*w + b; outputs are O(1) (rstd ~1.7).
    tolerance: { rtol: 1e-4, atol: 1e-5 },
  },
  {
    name: 'layernorm_forward/4x768_gpt2',
    file: 'layernorm.cu',
    kernel: 'layernorm_forward',
    grid: [1], block: [128],
    args: specs('f32[3072]', 'f32[4]', 'f32[4]', 'f32[3072]=rand:16', 'f32[768]=ones', 'f32[768]', 'i32=4', 'i32=768'),
    reference: layernormRef,
    tolerance: { rtol: 1e-4, atol: 1e-5 }, // as above, SUM(768): mean ≈ 0, so the relative
    // error of the mean is large but its absolute error (≤ 1e-6) is what reaches the outputs
  },
  {
    name: 'histogram256/n10007',
    file: 'histogram.cu',
    kernel: 'histogram256',
    grid: [8], block: [256],
    args: specs('u8[10007]=rand:17', 'u32[256]', 'i32=10007'),
    reference: histogramRef,
    tolerance: EXACT, // counts
  },
  {
    name: 'histogram256/block100_n999',
    file: 'histogram.cu',
    kernel: 'histogram256',
    grid: [3], block: [100], // fewer threads than bins, not a multiple of the warp size
    args: specs('u8[999]=rand:18', 'u32[256]', 'i32=999'),
    reference: histogramRef,
    tolerance: EXACT,
  },
  {
    name: 'scan_blelloch/n1000',
    file: 'scan.cu',
    kernel: 'scan_blelloch',
    grid: [ceilDiv(1000, 256)], block: [128],
    args: specs('f32[1000]=rand:19', 'f32[1000]', 'f32[4]', 'i32=1000'),
    reference: scanRef(128),
    tolerance: { rtol: 1e-5, atol: 1e-5 }, // the tree fixes the order; SUM(256) if not kept
  },
  {
    name: 'scan_blelloch/block32_n200',
    file: 'scan.cu',
    kernel: 'scan_blelloch',
    defines: { SCAN_BLOCK: '32' },
    grid: [ceilDiv(200, 64)], block: [32],
    args: specs('f32[200]=rand:20', 'f32[200]', 'f32[4]', 'i32=200'),
    reference: scanRef(32),
    tolerance: { rtol: 1e-5, atol: 1e-5 }, // as above
  },
  {
    name: 'heat_step/50x37',
    file: 'stencil2d.cu',
    kernel: 'heat_step',
    grid: [ceilDiv(50, 16), ceilDiv(37, 16)], block: [16, 16],
    args: specs('f32[1850]=rand:21', 'f32[1850]', 'i32=50', 'i32=37', 'f32=0.2'),
    reference: heatRef,
    tolerance: { rtol: 1e-6, atol: 1e-6 }, // FMA: 4c subtracted and alpha*t added may fuse
  },
  {
    name: 'heat_step/33x18',
    file: 'stencil2d.cu',
    kernel: 'heat_step',
    grid: [ceilDiv(33, 16), ceilDiv(18, 16)], block: [16, 16], // 1-wide and 2-high edge tiles
    args: specs('f32[594]=rand:22', 'f32[594]', 'i32=33', 'i32=18', 'f32=0.125'),
    reference: heatRef,
    tolerance: { rtol: 1e-6, atol: 1e-6 }, // FMA
  },
  {
    name: 'transpose_padded/70x45',
    file: 'transpose.cu',
    kernel: 'transpose_padded',
    grid: [ceilDiv(70, 32), ceilDiv(45, 32)], block: [32, 8],
    args: specs('f32[3150]', 'f32[3150]=rand:23', 'i32=70', 'i32=45'),
    reference: transposeRef,
    tolerance: EXACT, // data movement
  },
  {
    name: 'transpose_padded/1x33_column',
    file: 'transpose.cu',
    kernel: 'transpose_padded',
    grid: [1, 2], block: [32, 8], // width 1: a single column becomes a single row
    args: specs('f32[33]', 'f32[33]=iota', 'i32=1', 'i32=33'),
    reference: transposeRef,
    tolerance: EXACT,
  },
  {
    name: 'conv2d/40x23',
    file: 'conv2d.cu',
    kernel: 'conv2d',
    grid: [ceilDiv(40, 16), ceilDiv(23, 16)], block: [16, 16],
    args: specs('f32[920]=rand:24', 'f32[920]', 'i32=40', 'i32=23'),
    symbols: { c_mask: { type: 'f32', values: CONV_MASK } },
    reference: conv2dRef(CONV_MASK, 2),
    tolerance: { rtol: 1e-5, atol: 1e-5 }, // FMA over 25 taps with weights ≤ 5/8
  },
  {
    name: 'scale_add_vec4/n1003',
    file: 'vec4.cu',
    kernel: 'scale_add_vec4',
    grid: [4], block: [64], // 256 threads ≥ 250 float4s; threads 0..2 also do the 3-element tail
    args: specs('f32[1003]', 'f32[1003]=rand:25', 'f32[1003]=rand:26', 'f32=1.5', 'i32=1003'),
    reference: vec4Ref,
    tolerance: { rtol: 1e-6, atol: 1e-6 }, // FMA
  },
  {
    name: 'scale_add_vec4/n3_tail_only',
    file: 'vec4.cu',
    kernel: 'scale_add_vec4',
    grid: [1], block: [32], // n < 4: no float4 at all, only the scalar tail
    args: specs('f32[3]', 'f32[3]=1,2,3', 'f32[3]=0.5,-0.5,0.25', 'f32=-2', 'i32=3'),
    reference: vec4Ref,
    tolerance: { rtol: 1e-6, atol: 1e-6 }, // FMA (exact here: small dyadic values)
  },
  {
    name: 'reduce<float,256>/n3000',
    file: 'template_reduce.cu',
    kernel: 'reduce<float, 256>',
    grid: [4], block: [256], // 1024 threads, each sums 2-3 elements before the tree
    args: specs('f32[3000]=rand:27', 'f32[4]', 'i32=3000'),
    reference: templateReduceRef(256, 'f32'),
    tolerance: { rtol: 1e-5, atol: 1e-5 }, // order fixed by the kernel; SUM(750) if reassociated
  },
  {
    name: 'reduce<int,128>/n777',
    file: 'template_reduce.cu',
    kernel: 'reduce<int, 128>',
    grid: [3], block: [128],
    args: specs('i32[777]=rand:28', 'i32[3]', 'i32=777'),
    reference: templateReduceRef(128, 'i32'),
    tolerance: EXACT, // integer sums in [-128, 127] per element cannot overflow
  },
  {
    name: 'haxpy/n1000',
    file: 'half.cu',
    kernel: 'haxpy',
    grid: [2], block: [256],
    args: specs('i32=1000', 'f16=0.5', 'f16[1000]=rand:29', 'f16[1000]=rand:30'),
    reference: haxpyRef,
    // Compared as decoded values. A target that fuses __hmul/__hadd into one hfma may differ
    // by one f16 ulp (2^-10 relative, ≤ 2^-11 absolute below 1).
    tolerance: { rtol: 1e-3, atol: 5e-4 },
  },
  {
    name: 'half_scale/n777',
    file: 'half.cu',
    kernel: 'half_scale',
    grid: [4], block: [64], // 256 threads, grid stride
    args: specs('f16[777]=rand:31', 'f16[777]', 'f32=3', 'f32=0.25', 'i32=777'),
    reference: halfScaleRef,
    // FMA in v*scale + bias, then the f16 rounding: one f16 ulp (≤ 2^-10 relative; values
    // below 1 in magnitude have ulps ≤ 2^-11).
    tolerance: { rtol: 1e-3, atol: 5e-4 },
  },
  {
    name: 'bit_stats/n1000',
    file: 'bitops.cu',
    kernel: 'bit_stats',
    grid: [8], block: [128],
    args: specs('u32[1000]=rand:32', 'u32[1000]', 'i32[1000]', 'i32[1000]', 'i32[1000]', 'u32[1000]', 'u32[1000]', 'i32=1000'),
    reference: bitStatsRef,
    tolerance: EXACT,
  },
  {
    name: 'bit_stats/edge_values',
    file: 'bitops.cu',
    kernel: 'bit_stats',
    grid: [1], block: [32],
    // in[0] = 0 hashes to 0 (clz 32, ffs 0); all-ones and the sign bit exercise the wraps.
    args: specs('u32[4]=0,1,4294967295,2147483648', 'u32[4]', 'i32[4]', 'i32[4]', 'i32[4]', 'u32[4]', 'u32[4]', 'i32=4'),
    reference: bitStatsRef,
    tolerance: EXACT,
  },
  {
    name: 'gelu_forward/n999',
    file: 'gelu.cu',
    kernel: 'gelu_forward',
    grid: [8], block: [128],
    args: specs('f32[999]', 'f32[999]=rand:33', 'i32=999'),
    reference: geluForwardRef,
    // f64 reference: ~8 f32 roundings, tanhf within 2 ulp, and 1 + tanh loses up to 2 bits.
    tolerance: { rtol: 1e-5, atol: 1e-6 },
  },
  {
    name: 'gelu_backward/n999',
    file: 'gelu.cu',
    kernel: 'gelu_backward',
    grid: [8], block: [128],
    args: specs('f32[999]=rand:34', 'f32[999]=rand:33', 'f32[999]=rand:35', 'i32=999'),
    reference: geluBackwardRef,
    // f64 reference; coshf/tanhf within 2 ulp; dinp + grad*dout can cancel, hence atol.
    tolerance: { rtol: 1e-5, atol: 1e-5 },
  },
  {
    name: 'max_reduce/n5000',
    file: 'atomic_max.cu',
    kernel: 'max_reduce',
    grid: [4], block: [256],
    args: specs('f32[5000]=rand:36', 'f32[1]=-inf', 'i32=5000'),
    reference: maxRef,
    tolerance: EXACT, // max is exact whatever the order of the CAS loop
  },
  {
    name: 'max_reduce/all_negative',
    file: 'atomic_max.cu',
    kernel: 'max_reduce',
    grid: [2], block: [64], // most threads hold -inf and never win the CAS
    args: specs('f32[5]=-3,-1.5,-2,-7,-1.25', 'f32[1]=-inf', 'i32=5'),
    reference: maxRef,
    tolerance: EXACT,
  },
  {
    name: 'compact_warp/n1000',
    file: 'compact.cu',
    kernel: 'compact_warp',
    grid: [8], block: [128], // 32 warps; the last warp has 8 lanes in range
    args: specs('f32[1000]=rand:37', 'f32[1024]', 'i32[32]', 'i32=1000', 'f32=0.25'),
    reference: compactRef,
    tolerance: EXACT, // data movement and counts
  },
  {
    name: 'nbody_accel/n100',
    file: 'nbody.cu',
    kernel: 'nbody_accel',
    grid: [2], block: [64], sharedBytes: 64 * 16, // one float4 per thread; tile 2 is padded
    args: specs(listSpec('f32', nbodyBodies(100)), 'f32[400]', 'i32=100', 'f32=0.05'),
    reference: nbodyRef(64),
    // rsqrtf within 2 ulp and FMA in every interaction; 128 terms of magnitude ≤ ~7.7
    // (softening 0.05) summed with cancellation: ~1e-5 typical, 1e-4 allowed.
    tolerance: { rtol: 1e-4, atol: 1e-4 },
  },
];

// ---------------------------------------------------------------------------------------------
// Comparing

export interface Comparison {
  ok: boolean;
  mismatches: number;
  /** the first mismatching index, -1 when none */
  first: number;
  maxAbsError: number;
  maxRelError: number;
}

/**
 * Compares a downloaded buffer with a reference: f16/bf16 bit patterns are decoded first;
 * 64-bit integers compare exactly as bigint; NaN matches NaN; infinities must match exactly.
 */
export function compareBuffers(
  type: ScalarType,
  got: ArrayLike<number | bigint>,
  want: ArrayLike<number | bigint>,
  tol: Tolerance,
): Comparison {
  const r: Comparison = { ok: true, mismatches: 0, first: -1, maxAbsError: 0, maxRelError: 0 };
  const miss = (i: number): void => {
    r.ok = false;
    r.mismatches++;
    if (r.first < 0) r.first = i;
  };
  if (got.length !== want.length) {
    r.ok = false;
    r.mismatches = Math.abs(got.length - want.length);
    r.first = Math.min(got.length, want.length);
  }
  const n = Math.min(got.length, want.length);
  if (SCALAR_TYPES[type].bits === 64 && SCALAR_TYPES[type].kind === 'int') {
    for (let i = 0; i < n; i++) if (BigInt(got[i]!) !== BigInt(want[i]!)) miss(i);
    return r;
  }
  const g = bufferValues(type, got), w = bufferValues(type, want);
  for (let i = 0; i < n; i++) {
    const a = g[i]!, b = w[i]!;
    if (Number.isNaN(a) || Number.isNaN(b)) {
      if (!(Number.isNaN(a) && Number.isNaN(b))) miss(i);
      continue;
    }
    if (!Number.isFinite(a) || !Number.isFinite(b)) {
      if (a !== b) miss(i);
      continue;
    }
    const abs = Math.abs(a - b);
    r.maxAbsError = Math.max(r.maxAbsError, abs);
    if (b !== 0) r.maxRelError = Math.max(r.maxRelError, abs / Math.abs(b));
    if (abs > tol.atol + tol.rtol * Math.abs(b)) miss(i);
  }
  return r;
}
