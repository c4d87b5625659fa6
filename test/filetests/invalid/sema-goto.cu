// RUN: not kcc %s -fsyntax-only
__global__ void find_first(const int* v, int* pos, int n) {
  for (int i = 0; i < n; ++i)
    if (v[i] < 0) { *pos = i; goto done; }
  *pos = -1;
done:
  return;
}
