// RUN: not kcc %s -fsyntax-only
#define CEIL_DIV(a, b) (((a) + (b) - 1) / (b))
__global__ void k(int *out, int n) { out[0] = CEIL_DIV(n, 256; }
