/**
 * Cooperative groups basics (cooperative_groups.h), as built-in records with methods:
 * `thread_block` (this_thread_block()), `thread_block_tile<N>` (tiled_partition<N>(g)),
 * `thread_group`, `coalesced_group`, `grid_group` (grid-wide sync is outside the subset),
 * and the reduction functors `plus<T>`, `less<T>`, `greater<T>`, `bit_and<T>` … used by
 * `cg::reduce(tile, v, cg::plus<T>())`.
 *
 * Methods are entries whose `ns` names the record kinds they belong to ('cg-group' = all).
 */
import type { BuiltinEntry } from './table.js';

function fn(name: string, sigs: string[], lowersTo: string, extra: Partial<BuiltinEntry> = {}): BuiltinEntry {
  return { name, ns: 'cooperative_groups', sigs, space: 'device', category: 'coop-groups', lowersTo, ...extra };
}

function method(ns: string, name: string, sigs: string[], lowersTo: string, extra: Partial<BuiltinEntry> = {}): BuiltinEntry {
  return { name, ns, sigs, space: 'device', category: 'coop-groups', lowersTo, ...extra };
}

/** the functors of cg::reduce and their KIR reduction op */
export const CG_OPS: Readonly<Record<string, string>> = {
  plus: 'add', less: 'min', greater: 'max', bit_and: 'and', bit_or: 'or', bit_xor: 'xor',
};

export const COOP_GROUPS: readonly BuiltinEntry[] = [
  fn('this_thread_block', ['thread_block()'], 'cg.block'),
  fn('this_grid', ['grid_group()'], 'cg.grid'),
  fn('coalesced_threads', ['coalesced_group()'], 'cg.coalesced', { unsupported: 'coalesced groups (cooperative_groups::coalesced_threads) are outside the kcc subset' }),
  fn('tiled_partition', ['tile(group)'], 'cg.tile', { templateValue: true }),
  fn('labeled_partition', ['coalesced_group(group, T)', 'coalesced_group(group, T, T)'], 'cg.labeled', { T: 'integer', unsupported: 'labeled partitions (cooperative_groups::labeled_partition) are outside the kcc subset' }),
  fn('binary_partition', ['coalesced_group(group, bool)'], 'cg.binary', { unsupported: 'binary partitions (cooperative_groups::binary_partition) are outside the kcc subset' }),
  fn('sync', ['void(group)'], 'barrier.group'),
  fn('reduce', ['T(tile, T, cgop)'], 'cg.reduce', { T: 'arith' }),
  fn('inclusive_scan', ['T(tile, T, cgop)'], 'cg.scan.inclusive', { T: 'arith' }),
  fn('exclusive_scan', ['T(tile, T, cgop)'], 'cg.scan.exclusive', { T: 'arith' }),
  method('cg-group', 'sync', ['void()'], 'barrier.group'),
  method('cg-group', 'thread_rank', ['unsigned int()'], 'cg.thread_rank'),
  method('cg-group', 'size', ['unsigned int()'], 'cg.size'),
  method('cg-group', 'num_threads', ['unsigned int()'], 'cg.size'),
  method('cg-thread-block', 'group_index', ['dim3()'], 'cg.group_index'),
  method('cg-thread-block', 'thread_index', ['dim3()'], 'cg.thread_index'),
  method('cg-thread-block', 'dim_threads', ['dim3()'], 'cg.dim_threads'),
  method('cg-thread-block', 'group_dim', ['dim3()'], 'cg.dim_threads'),
  method('cg-tile', 'meta_group_rank', ['unsigned int()'], 'cg.meta_group_rank'),
  method('cg-tile', 'meta_group_size', ['unsigned int()'], 'cg.meta_group_size'),
  method('cg-tile', 'shfl', ['T(T, int)'], 'warp.shfl', { T: 'any' }),
  method('cg-tile', 'shfl_down', ['T(T, unsigned int)'], 'warp.shfl_down', { T: 'any' }),
  method('cg-tile', 'shfl_up', ['T(T, unsigned int)'], 'warp.shfl_up', { T: 'any' }),
  method('cg-tile', 'shfl_xor', ['T(T, unsigned int)'], 'warp.shfl_xor', { T: 'any' }),
  method('cg-tile', 'any', ['int(int)'], 'vote.any'),
  method('cg-tile', 'all', ['int(int)'], 'vote.all'),
  method('cg-tile', 'ballot', ['unsigned int(int)'], 'vote.ballot'),
  method('cg-tile', 'match_any', ['unsigned int(T)'], 'warp.match_any', { T: 'arith' }),
  method('cg-grid-group', 'sync', ['void()'], 'none', { unsupported: 'grid-wide synchronisation (grid_group::sync) is outside the kcc subset' }),
  method('cg-grid-group', 'thread_rank', ['unsigned long long()'], 'cg.grid.thread_rank'),
  method('cg-grid-group', 'size', ['unsigned long long()'], 'cg.grid.size'),
  method('cg-grid-group', 'num_threads', ['unsigned long long()'], 'cg.grid.size'),
];
