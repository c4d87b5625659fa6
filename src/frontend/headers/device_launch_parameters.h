/* kcc built-in <device_launch_parameters.h>: what it declares in CUDA is built into kcc's semantic analysis. */
#ifndef _KCC_DEVICE_LAUNCH_PARAMETERS_H
#define _KCC_DEVICE_LAUNCH_PARAMETERS_H
#include <cuda_runtime.h>
#endif
