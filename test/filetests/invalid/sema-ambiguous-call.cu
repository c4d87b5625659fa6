// RUN: not kcc %s -fsyntax-only
__device__ float scale(float v, float s) { return v * s; }
__device__ double scale(double v, double s) { return v * s; }
__global__ void k(float* out, int factor) {
  out[threadIdx.x] = scale(threadIdx.x, factor);
}
