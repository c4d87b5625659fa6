/**
 * Atomic read-modify-write functions, with the overloads CUDA declares
 * (sm_60+ atomic_functions.h / sm_60_atomic_functions.h), each also in its `_block` and
 * `_system` scope forms. They return the old value. `lowersTo` is 'atomic.<op>.<scope>'.
 */
import type { BuiltinEntry } from './table.js';

const ULL = 'unsigned long long';

/** op name → the element types it is declared for */
const OPS: Readonly<Record<string, readonly string[]>> = {
  Add: ['int', 'unsigned int', ULL, 'float', 'double', '__half', '__half2', '__nv_bfloat16', '__nv_bfloat162'],
  Sub: ['int', 'unsigned int'],
  Exch: ['int', 'unsigned int', ULL, 'float'],
  Min: ['int', 'unsigned int', ULL, 'long long'],
  Max: ['int', 'unsigned int', ULL, 'long long'],
  Inc: ['unsigned int'],
  Dec: ['unsigned int'],
  And: ['int', 'unsigned int', ULL],
  Or: ['int', 'unsigned int', ULL],
  Xor: ['int', 'unsigned int', ULL],
};

const SCOPES: readonly [string, string][] = [['', 'device'], ['_block', 'block'], ['_system', 'system']];

export const ATOMICS: readonly BuiltinEntry[] = [
  ...Object.entries(OPS).flatMap(([op, types]) =>
    SCOPES.map(([suffix, scope]): BuiltinEntry => ({
      name: `atomic${op}${suffix}`,
      sigs: types.map((t) => `${t}(${t} *, ${t})`),
      space: 'device', category: 'atomic', lowersTo: `atomic.${op.toLowerCase()}.${scope}`,
    })),
  ),
  ...SCOPES.map(([suffix, scope]): BuiltinEntry => ({
    name: `atomicCAS${suffix}`,
    sigs: ['int', 'unsigned int', ULL, 'unsigned short'].map((t) => `${t}(${t} *, ${t}, ${t})`),
    space: 'device', category: 'atomic', lowersTo: `atomic.cas.${scope}`,
  })),
];
