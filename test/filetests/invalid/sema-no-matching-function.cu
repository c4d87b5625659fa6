// RUN: not kcc %s -fsyntax-only
__device__ float lerp(float a, float b, float t) { return a + t * (b - a); }
__global__ void blend(const float* a, const float* b, float* out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) out[i] = lerp(a[i], b[i]);
}
