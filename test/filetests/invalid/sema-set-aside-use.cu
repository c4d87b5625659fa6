// RUN: not kcc %s -fsyntax-only
#include <vector>
std::vector<float> make_weights(int n) try { return std::vector<float>(n, 1.0f); } catch (...) { return {}; }
__global__ void weigh(float* x, int n) {
  x[threadIdx.x] *= make_weights(n)[threadIdx.x];
}
