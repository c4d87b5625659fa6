// RUN: not kcc %s -fsyntax-only
__global__ void k(float *x) {
  x[threadIdx.x] = 1.0f @ 2.0f;
}
