// RUN: not kcc %s -fsyntax-only
#include "kernels/common_helpers.cuh"
__global__ void k(float *x) { x[threadIdx.x] = 1.0f; }
