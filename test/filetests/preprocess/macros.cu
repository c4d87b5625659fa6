// RUN: kcc %s -E
#define BLOCK 256
#define STR(x) #x
#define XSTR(x) STR(x)
#define CAT(a, b) a##b
#define MAX(a, b) ((a) > (b) ? (a) : (b))
#define LOG(fmt, ...) printf(fmt, __VA_ARGS__)
const char *s = XSTR(BLOCK);
int CAT(tile_, 16) = MAX(BLOCK, 128);
void f() { LOG("%d %d\n", 1, 2); }
#if defined(BLOCK) && BLOCK >= 256 && !defined(NOPE)
int big = 1;
#elif BLOCK > 64
int medium = 1;
#else
int small = 1;
#endif
#pragma unroll 4
int line = __LINE__;

// Hand-written checks: only the user's part of the output (the built-in headers come first).
// CHECK-LABEL: # 8 "test/filetests/preprocess/macros.cu"
// CHECK-NEXT: const char *s = "256";
// CHECK-NEXT: int tile_16 = ((256) > (128) ? (256) : (128));
// CHECK-NEXT: void f() { printf("%d %d\n", 1, 2); }
// CHECK-EMPTY:
// CHECK-NEXT: int big = 1;
// CHECK-NOT: medium
// CHECK-NOT: small
// CHECK: #pragma unroll 4
// CHECK-NEXT: int line = 19;
