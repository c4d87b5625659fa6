// RUN: not kcc %s -fsyntax-only
struct Params { int n; float alpha; };
__global__ void scale(float* x, const Params& p) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < p.n) x[i] *= p.alpha;
}
