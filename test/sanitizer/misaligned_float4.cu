// Misaligned vector access: reading float4s from x + 1 (to skip a header element) gives
// addresses that are 4 mod 16, but a float4 load needs 16-byte alignment.
// LAUNCH: kernel=sum4 grid=1 block=8 args=f32[40]=iota,f32[8]

__global__ void sum4(const float* x, float* out)
{
    int i = threadIdx.x;
    const float4* v = reinterpret_cast<const float4*>(x + 1);   // BUG: x + 1 is not 16-byte aligned
    float4 q = v[i];                                             // EXPECT-FAULT: misaligned thread=0 "not a multiple of 16"
    out[i] = q.x + q.y + q.z + q.w;
}
