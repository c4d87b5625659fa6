// reduce.cu — block-level sum reduction in shared memory (one partial sum per block).
//
// Each block reduces 2*BLOCK_SIZE consecutive inputs: every thread adds two elements while
// loading (halving the idle threads of the first step), then a tree reduction in shared memory
// halves the active threads each step, with a __syncthreads() between steps. Thread 0 writes the
// block's partial sum; a second launch (or the host) adds the partials. Elements past n read as
// zero, so n need not be a multiple of the block's span.
//
// The order of additions is fixed by the tree: s[t] += s[t + stride] for stride = BLOCK_SIZE/2,
// ..., 1, which the CPU reference in cases.ts reproduces exactly.
//
// Checked with: nvcc -ptx -arch=sm_80 reduce.cu (CUDA 13.0), 2026-11-22

#ifndef BLOCK_SIZE
#define BLOCK_SIZE 256   // must equal blockDim.x and be a power of two
#endif

__global__ void block_sum(const float* in, float* partial, int n)
{
    __shared__ float sdata[BLOCK_SIZE];

    unsigned int tid = threadIdx.x;
    unsigned int i = blockIdx.x * (BLOCK_SIZE * 2) + tid;

    float v = 0.0f;
    if (i < n) v = in[i];
    if (i + BLOCK_SIZE < n) v += in[i + BLOCK_SIZE];
    sdata[tid] = v;
    __syncthreads();

    for (unsigned int stride = BLOCK_SIZE / 2; stride > 0; stride >>= 1) {
        if (tid < stride) {
            sdata[tid] += sdata[tid + stride];
        }
        __syncthreads();   // every thread reaches this barrier: it is outside the if
    }

    if (tid == 0) partial[blockIdx.x] = sdata[0];
}
