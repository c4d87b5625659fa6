/* kcc built-in <cooperative_groups/scan.h>: cg::inclusive_scan and exclusive_scan are built in. */
#ifndef _CG_SCAN_H_
#define _CG_SCAN_H_
#include <cooperative_groups.h>
#endif
