// RUN: not kcc %s -fsyntax-only
__global__ void clamp(float* x, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i >= n) break;
  x[i] = fminf(x[i], 1.0f);
}
