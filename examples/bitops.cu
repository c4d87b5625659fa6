// bitops.cu — integer hashing and bit-manipulation intrinsics.
//
// For each i, the kernel hashes in[i] together with its index (a murmur3-style finaliser:
// xor-shifts and multiplications that wrap modulo 2^32) and reports facts about the hash h:
//   hash[i]  = h
//   popc[i]  = __popc(h)          number of set bits
//   clz[i]   = __clz(h)           leading zeros (32 for h == 0)
//   ffs[i]   = __ffs(h)           1-based position of the lowest set bit (0 for h == 0)
//   brev[i]  = __brev(h)          bit reversal
//   rot[i]   = rotl(h, i & 31)    rotate left, written with shifts and or
// Unsigned arithmetic wraps, so every result is exact and the same on every machine.
//
// Checked with: nvcc -ptx -arch=sm_80 bitops.cu (CUDA 13.0), 2026-11-22

__device__ __forceinline__ unsigned int fmix32(unsigned int h)
{
    h ^= h >> 16;
    h *= 0x85ebca6bu;
    h ^= h >> 13;
    h *= 0xc2b2ae35u;
    h ^= h >> 16;
    return h;
}

__device__ __forceinline__ unsigned int rotl32(unsigned int x, unsigned int r)
{
    // r == 0 would make (x >> 32) undefined, so mask the shift amount of the right shift.
    return (x << r) | (x >> ((32u - r) & 31u));
}

__global__ void bit_stats(const unsigned int* __restrict__ in, unsigned int* __restrict__ hash,
                          int* __restrict__ popc, int* __restrict__ clz, int* __restrict__ ffs,
                          unsigned int* __restrict__ brev, unsigned int* __restrict__ rot, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i >= n) return;

    unsigned int h = fmix32(in[i] ^ ((unsigned int)i * 0x9e3779b9u));
    hash[i] = h;
    popc[i] = __popc(h);
    clz[i] = __clz((int)h);
    ffs[i] = __ffs((int)h);
    brev[i] = __brev(h);
    rot[i] = rotl32(h, (unsigned int)i & 31u);
}
