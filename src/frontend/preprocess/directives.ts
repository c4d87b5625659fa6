/**
 * Preprocessing directives (C17 6.10): one line from `#` to the next token that starts a
 * line. Conditionals skip false groups by scanning tokens for `#if…`/`#endif` nesting only
 * (nothing in a skipped group is evaluated or reported); `#define`/`#undef` edit the macro
 * table; `#include` hands a header name to the preprocessor; `#pragma unroll` comes back as a
 * 'pragma' token for the parser, other pragmas are dropped.
 */
import { type Span, joinSpans } from '../../support/source.js';
import { scanFile } from '../lex/lexer.js';
import { KEPT_PRAGMAS, type Token } from '../token.js';
import { ppDiagnostics as D } from './diagnostics.js';
import { spellTokens } from './expand.js';
import { evaluateCondition } from './if-expr.js';
import { parseDefine, sameDefinition } from './macros.js';
import type { FileState, Preprocessor } from './preprocessor.js';
import { type PPToken, ppToken } from './subst.js';

/** Run the directive whose `#` is at `f.i`; returns a token it produces (a kept pragma). */
export function runDirective(pp: Preprocessor, f: FileState): PPToken | undefined {
  const toks = f.toks;
  const hash = toks[f.i]!;
  let end = f.i + 1;
  while (end < toks.length && !toks[end]!.lineStart) end++;
  const nameTok = end > f.i + 1 ? toks[f.i + 1]! : undefined;
  const args = toks.slice(f.i + 2, end);
  f.i = end;
  f.problems.reportUpTo(end);
  if (nameTok === undefined) return undefined; // the null directive
  const span = joinSpans(hash.span, toks[end - 1]!.span);
  if (nameTok.kind === 'number') {
    lineDirective(pp, f, [nameTok, ...args], span); // GNU line marker: # 12 "file.cu"
    return undefined;
  }
  const name = nameTok.kind === 'identifier' ? nameTok.text : '';
  switch (name) {
    case 'define': {
      const m = parseDefine(args, nameTok.span, pp.diags);
      if (m === undefined) break;
      const prev = pp.macros.get(m.name);
      if (prev !== undefined && (prev.dynamic !== undefined || !sameDefinition(prev, m)))
        pp.diags.report(D.macroRedefined, m.nameSpan, { name: m.name }, [{ message: 'previous definition is here', span: prev.nameSpan }]);
      pp.macros.set(m.name, m);
      break;
    }
    case 'undef': {
      const id = macroName(pp, args, nameTok);
      if (id !== undefined) pp.macros.delete(id);
      extraTokens(pp, args, 1, name);
      break;
    }
    case 'include':
    case 'include_next':
      includeDirective(pp, f, args, nameTok, span);
      break;
    case 'if':
      pushConditional(pp, f, name, span, evaluateCondition(pp.expandLine(args, true), nameTok.span, name, pp.diags, pp.limits.ifExpressionDepth));
      break;
    case 'ifdef':
    case 'ifndef': {
      const id = macroName(pp, args, nameTok);
      extraTokens(pp, args, 1, name);
      pushConditional(pp, f, name, span, id !== undefined && pp.macros.has(id) === (name === 'ifdef'));
      break;
    }
    case 'elif':
    case 'elifdef':
    case 'elifndef':
    case 'else': {
      const c = pp.conds.length > f.condBase ? pp.conds[pp.conds.length - 1]! : undefined;
      if (c === undefined) {
        pp.diags.report(name === 'else' ? D.elseWithoutIf : D.elifWithoutIf, nameTok.span);
        break;
      }
      if (c.sawElse) pp.diags.report(name === 'else' ? D.elseAfterElse : D.elifAfterElse, nameTok.span);
      if (name === 'else') c.sawElse = true;
      if (c.taken) skipGroup(f); // a group was taken: the rest are not even evaluated
      else {
        let take = true;
        if (name === 'elif') take = evaluateCondition(pp.expandLine(args, true), nameTok.span, name, pp.diags, pp.limits.ifExpressionDepth);
        else if (name !== 'else') {
          const id = macroName(pp, args, nameTok);
          take = id !== undefined && pp.macros.has(id) === (name === 'elifdef');
        }
        if (take) c.taken = true;
        else skipGroup(f);
      }
      break;
    }
    case 'endif':
      if (pp.conds.length > f.condBase) pp.conds.pop();
      else pp.diags.report(D.endifWithoutIf, nameTok.span);
      extraTokens(pp, args, 0, name);
      break;
    case 'pragma':
      return pragma(pp, args, span, f);
    case 'error':
    case 'warning': {
      const file = f.file;
      const message = args.length ? file.text.slice(args[0]!.span.start, args[args.length - 1]!.span.end) : `#${name}`;
      pp.diags.report(name === 'error' ? D.errorDirective : D.warningDirective, nameTok.span, { message });
      break;
    }
    case 'line':
      lineDirective(pp, f, pp.expandLine(args, false), span);
      break;
    case 'ident':
    case 'sccs':
      break;
    default:
      pp.diags.report(D.unknownDirective, nameTok.span, { name: nameTok.text });
  }
  return undefined;
}

function macroName(pp: Preprocessor, args: readonly Token[], directive: Token): string | undefined {
  const t = args[0];
  if (t === undefined) pp.diags.report(D.macroNameMissing, directive.span);
  else if (t.kind !== 'identifier') pp.diags.report(D.macroNameNotIdentifier, t.span);
  else return t.text;
  return undefined;
}

function extraTokens(pp: Preprocessor, args: readonly Token[], expected: number, directive: string): void {
  const t = args[expected];
  if (t !== undefined) pp.diags.report(D.extraTokens, t.span, { directive });
}

function pushConditional(pp: Preprocessor, f: FileState, directive: string, span: Span, value: boolean): void {
  pp.conds.push({ directive, span, taken: value, sawElse: false });
  if (!value) skipGroup(f);
}

/**
 * Skip a false group: advance to the `#` of the `#elif`/`#else`/`#endif` that ends it at
 * this nesting level (or the end of the file), counting nested `#if`s and nothing else.
 */
function skipGroup(f: FileState): void {
  const toks = f.toks;
  let depth = 0;
  let k = f.i;
  for (; k < toks.length; k++) {
    const t = toks[k]!;
    if (!t.lineStart || t.kind !== 'punct' || t.text !== '#') continue;
    const d = toks[k + 1];
    if (d === undefined || d.lineStart || d.kind !== 'identifier') continue;
    const w = d.text;
    if (w === 'if' || w === 'ifdef' || w === 'ifndef') depth++;
    else if (w === 'endif') {
      if (depth === 0) break;
      depth--;
    } else if (depth === 0 && (w === 'else' || w === 'elif' || w === 'elifdef' || w === 'elifndef')) break;
  }
  f.problems.dropUpTo(k);
  f.i = k;
}

function includeDirective(pp: Preprocessor, f: FileState, args: readonly Token[], nameTok: Token, directive: Span): void {
  let first: Token | undefined = args[0];
  let name: string | undefined;
  let quoted = false;
  let nameSpan = first?.span ?? nameTok.span;
  if (first?.text === '<' && first.span.expansion === undefined) {
    // <header name>: take the characters as written (`<thrust/device_vector.h>` is no token list)
    const text = f.file.text;
    const gt = text.indexOf('>', first.span.end);
    const nl = text.indexOf('\n', first.span.end);
    if (gt >= 0 && (nl < 0 || gt < nl)) {
      name = text.slice(first.span.end, gt).trim();
      nameSpan = { file: f.file.id, start: first.span.start, end: gt + 1 };
    }
  } else if (first?.kind === 'string' && first.text.startsWith('"')) {
    name = first.text.slice(1, -1);
    quoted = true;
  } else if (first !== undefined) {
    // #include MACRO: expand, then read "name" or < name >
    const ex = pp.expandLine(args, false);
    first = ex[0];
    const last = ex[ex.length - 1];
    if (first?.kind === 'string' && first.text.startsWith('"')) {
      name = first.text.slice(1, -1);
      quoted = true;
    } else if (first?.text === '<' && last?.text === '>' && ex.length > 2) name = spellTokens(ex.slice(1, -1));
  }
  if (name === undefined || name.length === 0) {
    pp.diags.report(D.includeExpectsName, nameSpan, { directive: nameTok.text });
    return;
  }
  pp.include(name, quoted, nameSpan, directive);
}

/** `#line N "file"` and GNU `# N "file" flags`: change what __LINE__ and __FILE__ say */
function lineDirective(pp: Preprocessor, f: FileState, toks: readonly Token[], span: Span): void {
  const n = toks[0];
  if (n === undefined || n.kind !== 'number' || !/^[0-9]+$/.test(n.text)) {
    pp.diags.report(D.lineNumberInvalid, n?.span ?? span);
    return;
  }
  const file = pp.sources.get(span.file);
  const nextLine = file.lineCol(span.end).line + 1;
  f.lineDelta = Number(n.text) - nextLine;
  const name = toks[1];
  if (name?.kind === 'string' && name.text.startsWith('"')) f.presumedName = name.text.slice(1, -1).replace(/\\(["\\])/g, '$1');
}

/** `#pragma` words: `once`, `unroll [N]`/`nounroll` (kept), `push_macro`/`pop_macro`; others dropped */
function pragma(pp: Preprocessor, args: readonly Token[], span: Span, f: FileState | undefined): PPToken | undefined {
  const word = args[0];
  if (word === undefined || word.kind !== 'identifier') return undefined;
  switch (word.text) {
    case 'once':
      if (f === undefined) return undefined;
      if (f.file === pp.main) pp.diags.report(D.pragmaOnceInMain, word.span);
      else pp.onceFiles.add(f.file.path);
      return undefined;
    case 'push_macro':
    case 'pop_macro': {
      const s = args[1]?.text === '(' ? args[2] : undefined;
      if (s?.kind !== 'string') return undefined;
      const name = s.text.slice(1, -1);
      let stack = pp.pushedMacros.get(name);
      if (word.text === 'push_macro') {
        if (stack === undefined) pp.pushedMacros.set(name, (stack = []));
        stack.push(pp.macros.get(name));
      } else if (stack !== undefined && stack.length > 0) {
        const m = stack.pop();
        if (m === undefined) pp.macros.delete(name);
        else pp.macros.set(name, m);
      }
      return undefined;
    }
  }
  if (!KEPT_PRAGMAS.has(word.text)) return undefined;
  // the count may be a macro or an expression: expand it, keep its spelling for the parser
  const count = spellTokens(pp.expandLine(args.slice(1), false));
  return ppToken('pragma', count ? `${word.text} ${count}` : word.text, span, true, true, undefined);
}

/** a pragma spelled by `_Pragma("…")`: lexed from the string, located at the operator */
export function pragmaDirective(pp: Preprocessor, text: string, span: Span): PPToken | undefined {
  const toks = scanFile(text, span.file).tokens.map((t) => ppToken(t.kind, t.text, span, t.spaceBefore, false, undefined));
  return pragma(pp, toks, span, pp.cur);
}
