/**
 * A generator of random well-typed KIR modules for property tests, driven by a seed (so
 * fast-check shrinks seeds and every failure reproduces). It covers constants (non-finite
 * floats, 64-bit, i1), arithmetic with flags, comparisons, casts, math, vectors, memory through
 * allocas and a shared global, nested `if` with results, `for` and `loop` with carried values
 * and break/continue, calls, printf, name hints and locations.
 */
import { Mulberry32 } from '../../src/support/prng.js';
import { type Attrs, Builder, type Loc, Module, type Type, type Value, addGlobal, array, buildFunc, f32, f64, i1, i32, i64, named, ptr, u32, u8, vec, voidT } from '../../src/ir/index.js';

const SCALARS: Type[] = [i32, u32, i64, f32, f64, i1, u8];

export function randomModule(seed: number): Module {
  const r = new Mulberry32(seed);
  const int = (n: number) => r.nextU32() % n;
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
  const m = new Module();
  const tile = addGlobal(m, 'tile', 'shared', array(f32, 64));
  addGlobal(m, 'coef', 'constant', array(i32, 3), [1, -2, 3]);
  const helper = buildFunc(m, 'device', 'sq', [{ name: 'x', type: f32 }], f32, (b, [x]) => {
    b.return(b.mul(x!, x!));
  });
  const loc = (): Loc | undefined => (int(3) ? undefined : { file: pick(['a.cu', 'dir/b.cu', 'we ird"q.cu']), line: 1 + int(500), col: 1 + int(80) });

  buildFunc(m, 'kernel', 'k', [{ name: 'out', type: ptr('global', f32), attrs: { noalias: true } }, { name: 'n', type: i32 }], voidT, (b, [out, n]) => {
    const pool = new Map<Type, Value[]>();
    const add = (v: Value) => {
      if (int(4) === 0) named(v, pick(['i', 'acc', 'x', 'tmp', 'v_1', 'i.1']));
      let l = pool.get(v.type);
      if (!l) pool.set(v.type, (l = []));
      l.push(v);
      return v;
    };
    add(n!);
    const get = (bb: Builder, t: Type): Value => {
      const l = pool.get(t);
      if (l && l.length && int(3)) return pick(l);
      return add(constant(bb, t));
    };
    const constant = (bb: Builder, t: Type): Value => {
      if (t === i1) return bb.bool(!!int(2));
      if (t === i64) return bb.const(i64, BigInt.asIntN(64, BigInt(r.nextU32()) * BigInt(r.nextU32()) - (1n << 62n)));
      if (t === f32 || t === f64) {
        const specials = [Infinity, -Infinity, NaN, -0, 0.1, 1e-40, 3.4e38, 1 / 3];
        const x = int(4) ? (r.nextU32() / 7) * (int(2) ? 1 : -1) : pick(specials);
        return bb.const(t, t === f32 ? Math.fround(x) : x);
      }
      if (t === u8) return bb.const(u8, int(256));
      return bb.const(t, t === u32 ? r.nextU32() : r.nextU32() | 0);
    };
    const scopes: Map<Type, Value[]>[] = [];
    const enter = () => scopes.push(new Map([...pool].map(([k, v]) => [k, [...v]])));
    const leave = () => {
      const s = scopes.pop()!;
      pool.clear();
      for (const [k, v] of s) pool.set(k, v);
    };
    const stmt = (bb: Builder, depth: number): void => {
      bb.loc = loc();
      const t = pick(SCALARS);
      switch (int(depth > 2 ? 8 : 12)) {
        case 0: case 1: {
          if (t === i1) { add(bb.and(get(bb, t), get(bb, t))); break; }
          const name = pick(['add', 'sub', 'mul', 'min', 'max']);
          const flags: Attrs = t.kind === 'int' && int(2) && (name === 'add' || name === 'sub' || name === 'mul') ? { nsw: true } : {};
          add(bb.create(name, [get(bb, t), get(bb, t)], { attrs: flags }).result);
          break;
        }
        case 2: if (t !== i1) add(bb.cmp(pick(['eq', 'ne', 'lt', 'ge'] as const), get(bb, t), get(bb, t))); break;
        case 3: add(bb.convert(get(bb, t), pick(SCALARS))); break;
        case 4: add(bb.math(pick(['sqrt', 'exp', 'sin', 'log']), [get(bb, f32)], !!int(2))); break;
        case 5: {
          const v = bb.build(vec(f32, 4), [get(bb, f32), get(bb, f32), get(bb, f32), get(bb, f32)]);
          add(bb.extract(bb.insertValue(v, get(bb, f32), int(4)), int(4)));
          break;
        }
        case 6: {
          const p = bb.alloca(t, int(2) ? 16 : undefined);
          bb.store(get(bb, t), p, { volatile: !!int(2) });
          add(bb.load(p));
          const s = bb.elemptr(bb.addressof(tile), get(bb, i32));
          bb.store(get(bb, f32), s);
          break;
        }
        case 7: {
          const c = bb.call(helper, [get(bb, f32)])!;
          add(c);
          if (!int(3)) bb.printf('v=%f n=%d\\n"', [c, get(bb, i32)]);
          break;
        }
        case 8: {
          const rt = pick(SCALARS);
          const has = !!int(2);
          const arm = (xb: Builder) => { enter(); body(xb, depth + 1); const v = get(xb, rt); leave(); return has ? [v] : []; };
          const res = bb.if(get(bb, i1), has ? [rt] : [], arm, arm);
          res.forEach(add);
          break;
        }
        case 9: {
          const ct = pick(SCALARS);
          const res = bb.for(get(bb, i32), get(bb, i32), bb.i32(1 + int(3)), [get(bb, ct)], (fb, iv, [acc]) => {
            enter(); add(iv); add(acc!); body(fb, depth + 1); const v = get(fb, ct); leave(); return [v];
          }, int(2) ? { unroll: 4 } : {}, int(2) ? 'i' : undefined);
          res.forEach(add);
          break;
        }
        case 10: {
          const ct = pick(SCALARS);
          const res = bb.loop([get(bb, ct)], [ct], (lb, [acc]) => {
            enter(); add(acc!);
            bb.loc = loc();
            lb.if(get(lb, i1), [], (tb) => { enter(); tb.break([get(tb, ct)]); leave(); }, () => []);
            body(lb, depth + 1);
            const v = get(lb, ct);
            leave();
            return [v];
          });
          res.forEach(add);
          break;
        }
        default: {
          const p = bb.ptradd(out!, get(bb, i32));
          bb.store(get(bb, f32), p, { align: 4 });
        }
      }
    };
    const body = (bb: Builder, depth: number) => {
      const k = 1 + int(depth ? 4 : 10);
      for (let i = 0; i < k; i++) stmt(bb, depth);
    };
    body(b, 0);
    b.barrier();
  });
  return m;
}
