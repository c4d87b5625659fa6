/**
 * Synchronisation and control rows of the table. Their behaviour lives in the simulator
 * (sim/core.ts), which is the only place that knows pipes, queues and flags; the rows give the
 * assembler their operands and the docs their meaning.
 *
 *  setf SRC>DST, id   queued on SRC; fires when every earlier SRC instruction is done
 *  waitf SRC>DST, id  queued on DST (or blocks the front end when DST is S); consumes one set
 *  bar PIPE           queued on PIPE: later PIPE instructions start after earlier ones are done
 *  bar all            the front end waits until every pipe of its core is drained
 *  sync.all           drain, then wait for every core (chip-wide barrier)
 *  exit               the core's program ends (its pipes drain)
 */
import type { OpDef } from './program.js';

export const SYNC_OPS: readonly OpDef[] = [
  {
    name: 'setf', family: 'sync', pipe: 'S', suffix: 'none', args: ['pair', 'val'],
    doc: 'set flag id of the pipe pair SRC>DST once SRC\'s earlier work is done (queued on SRC)',
    costDoc: 'occupancy 0 on SRC; fires at the latest done time of earlier SRC instructions',
  },
  {
    name: 'waitf', family: 'sync', pipe: 'S', suffix: 'none', args: ['pair', 'val'],
    doc: 'wait until flag id of SRC>DST is set, and consume it (queued on DST)',
    costDoc: 'blocks DST (later DST instructions start no earlier than the set)',
  },
  {
    name: 'bar', family: 'sync', pipe: 'S', suffix: 'none', args: ['pipe'],
    doc: 'bar PIPE: later PIPE instructions wait for earlier ones to be done; bar all: the front end waits for all pipes',
    costDoc: 'occupancy 0; stalls until the pipe (or core) drains',
  },
  {
    name: 'sync.all', family: 'sync', pipe: 'S', suffix: 'none', args: [],
    doc: 'chip-wide barrier: drain this core, then wait for every core to arrive',
    costDoc: 'the front end stalls until the last core arrives',
  },
  {
    name: 'exit', family: 'sync', pipe: 'S', suffix: 'none', args: [],
    doc: 'end of the core\'s program (its queued work still completes)',
    costDoc: '1 issue cycle',
  },
];
