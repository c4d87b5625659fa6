// RUN: not kcc %s -fsyntax-only
__device__ float activate(int kind, float x) {
  switch (kind) {
    case 0: return x > 0.0f ? x : 0.0f;
    case 1: return tanhf(x);
    case 0: return 1.0f / (1.0f + expf(-x));
  }
  return x;
}
__global__ void k(float* x, int kind) { x[threadIdx.x] = activate(kind, x[threadIdx.x]); }
