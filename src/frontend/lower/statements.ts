/**
 * Statements, kept structured: `if` → `if`; `while`, `do`, `for` → `loop` (carrying `#pragma unroll` as
 * its `unroll`/`unroll_full` attribute) whose body starts
 * (or, for `do`, ends) with the condition's `break`, C's `continue` re-emits what it skips
 * (the `for` step, the `do` condition) before the KIR `continue`; `switch` → a `loop` that
 * runs once, the case groups guarded by a "matched" flag (fallthrough is the flag staying
 * set), `break` leaving that loop, and a `continue` crossing it through a flag; `return` →
 * `return` from any depth. Code after a terminator in the same block is dead and skipped.
 */
import * as ir from '../../ir/index.js';
import type { CExpr, CStmt, Unroll } from '../sema/checked.js';
import type { Breakable, LowerCtx } from './context.js';
import { lowerDiagnostics as D } from './diagnostics.js';
import { rvalue } from './expressions.js';
import { discard, lvalue, store } from './lvalues.js';

export function lowerStmt(c: LowerCtx, s: CStmt): void {
  if (c.terminated) return;
  c.at(s.span);
  const b = c.b;
  switch (s.kind) {
    case 'block':
      for (const x of s.stmts) {
        if (c.terminated) break;
        lowerStmt(c, x);
      }
      return;
    case 'expr':
      discard(c, s.expr);
      return;
    case 'empty':
      return;
    case 'var':
      return lowerVarDecl(c, s);
    case 'if': {
      const cond = rvalue(c, s.cond)!;
      c.at(s.span);
      b.if(
        cond,
        [],
        (t) => c.withBuilder(t, () => lowerStmt(c, s.then)),
        (t) => c.withBuilder(t, () => void (s.else && lowerStmt(c, s.else))),
      );
      return;
    }
    case 'while':
      loop(c, s.span, s.unroll, s.cond, s.body, undefined, false);
      return;
    case 'do':
      loop(c, s.span, s.unroll, s.cond, s.body, undefined, true);
      return;
    case 'for':
      if (s.init) lowerStmt(c, s.init);
      loop(c, s.span, s.unroll, s.cond, s.body, s.step, false);
      return;
    case 'switch':
      return lowerSwitch(c, s);
    case 'case':
    case 'default':
      // a label outside the switch's top-level statement list: lower its statement
      lowerStmt(c, s.body);
      return;
    case 'break':
      b.break();
      return;
    case 'continue':
      lowerContinue(c, c.fn.stack.length - 1);
      return;
    case 'return': {
      if (s.value && c.fn.resultType !== ir.voidT) {
        const v = s.value.category === 'lvalue' ? lvalue(c, s.value) : rvalue(c, s.value);
        c.at(s.span);
        b.return(v ? c.coerce(v, c.fn.resultType) : undefined);
      } else {
        if (s.value) discard(c, s.value);
        c.at(s.span);
        b.return();
      }
      return;
    }
    default:
      c.error(D.unsupportedStmt, (s as CStmt).span, { what: (s as CStmt).kind });
  }
}

function lowerVarDecl(c: LowerCtx, s: CStmt & { kind: 'var' }): void {
  const v = s.entity;
  if (v.storage === 'static' || c.fn.vars.has(v) || c.globals.has(v) || v.dynamicShared) return;
  if (v.type.kind === 'reference') {
    // a reference is bound once: the pointer itself stands for the variable
    if (s.init) c.fn.vars.set(v, s.init.category === 'lvalue' ? lvalue(c, s.init) : materializeInit(c, s.init));
    return;
  }
  const t = c.ty(v.type, s.span);
  const slot = c.alloca(t, v.name);
  c.fn.vars.set(v, slot);
  if (s.init) {
    const val = rvalue(c, s.init);
    c.at(s.span);
    if (val) store(c, val, slot);
  }
}

function materializeInit(c: LowerCtx, e: CExpr): ir.Value {
  const v = rvalue(c, e)!;
  const slot = c.alloca(v.type);
  c.b.store(v, slot);
  return slot;
}

/** C's `continue` at stack depth `k`: leave enclosing switches through their flags */
function lowerContinue(c: LowerCtx, k: number): void {
  const top = c.fn.stack[k];
  if (!top) {
    c.b.continue();
    return;
  }
  if (top.kind === 'loop') {
    top.cont();
    return;
  }
  if (!top.contFlag) {
    c.b.break();
    return;
  }
  c.b.store(c.b.bool(true), top.contFlag);
  c.b.break();
}

function withStack<T>(c: LowerCtx, x: Breakable, f: () => T): T {
  c.fn.stack.push(x);
  try {
    return f();
  } finally {
    c.fn.stack.pop();
  }
}

function loop(c: LowerCtx, span: CStmt['span'], unroll: Unroll | undefined, cond: CExpr | undefined, body: CStmt, step: CExpr | undefined, isDo: boolean): void {
  const exitUnless = (lb: ir.Builder) => {
    if (!cond) return;
    const v = rvalue(c, cond)!;
    c.at(cond.span);
    lb.if(c.b.not(v), [], (t) => void t.break());
  };
  c.at(span);
  c.b.loop([], [], (lb) =>
    c.withBuilder(lb, () => {
      const cont = () => {
        if (step) discard(c, step);
        if (isDo && cond) {
          const v = rvalue(c, cond)!;
          c.at(cond.span);
          c.b.if(v, [], (t) => void t.continue(), (t) => void t.break());
          c.b.break();
          return;
        }
        c.b.continue();
      };
      if (!isDo) exitUnless(lb);
      withStack(c, { kind: 'loop', cont }, () => lowerStmt(c, body));
      if (!c.terminated) cont();
      // the do-loop's `cont` ends in an `if` whose regions both terminate, then a dead break
    }),
    // #pragma unroll [N]: a hint carried on the loop op
    unroll ? (unroll.count === undefined ? { unroll_full: true } : { unroll: unroll.count }) : {},
  );
}

function lowerSwitch(c: LowerCtx, s: CStmt & { kind: 'switch' }): void {
  const b = c.b;
  const cond = rvalue(c, s.cond)!;
  c.at(s.span);
  const matched = c.alloca(ir.i1, 'matched');
  b.store(b.bool(false), matched);
  // `default` applies when no case value matches
  let isDefault: ir.Value | undefined;
  if (s.hasDefault) {
    isDefault = b.bool(true);
    for (const v of s.cases) isDefault = b.and(isDefault, b.cmp('ne', cond, b.const(cond.type, v)));
  }
  const ctx: Breakable = { kind: 'switch' };
  if (c.fn.stack.some((x) => x.kind === 'loop')) {
    ctx.contFlag = c.alloca(ir.i1, 'cont');
    b.store(b.bool(false), ctx.contFlag);
  }
  const stmts = s.body.kind === 'block' ? s.body.stmts : [s.body];
  b.loop([], [], (lb) =>
    c.withBuilder(lb, () =>
      withStack(c, ctx, () => {
        // groups: a run of statements starting at a label
        let group: CStmt[] = [];
        const flush = () => {
          if (!group.length) return;
          const g = group;
          group = [];
          const m = c.b.load(matched);
          c.b.if(m, [], (t) => c.withBuilder(t, () => g.forEach((x) => lowerStmt(c, x))));
        };
        for (let st of stmts) {
          let labelled = false;
          while (st.kind === 'case' || st.kind === 'default') {
            if (!labelled) flush();
            labelled = true;
            c.at(st.span);
            const hit = st.kind === 'case' ? c.b.cmp('eq', cond, c.b.const(cond.type, st.value)) : isDefault!;
            c.b.store(c.b.or(c.b.load(matched), hit), matched);
            st = st.body;
          }
          group.push(st);
        }
        flush();
        c.b.break();
      }),
    ),
  );
  if (ctx.kind === 'switch' && ctx.contFlag) {
    c.at(s.span);
    const f = b.load(ctx.contFlag);
    b.if(f, [], (t) => c.withBuilder(t, () => lowerContinue(c, c.fn.stack.length - 1)));
  }
}
