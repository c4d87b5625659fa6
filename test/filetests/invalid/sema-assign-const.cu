// RUN: not kcc %s -fsyntax-only
__global__ void fill(float* out, int n) {
  const int stride = blockDim.x * gridDim.x;
  for (int i = blockIdx.x * blockDim.x + threadIdx.x; i < n; i += stride) out[i] = 1.0f;
  stride = 0;
}
