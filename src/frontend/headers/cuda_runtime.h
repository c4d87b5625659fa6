/*
 * kcc built-in <cuda_runtime.h>, force-included in every compilation as nvcc does. Kept to
 * macros and a few typedefs: threadIdx, vector types, math, atomic and warp functions are
 * built into kcc's semantic analysis, not declared here. Like nvcc's, it brings in the C
 * headers device code commonly relies on without including them.
 */
#ifndef __CUDA_RUNTIME_H__
#define __CUDA_RUNTIME_H__
#include <cuda_runtime_api.h>
#include <stddef.h>
#include <stdint.h>
#include <limits.h>
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <assert.h>
#include <time.h>
#endif
