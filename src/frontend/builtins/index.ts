/**
 * The built-in registry: every family table parsed once per process into entities that
 * semantic analysis attaches to the global namespace, `std` and `cooperative_groups`
 * (see sema/scope.ts), plus the built-in records (cooperative groups, `std::numeric_limits`)
 * and their methods.
 */
import type { BuiltinFunction, BuiltinRecordKind, BuiltinVarEntity, ClassTemplateEntity, Entity, RecordInfo, TemplateArgValue } from '../sema/entities.js';
import { freshId } from '../sema/entities.js';
import { Scope } from '../sema/scope.js';
import { T, type RecordType, type Type, isArithmetic, pointerTo, qualified, typeToString } from '../sema/types.js';
import { ATOMICS } from './atomics.js';
import { CONVERSIONS } from './conversions.js';
import { CG_OPS, COOP_GROUPS } from './coopgroups.js';
import { HALF } from './half.js';
import { INTEGER } from './integer.js';
import { MATH, MATH_INTRINSICS } from './math.js';
import { MISC } from './misc.js';
import { RUNTIME } from './runtime.js';
import { SYNC } from './sync.js';
import { type BuiltinEntry, type BuiltinSignature, parseSignature } from './table.js';
import { BUILTIN_ENUMERATORS, BUILTIN_TYPEDEFS, DIM3, UINT3 } from './types.js';
import { VECTOR_MAKERS } from './vectors.js';
import { WARP } from './warp.js';

export type { BuiltinEntry, BuiltinSignature } from './table.js';

/** Every family table, in one list (tests iterate over it). */
export const ALL_TABLES: readonly (readonly BuiltinEntry[])[] = [MATH, MATH_INTRINSICS, CONVERSIONS, INTEGER, SYNC, ATOMICS, WARP, HALF, VECTOR_MAKERS, MISC, RUNTIME, COOP_GROUPS];

export interface BuiltinRegistry {
  /** names visible in the global namespace */
  readonly global: ReadonlyMap<string, readonly Entity[]>;
  readonly std: ReadonlyMap<string, readonly Entity[]>;
  readonly cooperativeGroups: ReadonlyMap<string, readonly Entity[]>;
  /** methods of a built-in record kind, by name */
  methods(kind: BuiltinRecordKind): ReadonlyMap<string, BuiltinFunction>;
  /** `thread_block_tile<n>` */
  tile(n: number): RecordType;
}

function builtinRecord(name: string, displayName: string, builtin: BuiltinRecordKind, extra: Partial<RecordInfo> = {}): RecordType {
  const info: RecordInfo = {
    id: freshId(), tag: 'class', name, displayName, fields: [], bases: [], scope: undefined as unknown as Scope,
    complete: true, layout: { size: 1, align: 1, baseOffsets: [] }, builtin, ...extra,
  };
  (info as { scope: Scope }).scope = new Scope('record', undefined, name, info);
  return Object.freeze({ kind: 'record', record: info });
}

const CG = 'cooperative_groups';

/** a built-in class template's failure that means "outside the subset" (not a bad argument) */
export const UNSUPPORTED = 'unsupported:';

function build(): BuiltinRegistry {
  // thread_block, coalesced_group and every thread_block_tile derive from thread_group (as in CUDA's header)
  const threadGroup = builtinRecord('thread_group', `${CG}::thread_group`, 'cg-thread-group');
  const groupBase = { bases: [threadGroup], layout: { size: 1, align: 1, baseOffsets: [0] } };
  const records = new Map<string, RecordType>([
    ['thread_block', builtinRecord('thread_block', `${CG}::thread_block`, 'cg-thread-block', groupBase)],
    ['thread_group', threadGroup],
    ['grid_group', builtinRecord('grid_group', `${CG}::grid_group`, 'cg-grid-group')],
    ['coalesced_group', builtinRecord('coalesced_group', `${CG}::coalesced_group`, 'cg-coalesced-group', groupBase)],
    ['FILE', builtinRecord('FILE', 'FILE', 'opaque')],
  ]);
  const tiles = new Map<number, RecordType>();
  const tile = (n: number): RecordType => {
    let t = tiles.get(n);
    if (!t) tiles.set(n, (t = builtinRecord('thread_block_tile', `${CG}::thread_block_tile<${n}>`, 'cg-tile', { builtinParam: n, ...groupBase })));
    return t;
  };
  const named = (name: string): Type | undefined => BUILTIN_TYPEDEFS.get(name) ?? records.get(name);

  const global = new Map<string, Entity[]>();
  const std = new Map<string, Entity[]>();
  const cg = new Map<string, Entity[]>();
  const methodTables = new Map<string, Map<string, BuiltinFunction>>();
  const add = (m: Map<string, Entity[]>, name: string, e: Entity) => {
    const l = m.get(name);
    if (l) l.push(e);
    else m.set(name, [e]);
  };

  for (const table of ALL_TABLES) {
    for (const entry of table) {
      const fn: BuiltinFunction = { kind: 'builtin', name: entry.name, entry, signatures: entry.sigs.map((s) => parseSignature(s, named)) };
      const ns = entry.ns ?? '';
      if (ns.startsWith('cg-')) {
        let m = methodTables.get(ns);
        if (!m) methodTables.set(ns, (m = new Map()));
        m.set(entry.name, fn);
        continue;
      }
      if (ns === '') add(global, entry.name, fn);
      if (ns === 'std' || entry.std) add(std, entry.name, fn);
      if (ns === CG) add(cg, entry.name, fn);
    }
  }

  // types and constants
  const typeEntity = (name: string, type: Type): Entity => ({ kind: 'type', name, type });
  for (const [name, type] of BUILTIN_TYPEDEFS) add(global, name, typeEntity(name, type));
  for (const name of ['size_t', 'ptrdiff_t', 'int8_t', 'uint8_t', 'int16_t', 'uint16_t', 'int32_t', 'uint32_t', 'int64_t', 'uint64_t', 'uintptr_t', 'intptr_t'])
    add(std, name, typeEntity(name, BUILTIN_TYPEDEFS.get(name)!));
  add(global, 'FILE', typeEntity('FILE', records.get('FILE')!));
  for (const [name, { type, value }] of BUILTIN_ENUMERATORS) add(global, name, { kind: 'enumerator', name, value, type });
  for (const name of ['thread_block', 'thread_group', 'grid_group', 'coalesced_group']) add(cg, name, typeEntity(name, records.get(name)!));

  const vars: BuiltinVarEntity[] = [
    { kind: 'builtin-var', name: 'threadIdx', type: qualified(UINT3, { const: true }), space: 'device' },
    { kind: 'builtin-var', name: 'blockIdx', type: qualified(UINT3, { const: true }), space: 'device' },
    { kind: 'builtin-var', name: 'blockDim', type: qualified(DIM3, { const: true }), space: 'device' },
    { kind: 'builtin-var', name: 'gridDim', type: qualified(DIM3, { const: true }), space: 'device' },
    { kind: 'builtin-var', name: 'warpSize', type: qualified(T.int, { const: true }), space: 'device' },
    ...(['stdout', 'stderr', 'stdin'] as const).map((name): BuiltinVarEntity => ({ kind: 'builtin-var', name, type: pointerTo(records.get('FILE')!), space: 'host' })),
  ];
  for (const v of vars) add(global, v.name, v);

  // built-in class templates
  const cgScope = new Scope('namespace', undefined, CG);
  add(cg, 'thread_block_tile', classTemplate('thread_block_tile', cgScope, (args) => {
    const a = args[0];
    if (args.length !== 1 || a?.kind !== 'value' || a.value.kind !== 'int') return 'thread_block_tile takes one integer argument';
    const n = Number(a.value.value);
    if (![1, 2, 4, 8, 16, 32].includes(n)) return `thread_block_tile size must be a power of two no larger than 32 (got ${n})`;
    return tile(n);
  }));
  add(cg, 'block_tile_memory', classTemplate('block_tile_memory', cgScope, () => `${UNSUPPORTED}block_tile_memory (tiles of more than one warp) is outside the kcc subset`));
  for (const [op] of Object.entries(CG_OPS)) {
    const instances = new Map<string, RecordType>();
    add(cg, op, classTemplate(op, cgScope, (args) => {
      const a = args[0];
      if (args.length !== 1 || a?.kind !== 'type' || !isArithmetic(a.type)) return `cooperative_groups::${op} takes one arithmetic type argument`;
      const key = typeToString(a.type);
      let r = instances.get(key);
      if (!r) instances.set(key, (r = builtinRecord(op, `${CG}::${op}<${key}>`, 'cg-op', { builtinElement: a.type })));
      return r;
    }));
  }
  const limits = new Map<string, RecordType>();
  add(std, 'numeric_limits', classTemplate('numeric_limits', new Scope('namespace', undefined, 'std'), (args) => {
    const a = args[0];
    if (args.length !== 1 || a?.kind !== 'type' || !(isArithmetic(a.type) || a.type.kind === 'half')) return 'std::numeric_limits takes one arithmetic type argument';
    const key = typeToString(a.type);
    let r = limits.get(key);
    if (!r) {
      r = builtinRecord('numeric_limits', `std::numeric_limits<${key}>`, 'numeric-limits', { builtinElement: a.type });
      for (const m of ['min', 'max', 'lowest', 'epsilon', 'infinity', 'quiet_NaN', 'denorm_min']) {
        const sig: BuiltinSignature = { text: `${key}()`, result: { t: 'type', type: a.type }, params: [], defaults: [], variadic: false, generic: false };
        const entry: BuiltinEntry = { name: m, sigs: [sig.text], space: 'both', category: 'misc', lowersTo: `const.limits.${m}` };
        r.record.scope.declare(m, { kind: 'builtin', name: m, entry, signatures: [sig] });
      }
      limits.set(key, r);
    }
    return r;
  }));

  const emptyMethods = new Map<string, BuiltinFunction>();
  const groupMethods = methodTables.get('cg-group') ?? emptyMethods;
  const merged = new Map<BuiltinRecordKind, Map<string, BuiltinFunction>>();
  const methods = (kind: BuiltinRecordKind): ReadonlyMap<string, BuiltinFunction> => {
    let m = merged.get(kind);
    if (!m) {
      const own = methodTables.get(kind) ?? emptyMethods;
      m = kind === 'cg-grid-group' ? new Map(own) : kind.startsWith('cg-') && kind !== 'cg-op' ? new Map([...groupMethods, ...own]) : new Map();
      merged.set(kind, m);
    }
    return m;
  };
  return { global, std, cooperativeGroups: cg, methods, tile };
}

function classTemplate(name: string, scope: Scope, make: (args: readonly TemplateArgValue[]) => RecordType | string): ClassTemplateEntity {
  return { kind: 'class-template', id: freshId(), name, qualifiedName: `${scope.name}::${name}`, params: [], scope, instances: new Map(), builtin: make };
}

let registry: BuiltinRegistry | undefined;

/** The registry, built on first use and shared by every compilation in the process. */
export function builtins(): BuiltinRegistry {
  return (registry ??= build());
}
