// RUN: not kcc %s -fsyntax-only
__global__ void swap_halves(float* a, int n) {
  int i = threadIdx.x;
  if (i < n / 2) a[i] + a[i + n / 2] = 0.0f;
}
