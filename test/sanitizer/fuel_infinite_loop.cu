// Fuel exhaustion: a grid-stride loop that forgets its increment never ends; a small fuel
// budget stops the launch and names the line of the loop.
// LAUNCH: kernel=saxpy grid=1 block=32 args=i32=100,f32=2,f32[100]=ones,f32[100]=ones fuel=20000

__global__ void saxpy(int n, float a, const float* x, float* y)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    while (i < n) y[i] = a * x[i] + y[i];          // EXPECT-FAULT: fuel-exhausted block=0 thread=0 "fuel exhausted"
    // BUG: i += blockDim.x * gridDim.x is missing
}
