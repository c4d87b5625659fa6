/**
 * Memories: global memory (one ArrayBuffer holding every buffer the launch allocated, each at a
 * 512-byte aligned address from GM_BASE up, so pointers look like device pointers and null is
 * never valid) and each core's UB/L1/L0A/L0B/L0C. `check` is where overflow, misalignment and
 * out-of-allocation faults are found, before an instruction touches anything.
 */
import { BUFFER_NAMES, type BufferName, type NpuConfig } from '../config.js';
import type { Access, Allocation, Space } from '../isa/program.js';

export const GM_BASE = 0x1_0000_0000;

export interface GmAllocation {
  name: string;
  base: number;
  bytes: number;
}

export class GlobalMemory {
  readonly bytes: Uint8Array;
  readonly allocs: GmAllocation[] = [];

  /** lays out buffers of the given sizes (in order) and allocates the backing store */
  constructor(sizes: Array<{ name: string; bytes: number }>, cfg: NpuConfig) {
    let top = 0;
    for (const s of sizes) {
      this.allocs.push({ name: s.name, base: GM_BASE + top, bytes: s.bytes });
      top += Math.ceil(Math.max(s.bytes, 1) / 512) * 512;
    }
    if (top > cfg.hbm.gmBytes) throw new RangeError(`the buffers need ${top} bytes, GM has ${cfg.hbm.gmBytes}`);
    this.bytes = new Uint8Array(Math.max(top, 512));
  }

  /** the allocation containing addr, or undefined */
  find(addr: number): GmAllocation | undefined {
    const a = this.allocs;
    let lo = 0, hi = a.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const m = a[mid]!;
      if (addr < m.base) hi = mid - 1;
      else if (addr >= m.base + Math.max(m.bytes, 1)) lo = mid + 1;
      else return m;
    }
    return undefined;
  }

  view(a: GmAllocation): Uint8Array {
    return this.bytes.subarray(a.base - GM_BASE, a.base - GM_BASE + a.bytes);
  }
}

/** What check() found wrong. */
export interface AccessProblem {
  kind: 'overflow' | 'misaligned' | 'out-of-allocation';
  detail: string;
}

export class CoreMemory {
  readonly buffers: Record<BufferName, Uint8Array>;
  /** highest byte touched + 1, per buffer */
  readonly highWater: Record<BufferName, number> = { ub: 0, l1: 0, l0a: 0, l0b: 0, l0c: 0 };

  constructor(readonly cfg: NpuConfig, functional: boolean) {
    const b = {} as Record<BufferName, Uint8Array>;
    // timing-only runs still need UB (masks, indices, scalar loads); the big buffers stay small
    for (const n of BUFFER_NAMES) b[n] = new Uint8Array(functional || n === 'ub' ? cfg.buffers[n].bytes : 0);
    this.buffers = b;
  }
}

export function fmtRange(space: Space, addr: number, len: number): string {
  const h = (x: number) => (space === 'gm' ? `0x${x.toString(16)}` : String(x));
  return `${space}[${h(addr)}..${h(addr + len)})`;
}

/**
 * Checks one access: on-core buffers against capacity (overflow), the program's .alloc
 * regions (out-of-allocation) and alignment; GM against the launch's buffers. An access with
 * len −1 (indexed vector operands) is widened to its whole allocation. Returns the (possibly
 * widened) access or a problem.
 */
export function checkAccess(
  cfg: NpuConfig, gm: GlobalMemory, allocs: Readonly<Record<BufferName, Allocation[]>>, a: Access,
): Access | AccessProblem {
  if (a.space === 'gm') {
    const al = gm.find(a.addr);
    if (!al) return { kind: 'out-of-allocation', detail: `${fmtRange('gm', a.addr, Math.max(a.len, 1))} is not inside any buffer of the launch` };
    if (a.len < 0) return { ...a, addr: al.base, len: al.bytes };
    if (a.addr + a.len > al.base + al.bytes)
      return { kind: 'out-of-allocation', detail: `${fmtRange('gm', a.addr, a.len)} runs ${a.addr + a.len - al.base - al.bytes} bytes past the end of buffer '${al.name}' (${al.bytes} bytes)` };
    return a;
  }
  const space = a.space as BufferName;
  const cap = cfg.buffers[space].bytes;
  if (a.addr < 0 || a.addr + Math.max(a.len, 1) > cap)
    return { kind: 'overflow', detail: `${fmtRange(space, a.addr, Math.max(a.len, 1))} is outside ${space.toUpperCase()} (${cap} bytes)` };
  if (a.alignCheck && a.addr % cfg.buffers[space].align)
    return { kind: 'misaligned', detail: `${space}[${a.addr}] is not ${cfg.buffers[space].align}-byte aligned` };
  const list = allocs[space];
  for (const al of list) {
    if (a.addr >= al.offset && a.addr < al.offset + al.bytes) {
      if (a.len < 0) return { ...a, addr: al.offset, len: al.bytes };
      if (a.addr + a.len <= al.offset + al.bytes) return a;
      return { kind: 'out-of-allocation', detail: `${fmtRange(space, a.addr, a.len)} runs past the end of .alloc '${al.name}' (${space}[${al.offset}..${al.offset + al.bytes}))` };
    }
  }
  return { kind: 'out-of-allocation', detail: `${fmtRange(space, a.addr, Math.max(a.len, 1))} is not inside any .alloc of ${space}` };
}

export function isProblem(x: Access | AccessProblem): x is AccessProblem {
  return 'kind' in x && (x as AccessProblem).detail !== undefined && !('space' in x);
}
