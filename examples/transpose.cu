// transpose.cu — matrix transpose through a padded shared-memory tile.
//
// out (width x height) = transpose of in (height x width), both row-major. A 32x8 block moves
// a 32x32 tile: it reads rows of the tile with coalesced loads, and writes the transposed tile
// with coalesced stores, each thread handling TILE / BLOCK_ROWS = 4 rows. The tile is
// [TILE][TILE + 1]: the extra column shifts each row by one bank, so reading a column of the
// tile touches 32 different banks instead of one (no shared-memory bank conflicts).
// Bounds guards allow any width and height.
//
// Launch: block (TILE, BLOCK_ROWS), grid (ceil(width / TILE), ceil(height / TILE)).
//
// Checked with: nvcc -ptx -arch=sm_80 transpose.cu (CUDA 13.0), 2026-11-22

#define TILE 32
#define BLOCK_ROWS 8

__global__ void transpose_padded(float* __restrict__ out, const float* __restrict__ in,
                                 int width, int height)
{
    __shared__ float tile[TILE][TILE + 1];

    int x = blockIdx.x * TILE + threadIdx.x;
    int y = blockIdx.y * TILE + threadIdx.y;
    for (int j = 0; j < TILE; j += BLOCK_ROWS) {
        if (x < width && y + j < height)
            tile[threadIdx.y + j][threadIdx.x] = in[(y + j) * width + x];
    }
    __syncthreads();

    // Swap the block indices: this block writes the tile at (blockIdx.y, blockIdx.x) of out.
    x = blockIdx.y * TILE + threadIdx.x;
    y = blockIdx.x * TILE + threadIdx.y;
    for (int j = 0; j < TILE; j += BLOCK_ROWS) {
        if (x < height && y + j < width)
            out[(y + j) * height + x] = tile[threadIdx.x][threadIdx.y + j];
    }
}
