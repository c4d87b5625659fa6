/**
 * Host-side APIs host code in the subset may call: the CUDA runtime (memory, copies,
 * symbols, synchronisation, errors, events, streams, device queries) and the C library
 * functions common in `main()`. They are host-only: device code that calls one gets
 * "reference to __host__ function". `lowersTo` names the runtime routine of the
 * whole-program runner.
 */
import type { BuiltinEntry } from './table.js';

function rt(name: string, sigs: string[], T?: BuiltinEntry['T']): BuiltinEntry {
  return { name, sigs, space: 'host', category: 'runtime', lowersTo: `rt.${name}`, ...(T ? { T } : {}) };
}

function libc(name: string, sigs: string[], space: BuiltinEntry['space'] = 'host'): BuiltinEntry {
  return { name, sigs, space, category: 'libc', lowersTo: `libc.${name}`, std: true };
}

export const RUNTIME: readonly BuiltinEntry[] = [
  rt('cudaMalloc', ['cudaError_t(T **, size_t)', 'cudaError_t(void **, size_t)'], 'any'),
  rt('cudaMallocManaged', ['cudaError_t(T **, size_t, unsigned int=1)', 'cudaError_t(void **, size_t, unsigned int=1)'], 'any'),
  rt('cudaMallocHost', ['cudaError_t(T **, size_t)', 'cudaError_t(void **, size_t)'], 'any'),
  rt('cudaHostAlloc', ['cudaError_t(T **, size_t, unsigned int)', 'cudaError_t(void **, size_t, unsigned int)'], 'any'),
  rt('cudaFree', ['cudaError_t(void *)']),
  rt('cudaFreeHost', ['cudaError_t(void *)']),
  rt('cudaMemcpy', ['cudaError_t(void *, const void *, size_t, cudaMemcpyKind)']),
  rt('cudaMemcpyAsync', ['cudaError_t(void *, const void *, size_t, cudaMemcpyKind, cudaStream_t=0)']),
  rt('cudaMemset', ['cudaError_t(void *, int, size_t)']),
  rt('cudaMemsetAsync', ['cudaError_t(void *, int, size_t, cudaStream_t=0)']),
  rt('cudaMemcpyToSymbol', ['cudaError_t(const T &, const void *, size_t, size_t=0, cudaMemcpyKind=1)'], 'any'),
  rt('cudaMemcpyFromSymbol', ['cudaError_t(void *, const T &, size_t, size_t=0, cudaMemcpyKind=2)'], 'any'),
  rt('cudaDeviceSynchronize', ['cudaError_t()']),
  rt('cudaDeviceReset', ['cudaError_t()']),
  rt('cudaGetLastError', ['cudaError_t()']),
  rt('cudaPeekAtLastError', ['cudaError_t()']),
  rt('cudaGetErrorString', ['const char *(cudaError_t)']),
  rt('cudaGetErrorName', ['const char *(cudaError_t)']),
  rt('cudaSetDevice', ['cudaError_t(int)']),
  rt('cudaGetDevice', ['cudaError_t(int *)']),
  rt('cudaGetDeviceCount', ['cudaError_t(int *)']),
  rt('cudaEventCreate', ['cudaError_t(cudaEvent_t *)']),
  rt('cudaEventRecord', ['cudaError_t(cudaEvent_t, cudaStream_t=0)']),
  rt('cudaEventSynchronize', ['cudaError_t(cudaEvent_t)']),
  rt('cudaEventElapsedTime', ['cudaError_t(float *, cudaEvent_t, cudaEvent_t)']),
  rt('cudaEventDestroy', ['cudaError_t(cudaEvent_t)']),
  rt('cudaStreamCreate', ['cudaError_t(cudaStream_t *)']),
  rt('cudaStreamSynchronize', ['cudaError_t(cudaStream_t)']),
  rt('cudaStreamDestroy', ['cudaError_t(cudaStream_t)']),
  rt('cudaFuncSetCacheConfig', ['cudaError_t(const T &, int)'], 'any'),
  libc('fprintf', ['int(FILE *, const char *, ...)']),
  libc('sprintf', ['int(char *, const char *, ...)']),
  libc('snprintf', ['int(char *, size_t, const char *, ...)']),
  libc('puts', ['int(const char *)']),
  libc('putchar', ['int(int)']),
  libc('fflush', ['int(FILE *)']),
  libc('exit', ['void(int)']),
  libc('abort', ['void()']),
  libc('atoi', ['int(const char *)']),
  libc('atol', ['long(const char *)']),
  libc('atof', ['double(const char *)']),
  libc('strtol', ['long(const char *, char **, int)']),
  libc('strtoul', ['unsigned long(const char *, char **, int)']),
  libc('strtof', ['float(const char *, char **)']),
  libc('strtod', ['double(const char *, char **)']),
  libc('rand', ['int()']),
  libc('srand', ['void(unsigned int)']),
  libc('time', ['long(long *)']),
  libc('calloc', ['void *(size_t, size_t)']),
  libc('realloc', ['void *(void *, size_t)']),
  libc('strlen', ['size_t(const char *)']),
  libc('strcmp', ['int(const char *, const char *)']),
  libc('strncmp', ['int(const char *, const char *, size_t)']),
  libc('strcpy', ['char *(char *, const char *)']),
  libc('memcmp', ['int(const void *, const void *, size_t)']),
];
