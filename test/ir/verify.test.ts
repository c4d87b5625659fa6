import { describe, expect, it } from 'vitest';
import { DiagnosticBagFor, Module, type Op, buildFunc, f32, i1, i32, parseModuleOrThrow, verifyInto, verifyModule, voidT } from './verify-helpers.js';

/** the verifier's messages for a module written as text (the parser does not type-check) */
const errors = (text: string) => verifyModule(parseModuleOrThrow(text)).map((e) => e.message);
const k = (body: string, params = '%c: i1, %x: i32, %f: f32, %p: ptr<global, f32>') => `kernel @k(${params}) {\n${body}\n  return\n}\n`;

describe('KIR verifier', () => {
  it('accepts valid IR', () => {
    expect(errors(k('  %a = add %x, %x : i32'))).toEqual([]);
  });

  it('[typing] operand types per the op table, with the op and its location', () => {
    expect(errors(k('  %a = add %x, %f : i32 loc("t.cu":4:9)'))).toEqual([
      "[typing] op 'add' (%a) at t.cu:4:9: operands must have the same type (got i32, f32) (in @k)",
    ]);
    expect(errors(k('  %a = cmp lt %x, %x : i32'))).toEqual(["[typing] op 'cmp' (%a): result must be i1 (in @k)"]);
    expect(errors(k('  %a = fptosi %f : u32'))).toEqual(["[typing] op 'fptosi' (%a): result must be a signed integer (in @k)"]);
    expect(errors(k('  %a = math pow %f : f32'))).toEqual(["[typing] op 'math' (%a): math pow takes 2 operand(s) (in @k)"]);
  });

  it('[terminator] regions end in exactly one terminator', () => {
    expect(errors(k('  if %c {\n    %a = const 1 : i32\n  } else {\n    yield\n  }'))).toEqual([
      "[terminator] op 'const' (%a): region of 'if' must end in a terminator (ends in 'const') (in @k)",
    ]);
    expect(errors('kernel @k() {\n  %a = const 1 : i32\n}\n')).toEqual(["[terminator] the body of '@k' must end in 'return' (in @k)"]);
    expect(errors(k('  if %c {\n    yield\n    yield\n  } else {\n    yield\n  }'))).toEqual(["[terminator] op 'yield': 'yield' must be the last op of its region (in @k)"]);
  });

  it('[yield] arity and types match the enclosing if/for', () => {
    expect(errors(k('  %r = if %c : i32 {\n    yield\n  } else {\n    yield %x\n  }'))).toEqual([
      "[yield] op 'yield': yields () but the 'if' expects (i32) (in @k)",
    ]);
    expect(errors(k('  %r = if %c : i32 {\n    yield %f\n  } else {\n    yield %x\n  }'))).toEqual([
      "[yield] op 'yield': yields (f32) but the 'if' expects (i32) (in @k)",
    ]);
    expect(errors(k('  %r = loop %x : i32 (%a: i32) {\n    yield\n  }'))).toEqual([
      "[terminator] op 'yield': a 'loop' body ends in continue, break or return, not yield (in @k)",
      "[yield] op 'yield': 'yield' must end an 'if' region or a 'for' body (it is in a 'loop') (in @k)",
    ]);
  });

  it('[loop-exit] break/continue only inside loops, with the loop\'s types', () => {
    expect(errors(k('  if %c {\n    break\n  } else {\n    yield\n  }'))).toEqual(["[loop-exit] op 'break': 'break' outside of a loop (in @k)"]);
    expect(errors(k('  %r = loop %x : f32 (%a: i32) {\n    if %c {\n      break %a\n    } else {\n      yield\n    }\n    continue %f\n  }'))).toEqual([
      "[loop-exit] op 'break': 'break' passes (i32) but the 'loop' expects (f32) (in @k)",
      "[loop-exit] op 'continue': 'continue' passes (f32) but the 'loop' expects (i32) (in @k)",
    ]);
  });

  it('[regions] for/loop body arguments', () => {
    expect(errors(k('  %r = for %x, %x, %x, %f : f32 (%i: i32, %a: i32) {\n    yield %f\n  }'))).toEqual([
      "[regions] op 'for' (%r): body arguments (i32, i32) must be (i32, f32) (in @k)",
    ]);
  });

  it('[address-space] stores through constant, atomics on local, casts between specific spaces', () => {
    expect(errors(k('  store %f, %q', '%f: f32, %q: ptr<constant, f32>'))).toEqual(["[address-space] op 'store': cannot store through a constant pointer (in @k)"]);
    expect(errors(k('  %l = alloca : ptr<local, i32>\n  %o = atomic.rmw add %l, %x : i32', '%x: i32'))[0]).toBe(
      "[address-space] op 'atomic.rmw' (%o): atomics need a global, shared or generic pointer (got local) (in @k)",
    );
    expect(errors(k('  %s = addrspacecast %p : ptr<shared, f32>'))[0]).toMatch(/^\[address-space\] op 'addrspacecast' \(%s\): cast from global to shared must go through generic/);
    expect(errors('global shared @t : [4 x f32]\nkernel @k() {\n  %a = addressof @t : ptr<global, [4 x f32]>\n  return\n}\n')).toEqual([
      "[address-space] op 'addressof' (%a): '@t' is a shared [4 x f32]: result must be ptr<shared, [4 x f32]> (in @k)",
    ]);
  });

  it('[symbol] and [call]: callee exists, signature matches, kernels are not called', () => {
    expect(errors(k('  %r = call @nope %f : f32'))).toEqual(["[symbol] op 'call' (%r): no function '@nope' (in @k)"]);
    const m = 'func @sq(%v: f32) -> f32 {\n  %r = mul %v, %v : f32\n  return %r\n}\n';
    expect(errors(m + k('  %r = call @sq %x : f32'))).toEqual(["[call] op 'call' (%r): arguments (i32) do not match '@sq' (f32) (in @k)"]);
    expect(errors(m + k('  call @k %c, %x, %f, %p'))).toEqual(["[call] op 'call': kernel '@k' cannot be called from device code (in @k)"]);
  });

  it('[return] values match the function result; kernels return void', () => {
    expect(errors('func @g(%v: f32) -> i32 {\n  return %v\n}\n')).toEqual(["[return] op 'return': returns (f32) but '@g' returns i32 (in @g)"]);
    expect(errors('kernel @k() -> i32 {\n  %z = const 0 : i32\n  return %z\n}\n')).toEqual(["[module] kernel '@k' must return void (in @k)"]);
  });

  it('[barrier] constant shuffle widths and masks', () => {
    expect(errors(k('  %m = const 4294967295 : u32\n  %w = const 3 : i32\n  %s = shuffle xor %m, %x, %x, %w : i32'))).toEqual([
      "[barrier] op 'shuffle' (%s): shuffle width 3 must be a power of two in 1..32 (in @k)",
    ]);
    expect(errors(k('  %m = const 0 : u32\n  syncwarp %m'))).toEqual(["[barrier] op 'syncwarp': participation mask is the constant 0 (in @k)"]);
  });

  it('[module] duplicate symbols and bad initialisers', () => {
    const m = parseModuleOrThrow('global constant @g : [2 x i32] = [1, 2, 3]\nglobal shared @s : f32 = 1.0\nkernel @k() {\n  return\n}\n');
    m.funcs[0]!.name = 'g';
    expect(verifyModule(m).map((e) => e.message)).toEqual([
      "[module] symbol '@g' is defined twice",
      "[module] initialiser of '@g' does not match [2 x i32]",
      "[module] shared global '@s' cannot have an initialiser",
    ]);
  });

  it('[dominance] and [attributes] on IR built with the builder', () => {
    const m = new Module();
    let inner: Op | undefined;
    buildFunc(m, 'kernel', 'k', [{ name: 'c', type: i1 }, { name: 'x', type: i32 }], voidT, (b, [c, x]) => {
      b.if(c!, [], (t) => {
        inner = t.create('add', [x!, x!]);
      });
      b.add(inner!.result, x!); // used outside the region that defines it
      b.create('cmp', [x!, x!], { types: [i1] }); // no predicate
      b.create('load', [x!], { types: [f32], attrs: { align: 3, bogus: true } });
    });
    const msgs = verifyModule(m).map((e) => e.message);
    expect(msgs).toEqual(expect.arrayContaining([
      "[dominance] op 'add' (%1): operand 0 (%0) is not defined before this use in an enclosing region (in @k)",
      "[attributes] op 'cmp' (%2): missing attribute 'pred' (in @k)",
      "[attributes] op 'load' (%3): unknown attribute 'bogus' (in @k)",
      "[typing] op 'load' (%3): operand must be a pointer (got i32) (in @k)",
    ]));
  });

  it('reports into a DiagnosticBag with one code per invariant', () => {
    const bag = DiagnosticBagFor();
    expect(verifyInto(parseModuleOrThrow(k('  %a = add %x, %f : i32')), bag)).toBe(false);
    expect(bag.list.map((d) => `${d.code} ${d.message}`)).toEqual(["KCC4601 [typing] op 'add' (%a): operands must have the same type (got i32, f32) (in @k)"]);
  });

});
