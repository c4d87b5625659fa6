// gelu.cu — GELU activation, forward and backward, tanh approximation (GPT-2, llm.c style).
//
//   gelu(x) = 0.5 x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3)))
// gelu_forward writes out = gelu(inp); gelu_backward accumulates dinp += gelu'(x) * dout, the
// derivative written out by the chain rule, with sech^2 computed as 1 / cosh^2 as llm.c does.
// The constants are macros and the forward formula a __device__ helper, as in real code.
//
// Checked with: nvcc -ptx -arch=sm_80 gelu.cu (CUDA 13.0), 2026-11-22

#include <math.h>

#define GELU_SCALING_FACTOR sqrtf(2.0f / M_PI)
#define GELU_CUBE 0.044715f

__device__ __forceinline__ float gelu_tanh(float x)
{
    float cube = GELU_CUBE * x * x * x;
    return 0.5f * x * (1.0f + tanhf(GELU_SCALING_FACTOR * (x + cube)));
}

__global__ void gelu_forward(float* out, const float* inp, int N)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < N) {
        out[i] = gelu_tanh(inp[i]);
    }
}

__global__ void gelu_backward(float* dinp, const float* inp, const float* dout, int N)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < N) {
        float x = inp[i];
        float cube = GELU_CUBE * x * x * x;
        float tanh_arg = GELU_SCALING_FACTOR * (x + cube);
        float tanh_out = tanhf(tanh_arg);
        float coshf_out = coshf(tanh_arg);
        float sech_out = 1.0f / (coshf_out * coshf_out);
        float local_grad = 0.5f * (1.0f + tanh_out)
                         + x * 0.5f * sech_out * GELU_SCALING_FACTOR * (1.0f + 3.0f * GELU_CUBE * x * x);
        dinp[i] += local_grad * dout[i];
    }
}
