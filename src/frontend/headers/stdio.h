/* kcc built-in <stdio.h>: printf, fprintf … are built into semantic analysis. */
#ifndef _KCC_STDIO_H
#define _KCC_STDIO_H
#include <stddef.h>
typedef struct __kcc_FILE FILE;
extern FILE *stdin;
extern FILE *stdout;
extern FILE *stderr;
#define EOF (-1)
#define BUFSIZ 8192
#define SEEK_SET 0
#define SEEK_CUR 1
#define SEEK_END 2
#endif
