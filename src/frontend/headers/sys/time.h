/* kcc built-in <sys/time.h>: host wall-clock timing (struct timeval, gettimeofday). */
#ifndef _KCC_SYS_TIME_H
#define _KCC_SYS_TIME_H
#include <time.h>
typedef long suseconds_t;
struct timeval {
  time_t tv_sec;
  suseconds_t tv_usec;
};
struct timezone {
  int tz_minuteswest;
  int tz_dsttime;
};
extern "C" int gettimeofday(struct timeval *tv, struct timezone *tz);
#endif
