/**
 * Structured control flow, as MLIR's `scf` and WebAssembly's blocks: no CFG, ever.
 *  - `if %c : T… { then } else { else }`: both regions end in `yield` of the result types
 *    (or in `break`/`continue`/`return`, which leave the enclosing loop/function).
 *  - `for %lo, %hi, %step, %init… : T… (%iv: I, %acc: T…) { body }`: the counted loop
 *    `for (iv = lo; iv < hi; iv += step)` (comparison by I's signedness; step > 0); the body
 *    yields the next carried values; the results are the carried values at exit.
 *  - `loop %init… : R… (%acc: T…) { body }`: the general loop (`while`, `do`, `for(;;)`):
 *    the body ends in `continue %next…` (types T…), `break %res…` (types R…) or `return`.
 *    Both loops take `unroll = N` / `unroll_full` (C's `#pragma unroll`), a hint for targets.
 *  - `break`/`continue` refer to the innermost enclosing `for`/`loop`; `return` leaves the function.
 * The region rules are checked by the verifier (they need the enclosing ops), so the typing
 * rules here cover only the op's own operands.
 */
import { i1, isInt } from '../types.js';
import { type OpDef, defineOps } from './table.js';

const ctl = (d: Omit<OpDef, 'family' | 'pure' | 'effect'>): OpDef => ({ family: 'control', pure: false, effect: 'control', ...d });

export const controlOps: OpDef[] = [
  ctl({
    name: 'if', summary: 'two-way branch with results', operands: 1, results: [0, Infinity], regions: 2, regionKeywords: ['else'], attrs: {},
    typing: (c) => (c.operands[0] === i1 ? undefined : `condition must be i1 (got ${c.operands[0]!.text})`),
  }),
  ctl({
    name: 'for', summary: 'counted loop with loop-carried values', operands: [3, Infinity], results: [0, Infinity], regions: 1,
    attrs: { unroll: { kind: 'int', doc: '#pragma unroll N' }, unroll_full: { kind: 'flag', doc: '#pragma unroll' } },
    typing: (c) => {
      const [lo, hi, st, ...init] = c.operands;
      if (!isInt(lo!) || hi !== lo || st !== lo) return `bounds and step must be one integer type (got ${lo!.text}, ${hi!.text}, ${st!.text})`;
      if (init.length !== c.results.length || init.some((t, i) => t !== c.results[i])) return 'results must have the types of the initial values';
      return undefined;
    },
  }),
  ctl({
    name: 'loop', summary: 'general loop with break/continue and loop-carried values', operands: [0, Infinity], results: [0, Infinity], regions: 1,
    attrs: { unroll: { kind: 'int', doc: '#pragma unroll N on a while/do/for loop (1: do not unroll)' }, unroll_full: { kind: 'flag', doc: '#pragma unroll' } },
    typing: () => undefined,
  }),
  ctl({ name: 'yield', summary: 'ends an if region or a for body with its values', operands: [0, Infinity], results: 0, terminator: true, attrs: {}, typing: () => undefined }),
  ctl({ name: 'break', summary: 'leaves the innermost loop with its results', operands: [0, Infinity], results: 0, terminator: true, attrs: {}, typing: () => undefined }),
  ctl({ name: 'continue', summary: 'next iteration of the innermost loop with the carried values', operands: [0, Infinity], results: 0, terminator: true, attrs: {}, typing: () => undefined }),
  ctl({ name: 'return', summary: 'leaves the function (with its result)', operands: [0, 1], results: 0, terminator: true, attrs: {}, typing: () => undefined }),
];

defineOps(controlOps);
