/**
 * Calls and observable output: `call @f %a, %b : T` (a device function; the verifier checks the
 * signature against the module), `printf "fmt" %a…` (CUDA device printf: output collected per
 * launch in CUDA's order) and `assert "msg" %cond` (a failing assert ends the launch with a fault).
 */
import { i1, isAggregate } from '../types.js';
import { noResults } from './rules.js';
import { type OpDef, defineOps } from './table.js';

export const callOps: OpDef[] = [
  {
    name: 'call', family: 'call', summary: 'call a device function', primary: 'callee', operands: [0, Infinity], results: [0, 1],
    attrs: { callee: { kind: 'symbol', required: true } }, pure: false, effect: 'readwrite', typing: () => undefined,
  },
  {
    name: 'printf', family: 'call', summary: 'device printf with a C format string', primary: 'format', operands: [0, 32], results: 0,
    attrs: { format: { kind: 'string', required: true } }, pure: false, effect: 'io',
    typing: (c) => (c.operands.some(isAggregate) ? 'printf arguments must be scalars or pointers' : noResults(c)),
  },
  {
    name: 'assert', family: 'call', summary: 'assert(cond): a false condition is a fault naming the message', primary: 'message', operands: 1, results: 0,
    attrs: { message: { kind: 'string', required: true } }, pure: false, effect: 'io',
    typing: (c) => (c.operands[0] === i1 ? noResults(c) : 'condition must be i1'),
  },
];

defineOps(callOps);
