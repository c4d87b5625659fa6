// RUN: not kcc %s -fsyntax-only
__device__ unsigned long long factorial(unsigned n) { return n <= 1 ? 1ull : n * factorial(n - 1); }
__global__ void table(unsigned long long* out) { out[threadIdx.x] = factorial(threadIdx.x); }
