// scan.cu — work-efficient (Blelloch) exclusive prefix sum of each block's segment.
//
// Each block scans 2 * SCAN_BLOCK consecutive elements in shared memory: an up-sweep builds
// partial sums in a balanced tree, the root is saved as the segment's total and cleared, then
// a down-sweep pushes the prefixes back down. out[i] = in[seg] + ... + in[i - 1] within the
// segment, and block_sums[b] = the segment total (a second pass would scan block_sums and add
// it back, as in GPU Gems 3, ch. 39). Shared indices are padded by one word every 32
// (CONFLICT_FREE_OFFSET) to avoid bank conflicts; elements past n are loaded as zero.
//
// The tree fixes the order of every float addition; the CPU reference replays the same tree.
//
// Checked with: nvcc -ptx -arch=sm_80 scan.cu (CUDA 13.0), 2026-11-22

#ifndef SCAN_BLOCK
#define SCAN_BLOCK 128                   // threads per block; each handles two elements
#endif
#define SEG (2 * SCAN_BLOCK)
#define LOG_NUM_BANKS 5
#define CONFLICT_FREE_OFFSET(i) ((i) >> LOG_NUM_BANKS)

__global__ void scan_blelloch(const float* __restrict__ in, float* __restrict__ out,
                              float* __restrict__ block_sums, int n)
{
    __shared__ float temp[SEG + CONFLICT_FREE_OFFSET(SEG)];

    int tid = threadIdx.x;
    int base = blockIdx.x * SEG;

    int ai = tid;
    int bi = tid + SCAN_BLOCK;
    int pa = ai + CONFLICT_FREE_OFFSET(ai);
    int pb = bi + CONFLICT_FREE_OFFSET(bi);
    temp[pa] = (base + ai < n) ? in[base + ai] : 0.0f;
    temp[pb] = (base + bi < n) ? in[base + bi] : 0.0f;

    // Up-sweep (reduce): after the step with stride `offset`, temp holds sums of 2*offset runs.
    int offset = 1;
    for (int d = SEG >> 1; d > 0; d >>= 1) {
        __syncthreads();
        if (tid < d) {
            int a = offset * (2 * tid + 1) - 1;
            int b = offset * (2 * tid + 2) - 1;
            a += CONFLICT_FREE_OFFSET(a);
            b += CONFLICT_FREE_OFFSET(b);
            temp[b] += temp[a];
        }
        offset <<= 1;
    }

    if (tid == 0) {
        int last = SEG - 1 + CONFLICT_FREE_OFFSET(SEG - 1);
        block_sums[blockIdx.x] = temp[last];
        temp[last] = 0.0f;
    }

    // Down-sweep: swap-and-add walks the prefixes back down the tree.
    for (int d = 1; d < SEG; d <<= 1) {
        offset >>= 1;
        __syncthreads();
        if (tid < d) {
            int a = offset * (2 * tid + 1) - 1;
            int b = offset * (2 * tid + 2) - 1;
            a += CONFLICT_FREE_OFFSET(a);
            b += CONFLICT_FREE_OFFSET(b);
            float t = temp[a];
            temp[a] = temp[b];
            temp[b] += t;
        }
    }
    __syncthreads();

    if (base + ai < n) out[base + ai] = temp[pa];
    if (base + bi < n) out[base + bi] = temp[pb];
}
