// compact.cu — warp-level stream compaction with __ballot_sync and __popc.
//
// Keeps the elements greater than `threshold`. Each warp handles 32 consecutive elements:
// __ballot_sync gives a 32-bit mask of the lanes whose element is kept, and a lane's output
// slot is the number of kept lanes below it, __popc(mask & lanes_below). The kept elements are
// written, in order, to the start of the warp's own 32-element segment of `out`, and the count
// to counts[warp]; slots past the count are left untouched. (A full compaction would then scan
// `counts` to pack the segments; keeping per-warp segments makes the output deterministic.)
// Lanes past n vote "not kept" but still take part in the ballot, so the full mask is valid.
//
// Launch: blockDim.x a multiple of 32; counts has one entry per warp of the grid.
//
// Checked with: nvcc -ptx -arch=sm_80 compact.cu (CUDA 13.0), 2026-11-22

#define FULL_MASK 0xffffffffu

__global__ void compact_warp(const float* __restrict__ in, float* __restrict__ out,
                             int* __restrict__ counts, int n, float threshold)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    int lane = threadIdx.x & 31;
    int warp = i >> 5;

    float v = (i < n) ? in[i] : 0.0f;
    bool keep = (i < n) && (v > threshold);

    unsigned int mask = __ballot_sync(FULL_MASK, keep);
    unsigned int below = (1u << lane) - 1u;     // lanes 0 .. lane-1
    int slot = __popc(mask & below);

    if (keep) out[warp * 32 + slot] = v;
    if (lane == 0) counts[warp] = __popc(mask);
}
