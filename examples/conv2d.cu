// conv2d.cu — 2-D convolution (cross-correlation) with a 5x5 mask in constant memory.
//
// out[y][x] = sum_{dy,dx in [-R, R]} in[y + dy][x + dx] * mask[dy + R][dx + R], with the input
// treated as zero outside the image ("same" padding). The mask lives in __constant__ memory:
// every thread of a warp reads the same mask element at the same time, which the constant
// cache broadcasts. The host sets it with cudaMemcpyToSymbol(c_mask, h_mask, sizeof(c_mask))
// before the launch (see programs/conv2d_main.cu). The loops run dy outer, dx inner, skipping
// taps outside the image, and accumulate in that order.
//
// Checked with: nvcc -ptx -arch=sm_80 conv2d.cu (CUDA 13.0), 2026-11-22

#define MASK_RADIUS 2
#define MASK_DIM (2 * MASK_RADIUS + 1)

__constant__ float c_mask[MASK_DIM * MASK_DIM];

__global__ void conv2d(const float* __restrict__ in, float* __restrict__ out, int width, int height)
{
    int col = blockIdx.x * blockDim.x + threadIdx.x;
    int row = blockIdx.y * blockDim.y + threadIdx.y;
    if (col >= width || row >= height) return;

    float acc = 0.0f;
#pragma unroll
    for (int dy = -MASK_RADIUS; dy <= MASK_RADIUS; ++dy) {
        int r = row + dy;
        if (r < 0 || r >= height) continue;
#pragma unroll
        for (int dx = -MASK_RADIUS; dx <= MASK_RADIUS; ++dx) {
            int c = col + dx;
            if (c < 0 || c >= width) continue;
            acc += in[r * width + c] * c_mask[(dy + MASK_RADIUS) * MASK_DIM + (dx + MASK_RADIUS)];
        }
    }
    out[row * width + col] = acc;
}
