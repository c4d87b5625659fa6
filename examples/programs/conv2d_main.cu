// conv2d_main.cu — blur an image with a 5x5 Gaussian mask held in __constant__ memory.
//
// The host builds the normalised mask, copies it to the device symbol with cudaMemcpyToSymbol,
// runs the convolution on a 2-D grid, and compares every pixel with a CPU convolution that
// uses the same zero padding. Host-side helpers are in a namespace, as in larger code bases.
// Prints the centre pixel and "PASSED" / exit 0 on success.
//
// Checked with: nvcc -ptx -arch=sm_80 conv2d_main.cu and nvcc -c conv2d_main.cu
// (CUDA 13.0), 2026-11-22

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <vector>
#include <cuda_runtime.h>

#define CUDA_CHECK(x)                                                              \
    do {                                                                           \
        cudaError_t err = (x);                                                     \
        if (err != cudaSuccess) {                                                  \
            printf("%s:%d: %s: %s\n", __FILE__, __LINE__, #x, cudaGetErrorString(err)); \
            exit(1);                                                               \
        }                                                                          \
    } while (0)

#define R 2
#define D (2 * R + 1)

__constant__ float d_mask[D * D];

__global__ void blur(const float* in, float* out, int w, int h)
{
    int x = blockIdx.x * blockDim.x + threadIdx.x;
    int y = blockIdx.y * blockDim.y + threadIdx.y;
    if (x >= w || y >= h) return;
    float acc = 0.0f;
    for (int dy = -R; dy <= R; ++dy) {
        for (int dx = -R; dx <= R; ++dx) {
            int xx = x + dx, yy = y + dy;
            if (xx >= 0 && xx < w && yy >= 0 && yy < h)
                acc += in[yy * w + xx] * d_mask[(dy + R) * D + (dx + R)];
        }
    }
    out[y * w + x] = acc;
}

namespace host {

std::vector<float> gaussian_mask(float sigma)
{
    std::vector<float> m(D * D);
    float total = 0.0f;
    for (int i = 0; i < D; ++i)
        for (int j = 0; j < D; ++j) {
            float v = std::exp(-((i - R) * (i - R) + (j - R) * (j - R)) / (2.0f * sigma * sigma));
            m[i * D + j] = v;
            total += v;
        }
    for (float& v : m) v /= total;
    return m;
}

void blur_cpu(const std::vector<float>& in, std::vector<float>& out, const std::vector<float>& m, int w, int h)
{
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            float acc = 0.0f;
            for (int dy = -R; dy <= R; ++dy)
                for (int dx = -R; dx <= R; ++dx) {
                    int xx = x + dx, yy = y + dy;
                    if (xx >= 0 && xx < w && yy >= 0 && yy < h)
                        acc += in[yy * w + xx] * m[(dy + R) * D + (dx + R)];
                }
            out[y * w + x] = acc;
        }
}

} // namespace host

int main()
{
    const int w = 123, h = 77;
    std::vector<float> img(w * h), out(w * h), ref(w * h);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) img[y * w + x] = ((x / 8 + y / 8) % 2) ? 1.0f : 0.0f; // checkerboard

    std::vector<float> mask = host::gaussian_mask(1.2f);
    CUDA_CHECK(cudaMemcpyToSymbol(d_mask, mask.data(), D * D * sizeof(float)));

    float *d_in, *d_out;
    CUDA_CHECK(cudaMalloc(&d_in, w * h * sizeof(float)));
    CUDA_CHECK(cudaMalloc(&d_out, w * h * sizeof(float)));
    CUDA_CHECK(cudaMemcpy(d_in, img.data(), w * h * sizeof(float), cudaMemcpyHostToDevice));

    dim3 block(16, 16);
    dim3 grid((w + block.x - 1) / block.x, (h + block.y - 1) / block.y);
    blur<<<grid, block>>>(d_in, d_out, w, h);
    CUDA_CHECK(cudaGetLastError());
    CUDA_CHECK(cudaDeviceSynchronize());
    CUDA_CHECK(cudaMemcpy(out.data(), d_out, w * h * sizeof(float), cudaMemcpyDeviceToHost));

    host::blur_cpu(img, ref, mask, w, h);
    float max_err = 0.0f;
    for (int i = 0; i < w * h; ++i) max_err = std::fmax(max_err, std::fabs(out[i] - ref[i]));

    printf("centre pixel: %.6f, max |gpu - cpu| = %g\n", out[(h / 2) * w + w / 2], max_err);
    CUDA_CHECK(cudaFree(d_in));
    CUDA_CHECK(cudaFree(d_out));
    bool ok = max_err < 1e-5f;
    printf("%s\n", ok ? "PASSED" : "FAILED");
    return ok ? 0 : 1;
}
