/**
 * Argument substitution (C17 6.10.3.1–6.10.3.3): the replacement list of one macro
 * invocation with its parameters replaced — by the fully expanded argument, by the raw
 * argument next to `##`, or by a string literal after `#` — then `##` pastes. This is
 * `subst` of Prosser's algorithm: every token it returns carries the invocation's hide set
 * (unioned with the token's own), so rescanning never re-expands the macro from its output.
 *
 * Spans: a token from the replacement list is spelled in the `#define` and carries an
 * `Expansion` naming the macro, its definition token and the invocation site; an argument
 * token keeps its own span (so a diagnostic about `y` in `SQ(y)` points at the `y`).
 * Empty arguments next to `##` are placemarkers (C17 6.10.3.3/2); `, ## __VA_ARGS__` drops
 * the comma when the variadic argument is empty (the GNU extension every CUDA sample uses).
 */
import type { Span } from '../../support/source.js';
import type { DiagnosticBag } from '../../support/diagnostics/index.js';
import { P_NONE, scanOut, scanToken } from '../lex/scan.js';
import type { Token, TokenKind } from '../token.js';
import { ppDiagnostics as D } from './diagnostics.js';
import { HideSet } from './hideset.js';
import { type Macro, matchParen, VA_OPT } from './macros.js';

/** a token inside the preprocessor: its hide set travels with it */
export interface PPToken extends Token {
  readonly hide?: HideSet;
}

export function ppToken(kind: TokenKind, text: string, span: Span, spaceBefore: boolean, lineStart: boolean, hide: HideSet | undefined): PPToken {
  return { kind, text, span, spaceBefore, lineStart, hide };
}

const PLACEMARKER: PPToken = ppToken('punct', '', { file: -1, start: 0, end: 0 }, false, false, undefined);

export interface Invocation {
  readonly macro: Macro;
  /** raw arguments (function-like macros) */
  readonly args: readonly (readonly PPToken[])[];
  /** the name token */
  readonly name: PPToken;
  /** name through `)` */
  readonly site: Span;
  readonly hide: HideSet;
}

export interface SubstHost {
  readonly diags: DiagnosticBag;
  /** the argument macro-expanded on its own (C17 6.10.3.1/1) */
  expandArgument(tokens: readonly PPToken[]): PPToken[];
}

/** Substitute one invocation; the result is ready to be pushed back for rescanning. */
export function substitute(host: SubstHost, inv: Invocation): PPToken[] {
  const m = inv.macro;
  const out: PPToken[] = [];
  const s = new Substitution(host, inv);
  if (m.hasOperators) s.general(0, m.body.length, out);
  else s.simple(out);
  const result = out.length && out.some((t) => t === PLACEMARKER) ? out.filter((t) => t !== PLACEMARKER) : out;
  if (result.length) {
    // the expansion takes the place of the name: it inherits the name's whitespace
    const f = result[0]!;
    result[0] = ppToken(f.kind, f.text, f.span, inv.name.spaceBefore, inv.name.lineStart, f.hide);
  }
  return result;
}

class Substitution {
  private readonly expanded: (PPToken[] | undefined)[] = [];

  constructor(
    private readonly host: SubstHost,
    private readonly inv: Invocation,
  ) {}

  /** no `#`, `##` or `__VA_OPT__`: copy the body, splice in expanded arguments */
  simple(out: PPToken[]): void {
    const { body, paramIndex } = this.inv.macro;
    for (let i = 0; i < body.length; i++) {
      const p = paramIndex[i]!;
      if (p >= 0) this.pushArg(this.expandedArg(p), body[i]!.spaceBefore, out);
      else out.push(this.fromBody(body[i]!));
    }
  }

  general(from: number, to: number, out: PPToken[]): void {
    const m = this.inv.macro;
    const { body, paramIndex } = m;
    for (let i = from; i < to; i++) {
      const bt = body[i]!;
      const p = paramIndex[i]!;
      if (bt.kind === 'punct') {
        if (bt.text === '#' && m.functionLike && i + 1 < to && paramIndex[i + 1]! >= 0) {
          out.push(this.stringify(this.inv.args[paramIndex[i + 1]!]!, bt));
          i++;
          continue;
        }
        if (bt.text === '##' && i + 1 < to) {
          i = this.paste(i, to, out);
          continue;
        }
      }
      if (p >= 0) {
        if (i + 1 < to && body[i + 1]!.text === '##' && body[i + 1]!.kind === 'punct') {
          const raw = this.inv.args[p]!;
          if (raw.length === 0) out.push(PLACEMARKER);
          else this.pushArg(raw, bt.spaceBefore, out);
        } else this.pushArg(this.expandedArg(p), bt.spaceBefore, out);
      } else if (p === VA_OPT) {
        const close = matchParen(body, i + 1);
        if (this.expandedArg(m.params.length - 1).length > 0) this.general(i + 2, close, out);
        else out.push(PLACEMARKER);
        i = close;
      } else out.push(this.fromBody(bt));
    }
  }

  /** `lhs ## rhs` with the `##` at body[i]; returns the index of the last body token used */
  private paste(i: number, to: number, out: PPToken[]): number {
    const m = this.inv.macro;
    const { body, paramIndex } = m;
    const op = body[i]!;
    let j = i + 1;
    const rp = paramIndex[j]!;
    let rhs: readonly PPToken[];
    if (rp >= 0) {
      const raw = this.inv.args[rp]!;
      const prev = out[out.length - 1];
      if (m.variadic && rp === m.params.length - 1 && prev?.text === ',' && prev.kind === 'punct' && prev.span.expansion?.macro === m.name) {
        // GNU `, ## __VA_ARGS__`: no paste; an empty variadic argument removes the comma
        if (raw.length === 0) out.pop();
        else this.pushArg(raw, body[j]!.spaceBefore, out);
        return j;
      }
      rhs = raw.map((t) => this.withHide(t, t.spaceBefore));
    } else if (rp === VA_OPT) {
      const close = matchParen(body, j + 1);
      const tmp: PPToken[] = [];
      if (this.expandedArg(m.params.length - 1).length > 0) this.general(j + 2, close, tmp);
      rhs = tmp.filter((t) => t !== PLACEMARKER);
      j = close;
    } else if (body[j]!.text === '#' && m.functionLike && j + 1 < to && paramIndex[j + 1]! >= 0) {
      rhs = [this.stringify(this.inv.args[paramIndex[j + 1]!]!, body[j]!)];
      j++;
    } else rhs = [this.fromBody(body[j]!)];
    if (rhs.length === 0) return j; // lhs ## placemarker → lhs
    const lhs = out.pop();
    if (lhs === undefined || lhs === PLACEMARKER) {
      for (const t of rhs) out.push(t);
      return j;
    }
    const glued = this.glue(lhs, rhs[0]!, op);
    for (const t of glued) out.push(t);
    for (let k = 1; k < rhs.length; k++) out.push(rhs[k]!);
    return j;
  }

  /** paste two tokens; an invalid result is reported and both tokens are kept */
  private glue(lhs: PPToken, rhs: PPToken, op: Token): PPToken[] {
    const text = lhs.text + rhs.text;
    const kind = pastedKind(text);
    if (kind === undefined) {
      this.host.diags.report(D.invalidPaste, this.bodySpan(op), { text });
      return [lhs, rhs];
    }
    const hide = lhs.hide && rhs.hide ? lhs.hide.union(rhs.hide) : (lhs.hide ?? rhs.hide);
    return [ppToken(kind, text, this.bodySpan(op), lhs.spaceBefore, false, hide)];
  }

  /** `#param`: C17 6.10.3.2 — spellings joined by one space where there was whitespace */
  private stringify(arg: readonly PPToken[], hash: Token): PPToken {
    let s = '"';
    for (let k = 0; k < arg.length; k++) {
      const t = arg[k]!;
      if (k > 0 && t.spaceBefore) s += ' ';
      s += t.kind === 'string' || t.kind === 'char' ? t.text.replace(/[\\"]/g, '\\$&') : t.text;
    }
    s += '"';
    return ppToken('string', s, this.bodySpan(hash), hash.spaceBefore, false, this.inv.hide);
  }

  private expandedArg(p: number): PPToken[] {
    let e = this.expanded[p];
    if (e === undefined) e = this.expanded[p] = this.host.expandArgument(this.inv.args[p] ?? []);
    return e;
  }

  private pushArg(toks: readonly PPToken[], firstSpace: boolean, out: PPToken[]): void {
    for (let k = 0; k < toks.length; k++) out.push(this.withHide(toks[k]!, k === 0 ? firstSpace : toks[k]!.spaceBefore));
  }

  private withHide(t: PPToken, spaceBefore: boolean): PPToken {
    const hs = this.inv.hide;
    return ppToken(t.kind, t.text, t.span, spaceBefore, false, t.hide ? t.hide.union(hs) : hs);
  }

  private fromBody(bt: Token): PPToken {
    return ppToken(bt.kind, bt.text, this.bodySpan(bt), bt.spaceBefore, false, this.inv.hide);
  }

  private bodySpan(bt: Token): Span {
    const d = bt.span;
    return { file: d.file, start: d.start, end: d.end, expansion: { macro: this.inv.macro.name, definition: d, site: this.inv.site } };
  }
}

/** the kind of the single token `text` lexes as, or undefined when it is not one token */
export function pastedKind(text: string): TokenKind | undefined {
  if (text.length === 0) return undefined;
  const c = text.charCodeAt(0);
  if (c === 32 || c === 9 || c === 10 || c === 13 || c === 92) return undefined;
  const end = scanToken(text, 0);
  if (end !== text.length || scanOut.problem !== P_NONE) return undefined;
  return scanOut.kind;
}
