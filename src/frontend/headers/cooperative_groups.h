/*
 * kcc built-in <cooperative_groups.h>. The namespace exists so that
 * `namespace cg = cooperative_groups;` works; its contents (thread_block, this_thread_block,
 * tiled_partition<N>, thread_block_tile<N>, grid_group, sync, reduce, plus …) are built into
 * kcc's semantic analysis.
 */
#ifndef _COOPERATIVE_GROUPS_H_
#define _COOPERATIVE_GROUPS_H_
namespace cooperative_groups {
}
#endif
