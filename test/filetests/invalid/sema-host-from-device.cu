// RUN: not kcc %s -fsyntax-only
#include <cstdlib>
float random_jitter() { return rand() / (float)RAND_MAX; }
__global__ void perturb(float* x, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) x[i] += random_jitter();
}
