// RUN: not kcc %s -fsyntax-only
#include <cublas_v2.h>
// cuBLAS is host-only: kcc skips its header, so device code cannot call into it
__global__ void normalise(float* x, int n) {
  float norm = cublasSnrm2(n, x);
  x[threadIdx.x] /= norm;
}
