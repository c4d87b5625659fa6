/**
 * Test helpers: a one-core machine, and a harness that loads bytes into UB, runs a snippet and
 * returns UB (or the GM buffers) afterwards, so each instruction's test is a few lines.
 */
import { makeConfig, runAsm, type NpuConfig, type SimOptions, type SimResult } from '../../../src/targets/npu-sim/index.js';

export function oneCore(over: Record<string, unknown> = {}): NpuConfig {
  return makeConfig({ cores: 1, ...over });
}

/** UB regions of the harness, 256 bytes (one f32/f16 repeat) each: R0..R7 at 0, 256, … */
export const REGION = 256;

/**
 * Runs `body` on one core after loading `ub` (≤ 2 KiB) into UB regions R0…, then returns UB's
 * first 2 KiB. The body may use symbols R0..R7 and registers s2.. / f0..
 */
export function runUb(body: string, ub: Uint8Array, opts: SimOptions = {}): Uint8Array {
  const size = 2048;
  const inp = new Uint8Array(size);
  inp.set(ub);
  const out = new Uint8Array(size);
  const text = `.kernel t(ptr inp, ptr out)
.alloc ub R0, ${size}
.equ R1, 256
.equ R2, 512
.equ R3, 768
.equ R4, 1024
.equ R5, 1280
.equ R6, 1536
.equ R7, 1792
    dma.gm2ub ub[R0], gm[inp], len=${size}
    setf MTE2>V, 0
    waitf MTE2>V, 0
    setf MTE2>S, 0
    waitf MTE2>S, 0
    setf MTE2>MTE3, 0
${body}
    bar all
    waitf MTE2>MTE3, 0
    dma.ub2gm gm[out], ub[R0], len=${size}
    exit
`;
  const r = runAsm(text, [inp, out], { config: oneCore(), ...opts });
  return r.buffers[1]!;
}

export function f32s(...v: number[]): Uint8Array {
  return new Uint8Array(new Float32Array(v).buffer);
}

/** Places byte arrays at region offsets. */
export function layout(parts: Record<number, Uint8Array>): Uint8Array {
  const b = new Uint8Array(2048);
  for (const [k, v] of Object.entries(parts)) b.set(v, Number(k) * REGION);
  return b;
}

export function region<T>(bytes: Uint8Array, r: number, ctor: new (b: ArrayBuffer, o: number, n: number) => T, n: number): T {
  return new ctor(bytes.buffer.slice(bytes.byteOffset) as ArrayBuffer, r * REGION, n);
}

export function run(text: string, args: Parameters<typeof runAsm>[1], opts: SimOptions & { config?: NpuConfig } = {}): SimResult {
  return runAsm(text, args, { config: opts.config ?? oneCore(), ...opts });
}
