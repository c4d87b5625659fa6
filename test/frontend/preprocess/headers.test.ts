/**
 * kcc's built-in headers: each preprocesses cleanly on its own, twice, and gives the macros
 * device code relies on; lexed headers are shared across compilations; throughput.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILTIN_HEADER_DIR } from '../../../src/frontend/preprocess/index.js';
import { pp, timed } from './helpers.js';

function headerNames(dir = BUILTIN_HEADER_DIR, prefix = ''): string[] {
  return readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? headerNames(join(dir, n), `${prefix}${n}/`) : [`${prefix}${n}`]));
}

describe('built-in headers', () => {
  it('the ones the design names exist', () => {
    const names = headerNames();
    for (const h of ['cuda_runtime.h', 'cuda_runtime_api.h', 'cuda.h', 'device_launch_parameters.h', 'stdio.h', 'cstdio', 'stdlib.h', 'cstdlib', 'math.h', 'cmath', 'stdint.h', 'cstdint', 'stddef.h', 'cstddef', 'float.h', 'cfloat', 'limits.h', 'climits', 'assert.h', 'cassert', 'string.h', 'cstring', 'cuda_fp16.h', 'cuda_bf16.h', 'cooperative_groups.h', 'cooperative_groups/reduce.h', 'math_constants.h', 'device_functions.h', 'stdbool.h'])
      expect(names).toContain(h);
  });

  it.each(headerNames())('%s preprocesses without diagnostics, and twice', (name) => {
    const r = pp(`#include <${name}>\n#include <${name}>\n`, { implicitIncludes: [] });
    expect(r.codes).toEqual([]);
  });

  it('INFINITY, NAN, FLT_MAX, INT_MIN, M_PI, CUDART_PI_F, EXIT_SUCCESS, NULL, SIZE_MAX', () => {
    const r = pp('#include <cmath>\n#include <math_constants.h>\nINFINITY|NAN|HUGE_VALF|FLT_MAX|FLT_EPSILON|INT_MIN|UINT_MAX|M_PI|CUDART_PI_F|CUDART_INF_F|EXIT_SUCCESS|NULL|SIZE_MAX', { implicitIncludes: undefined });
    const text = r.tokens.map((t) => t.text).join(' ');
    expect(text.slice(text.indexOf('__builtin_huge_valf ( ) |'))).toBe(
      '__builtin_huge_valf ( ) | __builtin_nanf ( "" ) | __builtin_huge_valf ( ) | 3.40282346638528859811704183484516925e+38F | 1.19209289550781250000000000000000000e-7F | ( - 2147483647 - 1 ) | 4294967295U | 3.14159265358979323846 | 3.141592654f | __int_as_float ( 0x7f800000U ) | 0 | 0 | 18446744073709551615UL',
    );
  });

  it('assert expands to __kcc_assert, and to nothing under NDEBUG', () => {
    expect(pp('#include <cassert>\nassert(i < n);').text).toBe('__kcc_assert ( ( i < n ) , "i < n" , "main.cu" , 2 ) ;');
    expect(pp('#define NDEBUG\n#include <assert.h>\nassert(i < n);').text).toBe('( ( void ) 0 ) ;');
  });

  it('cuda_runtime.h types: cudaError_t, cudaStream_t, cudaMemcpyKind, size_t', () => {
    const text = pp('', { implicitIncludes: undefined }).text;
    for (const s of ['typedef enum cudaError cudaError_t ;', 'typedef struct CUstream_st * cudaStream_t ;', 'enum cudaMemcpyKind {', 'typedef unsigned long size_t ;', 'typedef unsigned int uint32_t ;'])
      expect(text).toContain(s);
  });

  it('built-in headers are lexed once and shared across compilations', () => {
    const a = pp('x', { implicitIncludes: undefined });
    const b = pp('y', { implicitIncludes: undefined });
    const first = (r: typeof a): unknown => r.tokens.find((t) => t.text === 'cudaError');
    expect(first(a)).toBeDefined();
    expect(first(a)).toBe(first(b)); // the very same token object
  });

  it('a warm compile of a small file with cuda_runtime.h takes a few milliseconds', () => {
    for (let k = 0; k < 5; k++) pp('__global__ void k(float *x) { x[threadIdx.x] = 0; }', { implicitIncludes: undefined });
    const { ms } = timed(() => pp('__global__ void k(float *x) { x[threadIdx.x] = 0; }', { implicitIncludes: undefined }));
    expect(ms).toBeLessThan(50);
  });
});

describe('throughput', () => {
  it('preprocesses 100k lines of kernel code in reasonable time', () => {
    const head = '#define BLOCK 256\n#define IDX(i, j, n) ((i) * (n) + (j))\n';
    const unit = `
// kernel: a typical shape
__global__ void kernel(int n, float a, const float *__restrict__ x, float *y) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;   /* global index */
  __shared__ float tile[BLOCK];
  if (i < n) y[IDX(i, 0, n)] = a * x[i] + y[i] * 1.5e-3f;
  #pragma unroll 4
  for (int k = 0; k < 16; ++k) { tile[k] += x[k] < FLT_MAX ? 0.5f : 1.0f; }
}
`;
    const src = head + unit.repeat(10_000);
    pp(src, { implicitIncludes: undefined }); // warm up
    const { value: r, ms } = timed(() => pp(src, { implicitIncludes: undefined }));
    expect(r.codes).toEqual([]);
    // generous: the goal (well under 0.3 s) is measured by the bench on an idle machine
    expect(ms).toBeLessThan(5000);
  });
});
