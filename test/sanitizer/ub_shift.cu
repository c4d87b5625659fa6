// Oversized shift (UB): the mask of the low `bits` bits is (1u << bits) - 1, which is UB for
// bits == 32 (a shift by the full width), the case of the last thread.
// LAUNCH: kernel=low_bits grid=1 block=4 args=u32[4]=0xffffffff,0xffffffff,0xffffffff,0xffffffff,i32[4]=4,8,16,32,u32[4]

__global__ void low_bits(const unsigned* x, const int* bits, unsigned* out)
{
    int i = threadIdx.x;
    unsigned mask = (1u << bits[i]) - 1u;          // EXPECT-FAULT: undefined-behavior thread=3 detail=shift "shift by 32 of a 32-bit value"
    out[i] = x[i] & mask;
}
