// RUN: not kcc %s -fsyntax-only
__global__ void tiles(const float* in, float* out, int tile) {
  __shared__ float buf[tile];
  buf[threadIdx.x] = in[threadIdx.x];
  out[threadIdx.x] = buf[threadIdx.x];
}
