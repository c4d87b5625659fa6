// RUN: not kcc %s -fsyntax-only
struct Particle { float3 pos; float3 vel; float mass; };
__global__ void step(Particle* p, float dt, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) p[i].position.x += p[i].vel.x * dt;
}
