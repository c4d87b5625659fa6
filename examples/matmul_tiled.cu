// matmul_tiled.cu — C = A * B with shared-memory tiles (row-major, single precision).
//
// A is M x K, B is K x N, C is M x N. Each 16x16 block computes one 16x16 tile of C; it walks
// the K dimension in TILE-wide steps, staging one tile of A and one of B in shared memory so
// each global element is read once per block instead of once per thread. Loads outside the
// matrices store zeros (bounds guards), so M, N and K need not be multiples of TILE; only
// threads inside C write. The k loop runs in increasing order, so each C element is the sum
// A[r,0]*B[0,c] + A[r,1]*B[1,c] + ... in that order (plus exact zeros from the padding).
//
// Checked with: nvcc -ptx -arch=sm_80 matmul_tiled.cu (CUDA 13.0), 2026-11-22

#define TILE 16

__global__ void matmul_tiled(const float* __restrict__ A, const float* __restrict__ B,
                             float* __restrict__ C, int M, int N, int K)
{
    __shared__ float As[TILE][TILE];
    __shared__ float Bs[TILE][TILE];

    int tx = threadIdx.x, ty = threadIdx.y;
    int row = blockIdx.y * TILE + ty;
    int col = blockIdx.x * TILE + tx;

    float acc = 0.0f;
    int numTiles = (K + TILE - 1) / TILE;
    for (int t = 0; t < numTiles; ++t) {
        int aCol = t * TILE + tx;
        int bRow = t * TILE + ty;
        As[ty][tx] = (row < M && aCol < K) ? A[row * K + aCol] : 0.0f;
        Bs[ty][tx] = (bRow < K && col < N) ? B[bRow * N + col] : 0.0f;
        __syncthreads();

#pragma unroll
        for (int k = 0; k < TILE; ++k) {
            acc += As[ty][k] * Bs[k][tx];
        }
        __syncthreads();   // before the next iteration overwrites the tiles
    }

    if (row < M && col < N) {
        C[row * N + col] = acc;
    }
}
