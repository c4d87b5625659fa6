// Assert failure: a kernel that checks its precondition (n a multiple of 4 for the float4
// path) with assert; the launch passes n = 10.
// LAUNCH: kernel=scale4 grid=1 block=4 args=f32[12]=ones,i32=10
#include <assert.h>

__global__ void scale4(float* x, int n)
{
    assert(n % 4 == 0);                            // EXPECT-FAULT: assert thread=0 "Assertion `n % 4 == 0` failed."
    float4* v = reinterpret_cast<float4*>(x);
    int i = threadIdx.x;
    if (4 * i < n) {
        float4 q = v[i];
        q.x *= 2.0f; q.y *= 2.0f; q.z *= 2.0f; q.w *= 2.0f;
        v[i] = q;
    }
}
