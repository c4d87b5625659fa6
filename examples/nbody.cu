// nbody.cu — all-pairs gravitational accelerations, tiled through shared memory.
//
// pos[i] = (x, y, z, mass) as float4. For each body i:
//   acc[i] = sum_j m_j * r_ij / (|r_ij|^2 + eps^2)^(3/2),   r_ij = p_j - p_i
// (the softening eps^2 keeps the j == i term at zero and bounds close encounters), as in the
// classic GPU Gems 3 / cuda-samples nbody kernel. Each block loads blockDim.x bodies at a time
// into shared memory and every thread accumulates their pull on its own body, so global memory
// is read n^2 / blockDim.x times instead of n^2. Bodies past n in the last tile are loaded as
// zero mass, which contributes exactly nothing, so n need not be a multiple of the block size.
//
// Launch: dynamic shared memory of blockDim.x * sizeof(float4) bytes.
//
// Checked with: nvcc -ptx -arch=sm_80 nbody.cu (CUDA 13.0), 2026-11-22

__device__ float3 body_interaction(float4 bi, float4 bj, float3 ai, float softening2)
{
    float3 r;
    r.x = bj.x - bi.x;
    r.y = bj.y - bi.y;
    r.z = bj.z - bi.z;
    float dist2 = r.x * r.x + r.y * r.y + r.z * r.z + softening2;
    float inv = rsqrtf(dist2);
    float inv3 = inv * inv * inv;
    float s = bj.w * inv3;
    ai.x += r.x * s;
    ai.y += r.y * s;
    ai.z += r.z * s;
    return ai;
}

__global__ void nbody_accel(const float4* __restrict__ pos, float4* __restrict__ acc,
                            int n, float softening2)
{
    extern __shared__ float4 shPos[];

    int i = blockIdx.x * blockDim.x + threadIdx.x;
    float4 me = (i < n) ? pos[i] : make_float4(0.0f, 0.0f, 0.0f, 0.0f);
    float3 a = make_float3(0.0f, 0.0f, 0.0f);

    for (int tile = 0; tile < n; tile += blockDim.x) {
        int j = tile + threadIdx.x;
        shPos[threadIdx.x] = (j < n) ? pos[j] : make_float4(0.0f, 0.0f, 0.0f, 0.0f);
        __syncthreads();
        for (int k = 0; k < blockDim.x; ++k) a = body_interaction(me, shPos[k], a, softening2);
        __syncthreads();
    }

    if (i < n) acc[i] = make_float4(a.x, a.y, a.z, 0.0f);
}
