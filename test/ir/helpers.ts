/** Shared helpers for the KIR tests: load fixtures, parse-or-throw, run a kernel. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type LaunchOptions, type Module, Memory, interpret, parseModuleOrThrow, printModule, verifyModule } from '../../src/ir/index.js';

export const fixture = (name: string): string => readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8');

/** parses, checks the verifier and the round trip, returns the module */
export function kir(text: string): Module {
  const m = parseModuleOrThrow(text);
  const errs = verifyModule(m);
  if (errs.length) throw new Error(errs.map((e) => e.message).join('\n'));
  const t = printModule(m);
  if (printModule(parseModuleOrThrow(t)) !== t) throw new Error('round trip changed the text');
  return m;
}

export function run(m: Module, kernel: string, o: Omit<LaunchOptions, 'memory'> & { memory?: Memory }) {
  const memory = o.memory ?? new Memory();
  return { ...interpret(m, kernel, { ...o, memory }), memory };
}
