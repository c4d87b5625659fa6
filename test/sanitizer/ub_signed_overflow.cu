// Signed overflow (UB): a polynomial string hash kept in an int overflows after a few
// characters (hash in unsigned arithmetic, which wraps by definition).
// LAUNCH: kernel=hash_keys grid=1 block=4 args=i32[32]=iota,i32[4],i32=8

__global__ void hash_keys(const int* keys, int* hashes, int len)
{
    int k = threadIdx.x;
    int h = 7;
    for (int j = 0; j < len; ++j)
        h = h * 131 + keys[k * len + j];            // EXPECT-FAULT: undefined-behavior thread=0 detail=signed-overflow "signed overflow in 2061516873 * 131"
    hashes[k] = h;
}
