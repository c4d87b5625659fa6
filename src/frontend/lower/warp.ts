/**
 * Warp functions and cooperative groups: `__shfl*_sync` → `shuffle` (8/16-bit and half values
 * travel widened to 32 bits), `__ballot/any/all_sync` → `vote`, `__reduce_*_sync` and
 * `cg::reduce` → an xor-shuffle butterfly, `__activemask` → `activemask`; groups carry no data:
 * `thread_block` is the block (`sync` = barrier, `thread_rank` = linear thread index) and
 * `thread_block_tile<N>` a run of N lanes (`sync` = syncwarp over its lanes, shuffles with
 * width N, `meta_group_rank` = linear index / N).
 */
import * as ir from '../../ir/index.js';
import { CG_OPS } from '../builtins/coopgroups.js';
import type { CExpr } from '../sema/checked.js';
import type { Type } from '../sema/types.js';
import { builtinArgs, unsupported } from './builtins.js';
import type { LowerCtx } from './context.js';
import { elementwise } from './expressions.js';

type BCall = CExpr & { kind: 'builtin-call' };

/** tile size of a group type: 32 for warps/tiles of 32, 0 for a whole block */
function groupSize(t: Type | undefined): number {
  if (t?.kind === 'record' && t.record.builtin === 'cg-tile') return t.record.builtinParam ?? 32;
  return 0;
}

function linearTid(c: LowerCtx): ir.Value {
  const b = c.b;
  const x = b.threadId('x'), y = b.threadId('y'), z = b.threadId('z');
  const dx = b.blockDim('x'), dy = b.blockDim('y');
  return b.add(x, b.mul(dx, b.add(y, b.mul(dy, z))));
}

function blockSize(c: LowerCtx): ir.Value {
  const b = c.b;
  return b.mul(b.mul(b.blockDim('x'), b.blockDim('y')), b.blockDim('z'));
}

/** the lanes of this thread's tile of n lanes (a full warp for n = 32) */
function tileMask(c: LowerCtx, n: number): ir.Value {
  const b = c.b;
  if (n >= 32) return b.u32(0xffffffff);
  const ones = b.u32((1 << n) - 1 >>> 0);
  const first = b.and(b.laneId(), b.u32(~(n - 1) >>> 0));
  return b.shl(ones, first);
}

/** a shuffle of any 8–64-bit scalar or 2×16-bit vector: narrow values travel as u32 */
export function shuffle(c: LowerCtx, mode: 'idx' | 'up' | 'down' | 'xor', mask: ir.Value, v: ir.Value, lane: ir.Value, width: ir.Value): ir.Value {
  const b = c.b;
  const t = v.type;
  const bits = ir.bitWidth(t);
  const laneV = ir.isInt(lane.type) && lane.type.bits === 32 ? lane : b.convert(lane, ir.i32);
  const widthV = width.type === ir.i32 || width.type === ir.u32 ? width : b.convert(width, ir.i32);
  if ((ir.isInt(t) || ir.isFloat(t)) && bits >= 32) return b.shuffle(mode, mask, v, laneV, widthV);
  const it = bits === 32 ? ir.u32 : bits === 16 ? ir.u16 : bits === 8 ? ir.u8 : undefined;
  if (!it || t === ir.i1) {
    const w = b.convert(v, ir.u32);
    return b.convert(b.shuffle(mode, mask, w, laneV, widthV), t);
  }
  const raw = ir.isInt(t) ? b.convert(v, it) : b.cast('bitcast', v, it);
  const wide = it === ir.u32 ? raw : b.convert(raw, ir.u32);
  const s = b.shuffle(mode, mask, wide, laneV, widthV);
  const back = it === ir.u32 ? s : b.convert(s, it);
  return ir.isInt(t) ? b.convert(back, t) : b.cast('bitcast', back, t);
}

function combine(c: LowerCtx, op: string, x: ir.Value, y: ir.Value): ir.Value {
  const b = c.b;
  switch (op) {
    case 'add': return b.add(x, y);
    case 'min': return b.min(x, y);
    case 'max': return b.max(x, y);
    case 'and': return b.and(x, y);
    case 'or': return b.or(x, y);
    default: return b.xor(x, y);
  }
}

/** butterfly reduction over `n` lanes: every lane ends with the result */
function butterfly(c: LowerCtx, op: string, mask: ir.Value, v: ir.Value, n: number): ir.Value {
  const b = c.b;
  let acc = v;
  for (let off = n / 2; off >= 1; off /= 2) acc = combine(c, op, acc, shuffle(c, 'xor', mask, acc, b.i32(off), b.i32(n)));
  return acc;
}

export function lowerWarpOrGroup(c: LowerCtx, e: BCall): ir.Value | undefined {
  const id = e.builtin.entry.lowersTo;
  const a = builtinArgs(c, e);
  c.at(e.span);
  const b = c.b;
  const rt = e.type.kind === 'void' ? ir.voidT : c.ty(e.type, e.span);
  const fit = (v: ir.Value) => (rt === ir.voidT ? v : elementwise(c, v, rt));
  const recv = e.receiver;
  const n = recv ? groupSize(recv.type) : 0;
  const isTileMethod = !!recv && n > 0;
  const pred = (v: ir.Value) => (v.type === ir.i1 ? v : b.cmp('ne', v, b.const(v.type, 0)));
  switch (id) {
    case 'warp.shfl': case 'warp.shfl_up': case 'warp.shfl_down': case 'warp.shfl_xor': {
      const mode = id === 'warp.shfl' ? 'idx' : (id.slice(10) as 'up' | 'down' | 'xor');
      if (isTileMethod) return fit(shuffle(c, mode, tileMask(c, n), a[0]!, a[1]!, b.i32(n)));
      return fit(shuffle(c, mode, b.convert(a[0]!, ir.u32), a[1]!, a[2]!, a[3] ?? b.i32(32)));
    }
    case 'vote.any': case 'vote.all': case 'vote.ballot': {
      const mode = id.slice(5) as 'any' | 'all' | 'ballot';
      if (isTileMethod) {
        const r = b.vote(mode, tileMask(c, n), pred(a[0]!));
        if (mode === 'ballot' && n < 32) return fit(b.and(b.shr(r, b.and(b.laneId(), b.u32(~(n - 1) >>> 0))), b.u32((1 << n) - 1 >>> 0)));
        return fit(r);
      }
      return fit(b.vote(mode, b.convert(a[0]!, ir.u32), pred(a[1]!)));
    }
    case 'warp.activemask':
      return fit(b.activemask());
    case 'warp.reduce.add': case 'warp.reduce.min': case 'warp.reduce.max':
    case 'warp.reduce.and': case 'warp.reduce.or': case 'warp.reduce.xor':
      return fit(butterfly(c, id.slice(12), b.convert(a[0]!, ir.u32), a[1]!, 32));
    case 'cg.block': case 'cg.tile': case 'cg.grid':
      return b.zero(rt);
    case 'barrier.group': {
      const g = recv ?? e.args[0];
      const size = groupSize(g?.type);
      if (size > 0) b.syncwarp(tileMask(c, size));
      else b.barrier();
      return undefined;
    }
    case 'cg.thread_rank': {
      const t = linearTid(c);
      return fit(n > 0 ? b.and(t, b.u32(n - 1)) : t);
    }
    case 'cg.size':
      return fit(n > 0 ? b.u32(n) : blockSize(c));
    case 'cg.meta_group_rank':
      return fit(b.div(linearTid(c), b.u32(n || 32)));
    case 'cg.meta_group_size': {
      const k = n || 32;
      return fit(b.div(b.add(blockSize(c), b.u32(k - 1)), b.u32(k)));
    }
    case 'cg.group_index':
      return b.build(ir.vec(ir.u32, 3), (['x', 'y', 'z'] as const).map((d) => b.blockId(d)));
    case 'cg.thread_index':
      return b.build(ir.vec(ir.u32, 3), (['x', 'y', 'z'] as const).map((d) => b.threadId(d)));
    case 'cg.dim_threads':
      return b.build(ir.vec(ir.u32, 3), (['x', 'y', 'z'] as const).map((d) => b.blockDim(d)));
    case 'cg.grid.thread_rank': {
      const bl = b.add(b.blockId('x'), b.mul(b.gridDim('x'), b.add(b.blockId('y'), b.mul(b.gridDim('y'), b.blockId('z')))));
      return fit(b.add(b.mul(b.convert(bl, ir.u64), b.convert(blockSize(c), ir.u64)), b.convert(linearTid(c), ir.u64)));
    }
    case 'cg.grid.size': {
      const g = b.mul(b.mul(b.gridDim('x'), b.gridDim('y')), b.gridDim('z'));
      return fit(b.mul(b.convert(g, ir.u64), b.convert(blockSize(c), ir.u64)));
    }
    case 'cg.reduce': {
      const size = groupSize(e.args[0]?.type) || 32;
      const opType = e.args[2]?.type;
      const opName = opType?.kind === 'record' ? /(\w+)\s*</.exec(opType.record.displayName.split('::').pop() ?? '')?.[1] : undefined;
      const op = opName ? CG_OPS[opName] : undefined;
      if (!op) return unsupported(c, e);
      return fit(butterfly(c, op, tileMask(c, size), c.coerce(a[1]!, rt), size));
    }
    default:
      return unsupported(c, e);
  }
}
