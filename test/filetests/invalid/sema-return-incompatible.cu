// RUN: not kcc %s -fsyntax-only
__device__ int* row_ptr(float* m, int row, int cols) {
  return m + row * cols;
}
__global__ void k(float* m) { row_ptr(m, 0, 4); }
