/**
 * The predefined macros: what nvcc's device compilation (`__CUDA_ARCH__` = 800, C++17 on a
 * 64-bit Linux host) defines before the first line, as a `<built-in>` buffer of `#define`s
 * that is preprocessed like a file (so every predefined macro has a definition span), and
 * the command line's `-D`, `-U` and forced includes as a `<command line>` buffer, the way
 * clang does it. `__LINE__`, `__FILE__` and friends are dynamic (macros.ts).
 */
import type { DynamicMacro } from './macros.js';

export const PREDEFINES_PATH = '<built-in>';
export const COMMAND_LINE_PATH = '<command line>';

export const PREDEFINED_TEXT = `#define __cplusplus 201703L
#define __STDC__ 1
#define __STDC_HOSTED__ 1
#define __CUDACC__ 1
#define __NVCC__ 1
#define __CUDA_ARCH__ 800
#define __CUDACC_VER_MAJOR__ 12
#define __CUDACC_VER_MINOR__ 4
#define __CUDACC_VER_BUILD__ 131
#define __KCC__ 1
#define __x86_64__ 1
#define __x86_64 1
#define __LP64__ 1
#define _LP64 1
#define __linux__ 1
#define __linux 1
#define __unix__ 1
#define __CHAR_BIT__ 8
#define __SIZEOF_SHORT__ 2
#define __SIZEOF_INT__ 4
#define __SIZEOF_LONG__ 8
#define __SIZEOF_LONG_LONG__ 8
#define __SIZEOF_POINTER__ 8
#define __SIZEOF_SIZE_T__ 8
#define __SIZEOF_FLOAT__ 4
#define __SIZEOF_DOUBLE__ 8
#define __SCHAR_MAX__ 127
#define __SHRT_MAX__ 32767
#define __INT_MAX__ 2147483647
#define __LONG_MAX__ 9223372036854775807L
#define __LONG_LONG_MAX__ 9223372036854775807LL
#define __ORDER_LITTLE_ENDIAN__ 1234
#define __ORDER_BIG_ENDIAN__ 4321
#define __BYTE_ORDER__ __ORDER_LITTLE_ENDIAN__
#define __SIZE_TYPE__ unsigned long
#define __PTRDIFF_TYPE__ long
#define __INTPTR_TYPE__ long
#define __UINTPTR_TYPE__ unsigned long
`;

/** computed at each use; the markers exist so that `#ifdef __has_include` is true */
export const DYNAMIC_MACROS: readonly (readonly [string, DynamicMacro])[] = [
  ['__FILE__', 'file'], ['__LINE__', 'line'], ['__COUNTER__', 'counter'], ['__DATE__', 'date'], ['__TIME__', 'time'],
  ['__INCLUDE_LEVEL__', 'includeLevel'], ['__BASE_FILE__', 'baseFile'],
  ['__has_include', 'marker'], ['__has_include_next', 'marker'], ['__has_attribute', 'marker'], ['__has_cpp_attribute', 'marker'],
  ['__has_builtin', 'marker'], ['__has_feature', 'marker'], ['__has_extension', 'marker'], ['__has_warning', 'marker'],
];

/** `-D`, `-U` and the forced includes as source text */
export function commandLineText(defines: Readonly<Record<string, string>>, undefines: readonly string[], includes: readonly string[]): string {
  let s = '';
  for (const [name, value] of Object.entries(defines)) s += `#define ${name} ${value.replace(/\r?\n/g, ' ')}\n`;
  for (const name of undefines) s += `#undef ${name}\n`;
  for (const h of includes) s += `#include <${h}>\n`;
  return s;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `__DATE__` ("Mmm dd yyyy") and `__TIME__` ("hh:mm:ss") as string literals */
export function dateAndTime(now: Date): { date: string; time: string } {
  const dd = String(now.getDate()).padStart(2, ' ');
  const two = (n: number): string => String(n).padStart(2, '0');
  return {
    date: `"${MONTHS[now.getMonth()]} ${dd} ${now.getFullYear()}"`,
    time: `"${two(now.getHours())}:${two(now.getMinutes())}:${two(now.getSeconds())}"`,
  };
}
