// RUN: not kcc %s -fsyntax-only
__global__ void accumulate(const float* in, float* out, int n) {
  accum_t sum = 0;
  for (int i = threadIdx.x; i < n; i += blockDim.x) sum += in[i];
  out[threadIdx.x] = sum;
}
