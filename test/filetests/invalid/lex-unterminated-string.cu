// RUN: not kcc %s -fsyntax-only
__global__ void k(int n) {
  if (threadIdx.x == 0) printf("n = %d\n, n);
}
