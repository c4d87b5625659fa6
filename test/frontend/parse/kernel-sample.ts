/**
 * A typical 50-line CUDA kernel (shared-memory tiling, warp shuffles, a device helper), used
 * by the throughput test: `sampleSource(n)` is n copies with renamed functions.
 */
export const SAMPLE_KERNEL = `template <typename T>
__device__ __forceinline__ T warpReduceSum_ID(T val) {
#pragma unroll
  for (int offset = warpSize / 2; offset > 0; offset >>= 1)
    val += __shfl_down_sync(0xffffffffu, val, offset);
  return val;
}

__global__ void __launch_bounds__(256) matmul_ID(const float* __restrict__ A, const float* __restrict__ B,
                                                  float* __restrict__ C, int M, int N, int K) {
  __shared__ float As[16][16];
  __shared__ float Bs[16][17];
  int tx = threadIdx.x, ty = threadIdx.y;
  int row = blockIdx.y * 16 + ty;
  int col = blockIdx.x * 16 + tx;
  float acc = 0.0f;
  for (int t = 0; t < (K + 15) / 16; ++t) {
    int a = t * 16 + tx;
    int b = t * 16 + ty;
    As[ty][tx] = (row < M && a < K) ? A[row * K + a] : 0.0f;
    Bs[ty][tx] = (b < K && col < N) ? B[b * N + col] : 0.0f;
    __syncthreads();
#pragma unroll 4
    for (int k = 0; k < 16; ++k) acc += As[ty][k] * Bs[k][tx];
    __syncthreads();
  }
  if (row < M && col < N) C[row * N + col] = acc;
}

__global__ void reduce_ID(const float* in, float* out, size_t n) {
  extern __shared__ float sdata[];
  unsigned int tid = threadIdx.x;
  size_t i = (size_t)blockIdx.x * blockDim.x * 2 + threadIdx.x;
  float sum = 0.0f;
  if (i < n) sum = in[i];
  if (i + blockDim.x < n) sum += in[i + blockDim.x];
  sdata[tid] = sum;
  __syncthreads();
  for (unsigned int s = blockDim.x / 2; s > 32; s >>= 1) {
    if (tid < s) sdata[tid] = sum = sum + sdata[tid + s];
    __syncthreads();
  }
  if (tid < 32) {
    sum = warpReduceSum_ID<float>(sum);
    if (tid == 0) atomicAdd(out, sum);
  }
}
float4 scale_ID(float4 v, float s) { return make_float4(v.x * s, v.y * s, v.z * s, v.w * s); }
`;

export function sampleSource(copies: number): string {
  let out = '';
  for (let i = 0; i < copies; i++) out += SAMPLE_KERNEL.replaceAll('_ID', `_${i}`);
  return out;
}
