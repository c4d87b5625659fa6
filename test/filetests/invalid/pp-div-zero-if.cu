// RUN: not kcc %s -fsyntax-only
#define WARPS 0
#if 1024 / WARPS > 4
#endif
__global__ void k(float *x) { x[0] = 0.0f; }
