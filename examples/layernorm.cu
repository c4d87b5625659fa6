// layernorm.cu — LayerNorm forward (GPT-2 style), one warp per row, cooperative groups.
//
// For each of N rows of C channels:
//   mean = sum(x) / C,  var = sum((x - mean)^2) / C,  rstd = 1 / sqrt(var + 1e-5)
//   out  = (x - mean) * rstd * weight + bias
// and mean/rstd are saved for the backward pass, as llm.c's layernorm_forward does. The
// variance uses the two-pass form (subtract the mean first), which is accurate even when the
// mean is large. Accumulators are float; the warp sums use cg::reduce over a 32-thread tile,
// whose combination order is up to the implementation (hence a tolerance in the reference).
//
// Launch: blockDim.x a multiple of 32; gridDim.x = ceil(N * 32 / blockDim.x).
//
// Checked with: nvcc -ptx -arch=sm_80 layernorm.cu (CUDA 13.0), 2026-11-22

#include <cooperative_groups.h>
#include <cooperative_groups/reduce.h>

namespace cg = cooperative_groups;

__global__ void layernorm_forward(float* __restrict__ out, float* __restrict__ mean,
                                  float* __restrict__ rstd, const float* __restrict__ inp,
                                  const float* __restrict__ weight, const float* __restrict__ bias,
                                  int N, int C)
{
    cg::thread_block block = cg::this_thread_block();
    cg::thread_block_tile<32> warp = cg::tiled_partition<32>(block);

    int idx = blockIdx.x * warp.meta_group_size() + warp.meta_group_rank();
    if (idx >= N) return;   // the whole tile leaves together: idx is uniform per warp

    const float* x = inp + idx * C;

    float sum = 0.0f;
    for (int i = warp.thread_rank(); i < C; i += warp.size()) sum += x[i];
    sum = cg::reduce(warp, sum, cg::plus<float>());
    float m = sum / C;

    sum = 0.0f;
    for (int i = warp.thread_rank(); i < C; i += warp.size()) {
        float diff = x[i] - m;
        sum += diff * diff;
    }
    sum = cg::reduce(warp, sum, cg::plus<float>());
    float s = rsqrtf(sum / C + 1e-5f);

    if (warp.thread_rank() == 0) {
        mean[idx] = m;
        rstd[idx] = s;
    }

    float* o = out + idx * C;
    for (int i = warp.thread_rank(); i < C; i += warp.size()) {
        float n = s * (x[i] - m);
        o[i] = n * weight[i] + bias[i];
    }
}
