/**
 * Warp-level primitives: shuffles (with their CUDA overload sets), votes, match and
 * warp reductions, and the read-only cache loads (`__ldg` …). The pre-CUDA-9 forms without
 * `_sync` are recognised so that using them gives a clear error.
 */
import type { BuiltinEntry } from './table.js';

const SHFL_TYPES = ['int', 'unsigned int', 'long', 'unsigned long', 'long long', 'unsigned long long', 'float', 'double', '__half', '__half2', '__nv_bfloat16', '__nv_bfloat162'];

function shfl(name: string, laneType: string): BuiltinEntry {
  return {
    name: `__${name}_sync`, sigs: SHFL_TYPES.map((t) => `${t}(unsigned int, ${t}, ${laneType}, int=32)`),
    space: 'device', category: 'warp', lowersTo: `warp.${name}`,
  };
}

function removed(name: string): BuiltinEntry {
  return {
    name, sigs: ['int(int, int, int=32)'], space: 'device', category: 'warp', lowersTo: 'none',
    unsupported: `'${name}' was removed in CUDA 9; use '${name}_sync' with an explicit mask`,
  };
}

const MATCH_TYPES = ['int', 'unsigned int', 'long', 'unsigned long', 'long long', 'unsigned long long', 'float', 'double'];

export const WARP: readonly BuiltinEntry[] = [
  shfl('shfl', 'int'),
  shfl('shfl_up', 'unsigned int'),
  shfl('shfl_down', 'unsigned int'),
  shfl('shfl_xor', 'int'),
  ...['__shfl', '__shfl_up', '__shfl_down', '__shfl_xor'].map(removed),
  { name: '__ballot', sigs: ['unsigned int(int)'], space: 'device', category: 'warp', lowersTo: 'none', unsupported: "'__ballot' was removed in CUDA 9; use '__ballot_sync' with an explicit mask" },
  { name: '__any', sigs: ['int(int)'], space: 'device', category: 'warp', lowersTo: 'none', unsupported: "'__any' was removed in CUDA 9; use '__any_sync' with an explicit mask" },
  { name: '__all', sigs: ['int(int)'], space: 'device', category: 'warp', lowersTo: 'none', unsupported: "'__all' was removed in CUDA 9; use '__all_sync' with an explicit mask" },
  { name: '__ballot_sync', sigs: ['unsigned int(unsigned int, int)'], space: 'device', category: 'warp', lowersTo: 'vote.ballot' },
  { name: '__any_sync', sigs: ['int(unsigned int, int)'], space: 'device', category: 'warp', lowersTo: 'vote.any' },
  { name: '__all_sync', sigs: ['int(unsigned int, int)'], space: 'device', category: 'warp', lowersTo: 'vote.all' },
  { name: '__uni_sync', sigs: ['int(unsigned int, int)'], space: 'device', category: 'warp', lowersTo: 'vote.uni' },
  { name: '__activemask', sigs: ['unsigned int()'], space: 'device', category: 'warp', lowersTo: 'warp.activemask' },
  { name: '__match_any_sync', sigs: MATCH_TYPES.map((t) => `unsigned int(unsigned int, ${t})`), space: 'device', category: 'warp', lowersTo: 'warp.match_any' },
  { name: '__match_all_sync', sigs: MATCH_TYPES.map((t) => `unsigned int(unsigned int, ${t}, int *)`), space: 'device', category: 'warp', lowersTo: 'warp.match_all' },
  ...['add', 'min', 'max'].map((op): BuiltinEntry => ({
    name: `__reduce_${op}_sync`, sigs: ['int(unsigned int, int)', 'unsigned int(unsigned int, unsigned int)'], space: 'device', category: 'warp', lowersTo: `warp.reduce.${op}`,
  })),
  ...['and', 'or', 'xor'].map((op): BuiltinEntry => ({
    name: `__reduce_${op}_sync`, sigs: ['unsigned int(unsigned int, unsigned int)'], space: 'device', category: 'warp', lowersTo: `warp.reduce.${op}`,
  })),
  // read-only / cache-hinted loads and stores: any element type
  ...['__ldg', '__ldcg', '__ldca', '__ldcs', '__ldlu', '__ldcv'].map((n): BuiltinEntry => ({
    name: n, sigs: ['T(const T *)'], space: 'device', category: 'memory', lowersTo: 'load.readonly', T: 'any',
  })),
  ...['__stcg', '__stcs', '__stwb', '__stwt'].map((n): BuiltinEntry => ({
    name: n, sigs: ['void(T *, T)'], space: 'device', category: 'memory', lowersTo: 'store.hinted', T: 'any',
  })),
];
