/** The whole op table: importing this module registers every family. */
import './arith.js';
import './math.js';
import './cast.js';
import './value.js';
import './memory.js';
import './simt.js';
import './control.js';
import './call.js';

export { allOpDefs, findOpDef, flagsOf, getOpDef, type OpDef, type AttrSpec, type ConstVal } from './table.js';
export { MATH_FUNCS, MATH_FUNC_NAMES } from './math.js';
export { RMW_OPS, SCOPES, ORDERS } from './memory.js';
export { DIMS } from './simt.js';
