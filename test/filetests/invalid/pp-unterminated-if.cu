// RUN: not kcc %s -fsyntax-only
#define BLOCK 256
#if BLOCK > 128
__global__ void k(float *x) { x[threadIdx.x] = 0.0f; }
