/**
 * Calls: device functions and template instances become `call @f` (arguments converted to the
 * parameter types; reference parameters and `this` receive pointers), `printf` becomes the
 * `printf` op with its literal format, `assert` the `assert` op, and every other built-in goes
 * to builtins.ts by its `lowersTo` id.
 */
import * as ir from '../../ir/index.js';
import type { CExpr } from '../sema/checked.js';
import { lowerBuiltin } from './builtins.js';
import type { LowerCtx } from './context.js';
import { lowerDiagnostics as D } from './diagnostics.js';
import { rvalue } from './expressions.js';
import { lvalue } from './lvalues.js';

export function lowerCall(c: LowerCtx, e: CExpr): ir.Value | undefined {
  if (e.kind === 'builtin-call') {
    const id = e.builtin.entry.lowersTo;
    if (id === 'printf') return lowerPrintf(c, e);
    if (id === 'assert' || id === 'assert.fail') return lowerAssert(c, e, id);
    return lowerBuiltin(c, e);
  }
  if (e.kind !== 'call') return undefined;
  const f = c.funcs.get(e.fn);
  if (!f) {
    c.error(D.recursion, e.span, { name: e.fn.qualifiedName });
    return e.type.kind === 'void' ? undefined : c.b.zero(c.ty(e.type, e.span));
  }
  const args: ir.Value[] = [];
  const params = f.params;
  let k = 0;
  if (e.receiver) {
    const p = lvalue(c, e.receiver);
    args.push(c.coerce(p, params[k++]!.type));
  }
  e.fn.params.forEach((pi, i) => {
    const a = e.args[i];
    const pt = params[k++]?.type;
    if (!a || !pt) return;
    const v = pi.type.kind === 'reference' ? lvalue(c, a) : rvalue(c, a);
    if (v) args.push(c.coerce(v, pt));
  });
  c.at(e.span);
  if (args.length !== params.length) {
    c.error(D.unsupportedExpr, e.span, { what: `call of '${e.fn.qualifiedName}' with ${args.length} of ${params.length} arguments` });
    return e.type.kind === 'void' ? undefined : c.b.zero(c.ty(e.type, e.span));
  }
  return c.b.call(f, args);
}

/** the string literal under conversions (printf formats, assert texts) */
export function literalString(e: CExpr | undefined): string | undefined {
  while (e && e.kind === 'convert') e = e.operand;
  return e && e.kind === 'string' ? e.value : undefined;
}

function lowerPrintf(c: LowerCtx, e: CExpr & { kind: 'builtin-call' }): ir.Value {
  const fmt = literalString(e.args[0]);
  if (fmt === undefined) c.error(D.printfFormat, e.args[0]?.span ?? e.span);
  const vals: ir.Value[] = [];
  for (const a of e.args.slice(1)) {
    const s = literalString(a);
    // a literal string argument (%s) travels as its address
    const v = s !== undefined ? c.b.addressof(c.stringGlobal(s)) : rvalue(c, a);
    if (v) vals.push(v);
  }
  c.at(e.span);
  c.b.printf(fmt ?? '', vals);
  return c.b.i32(0);
}

function lowerAssert(c: LowerCtx, e: CExpr & { kind: 'builtin-call' }, id: string): undefined {
  if (id === 'assert.fail') {
    c.at(e.span);
    c.b.assert(c.b.bool(false), literalString(e.args[0]) ?? 'assertion failed');
    return undefined;
  }
  const cond = rvalue(c, e.args[0]!)!;
  const text = literalString(e.args[1]) ?? 'assertion';
  c.at(e.span);
  const ok = cond.type === ir.i1 ? cond : c.b.cmp('ne', cond, c.b.const(cond.type, 0));
  c.b.assert(ok, text);
  return undefined;
}
