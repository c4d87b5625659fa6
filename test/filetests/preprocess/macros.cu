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
