// RUN: not kcc %s -fsyntax-only
#ifndef TILE
#error "TILE must be defined (compile with -DTILE=16)"
#endif
__global__ void k(float *x) { x[threadIdx.x] = TILE; }
