// RUN: not kcc %s -fsyntax-only
__global__ void child(float* x) { x[threadIdx.x] = 0.0f; }
__global__ void parent(float* x, int n) {
  if (threadIdx.x == 0) child<<<(n + 255) / 256, 256>>>(x);
}
