// RUN: not kcc %s -fsyntax-only
__global__ void transform(float* x, int n) {
  auto square = [](float v) { return v * v; };
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) x[i] = square(x[i]);
}
