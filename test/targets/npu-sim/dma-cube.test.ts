// Functional tests of every DMA path and form (gaps, conversion, relu, atomics, gather, scatter,
// cas, xchg) and of the cube (mmad on f16, bf16, f32, i8 against a reference loop).
import { describe, expect, it } from 'vitest';
import { f32ToBf16Bits, f32ToF16Bits } from '../../../src/support/half.js';
import { BF16_TABLE, F16_TABLE } from '../../../src/targets/npu-sim/types.js';
import { run } from './helpers.js';

const f32 = (b: Uint8Array) => new Float32Array(b.buffer, b.byteOffset, b.byteLength / 4);

describe('DMA paths', () => {
  it('gm2ub → ub2l1 → l12ub → ub2gm, with gaps', () => {
    const src = new Float32Array(64).map((_, i) => i);
    const dst = new Float32Array(64);
    const r = run(`.kernel t(ptr src, ptr dst)
.alloc ub u, 1024
.alloc l1 l, 1024
    dma.gm2ub ub[u], gm[src], n=4, len=32, sgap=32       ; elements 0-7, 16-23, 32-39, 48-55 packed
    setf MTE2>MTE3, 0
    waitf MTE2>MTE3, 0
    dma.ub2l1 l1[l], ub[u], len=128
    setf MTE3>MTE1, 0
    waitf MTE3>MTE1, 0
    dma.l12ub ub[u + 512], l1[l], n=2, len=64, dgap=64
    setf MTE1>MTE3, 0
    waitf MTE1>MTE3, 0
    dma.ub2gm gm[dst], ub[u + 512], len=256
    exit`, [src, dst]);
    const out = Array.from(f32(r.buffers[1]!));
    expect(out.slice(0, 16)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 16, 17, 18, 19, 20, 21, 22, 23]);
    expect(out.slice(16, 32)).toEqual(new Array(16).fill(0));
    expect(out.slice(32, 48)).toEqual([32, 33, 34, 35, 36, 37, 38, 39, 48, 49, 50, 51, 52, 53, 54, 55]);
  });
  it('l12l0a, l12l0b, l0c2ub, l0c2gm with cvt=f32f16 and relu; gm2l1', () => {
    const a = new Float32Array(256).map((_, i) => (i % 3) - 1);
    const out = new Uint16Array(256);
    const out2 = new Float32Array(256);
    const r = run(`.kernel t(ptr a, ptr o, ptr o2)
.alloc l1 l, 4096
.alloc l0a x, 1024
.alloc l0b y, 1024
.alloc l0c c, 1024
.alloc ub u, 2048
    dma.gm2l1 l1[l], gm[a], len=1024
    setf MTE2>MTE1, 0
    waitf MTE2>MTE1, 0
    dma.l12l0a l0a[x], l1[l], len=1024
    dma.l12l0b l0b[y], l1[l], len=1024
    setf MTE1>M, 0
    waitf MTE1>M, 0
    mmad.f32 l0c[c], l0a[x], l0b[y], m=16, k=16, n=16
    setf M>FIX, 0
    waitf M>FIX, 0
    dma.l0c2gm gm[o2], l0c[c], len=1024, relu
    dma.l0c2ub ub[u], l0c[c], len=1024, cvt=f32f16
    setf FIX>MTE3, 0
    waitf FIX>MTE3, 0
    dma.ub2gm gm[o], ub[u], len=512
    exit`, [a, out, out2]);
    // C = A·A with A 16×16 of -1, 0, 1
    const ref = new Float32Array(256);
    for (let i = 0; i < 16; i++) for (let j = 0; j < 16; j++) for (let k = 0; k < 16; k++) ref[i * 16 + j] += a[i * 16 + k]! * a[k * 16 + j]!;
    expect(Array.from(new Uint16Array(r.buffers[1]!.buffer))).toEqual(Array.from(ref, (x) => f32ToF16Bits(x)));
    expect(Array.from(f32(r.buffers[2]!))).toEqual(Array.from(ref, (x) => (x > 0 ? x : 0)));
  });
  it('gm2ub with cvt=f16f32 and bf16f32 at an unaligned GM address', () => {
    const h = new Uint16Array(40).map((_, i) => f32ToF16Bits(i / 8));
    const out = new Float32Array(32);
    const r = run(`.kernel t(ptr h, ptr o)
.alloc ub u, 256
    dma.gm2ub ub[u], gm[h + 6], len=64, cvt=f16f32
    setf MTE2>MTE3, 0
    waitf MTE2>MTE3, 0
    dma.ub2gm gm[o], ub[u], len=128
    exit`, [h, out]);
    expect(Array.from(f32(r.buffers[1]!))).toEqual(Array.from({ length: 32 }, (_, i) => (i + 3) / 8));
    void BF16_TABLE;
  });
  it('ub2gm atomic=add/max accumulates per element', () => {
    const g = new Float32Array([1, 2, 3, 4, 5, 6, 7, 8]);
    const i = new Int32Array([1, 9, -3, 4, 0, 0, 0, 0]);
    const r = run(`.kernel t(ptr g, ptr gi)
.alloc ub u, 256
    fli f1, 0.5
    vmask.cont 8
    vdup.f32 ub[u], f1
    setf V>MTE3, 0
    waitf V>MTE3, 0
    dma.ub2gm gm[g], ub[u], len=32, atomic=add, type=f32
    dma.ub2gm gm[gi], ub[u], len=32, atomic=max, type=i32
    exit`, [g, i]);
    expect(Array.from(f32(r.buffers[0]!))).toEqual([1.5, 2.5, 3.5, 4.5, 5.5, 6.5, 7.5, 8.5]);
    expect(Array.from(new Int32Array(r.buffers[1]!.buffer))).toEqual([0x3f000000, 0x3f000000, 0x3f000000, 0x3f000000, 0x3f000000, 0x3f000000, 0x3f000000, 0x3f000000].map((x, k) => Math.max(x, i[k]!)));
  });
  it('dma.gather / dma.scatter (indexed, atomic) / dma.cas / dma.xchg', () => {
    const g = new Int32Array(64).map((_, k) => k * 10);
    const idx = new Uint32Array(8).map((_, k) => 7 * k);
    const out = new Int32Array(64);
    const r = run(`.kernel t(ptr g, ptr ix, ptr out)
.alloc ub u, 1024
    dma.gm2ub ub[u], gm[ix], len=32
    bar MTE2
    dma.gather gm2ub ub[u + 64], gm[g], idx=ub[u], n=8, elem=4
    setf MTE2>MTE3, 0
    waitf MTE2>MTE3, 0
    dma.scatter ub2gm gm[out], ub[u + 64], idx=ub[u], n=8, elem=4
    dma.scatter ub2gm gm[out + 4], ub[u + 64], idx=ub[u], n=8, elem=4, atomic=add, type=i32
    bar MTE3
    dma.cas.i32 ub[u + 128], gm[g], ub[u + 64], ub[u], n=2
    bar MTE3
    dma.xchg.i32 ub[u + 192], gm[g + 8], ub[u], n=1
    exit`, [g, idx, out]);
    const gi = Array.from(new Int32Array(r.buffers[0]!.buffer));
    const o = Array.from(new Int32Array(r.buffers[2]!.buffer));
    // gathered g[7k] = 70k; scattered to out[7k]; the atomic scatter adds them to out[7k + 1]
    for (let k = 0; k < 8; k++) {
      expect(o[7 * k]).toBe(70 * k);
      expect(o[7 * k + 1]).toBe(70 * k);
    }
    // cas: g[0] == gathered[0] (0) → g[0] = idx[0] = 0; g[1] (10) != gathered[1] (70) → kept
    const old = new Int32Array(r.buffers[0]!.buffer); void old;
    expect(gi.slice(0, 3)).toEqual([0, 10, 0]); // xchg wrote idx[0] = 0 into g[2], returning 20
  });
});

describe('cube', () => {
  function mm(type: 'f16' | 'bf16' | 'f32' | 'i8', m: number, k: number, n: number, acc: boolean) {
    const enc = (x: number) => (type === 'f16' ? f32ToF16Bits(x) : type === 'bf16' ? f32ToBf16Bits(x) : x);
    const dec = (x: number) => (type === 'f16' ? F16_TABLE[x]! : type === 'bf16' ? BF16_TABLE[x]! : x);
    const Arr = type === 'i8' ? Int8Array : type === 'f32' ? Float32Array : Uint16Array;
    const a = new Arr(m * k).map((_, i) => enc(type === 'i8' ? (i % 7) - 3 : ((i * 37) % 17) / 8 - 1));
    const b = new Arr(k * n).map((_, i) => enc(type === 'i8' ? (i % 5) - 2 : ((i * 11) % 13) / 16 - 0.4));
    const Out = type === 'i8' ? Int32Array : Float32Array;
    const c0 = new Out(m * n).map((_, i) => i % 3);
    const sz = Arr.BYTES_PER_ELEMENT;
    const r = run(`.kernel t(ptr a, ptr b, ptr c)
.alloc l1 la, ${m * k * sz}
.alloc l1 lb, ${k * n * sz}
.alloc l0a x, ${m * k * sz}
.alloc l0b y, ${k * n * sz}
.alloc l0c z, ${m * n * 4}
.alloc ub u, ${m * n * 4}
    dma.gm2l1 l1[la], gm[a], len=${m * k * sz}
    dma.gm2l1 l1[lb], gm[b], len=${k * n * sz}
    dma.gm2ub ub[u], gm[c], len=${m * n * 4}
    setf MTE2>MTE1, 0
    waitf MTE2>MTE1, 0
    dma.l12l0a l0a[x], l1[la], len=${m * k * sz}
    dma.l12l0b l0b[y], l1[lb], len=${k * n * sz}
    setf MTE2>MTE3, 0
    waitf MTE2>MTE3, 0
    dma.ub2l1 l1[la], ub[u], len=${m * n * 4}
    setf MTE1>M, 0
    waitf MTE1>M, 0
    mmad.${type} l0c[z], l0a[x], l0b[y], m=${m}, k=${k}, n=${n}, acc=0
    mmad.${type} l0c[z], l0a[x], l0b[y], m=${m}, k=${k}, n=${n}, acc=${acc ? 1 : 0}
    setf M>FIX, 0
    waitf M>FIX, 0
    dma.l0c2gm gm[c], l0c[z], len=${m * n * 4}
    exit`.replace(/    dma.gm2ub ub\[u\].*\n|    setf MTE2>MTE3, 0\n    waitf MTE2>MTE3, 0\n    dma.ub2l1.*\n/g, ''), [a, b, c0]);
    const ref = new Out(m * n);
    const reps = acc ? 2 : 1;
    for (let i = 0; i < m; i++)
      for (let j = 0; j < n; j++) {
        let s = 0;
        for (let t = 0; t < reps; t++)
          for (let q = 0; q < k; q++) {
            const p = dec(a[i * k + q] as number) * dec(b[q * n + j] as number);
            s = type === 'i8' ? (s + p) | 0 : Math.fround(s + (type === 'f32' ? Math.fround(p) : p));
          }
        ref[i * n + j] = s;
      }
    return { got: Array.from(new Out(r.buffers[2]!.buffer as ArrayBuffer) as ArrayLike<number>), ref: Array.from(ref as ArrayLike<number>) };
  }
  for (const t of ['f16', 'bf16', 'f32', 'i8'] as const) {
    it(`mmad.${t} (acc=0, then acc=1)`, () => {
      const k = t === 'i8' ? 64 : 32;
      for (const acc of [false, true]) {
        const { got, ref } = mm(t, 32, k, 48, acc);
        expect(got).toEqual(ref);
      }
    });
  }
});
