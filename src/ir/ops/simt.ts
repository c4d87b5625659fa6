/**
 * SIMT ops: thread/block indices per dimension, the lane, barriers and warp collectives.
 * Collectives (`barrier`, `shuffle`, `vote`, `syncwarp`, `activemask`) are `convergent`:
 * passes must not move them across control flow, duplicate them or sink them into a branch.
 * Warp ops take the participation mask first, as the `_sync` intrinsics do.
 */
import { type Type, i1, i32, isBool, isFloat, isInt, u32 } from '../types.js';
import { noResults } from './rules.js';
import { type OpDef, defineOps } from './table.js';

export const DIMS = ['x', 'y', 'z'] as const;

const index = (name: string, summary: string): OpDef => ({
  name, family: 'simt', summary, primary: 'dim', operands: 0, results: 1, attrs: { dim: { kind: DIMS, required: true } }, pure: true, effect: 'none',
  typing: (c) => (c.results[0] === u32 ? undefined : 'result must be u32'), infer: () => [u32],
});

const shuffleable = (t: Type) => (isInt(t) || isFloat(t)) && t.bits >= 32;

export const simtOps: OpDef[] = [
  index('thread_id', 'threadIdx.{x,y,z}'),
  index('block_id', 'blockIdx.{x,y,z}'),
  index('block_dim', 'blockDim.{x,y,z}'),
  index('grid_dim', 'gridDim.{x,y,z}'),
  {
    name: 'clock', family: 'simt', summary: 'clock()/clock64(): a per-thread monotonic cycle counter (the interpreter counts the instructions the thread executed)',
    operands: 0, results: 1, attrs: {}, pure: false, effect: 'io',
    typing: (c) => (c.results[0] && isInt(c.results[0]) && c.results[0].bits === 64 ? undefined : 'result must be a 64-bit integer'),
  },
  {
    name: 'lane_id', family: 'simt', summary: 'the lane of the thread in its warp (linear thread index mod 32)', operands: 0, results: 1, attrs: {}, pure: true, effect: 'none',
    typing: (c) => (c.results[0] === u32 ? undefined : 'result must be u32'), infer: () => [u32],
  },
  {
    name: 'barrier', family: 'simt', summary: '__syncthreads; `count`/`and`/`or` take an i1 predicate and return the block-wide i32 result (__syncthreads_count/_and/_or)',
    primary: 'kind', operands: [0, 1], results: [0, 1], attrs: { kind: { kind: ['count', 'and', 'or'] } }, pure: false, effect: 'sync', convergent: true,
    typing: (c) => {
      if (c.attrs.kind === undefined) return c.operands.length || c.results.length ? 'plain barrier has no operands or results' : undefined;
      if (c.operands.length !== 1 || !isBool(c.operands[0]!)) return 'barrier with a reduction takes one i1 predicate';
      return c.results.length === 1 && c.results[0] === i32 ? undefined : 'barrier with a reduction gives an i32';
    },
    infer: (ts) => (ts.length ? [i32] : []),
  },
  {
    name: 'shuffle', family: 'simt', summary: 'shuffle %mask, %v, %lane_or_delta, %width (__shfl_sync/_up/_down/_xor)', primary: 'mode',
    operands: 4, results: 1, attrs: { mode: { kind: ['idx', 'up', 'down', 'xor'], required: true } }, pure: false, effect: 'sync', convergent: true,
    typing: (c) => {
      const [m, v, l, w] = c.operands;
      if (m !== u32) return 'mask must be u32';
      if (!shuffleable(v!)) return `shuffled value must be a 32/64-bit integer or float (got ${v!.text})`;
      if (!isInt(l!) || l.bits !== 32 || w !== i32 && w !== u32) return 'lane/delta and width must be 32-bit integers';
      return c.results[0] === v ? undefined : `result must be ${v!.text}`;
    },
    infer: (ts) => [ts[1]!],
  },
  {
    name: 'vote', family: 'simt', summary: 'vote %mask, %pred: any/all give i1, ballot gives the u32 mask of lanes with pred (__any_sync/__all_sync/__ballot_sync)',
    primary: 'mode', operands: 2, results: 1, attrs: { mode: { kind: ['any', 'all', 'ballot'], required: true } }, pure: false, effect: 'sync', convergent: true,
    typing: (c) => {
      const [m, p] = c.operands;
      if (m !== u32 || p !== i1) return 'vote takes a u32 mask and an i1 predicate';
      const want = c.attrs.mode === 'ballot' ? u32 : i1;
      return c.results[0] === want ? undefined : `result must be ${want.text}`;
    },
    infer: (_ts, a) => [a.mode === 'ballot' ? u32 : i1],
  },
  {
    name: 'syncwarp', family: 'simt', summary: '__syncwarp(mask): the lanes in mask meet here', operands: 1, results: 0, attrs: {}, pure: false, effect: 'sync', convergent: true,
    typing: (c) => (c.operands[0] === u32 ? noResults(c) : 'mask must be u32'),
  },
  {
    name: 'activemask', family: 'simt', summary: '__activemask(): the lanes of the warp executing this op together', operands: 0, results: 1, attrs: {}, pure: false, effect: 'sync', convergent: true,
    typing: (c) => (c.results[0] === u32 ? undefined : 'result must be u32'), infer: () => [u32],
  },
];

defineOps(simtOps);
