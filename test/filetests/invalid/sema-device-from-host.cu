// RUN: not kcc %s -fsyntax-only
__device__ float sigmoid(float x) { return 1.0f / (1.0f + expf(-x)); }
int main() {
  float y = sigmoid(0.5f);
  return y > 0.5f ? 0 : 1;
}
