/*
 * kcc built-in <assert.h>. No include guard: as in C, each inclusion redefines assert
 * according to NDEBUG at that point. __kcc_assert(condition, text, file, line) is built
 * into semantic analysis (a device-side failed assertion traps, as CUDA's does).
 */
#undef assert
#ifdef NDEBUG
#define assert(e) ((void)0)
#else
#define assert(e) __kcc_assert((e), #e, __FILE__, __LINE__)
#endif
