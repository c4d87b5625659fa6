/**
 * The complete parser: the last link of the class chain (see core.ts), where chevrotain
 * records and analyses the grammar. Building it takes a while, so one instance is shared and
 * reused for every item of every file (`beginItem` resets it). The fast path (fast.ts,
 * fast-expr.ts) sits between the grammar and this class.
 */
import { FastRules } from './fast.js';

export class KccParser extends FastRules {
  /** `validate` runs chevrotain's grammar checks (slow; tests use it) */
  constructor(validate = false) {
    super(validate);
    this.performSelfAnalysis();
    this.initFast();
  }
}

let shared: KccParser | undefined;

export function sharedParser(): KccParser {
  return (shared ??= new KccParser(false));
}
