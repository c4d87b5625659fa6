// Data race on global memory within a block: reversing an array in place, where thread i
// reads data[n - 1 - i] while thread n - 1 - i overwrites it (threads of different warps, so
// no warp-level ordering could help; it needs a barrier between the read and the write, or a
// second buffer).
// LAUNCH: kernel=reverse_inplace grid=1 block=64 args=f32[64]=iota,i32=64

__global__ void reverse_inplace(float* data, int n)
{
    int i = threadIdx.x;
    if (i < n) data[i] = data[n - 1 - i];     // EXPECT-FAULT: data-race block=0 thread=32 "conflicts with a write by thread (31,0,0) of the same block, in the same barrier interval"
}
