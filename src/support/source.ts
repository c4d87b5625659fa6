/**
 * Source files and spans.
 *
 * Every token, AST node and (later) KIR op carries a `Span`: a half-open range of character
 * offsets into one source file, where the characters are spelled. A token that came out of a
 * macro expansion also carries an `Expansion` that names the macro, the span of its definition
 * and the span of the invocation site; the invocation site may itself be inside an expansion,
 * so the chain leads back to the user's text. Diagnostics report the outermost site and add an
 * "expanded from macro" note per level, as clang does.
 */

export interface Span {
  /** index into the SourceManager's files */
  readonly file: number;
  /** offset of the first character */
  readonly start: number;
  /** offset one past the last character (half-open) */
  readonly end: number;
  /** set when the characters were produced by a macro expansion */
  readonly expansion?: Expansion;
}

export interface Expansion {
  readonly macro: string;
  /** the macro's replacement-list token this token was spelled from, or the `#define` name */
  readonly definition: Span;
  /** the macro invocation (name through closing parenthesis) */
  readonly site: Span;
}

export interface LineCol {
  /** 1-based */
  readonly line: number;
  /** 1-based, in characters (tabs count one) */
  readonly column: number;
}

export class SourceFile {
  private lineStarts: number[] | undefined;

  constructor(
    readonly id: number,
    /** the path as the user wrote it (or as the include search found it) */
    readonly path: string,
    readonly text: string,
    /** the `#include` directive that brought this file in, if any */
    readonly includedFrom?: Span,
    /** kcc's own built-in headers are not user code */
    readonly builtin = false,
  ) {}

  private starts(): number[] {
    if (this.lineStarts) return this.lineStarts;
    const starts = [0];
    const t = this.text;
    for (let i = 0; i < t.length; i++) if (t.charCodeAt(i) === 10) starts.push(i + 1);
    return (this.lineStarts = starts);
  }

  lineCol(offset: number): LineCol {
    const s = this.starts();
    let lo = 0;
    let hi = s.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (s[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - s[lo]! + 1 };
  }

  /** the text of a 1-based line, without its newline */
  lineText(line: number): string {
    const s = this.starts();
    const start = s[line - 1] ?? this.text.length;
    let end = s[line] ?? this.text.length;
    if (end > start && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > start && this.text.charCodeAt(end - 1) === 13) end--;
    return this.text.slice(start, end);
  }

  get lineCount(): number {
    return this.starts().length;
  }
}

/** Owns every file of one compilation; spans refer to files by index. */
export class SourceManager {
  readonly files: SourceFile[] = [];

  add(path: string, text: string, includedFrom?: Span, builtin = false): SourceFile {
    const f = new SourceFile(this.files.length, path, text, includedFrom, builtin);
    this.files.push(f);
    return f;
  }

  get(id: number): SourceFile {
    const f = this.files[id];
    if (!f) throw new Error(`internal: no source file #${id}`);
    return f;
  }

  /** The location a user should look at: the outermost macro invocation site. */
  userSpan(span: Span): Span {
    let s = span;
    while (s.expansion) s = s.expansion.site;
    return s;
  }

  /** file path, line and column of a span's start as the user sees it */
  describe(span: Span): { file: string; line: number; column: number; endLine: number; endColumn: number } {
    const s = this.userSpan(span);
    const f = this.get(s.file);
    const a = f.lineCol(s.start);
    const b = f.lineCol(Math.max(s.start, s.end));
    return { file: f.path, line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
  }
}

/** A span covering `a` through `b` when both are spelled in the same place, else `a`. */
export function joinSpans(a: Span, b: Span): Span {
  if (a.file !== b.file || a.expansion !== b.expansion || b.end < a.start) return a;
  return a.expansion ? { file: a.file, start: a.start, end: b.end, expansion: a.expansion } : { file: a.file, start: a.start, end: b.end };
}
