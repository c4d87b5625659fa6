/* kcc built-in <host_defines.h>: what it declares in CUDA is built into kcc's semantic analysis. */
#ifndef _KCC_HOST_DEFINES_H
#define _KCC_HOST_DEFINES_H
#include <cuda_runtime.h>
#endif
