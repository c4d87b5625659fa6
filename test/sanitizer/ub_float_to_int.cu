// Out-of-range float -> int conversion (UB): binning values into 256 bins assumes they are in
// [0, 1), but one input is 1e12 and (int)(x * 256) does not fit an int.
// LAUNCH: kernel=to_bins grid=1 block=4 args=f32[4]=0.1,0.5,1e12,0.9,i32[4]

__global__ void to_bins(const float* x, int* bin)
{
    int i = threadIdx.x;
    bin[i] = (int)(x[i] * 256.0f);                 // EXPECT-FAULT: undefined-behavior thread=2 detail=float-to-int "out of range"
}
