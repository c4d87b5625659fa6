// RUN: not kcc %s -fsyntax-only
#define IDX2C(i, j, ld) (((j) * (ld)) + (i))
__global__ void k(float *a, int ld) { a[IDX2C(threadIdx.x, blockIdx.x)] = 0.0f; }
