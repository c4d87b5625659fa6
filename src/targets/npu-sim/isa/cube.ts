/**
 * The cube (pipe M): `mmad.<type> l0c[c], l0a[a], l0b[b], m=, k=, n=, acc=0|1`.
 *
 * Layouts are row-major: A is m×k at l0a, B is k×n at l0b, C is m×n at l0c (f32 for float
 * inputs, i32 for i8). Semantics, per output element, in k order: C = round_f32(C + a·b) for
 * f16/bf16 (the product is exact in f32), C = round_f32(C + round_f32(a·b)) for f32, and
 * wrapping i32 for i8; acc=0 starts from zero. Cost: ⌈m/16⌉⌈k/K0⌉⌈n/16⌉ cycles (K0 = 16, 32 for
 * i8), ×4 for f32 (NPU.md rule 4), latency cube.latency.
 *
 * Speed: B is decoded once per instruction into a Float32Array (one table load per element)
 * and the i-k-j loop accumulates into the Float32Array view of L0C, whose stores round to f32.
 */
import { BF16_TABLE, ELEM, F16_TABLE, type ElemType } from '../types.js';
import type { ExecEnv, OpDef, Resolved } from './program.js';

function dims(env: ExecEnv, r: Resolved): { m: number; k: number; n: number; t: ElemType; acc: boolean } {
  const t = r.ins.types[0]!;
  const m = Number(r.o['m']), k = Number(r.o['k']), n = Number(r.o['n']);
  const k0 = t === 'i8' ? 32 : 16;
  for (const [name, v, g] of [['m', m, 16], ['k', k, k0], ['n', n, 16]] as const)
    if (!(v > 0) || v % g) env.fault('invalid-operand', `mmad ${name}=${v} must be a positive multiple of ${g}`);
  return { m, k, n, t, acc: Number(r.o['acc'] ?? 0) !== 0 };
}

let scratch = new Float32Array(0);

export const CUBE_OPS: readonly OpDef[] = [
  {
    name: 'mmad', family: 'cube', pipe: 'M', suffix: 'type', types: ['f16', 'bf16', 'f32', 'i8'],
    args: ['mem:l0c', 'mem:l0a', 'mem:l0b'],
    options: { m: { kind: 'val', required: true }, k: { kind: 'val', required: true }, n: { kind: 'val', required: true }, acc: { kind: 'val' } },
    doc: 'C (m×n, f32 or i32) = [C +] A (m×k) · B (k×n), row-major in L0C/L0A/L0B',
    costDoc: 'occupancy ⌈m/16⌉⌈k/16⌉⌈n/16⌉ (i8: k/32; f32: ×cube.fp32Factor); latency cube.latency',
    plan(env, r) {
      const { m, k, n, t, acc } = dims(env, r);
      const sz = ELEM[t].size;
      const k0 = t === 'i8' ? 32 : 16;
      const cycles = Math.ceil(m / 16) * Math.ceil(k / k0) * Math.ceil(n / 16) * (t === 'f32' ? env.cfg.cube.fp32Factor : 1);
      const c = r.a[0] as number;
      return {
        accesses: [
          ...(acc ? [{ space: 'l0c' as const, addr: c, len: m * n * 4, write: false, alignCheck: true }] : []),
          { space: 'l0c', addr: c, len: m * n * 4, write: true, alignCheck: true },
          { space: 'l0a', addr: r.a[1] as number, len: m * k * sz, write: false, alignCheck: true },
          { space: 'l0b', addr: r.a[2] as number, len: k * n * sz, write: false, alignCheck: true },
        ],
        cost: { occupancy: cycles, latency: env.cfg.cube.latency, macs: m * k * n, flops: t === 'i8' ? 0 : 2 * m * k * n },
      };
    },
    exec(env, r) {
      const { m, k, n, t, acc } = dims(env, r);
      const l0c = env.bytes('l0c');
      const cOff = (r.a[0] as number) >> 2;
      if (t === 'i8') {
        const A = new Int8Array(env.bytes('l0a').buffer, r.a[1] as number, m * k);
        const B = new Int8Array(env.bytes('l0b').buffer, r.a[2] as number, k * n);
        const C = new Int32Array(l0c.buffer, 0, l0c.byteLength >> 2);
        if (!acc) C.fill(0, cOff, cOff + m * n);
        for (let i = 0; i < m; i++)
          for (let kk = 0; kk < k; kk++) {
            const a = A[i * k + kk]!;
            if (a === 0) continue;
            const row = kk * n, ci = cOff + i * n;
            for (let j = 0; j < n; j++) C[ci + j] = (C[ci + j]! + a * B[row + j]!) | 0;
          }
        return;
      }
      const C = new Float32Array(l0c.buffer, 0, l0c.byteLength >> 2);
      if (!acc) C.fill(0, cOff, cOff + m * n);
      if (scratch.length < k * n) scratch = new Float32Array(k * n);
      const Bd = scratch;
      let Ad: Float32Array;
      if (t === 'f32') {
        Ad = new Float32Array(env.bytes('l0a').buffer, r.a[1] as number, m * k);
        Bd.set(new Float32Array(env.bytes('l0b').buffer, r.a[2] as number, k * n));
        for (let i = 0; i < m; i++)
          for (let kk = 0; kk < k; kk++) {
            const a = Ad[i * k + kk]!;
            const row = kk * n, ci = cOff + i * n;
            for (let j = 0; j < n; j++) C[ci + j] = C[ci + j]! + Math.fround(a * Bd[row + j]!);
          }
        return;
      }
      const table = t === 'f16' ? F16_TABLE : BF16_TABLE;
      const Araw = new Uint16Array(env.bytes('l0a').buffer, r.a[1] as number, m * k);
      const Braw = new Uint16Array(env.bytes('l0b').buffer, r.a[2] as number, k * n);
      for (let x = 0; x < k * n; x++) Bd[x] = table[Braw[x]!]!;
      for (let i = 0; i < m; i++)
        for (let kk = 0; kk < k; kk++) {
          const a = table[Araw[i * k + kk]!]!;
          const row = kk * n, ci = cOff + i * n;
          // a·b is exact in f32 (≤ 22 significant bits); the store rounds the sum once
          for (let j = 0; j < n; j++) C[ci + j] = C[ci + j]! + a * Bd[row + j]!;
        }
    },
  },
];
