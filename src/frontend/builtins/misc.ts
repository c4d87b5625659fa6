/**
 * printf, assert, timers, and the compiler builtins kcc's headers expand macros to
 * (`INFINITY` → `__builtin_huge_valf()`, `NAN` → `__builtin_nanf("")`, `assert(c)` →
 * `__kcc_assert(c, "c", __FILE__, __LINE__)`), plus the memory functions device code may call.
 */
import type { BuiltinEntry } from './table.js';

export const MISC: readonly BuiltinEntry[] = [
  { name: 'printf', sigs: ['int(const char *, ...)'], space: 'both', category: 'io', lowersTo: 'printf', std: true },
  { name: '__kcc_assert', sigs: ['void(bool, const char *, const char *, int)'], space: 'both', category: 'misc', lowersTo: 'assert' },
  { name: '__assert_fail', sigs: ['void(const char *, const char *, unsigned int, const char *)'], space: 'both', category: 'misc', lowersTo: 'assert.fail' },
  { name: 'clock', sigs: ['long()'], space: 'both', category: 'timer', lowersTo: 'clock' },
  { name: 'clock64', sigs: ['long long()'], space: 'device', category: 'timer', lowersTo: 'clock64' },
  { name: '__globaltimer', sigs: ['unsigned long long()'], space: 'device', category: 'timer', lowersTo: 'globaltimer' },
  { name: '__builtin_huge_valf', sigs: ['float()'], space: 'both', category: 'misc', lowersTo: 'const.inf' },
  { name: '__builtin_huge_val', sigs: ['double()'], space: 'both', category: 'misc', lowersTo: 'const.inf' },
  { name: '__builtin_inff', sigs: ['float()'], space: 'both', category: 'misc', lowersTo: 'const.inf' },
  { name: '__builtin_inf', sigs: ['double()'], space: 'both', category: 'misc', lowersTo: 'const.inf' },
  { name: '__builtin_nanf', sigs: ['float(const char *)'], space: 'both', category: 'misc', lowersTo: 'const.nan' },
  { name: '__builtin_nan', sigs: ['double(const char *)'], space: 'both', category: 'misc', lowersTo: 'const.nan' },
  { name: '__builtin_expect', sigs: ['long(long, long)'], space: 'both', category: 'misc', lowersTo: 'identity' },
  { name: '__builtin_assume', sigs: ['void(bool)'], space: 'both', category: 'misc', lowersTo: 'assume' },
  { name: '__builtin_unreachable', sigs: ['void()'], space: 'both', category: 'misc', lowersTo: 'unreachable' },
  { name: 'malloc', sigs: ['void *(size_t)'], space: 'both', category: 'memory', lowersTo: 'malloc', std: true },
  { name: 'free', sigs: ['void(void *)'], space: 'both', category: 'memory', lowersTo: 'free', std: true },
  { name: 'memcpy', sigs: ['void *(void *, const void *, size_t)'], space: 'both', category: 'memory', lowersTo: 'memcpy', std: true },
  { name: 'memset', sigs: ['void *(void *, int, size_t)'], space: 'both', category: 'memory', lowersTo: 'memset', std: true },
];
