// saxpy.cu — single-precision a*x + y, the "hello world" of CUDA.
//
// Computes y[i] = a * x[i] + y[i] for 0 <= i < n with a grid-stride loop, so any grid size
// covers any n (each thread handles i, i + gridDim.x*blockDim.x, ...). This is the launch
// pattern most library kernels use, because it decouples the grid from the problem size.
//
// Checked with: nvcc -ptx -arch=sm_80 saxpy.cu (CUDA 13.0), 2026-11-22

__global__ void saxpy(int n, float a, const float* __restrict__ x, float* __restrict__ y)
{
    int stride = gridDim.x * blockDim.x;
    for (int i = blockIdx.x * blockDim.x + threadIdx.x; i < n; i += stride) {
        y[i] = a * x[i] + y[i];
    }
}
