// RUN: not kcc %s -fsyntax-only
#define GLUE(a, b) a ## b
__global__ void k(float *x) { x[0] = GLUE(+, -) 1.0f; }
