/**
 * Scalar-unit instructions (pipe S), as table rows: 64-bit integer ALU on s0..s31, fp32 on
 * f0..f31, compare-and-branch, loads/stores of scalars from UB, moves from vector results
 * (`vmovs`, `vany`, `vall`, `vpopc`), `exit`. They execute in the front end at issue time, in
 * program order; `lat` names the result latency class of the config's `scalar` section (a
 * dependent instruction waits for it: the scoreboard in sim/frontend.ts).
 */
import type { NpuConfig } from '../config.js';
import { ELEM, F16_TABLE, BF16_TABLE, encode16, floatToInt, fmaF32, roundWith, type ElemType, type RoundMode } from '../types.js';
import type { Access, ExecEnv, Instr, OpDef, Operand } from './program.js';

/** What a scalar instruction reads and writes. */
export interface ScalarEnv extends ExecEnv {
  readonly s: BigInt64Array;
  readonly f: Float64Array;
  readonly core: number;
  readonly ncores: number;
  /** value of an integer source operand (s-reg, immediate, %core, %ncores) */
  sv(op: Operand): bigint;
  /** value of a float source operand */
  fv(op: Operand): number;
  /** address of a UB operand */
  addr(op: Operand): number;
}

export type LatencyClass = keyof NpuConfig['scalar'];

export interface ScalarDef extends OpDef {
  readonly lat: LatencyClass;
  /** executes; returns the branch target when the branch is taken */
  run(env: ScalarEnv, ins: Instr): number | void;
  /** the UB bytes a load/store touches (for bounds and race checks), from operand values */
  access?(env: ScalarEnv, ins: Instr): Access;
}

const M64 = (1n << 64n) - 1n;
const wrap = (v: bigint) => BigInt.asIntN(64, v);
const u64 = (v: bigint) => v & M64;

type IntFn = (a: bigint, b: bigint, env: ScalarEnv) => bigint;

function alu(name: string, doc: string, fn: IntFn, lat: LatencyClass = 'alu'): ScalarDef {
  return {
    name, family: 'scalar', pipe: 'S', suffix: 'none', args: ['sd', 's', 'sv'], lat,
    doc, costDoc: `1 issue cycle; result after scalar.${lat}`,
    run(env, ins) {
      env.s[(ins.args[0] as { reg: number }).reg] = wrap(fn(env.sv(ins.args[1]!), env.sv(ins.args[2]!), env));
    },
  };
}

function divCheck(b: bigint, env: ScalarEnv): void {
  if (b === 0n) env.fault('arith', 'integer division by zero');
}

function shiftCount(b: bigint): bigint {
  return b < 0n || b > 63n ? 64n : b;
}

function unary(name: string, doc: string, fn: (a: bigint) => bigint): ScalarDef {
  return {
    name, family: 'scalar', pipe: 'S', suffix: 'none', args: ['sd', 's'], lat: 'alu',
    doc, costDoc: '1 issue cycle; result after scalar.alu',
    run(env, ins) {
      env.s[(ins.args[0] as { reg: number }).reg] = wrap(fn(env.sv(ins.args[1]!)));
    },
  };
}

type FloatFn = (a: number, b: number) => number;

function fpu(name: string, doc: string, fn: FloatFn, lat: LatencyClass = 'fpu'): ScalarDef {
  return {
    name, family: 'scalar', pipe: 'S', suffix: 'none', args: ['fd', 'f', 'fv'], lat,
    doc, costDoc: `1 issue cycle; result after scalar.${lat}`,
    run(env, ins) {
      env.f[(ins.args[0] as { reg: number }).reg] = Math.fround(fn(env.fv(ins.args[1]!), env.fv(ins.args[2]!)));
    },
  };
}

function funary(name: string, doc: string, fn: (a: number) => number, lat: LatencyClass = 'fpu'): ScalarDef {
  return {
    name, family: 'scalar', pipe: 'S', suffix: 'none', args: ['fd', 'f'], lat,
    doc, costDoc: `1 issue cycle; result after scalar.${lat}`,
    run(env, ins) {
      env.f[(ins.args[0] as { reg: number }).reg] = Math.fround(fn(env.fv(ins.args[1]!)));
    },
  };
}

function fcmp(name: string, doc: string, fn: (a: number, b: number) => boolean): ScalarDef {
  return {
    name, family: 'scalar', pipe: 'S', suffix: 'none', args: ['sd', 'f', 'fv'], lat: 'fpu',
    doc, costDoc: '1 issue cycle; result after scalar.fpu',
    run(env, ins) {
      env.s[(ins.args[0] as { reg: number }).reg] = fn(env.fv(ins.args[1]!), env.fv(ins.args[2]!)) ? 1n : 0n;
    },
  };
}

function branch(name: string, doc: string, fn: (a: bigint, b: bigint) => boolean): ScalarDef {
  return {
    name, family: 'branch', pipe: 'S', suffix: 'none', args: ['s', 'sv', 'label'], lat: 'alu',
    doc, costDoc: '1 issue cycle',
    run(env, ins) {
      if (fn(env.sv(ins.args[0]!), env.sv(ins.args[1]!))) return (ins.args[2] as { target: number }).target;
    },
  };
}

/** Fmin/fmax as IEEE minNum/maxNum: a NaN operand yields the other one. */
function fminNum(a: number, b: number): number {
  if (Number.isNaN(a)) return b;
  if (Number.isNaN(b)) return a;
  return a < b || (a === b && Object.is(a, -0)) ? a : b;
}
function fmaxNum(a: number, b: number): number {
  if (Number.isNaN(a)) return b;
  if (Number.isNaN(b)) return a;
  return a > b || (a === b && Object.is(b, -0)) ? a : b;
}

/** Reads one scalar of type t from UB into an s (integers) or f (floats) register. */
function loadScalar(env: ScalarEnv, dst: Operand, t: ElemType, addr: number): void {
  const dv = dataView(env.bytes('ub'));
  const info = ELEM[t];
  if (info.float) {
    const v = t === 'f32' ? dv.getFloat32(addr, true) : t === 'f16' ? F16_TABLE[dv.getUint16(addr, true)]! : BF16_TABLE[dv.getUint16(addr, true)]!;
    env.f[(dst as { reg: number }).reg] = v;
    return;
  }
  let v: bigint;
  switch (t) {
    case 'i8': v = BigInt(dv.getInt8(addr)); break;
    case 'u8': v = BigInt(dv.getUint8(addr)); break;
    case 'i16': v = BigInt(dv.getInt16(addr, true)); break;
    case 'u16': v = BigInt(dv.getUint16(addr, true)); break;
    case 'i32': v = BigInt(dv.getInt32(addr, true)); break;
    case 'u32': v = BigInt(dv.getUint32(addr, true)); break;
    default: v = dv.getBigInt64(addr, true);
  }
  env.s[(dst as { reg: number }).reg] = v;
}

function storeScalar(env: ScalarEnv, src: Operand, t: ElemType, addr: number): void {
  const dv = dataView(env.bytes('ub'));
  const info = ELEM[t];
  if (info.float) {
    const v = env.fv(src);
    if (t === 'f32') dv.setFloat32(addr, v, true);
    else dv.setUint16(addr, encode16(t as 'f16' | 'bf16', v), true);
    return;
  }
  const v = env.sv(src);
  switch (info.size) {
    case 1: dv.setUint8(addr, Number(BigInt.asUintN(8, v))); break;
    case 2: dv.setUint16(addr, Number(BigInt.asUintN(16, v)), true); break;
    case 4: dv.setUint32(addr, Number(BigInt.asUintN(32, v)), true); break;
    default: dv.setBigInt64(addr, v, true);
  }
}

const views = new WeakMap<Uint8Array, DataView>();
function dataView(b: Uint8Array): DataView {
  let v = views.get(b);
  if (!v) views.set(b, (v = new DataView(b.buffer, b.byteOffset, b.byteLength)));
  return v;
}

function memAccess(env: ScalarEnv, op: Operand, bytes: number, write: boolean): Access {
  return { space: 'ub', addr: env.addr(op), len: bytes, write, alignCheck: false };
}

function popcount64(v: bigint): bigint {
  let x = u64(v);
  let n = 0n;
  while (x) {
    x &= x - 1n;
    n++;
  }
  return n;
}

function clz64(v: bigint): bigint {
  const x = u64(v);
  if (x === 0n) return 64n;
  return BigInt(64 - x.toString(2).length);
}

/** Counts mask bits in UB: the first `bits` bits starting at addr. */
function maskBits(env: ScalarEnv, addr: number, bits: number): number {
  const b = env.bytes('ub');
  let n = 0;
  for (let i = 0; i < bits; i++) if ((b[addr + (i >> 3)]! >> (i & 7)) & 1) n++;
  return n;
}

function maskOp(name: string, doc: string, fn: (set: number, bits: number) => number): ScalarDef {
  return {
    name, family: 'scalar', pipe: 'S', suffix: 'none', args: ['sd', 'mem:ub'], lat: 'load',
    options: { bits: { kind: 'val', required: true } },
    doc, costDoc: '1 issue cycle; result after scalar.load',
    run(env, ins) {
      const bits = Number(env.sv(ins.opts.get('bits')!));
      env.s[(ins.args[0] as { reg: number }).reg] = BigInt(fn(maskBits(env, env.addr(ins.args[1]!), bits), bits));
    },
    access(env, ins) {
      const bits = Number(env.sv(ins.opts.get('bits')!));
      return memAccess(env, ins.args[1]!, Math.max(1, Math.ceil(bits / 8)), false);
    },
  };
}

/**
 * A 64-bit integer as a double that rounds to f32/f16/bf16 exactly as the integer would: below
 * 2^53 it is exact; above, the bits past the 53rd are folded into a sticky bit, so the one
 * later rounding to ≤ 24 bits sees the right side of every tie.
 */
export function intToDouble(v: bigint): number {
  const neg = v < 0n;
  let x = neg ? -v : v;
  const len = x.toString(2).length;
  if (len <= 53) return Number(v);
  const drop = BigInt(len - 53);
  const rest = x & ((1n << drop) - 1n);
  x >>= drop;
  if (rest) x |= 1n;
  const r = Number(x) * 2 ** Number(drop);
  return neg ? -r : r;
}

/** Float types travel in f registers, integer types in s registers (or immediates). */
function regClass(ins: Instr, k: number): string | undefined {
  const t = ins.types[0]!;
  const o = ins.args[k]!;
  const want = ELEM[t].float ? 'freg' : 'sreg';
  if (o.kind === 'sreg' || o.kind === 'freg' ? o.kind !== want : ELEM[t].float ? o.kind === 'special' : o.kind === 'fimm')
    return `a ${t} value travels in ${ELEM[t].float ? 'an f' : 'an s'} register`;
  return undefined;
}

const f32bits = new Float32Array(1);
const u32bits = new Uint32Array(f32bits.buffer);

export const SCALAR_OPS: readonly ScalarDef[] = [
  {
    name: 'li', family: 'scalar', pipe: 'S', suffix: 'none', args: ['sd', 'sv'], lat: 'alu',
    doc: 'load an integer immediate (or an .alloc offset, a param value)', costDoc: '1 issue cycle',
    run(env, ins) { env.s[(ins.args[0] as { reg: number }).reg] = wrap(env.sv(ins.args[1]!)); },
  },
  {
    name: 'mov', family: 'scalar', pipe: 'S', suffix: 'none', args: ['sd', 'sv'], lat: 'alu',
    doc: 'copy an s register, immediate, %core or %ncores', costDoc: '1 issue cycle',
    run(env, ins) { env.s[(ins.args[0] as { reg: number }).reg] = wrap(env.sv(ins.args[1]!)); },
  },
  alu('add', 'sd = sa + b (64-bit wrap)', (a, b) => a + b),
  alu('sub', 'sd = sa − b', (a, b) => a - b),
  alu('mul', 'sd = sa × b (low 64 bits)', (a, b) => a * b, 'mul'),
  alu('div', 'signed division, truncating; ÷0 faults', (a, b, e) => (divCheck(b, e), a / b), 'div'),
  alu('rem', 'signed remainder (sign of the dividend); ÷0 faults', (a, b, e) => (divCheck(b, e), a % b), 'div'),
  alu('divu', 'unsigned division; ÷0 faults', (a, b, e) => (divCheck(b, e), u64(a) / u64(b)), 'div'),
  alu('remu', 'unsigned remainder; ÷0 faults', (a, b, e) => (divCheck(b, e), u64(a) % u64(b)), 'div'),
  alu('and', 'bitwise and', (a, b) => a & b),
  alu('or', 'bitwise or', (a, b) => a | b),
  alu('xor', 'bitwise xor', (a, b) => a ^ b),
  alu('shl', 'shift left; counts outside 0..63 give 0', (a, b) => (shiftCount(b) === 64n ? 0n : a << b)),
  alu('shr', 'logical shift right; counts outside 0..63 give 0', (a, b) => (shiftCount(b) === 64n ? 0n : u64(a) >> b)),
  alu('sra', 'arithmetic shift right; counts outside 0..63 give the sign', (a, b) => a >> (shiftCount(b) === 64n ? 63n : b)),
  alu('min', 'signed minimum', (a, b) => (a < b ? a : b)),
  alu('max', 'signed maximum', (a, b) => (a > b ? a : b)),
  alu('minu', 'unsigned minimum', (a, b) => (u64(a) < u64(b) ? a : b)),
  alu('maxu', 'unsigned maximum', (a, b) => (u64(a) > u64(b) ? a : b)),
  alu('slt', 'sd = (sa < b) signed ? 1 : 0', (a, b) => (a < b ? 1n : 0n)),
  alu('sltu', 'sd = (sa < b) unsigned ? 1 : 0', (a, b) => (u64(a) < u64(b) ? 1n : 0n)),
  unary('popc', 'population count of 64 bits', popcount64),
  unary('clz', 'leading zeros of 64 bits (64 for 0)', clz64),
  {
    name: 'ext', family: 'scalar', pipe: 'S', suffix: 'type', types: ['i8', 'u8', 'i16', 'u16', 'i32', 'u32'], args: ['sd', 's'], lat: 'alu',
    doc: 'sign- or zero-extend the low bits of sa as the named type (i32 arithmetic wraps with ext.i32)', costDoc: '1 issue cycle',
    run(env, ins) {
      const t = ELEM[ins.types[0]!];
      const v = env.sv(ins.args[1]!);
      env.s[(ins.args[0] as { reg: number }).reg] = t.signed ? BigInt.asIntN(t.bits, v) : BigInt.asUintN(t.bits, v);
    },
  },
  {
    name: 'fli', family: 'scalar', pipe: 'S', suffix: 'none', args: ['fd', 'fv'], lat: 'alu',
    doc: 'load a float immediate (rounded to f32)', costDoc: '1 issue cycle',
    run(env, ins) { env.f[(ins.args[0] as { reg: number }).reg] = Math.fround(env.fv(ins.args[1]!)); },
  },
  {
    name: 'fmov', family: 'scalar', pipe: 'S', suffix: 'none', args: ['fd', 'fv'], lat: 'alu',
    doc: 'copy an f register', costDoc: '1 issue cycle',
    run(env, ins) { env.f[(ins.args[0] as { reg: number }).reg] = env.fv(ins.args[1]!); },
  },
  fpu('fadd', 'fd = fa + b (f32)', (a, b) => a + b),
  fpu('fsub', 'fd = fa − b', (a, b) => a - b),
  fpu('fmul', 'fd = fa × b', (a, b) => a * b),
  fpu('fdiv', 'fd = fa ÷ b (correctly rounded)', (a, b) => a / b, 'fdiv'),
  fpu('fmin', 'IEEE minNum', fminNum),
  fpu('fmax', 'IEEE maxNum', fmaxNum),
  funary('fsqrt', 'square root (correctly rounded)', Math.sqrt, 'fdiv'),
  funary('fneg', 'negate', (a) => -a, 'alu'),
  funary('fabs', 'absolute value', Math.abs, 'alu'),
  {
    name: 'fma', family: 'scalar', pipe: 'S', suffix: 'none', args: ['fd', 'f', 'f', 'fv'], lat: 'fpu',
    doc: 'fd = fa × fb + c, rounded once (fmaf)', costDoc: '1 issue cycle; result after scalar.fpu',
    run(env, ins) {
      env.f[(ins.args[0] as { reg: number }).reg] = fmaF32(env.fv(ins.args[1]!), env.fv(ins.args[2]!), env.fv(ins.args[3]!));
    },
  },
  fcmp('feq', 'sd = fa == b', (a, b) => a === b),
  fcmp('flt', 'sd = fa < b', (a, b) => a < b),
  fcmp('fle', 'sd = fa <= b', (a, b) => a <= b),
  {
    name: 'fcvt', family: 'scalar', pipe: 'S', suffix: 'type.type', args: ['reg', 'reg'], lat: 'fpu',
    options: { round: { kind: 'word', words: ['rn', 'rz', 'rd', 'ru', 'ra'] } },
    doc: 'fcvt.DST.SRC: int→float (s→f, to nearest), float→int (f→s, round= default rz, saturating, NaN→0), float→f16/bf16 value (f→f)',
    costDoc: '1 issue cycle; result after scalar.fpu',
    validate(ins) {
      const [dt, st] = ins.types as [ElemType, ElemType];
      if (ins.args[0]!.kind !== (ELEM[dt].float ? 'freg' : 'sreg')) return `the result of fcvt.${dt}.${st} goes to ${ELEM[dt].float ? 'an f' : 'an s'} register`;
      if (ins.args[1]!.kind !== (ELEM[st].float ? 'freg' : 'sreg')) return `the source of fcvt.${dt}.${st} is ${ELEM[st].float ? 'an f' : 'an s'} register`;
      return undefined;
    },
    run(env, ins) {
      const [dt, st] = ins.types as [ElemType, ElemType];
      const dst = (ins.args[0] as { reg: number }).reg;
      const src = (ins.args[1] as { reg: number }).reg;
      const mode = (ins.opts.get('round') as { word: string } | undefined)?.word as RoundMode | undefined;
      if (ELEM[st].float) {
        const x = env.f[src]!;
        if (ELEM[dt].float) {
          // f→f: round= rounds to an integral value first (truncf, floorf, ceilf, roundf)
          const r = mode && mode !== 'rn' ? roundWith(x, mode) : x;
          env.f[dst] = dt === 'f32' ? Math.fround(r) : dt === 'f16' ? F16_TABLE[encode16('f16', r)]! : BF16_TABLE[encode16('bf16', r)]!;
        } else {
          env.s[dst] = BigInt(floatToInt(dt, x, mode ?? 'rz'));
        }
      } else {
        const t = ELEM[st];
        const v = t.signed ? BigInt.asIntN(t.bits, env.s[src]!) : BigInt.asUintN(t.bits, env.s[src]!);
        if (ELEM[dt].float) {
          const x = intToDouble(v);
          env.f[dst] = dt === 'f32' ? Math.fround(x) : dt === 'f16' ? F16_TABLE[encode16('f16', x)]! : BF16_TABLE[encode16('bf16', x)]!;
        } else {
          const d = ELEM[dt];
          env.s[dst] = BigInt.asIntN(64, d.signed ? BigInt.asIntN(d.bits, v) : BigInt.asUintN(d.bits, v));
        }
      }
    },
  },
  {
    name: 'fmv.x', family: 'scalar', pipe: 'S', suffix: 'none', args: ['sd', 'f'], lat: 'alu',
    doc: 'sd = the f32 bit pattern of fa (zero-extended)', costDoc: '1 issue cycle',
    run(env, ins) {
      f32bits[0] = env.fv(ins.args[1]!);
      env.s[(ins.args[0] as { reg: number }).reg] = BigInt(u32bits[0]!);
    },
  },
  {
    name: 'fmv.f', family: 'scalar', pipe: 'S', suffix: 'none', args: ['fd', 's'], lat: 'alu',
    doc: 'fd = the f32 whose bit pattern is the low 32 bits of sa', costDoc: '1 issue cycle',
    run(env, ins) {
      u32bits[0] = Number(BigInt.asUintN(32, env.sv(ins.args[1]!)));
      env.f[(ins.args[0] as { reg: number }).reg] = f32bits[0]!;
    },
  },
  {
    name: 'ld', family: 'scalar', pipe: 'S', suffix: 'type', args: ['reg', 'mem:ub'], lat: 'load',
    validate: (ins) => regClass(ins, 0),
    doc: 'load a scalar of the type from UB (integers into s, floats into f)', costDoc: '1 issue cycle; result after scalar.load',
    run(env, ins) { loadScalar(env, ins.args[0]!, ins.types[0]!, env.addr(ins.args[1]!)); },
    access(env, ins) { return memAccess(env, ins.args[1]!, ELEM[ins.types[0]!].size, false); },
  },
  {
    name: 'st', family: 'scalar', pipe: 'S', suffix: 'type', args: ['mem:ub', 'any'], lat: 'alu',
    validate: (ins) => regClass(ins, 1),
    doc: 'store a scalar of the type to UB (integers wrap, floats round)', costDoc: '1 issue cycle',
    run(env, ins) { storeScalar(env, ins.args[1]!, ins.types[0]!, env.addr(ins.args[0]!)); },
    access(env, ins) { return memAccess(env, ins.args[0]!, ELEM[ins.types[0]!].size, true); },
  },
  {
    name: 'vmovs', family: 'scalar', pipe: 'S', suffix: 'type', args: ['reg', 'mem:ub'], lat: 'load',
    options: { lane: { kind: 'val' } },
    validate: (ins) => regClass(ins, 0),
    doc: 'move lane `lane` of a vector (or a reduction result) in UB to a scalar register', costDoc: '1 issue cycle; result after scalar.load',
    run(env, ins) {
      const lane = ins.opts.has('lane') ? Number(env.sv(ins.opts.get('lane')!)) : 0;
      loadScalar(env, ins.args[0]!, ins.types[0]!, env.addr(ins.args[1]!) + lane * ELEM[ins.types[0]!].size);
    },
    access(env, ins) {
      const size = ELEM[ins.types[0]!].size;
      const lane = ins.opts.has('lane') ? Number(env.sv(ins.opts.get('lane')!)) : 0;
      return { space: 'ub', addr: env.addr(ins.args[1]!) + lane * size, len: size, write: false };
    },
  },
  maskOp('vany', 'sd = 1 if any of the first `bits` mask bits in UB is set', (n) => (n > 0 ? 1 : 0)),
  maskOp('vall', 'sd = 1 if all of the first `bits` mask bits are set', (n, bits) => (n === bits ? 1 : 0)),
  maskOp('vpopc', 'sd = number of set bits among the first `bits` mask bits', (n) => n),
  branch('beq', 'branch if sa == b', (a, b) => a === b),
  branch('bne', 'branch if sa != b', (a, b) => a !== b),
  branch('blt', 'branch if sa < b (signed)', (a, b) => a < b),
  branch('bge', 'branch if sa >= b (signed)', (a, b) => a >= b),
  branch('bltu', 'branch if sa < b (unsigned)', (a, b) => u64(a) < u64(b)),
  branch('bgeu', 'branch if sa >= b (unsigned)', (a, b) => u64(a) >= u64(b)),
  {
    name: 'b', family: 'branch', pipe: 'S', suffix: 'none', args: ['label'], lat: 'alu',
    doc: 'unconditional branch', costDoc: '1 issue cycle',
    run(_env, ins) { return (ins.args[0] as { target: number }).target; },
  },
  {
    name: 'nop', family: 'scalar', pipe: 'S', suffix: 'none', args: [], lat: 'alu',
    doc: 'no operation', costDoc: '1 issue cycle',
    run() {},
  },
];

export { floatToInt };
