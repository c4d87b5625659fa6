// RUN: not kcc %s -fsyntax-only
float g_threshold = 0.5f;
__global__ void clip(float* x, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) x[i] = fminf(x[i], g_threshold);
}
