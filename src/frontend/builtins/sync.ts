/**
 * Barriers, warp synchronisation and memory fences. `__syncthreads()` is a block barrier
 * (KIR `barrier`), the `_count/_and/_or` forms also reduce a predicate over the block.
 */
import type { BuiltinEntry } from './table.js';

function dev(name: string, sig: string, lowersTo: string, category: BuiltinEntry['category'] = 'sync'): BuiltinEntry {
  return { name, sigs: [sig], space: 'device', category, lowersTo };
}

export const SYNC: readonly BuiltinEntry[] = [
  dev('__syncthreads', 'void()', 'barrier.block'),
  dev('__syncthreads_count', 'int(int)', 'barrier.block.count'),
  dev('__syncthreads_and', 'int(int)', 'barrier.block.and'),
  dev('__syncthreads_or', 'int(int)', 'barrier.block.or'),
  dev('__syncwarp', 'void(unsigned int=4294967295)', 'barrier.warp'),
  dev('__threadfence_block', 'void()', 'fence.block'),
  dev('__threadfence', 'void()', 'fence.device'),
  dev('__threadfence_system', 'void()', 'fence.system'),
  dev('__nanosleep', 'void(unsigned int)', 'nanosleep', 'misc'),
  dev('__trap', 'void()', 'trap', 'misc'),
  dev('__brkpt', 'void()', 'trap', 'misc'),
];
