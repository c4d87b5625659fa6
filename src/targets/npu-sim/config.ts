/**
 * The machine the simulator models, as one data object (NPU.md "Machine"): the `dv910b` preset
 * and overrides read from JSON (`--npu-config file.json`). Overrides are deep-merged into the
 * preset and validated: an unknown key or a value of the wrong kind is an error, so a typo in a
 * config file never silently simulates a different chip.
 *
 * Every figure the cost model uses lives here; docs/npu-sim.md lists which ones are public
 * figures of the Ascend 910B class and which are our assumptions (the L2 cache and the GM port
 * rate are revisions of NPU.md's first draft, argued there).
 */

export type BufferName = 'ub' | 'l1' | 'l0a' | 'l0b' | 'l0c';
export const BUFFER_NAMES: readonly BufferName[] = ['ub', 'l1', 'l0a', 'l0b', 'l0c'];

export interface BufferConfig {
  /** capacity in bytes */
  bytes: number;
  /** operand alignment in bytes */
  align: number;
}

export interface NpuConfig {
  name: string;
  cores: number;
  clockGHz: number;
  /** per-pipe issue queue depth */
  queueDepth: number;
  /** flag ids per ordered pipe pair */
  flagIds: number;
  buffers: Record<BufferName, BufferConfig>;
  hbm: {
    /** shared HBM bandwidth, bytes per cycle (1.5 TB/s at 1.8 GHz ≈ 833) */
    bytesPerCycle: number;
    /** one DMA engine's GM port, bytes per cycle */
    portBytesPerCycle: number;
    /** latency of a GM transfer, cycles */
    latency: number;
    /** fixed cost per burst, cycles (pipe occupancy) */
    burstCycles: number;
    /** burst lengths are rounded up to this (bytes) */
    burstGranule: number;
    /** a burst starting off this boundary pays one extra line (bytes) */
    lineBytes: number;
    /** bytes of the GM address space (allocations are placed inside it) */
    gmBytes: number;
  };
  l2: {
    /** capacity in bytes; 0 disables the L2 (every read goes to HBM) */
    bytes: number;
    /** bandwidth shared by all transfers, bytes per cycle */
    bytesPerCycle: number;
  };
  /** on-core DMA paths, bytes per cycle */
  paths: { l12l0a: number; l12l0b: number; l12ub: number; l0c2ub: number; ub2l1: number };
  onCoreDma: { burstCycles: number; latency: number };
  cube: { latency: number; fp32Factor: number };
  vector: { bytesPerRepeat: number; maxRepeats: number; latency: number };
  /** scalar unit result latencies (cycles until a dependent instruction may issue) */
  scalar: { alu: number; mul: number; div: number; fpu: number; fdiv: number; load: number };
  atomics: { cyclesPerElement: number; casCyclesPerElement: number };
}

/** The `dv910b` preset (NPU.md; (P) = public figure of the 910B class). */
export function dv910b(): NpuConfig {
  return {
    name: 'dv910b',
    cores: 24, // (P)
    clockGHz: 1.8, // (P)
    queueDepth: 32,
    flagIds: 8, // (P)
    buffers: {
      ub: { bytes: 192 * 1024, align: 32 }, // (P)
      l1: { bytes: 512 * 1024, align: 32 }, // (P)
      l0a: { bytes: 64 * 1024, align: 512 }, // (P)
      l0b: { bytes: 64 * 1024, align: 512 }, // (P)
      l0c: { bytes: 128 * 1024, align: 64 }, // (P)
    },
    hbm: {
      bytesPerCycle: 1.5e12 / 1.8e9, // (P) 1.5 TB/s
      portBytesPerCycle: 128, // revised from NPU.md's 64: see docs/npu-sim.md "GM port"
      latency: 400,
      burstCycles: 4,
      burstGranule: 32,
      lineBytes: 512,
      gmBytes: 2 ** 40,
    },
    l2: { bytes: 192 * 1024 * 1024, bytesPerCycle: 4 * (1.5e12 / 1.8e9) }, // assumption: see docs
    paths: { l12l0a: 512, l12l0b: 256, l12ub: 128, l0c2ub: 512, ub2l1: 256 }, // (P)
    onCoreDma: { burstCycles: 2, latency: 20 },
    cube: { latency: 16, fp32Factor: 4 },
    vector: { bytesPerRepeat: 256, maxRepeats: 255, latency: 8 }, // (P) 256 B, 255 repeats
    scalar: { alu: 1, mul: 3, div: 12, fpu: 4, fdiv: 12, load: 10 },
    atomics: { cyclesPerElement: 1, casCyclesPerElement: 50 },
  };
}

export const PRESETS: Readonly<Record<string, () => NpuConfig>> = { dv910b };

export class NpuConfigError extends Error {
  override name = 'NpuConfigError';
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/**
 * The preset named by `overrides.preset` (default dv910b) with `overrides` merged in.
 * Throws NpuConfigError naming the offending key path.
 */
export function makeConfig(overrides: unknown = {}): NpuConfig {
  if (overrides === null || typeof overrides !== 'object' || Array.isArray(overrides))
    throw new NpuConfigError('an NPU config must be a JSON object');
  const o = { ...(overrides as Record<string, Json>) };
  const presetName = o['preset'] ?? 'dv910b';
  delete o['preset'];
  if (typeof presetName !== 'string' || !PRESETS[presetName])
    throw new NpuConfigError(`unknown preset '${String(presetName)}' (known: ${Object.keys(PRESETS).join(', ')})`);
  const cfg = PRESETS[presetName]!();
  merge(cfg as unknown as Record<string, unknown>, o, '');
  validate(cfg);
  return cfg;
}

/** Parses JSON text into a config (see makeConfig). */
export function parseConfigJson(text: string): NpuConfig {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (e) {
    throw new NpuConfigError(`invalid JSON: ${(e as Error).message}`);
  }
  return makeConfig(v);
}

function merge(into: Record<string, unknown>, from: Record<string, Json>, path: string): void {
  for (const [k, v] of Object.entries(from)) {
    const p = path ? `${path}.${k}` : k;
    if (!(k in into)) throw new NpuConfigError(`unknown config key '${p}'`);
    const cur = into[k];
    if (cur !== null && typeof cur === 'object') {
      if (v === null || typeof v !== 'object' || Array.isArray(v)) throw new NpuConfigError(`config key '${p}' must be an object`);
      merge(cur as Record<string, unknown>, v, p);
    } else {
      if (typeof v !== typeof cur) throw new NpuConfigError(`config key '${p}' must be a ${typeof cur}, not ${JSON.stringify(v)}`);
      into[k] = v;
    }
  }
}

function validate(c: NpuConfig): void {
  const positive = (p: string, v: number, integer = true) => {
    if (!(v > 0) || !Number.isFinite(v) || (integer && !Number.isInteger(v)))
      throw new NpuConfigError(`config key '${p}' must be a positive ${integer ? 'integer' : 'number'} (got ${v})`);
  };
  const nonNegative = (p: string, v: number) => {
    if (!(v >= 0) || !Number.isInteger(v)) throw new NpuConfigError(`config key '${p}' must be a non-negative integer (got ${v})`);
  };
  positive('cores', c.cores);
  if (c.cores > 1024) throw new NpuConfigError('config key \'cores\' must be at most 1024');
  positive('clockGHz', c.clockGHz, false);
  positive('queueDepth', c.queueDepth);
  positive('flagIds', c.flagIds);
  for (const b of BUFFER_NAMES) {
    positive(`buffers.${b}.bytes`, c.buffers[b].bytes);
    positive(`buffers.${b}.align`, c.buffers[b].align);
    if (c.buffers[b].align & (c.buffers[b].align - 1)) throw new NpuConfigError(`config key 'buffers.${b}.align' must be a power of two`);
  }
  positive('hbm.bytesPerCycle', c.hbm.bytesPerCycle, false);
  positive('hbm.portBytesPerCycle', c.hbm.portBytesPerCycle, false);
  nonNegative('hbm.latency', c.hbm.latency);
  nonNegative('hbm.burstCycles', c.hbm.burstCycles);
  positive('hbm.burstGranule', c.hbm.burstGranule);
  positive('hbm.lineBytes', c.hbm.lineBytes);
  positive('hbm.gmBytes', c.hbm.gmBytes);
  nonNegative('l2.bytes', c.l2.bytes);
  positive('l2.bytesPerCycle', c.l2.bytesPerCycle, false);
  for (const [k, v] of Object.entries(c.paths)) positive(`paths.${k}`, v, false);
  nonNegative('onCoreDma.burstCycles', c.onCoreDma.burstCycles);
  nonNegative('onCoreDma.latency', c.onCoreDma.latency);
  nonNegative('cube.latency', c.cube.latency);
  positive('cube.fp32Factor', c.cube.fp32Factor);
  positive('vector.bytesPerRepeat', c.vector.bytesPerRepeat);
  if (c.vector.bytesPerRepeat % 32) throw new NpuConfigError("config key 'vector.bytesPerRepeat' must be a multiple of 32");
  positive('vector.maxRepeats', c.vector.maxRepeats);
  nonNegative('vector.latency', c.vector.latency);
  for (const [k, v] of Object.entries(c.scalar)) positive(`scalar.${k}`, v);
  nonNegative('atomics.cyclesPerElement', c.atomics.cyclesPerElement);
  nonNegative('atomics.casCyclesPerElement', c.atomics.casCyclesPerElement);
}

/** Peak figures derived from a config (for stats and rooflines). */
export function peaks(c: NpuConfig) {
  return {
    /** fp16 cube FLOP per cycle, whole chip */
    cubeFlopsPerCycle: c.cores * 16 * 16 * 16 * 2,
    /** fp32 vector FLOP per cycle (FMA = 2), whole chip */
    vectorF32FlopsPerCycle: c.cores * (c.vector.bytesPerRepeat / 4) * 2,
    vectorF16FlopsPerCycle: c.cores * (c.vector.bytesPerRepeat / 2) * 2,
    hbmBytesPerCycle: c.hbm.bytesPerCycle,
  };
}
