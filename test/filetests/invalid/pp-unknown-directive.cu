// RUN: not kcc %s -fsyntax-only
#defne BLOCK 128
__global__ void k(float *x) { x[0] = 0.0f; }
