// stencil2d.cu — one explicit step of the 2-D heat equation (5-point stencil) with halos.
//
// out[y][x] = c + alpha * (north + south + east + west - 4 c) on interior cells; cells on the
// domain boundary are copied unchanged (fixed-temperature boundary). Each BX x BY block stages
// its tile plus a one-cell halo in shared memory: every thread loads its own cell, and the
// threads on the tile's edges also load the neighbour just outside (only where it lies inside
// the domain), so each global value is read about once per block. The grid is 2-D
// (blockIdx.x over columns, blockIdx.y over rows) and nx, ny need not be multiples of the tile.
//
// Checked with: nvcc -ptx -arch=sm_80 stencil2d.cu (CUDA 13.0), 2026-11-22

#define BX 16
#define BY 16

__global__ void heat_step(const float* __restrict__ in, float* __restrict__ out,
                          int nx, int ny, float alpha)
{
    __shared__ float tile[BY + 2][BX + 2];

    int x = blockIdx.x * BX + threadIdx.x;
    int y = blockIdx.y * BY + threadIdx.y;
    int lx = threadIdx.x + 1;   // +1: index 0 and BX+1 are the halo
    int ly = threadIdx.y + 1;
    bool inside = x < nx && y < ny;

    if (inside) {
        tile[ly][lx] = in[y * nx + x];
        // Edge threads fetch the halo, where it lies inside the domain. In a partial tile the
        // cell at x == nx - 1 is a boundary cell (copied, needs no neighbours), and its interior
        // neighbour finds it in the tile, so only full-tile edges need an east/south halo.
        if (threadIdx.x == 0 && x > 0)           tile[ly][0]      = in[y * nx + x - 1];
        if (threadIdx.x == BX - 1 && x + 1 < nx) tile[ly][lx + 1] = in[y * nx + x + 1];
        if (threadIdx.y == 0 && y > 0)           tile[0][lx]      = in[(y - 1) * nx + x];
        if (threadIdx.y == BY - 1 && y + 1 < ny) tile[ly + 1][lx] = in[(y + 1) * nx + x];
    }
    __syncthreads();

    if (!inside) return;
    float c = tile[ly][lx];
    if (x == 0 || y == 0 || x == nx - 1 || y == ny - 1) {
        out[y * nx + x] = c;
        return;
    }
    float n = tile[ly - 1][lx];
    float s = tile[ly + 1][lx];
    float w = tile[ly][lx - 1];
    float e = tile[ly][lx + 1];
    out[y * nx + x] = c + alpha * ((n + s + e + w) - 4.0f * c);
}
