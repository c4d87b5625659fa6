// RUN: not kcc %s -fsyntax-only
struct __align__(16) Cell { float3 center; float radius; int id; };
static_assert(sizeof(Cell) == 20, "Cell must stay 20 bytes for the upload format");
__global__ void touch(Cell* c) { c[threadIdx.x].radius *= 2.0f; }
