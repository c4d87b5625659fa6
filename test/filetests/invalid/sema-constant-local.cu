// RUN: not kcc %s -fsyntax-only
__global__ void apply(float* x, int n) {
  __constant__ float weights[3] = {0.25f, 0.5f, 0.25f};
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i > 0 && i < n - 1) x[i] = weights[0] * x[i - 1] + weights[1] * x[i] + weights[2] * x[i + 1];
}
