/**
 * Hide sets for macro expansion (Dave Prosser's algorithm, as described in his 1986 note
 * "Complete macro expansion" for X3J11 and in the C standard's rescanning rules, C17 6.10.3.4):
 * every token carries the set of macro names that must not be expanded again from it, so
 * that `#define foo foo` and mutually recursive macros terminate.
 *
 * Sets are immutable and built by `add`, which caches its results per (set, name): the sets
 * met in practice are few and tiny, so unions and the common `{} ∪ {M}` cost a map lookup.
 */

export class HideSet {
  static readonly EMPTY = new HideSet(new Set());
  private readonly addCache = new Map<string, HideSet>();

  private constructor(private readonly names: ReadonlySet<string>) {}

  get size(): number {
    return this.names.size;
  }

  has(name: string): boolean {
    return this.names.has(name);
  }

  add(name: string): HideSet {
    if (this.names.has(name)) return this;
    let s = this.addCache.get(name);
    if (s === undefined) {
      const names = new Set(this.names);
      names.add(name);
      s = new HideSet(names);
      // bounded: EMPTY lives across compilations and must not grow with every macro name seen
      if (this.addCache.size < 4096) this.addCache.set(name, s);
    }
    return s;
  }

  union(other: HideSet): HideSet {
    if (other === this || other.names.size === 0) return this;
    if (this.names.size === 0) return other;
    let big: HideSet = this.names.size >= other.names.size ? this : other;
    const small = big === this ? other : this;
    for (const n of small.names) big = big.add(n);
    return big;
  }

  intersect(other: HideSet): HideSet {
    if (other === this) return this;
    if (this.names.size === 0 || other.names.size === 0) return HideSet.EMPTY;
    let s = HideSet.EMPTY;
    for (const n of this.names) if (other.names.has(n)) s = s.add(n);
    return s;
  }
}
