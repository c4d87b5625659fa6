// Deadlock: a full-mask shuffle inside a branch that only half the warp takes. The lanes of
// the mask that do not take it wait at the next shuffle instead, so neither collective can
// ever complete.
// LAUNCH: kernel=half_warp_sum grid=1 block=32 args=f32[32]=iota,f32[32]

__global__ void half_warp_sum(const float* in, float* out)
{
    int lane = threadIdx.x;
    float v = in[lane];
    if (lane < 16)
        v += __shfl_down_sync(0xffffffffu, v, 16);   // EXPECT-FAULT: deadlock block=0 thread=0 "waits for lanes that never arrive"
    float total = __shfl_sync(0xffffffffu, v, 0);    // BUG above: the mask names lanes 16..31
    out[lane] = total;
}
