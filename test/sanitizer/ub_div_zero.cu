// Integer division by zero (UB): per-bucket averages where some bucket is empty.
// LAUNCH: kernel=bucket_mean grid=1 block=4 args=i32[4]=10,20,30,40,i32[4]=2,5,0,4,i32[4]

__global__ void bucket_mean(const int* sums, const int* counts, int* mean)
{
    int b = threadIdx.x;
    mean[b] = sums[b] / counts[b];                 // EXPECT-FAULT: undefined-behavior thread=2 detail=division-by-zero "division by zero"
}
