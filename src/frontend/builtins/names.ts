/**
 * Names the parser must know before any declaration is seen: CUDA's built-in types (vector
 * types, half precision, dim3) and the built-in templates that are called with explicit
 * template arguments (`cg::tiled_partition<32>(block)`). Semantic analysis owns their meaning
 * (see the other tables in this folder); the parser only needs to tell a type name from a
 * variable and a template name from a `<` comparison.
 */

const VECTOR_BASES = ['char', 'uchar', 'short', 'ushort', 'int', 'uint', 'long', 'ulong', 'longlong', 'ulonglong', 'float', 'double'] as const;

/** `float4`, `uchar2`, … — every base in widths 1 to 4 */
export const VECTOR_TYPE_NAMES: readonly string[] = VECTOR_BASES.flatMap((b) => [1, 2, 3, 4].map((n) => `${b}${n}`));

/** Type names that exist in device code without any declaration. */
export const BUILTIN_TYPE_NAMES: ReadonlySet<string> = new Set([
  ...VECTOR_TYPE_NAMES,
  'dim3',
  '__half', '__half2', 'half', 'half2',
  '__nv_bfloat16', '__nv_bfloat162', 'nv_bfloat16', 'nv_bfloat162',
]);

/** Templates that exist without a declaration (qualified names by their last part). */
export const BUILTIN_TEMPLATE_NAMES: ReadonlySet<string> = new Set([
  'tiled_partition', // cooperative_groups::tiled_partition<N>(g)
  'thread_block_tile', // cooperative_groups::thread_block_tile<N>
  'block_tile_memory', // cooperative_groups::block_tile_memory<N> (outside the subset: a clear diagnostic)
  'plus', 'less', 'greater', 'bit_and', 'bit_or', 'bit_xor', // cooperative_groups reduce ops
  'numeric_limits', // std::numeric_limits<float>::max()
  'min', 'max', // std::min<int>(a, b)
]);
