/**
 * A fault found while simulating: the class (NPU.md rule 8 and the list), a message,
 * and where: core, pipe and the instruction (its span gives file, line and column).
 */
import type { FaultKind, Instr, Pipe } from '../isa/program.js';

export class SimFault extends Error {
  override name = 'SimFault';
  constructor(
    readonly kind: FaultKind,
    readonly detail: string,
    readonly where: { core?: number; pipe?: Pipe; ins?: Instr; time?: number } = {},
    readonly notes: { message: string; ins?: Instr }[] = [],
  ) {
    super(`${kind}: ${detail}`);
  }
}
