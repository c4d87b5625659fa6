// RUN: not kcc %s -fsyntax-only
__global__ void add4(const float4* a, const float4* b, float4* c) {
  int i = threadIdx.x;
  c[i] = a[i] + b[i];
}
