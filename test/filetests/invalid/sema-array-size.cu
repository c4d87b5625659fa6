// RUN: not kcc %s -fsyntax-only
constexpr int TILE = 16;
constexpr int HALO = 20;
__global__ void stencil(const float* in, float* out) {
  __shared__ float tile[TILE - HALO];
  tile[threadIdx.x] = in[threadIdx.x];
  out[threadIdx.x] = tile[threadIdx.x];
}
