// RUN: not kcc %s -fsyntax-only
__global__ void k(float *x) { x[0] = 0.0f; }
#endif
