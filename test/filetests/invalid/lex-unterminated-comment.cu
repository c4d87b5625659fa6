// RUN: not kcc %s -fsyntax-only
__global__ void k(float *x) {
  /* the loop below is unrolled by hand
  x[threadIdx.x] = 0.0f;
}
