/**
 * `make_<vector>(x, y, …)` constructors for every built-in vector type (vector_functions.h).
 */
import { VECTOR_TYPES } from './types.js';
import type { BuiltinEntry } from './table.js';

export const VECTOR_MAKERS: readonly BuiltinEntry[] = [...VECTOR_TYPES.values()]
  .filter((v) => !v.name.startsWith('__') && v.name !== 'dim3')
  .map((v): BuiltinEntry => {
    const el = v.element.name === 'char' ? 'signed char' : v.element.name;
    return {
      name: `make_${v.name}`, sigs: [`${v.name}(${Array(v.count).fill(el).join(', ')})`], space: 'both', category: 'vector', lowersTo: 'vector.make',
    };
  });
