/**
 * Macro definitions: what `#define` builds (C17 6.10.3), how two definitions are compared for
 * a redefinition warning, and the dynamic macros (`__LINE__`, `__FILE__` …) whose value is
 * computed at each use.
 *
 * The replacement list is kept as the lexer's tokens (their spans point into the `#define`
 * line, which is where expanded tokens say they were spelled) plus a parallel array that
 * says which tokens name a parameter, so substitution does no string lookups.
 */
import type { Span } from '../../support/source.js';
import type { DiagnosticBag } from '../../support/diagnostics/index.js';
import type { Token } from '../token.js';
import { ppDiagnostics as D } from './diagnostics.js';

/** `paramIndex` value of a `__VA_OPT__` token in a variadic macro */
export const VA_OPT = -2;
export const NOT_PARAM = -1;

export type DynamicMacro =
  | 'file' | 'line' | 'counter' | 'date' | 'time' | 'includeLevel' | 'baseFile'
  /** names that only `defined` and `#if` care about: __has_include, __has_builtin … */
  | 'marker';

export interface Macro {
  readonly name: string;
  /** the name in its `#define` (for "previous definition is here" and expansion notes) */
  readonly nameSpan: Span;
  readonly functionLike: boolean;
  /** parameter names; a variadic macro's last one is `__VA_ARGS__` or its GNU name (`args...`) */
  readonly params: readonly string[];
  readonly variadic: boolean;
  readonly body: readonly Token[];
  /** per body token: the parameter it names, NOT_PARAM, or VA_OPT */
  readonly paramIndex: Int32Array;
  /** the body uses `#`, `##` or `__VA_OPT__`: substitution takes the general path */
  readonly hasOperators: boolean;
  readonly dynamic?: DynamicMacro;
}

/**
 * Parse the tokens of a `#define` line after the word `define`. Returns undefined (after a
 * diagnostic) when the definition is malformed, as clang does: the macro stays undefined.
 */
export function parseDefine(toks: readonly Token[], directive: Span, diags: DiagnosticBag): Macro | undefined {
  const nameTok = toks[0];
  if (!nameTok) return void diags.report(D.macroNameMissing, directive);
  if (nameTok.kind !== 'identifier') return void diags.report(D.macroNameNotIdentifier, nameTok.span);
  if (nameTok.text === 'defined') return void diags.report(D.definedAsMacroName, nameTok.span);
  const params: string[] = [];
  let variadic = false;
  let k = 1;
  const open = toks[1];
  const functionLike = open !== undefined && open.text === '(' && open.kind === 'punct' && !open.spaceBefore;
  if (functionLike) {
    k = 2;
    if (toks[k]?.text === ')') k++;
    else
      for (;;) {
        const t = toks[k];
        if (!t) return void diags.report(D.missingParenInParams, toks[k - 1]!.span);
        if (t.text === '...') {
          variadic = true;
          params.push('__VA_ARGS__');
          k++;
        } else if (t.kind === 'identifier' && t.text !== '__VA_ARGS__') {
          if (params.includes(t.text)) return void diags.report(D.duplicateParameter, t.span, { name: t.text });
          params.push(t.text);
          k++;
          if (toks[k]?.text === '...') {
            variadic = true; // GNU named variadic parameter: `args...`
            k++;
          }
        } else return void diags.report(D.badParameterList, t.span, { token: t.text });
        const sep = toks[k];
        if (sep?.text === ')') {
          k++;
          break;
        }
        if (sep?.text !== ',' || variadic) {
          if (!sep) return void diags.report(D.missingParenInParams, toks[k - 1]!.span);
          return void diags.report(sep.text === ',' ? D.missingParenInParams : D.badParameterList, sep.span, { token: sep.text });
        }
        k++;
      }
  }
  const body = toks.slice(k);
  const paramIndex = new Int32Array(body.length).fill(NOT_PARAM);
  let hasOperators = false;
  for (let i = 0; i < body.length; i++) {
    const t = body[i]!;
    if (t.kind === 'identifier') {
      if (functionLike) {
        const p = params.indexOf(t.text);
        if (p >= 0) paramIndex[i] = p;
        else if (t.text === '__VA_OPT__' && variadic) {
          if (body[i + 1]?.text !== '(' || matchParen(body, i + 1) < 0) return void diags.report(D.vaOptSyntax, t.span);
          paramIndex[i] = VA_OPT;
          hasOperators = true;
        }
      }
      if (t.text === '__VA_ARGS__' && paramIndex[i] === NOT_PARAM) diags.report(D.vaArgsOutsideVariadic, t.span);
    } else if (t.kind === 'punct') {
      if (t.text === '##') {
        hasOperators = true;
        if (i === 0 || i === body.length - 1) return void diags.report(D.pasteAtEdge, t.span);
      } else if (t.text === '#' && functionLike) {
        hasOperators = true;
        const next = body[i + 1];
        if (!next || next.kind !== 'identifier' || !params.includes(next.text)) return void diags.report(D.hashNotParameter, t.span);
      }
    }
  }
  return { name: nameTok.text, nameSpan: nameTok.span, functionLike, params, variadic, body, paramIndex, hasOperators };
}

/** index of the `)` matching the `(` at `open`, or -1 */
export function matchParen(toks: readonly Token[], open: number): number {
  let depth = 0;
  for (let i = open; i < toks.length; i++) {
    const t = toks[i]!.text;
    if (t === '(') depth++;
    else if (t === ')' && --depth === 0) return i;
  }
  return -1;
}

/** C17 6.10.3/2: the same parameters and the same replacement list, whitespace separation included */
export function sameDefinition(a: Macro, b: Macro): boolean {
  if (a.functionLike !== b.functionLike || a.variadic !== b.variadic || a.body.length !== b.body.length) return false;
  if (a.params.length !== b.params.length || a.params.some((p, i) => p !== b.params[i])) return false;
  for (let i = 0; i < a.body.length; i++) {
    const x = a.body[i]!;
    const y = b.body[i]!;
    if (x.text !== y.text || (i > 0 && x.spaceBefore !== y.spaceBefore)) return false;
  }
  return true;
}

/** a macro computed at each use; its span is where it was "defined" (the predefines buffer) */
export function dynamicMacro(name: string, dynamic: DynamicMacro, nameSpan: Span): Macro {
  return { name, nameSpan, functionLike: false, params: [], variadic: false, body: [], paramIndex: new Int32Array(0), hasOperators: false, dynamic };
}
