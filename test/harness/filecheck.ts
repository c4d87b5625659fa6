/**
 * A small FileCheck (after LLVM's): match a program's output against `CHECK` lines kept in the
 * test file.
 *
 *   // CHECK: text          the text occurs on a line at or after the last match
 *   // CHECK-NEXT: text     … on the line right after the last match
 *   // CHECK-SAME: text     … on the same line as the last match, after it
 *   // CHECK-EMPTY:         the next line is empty
 *   // CHECK-NOT: text      the text does not occur between the last match and the next one
 *   // CHECK-LABEL: text    like CHECK, and CHECK-NOT regions never cross a label
 *
 * Inside a pattern, `{{re}}` is a regular expression, `[[X:re]]` captures into X and `[[X]]`
 * reuses a capture. Anything else matches literally; runs of whitespace match any whitespace.
 */

export type CheckKind = 'CHECK' | 'CHECK-NEXT' | 'CHECK-SAME' | 'CHECK-EMPTY' | 'CHECK-NOT' | 'CHECK-LABEL';

export interface Check {
  kind: CheckKind;
  pattern: string;
  /** 1-based line in the test file, for failure messages */
  line: number;
}

const CHECK_RE = /^\s*(?:\/\/|;|#)\s*(CHECK(?:-NEXT|-SAME|-EMPTY|-NOT|-LABEL)?):(.*)$/;

export function readChecks(testText: string): Check[] {
  const checks: Check[] = [];
  testText.split('\n').forEach((l, i) => {
    const m = CHECK_RE.exec(l);
    if (m) checks.push({ kind: m[1] as CheckKind, pattern: m[2]!.replace(/^ /, '').trimEnd(), line: i + 1 });
  });
  return checks;
}

export function isCheckLine(line: string): boolean {
  return CHECK_RE.test(line);
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The `]]` closing a `[[` whose body starts at `from`, skipping brackets of a regex inside. */
function closingBrackets(pattern: string, from: number): number {
  let depth = 0;
  for (let j = from; j < pattern.length; j++) {
    const c = pattern[j];
    if (c === '\\') j++;
    else if (c === '[') depth++;
    else if (c === ']') {
      if (depth === 0 && pattern[j + 1] === ']') return j;
      depth = Math.max(0, depth - 1);
    }
  }
  return -1;
}

/** Turns a pattern into a RegExp source, given the captures so far; returns capture names in order. */
function compile(pattern: string, vars: Map<string, string>): { re: RegExp; names: string[] } {
  let src = '';
  const names: string[] = [];
  let i = 0;
  while (i < pattern.length) {
    if (pattern.startsWith('{{', i)) {
      const end = pattern.indexOf('}}', i + 2);
      if (end < 0) throw new Error(`unterminated {{ in pattern '${pattern}'`);
      src += `(?:${pattern.slice(i + 2, end)})`;
      i = end + 2;
    } else if (pattern.startsWith('[[', i)) {
      const end = closingBrackets(pattern, i + 2);
      if (end < 0) throw new Error(`unterminated [[ in pattern '${pattern}'`);
      const body = pattern.slice(i + 2, end);
      const colon = body.indexOf(':');
      if (colon >= 0) {
        names.push(body.slice(0, colon));
        src += `(${body.slice(colon + 1)})`;
      } else {
        const v = vars.get(body);
        if (v === undefined) throw new Error(`undefined variable [[${body}]] in pattern '${pattern}'`);
        src += escapeRe(v);
      }
      i = end + 2;
    } else if (/\s/.test(pattern[i]!)) {
      while (i < pattern.length && /\s/.test(pattern[i]!)) i++;
      src += '\\s+';
    } else {
      src += escapeRe(pattern[i]!);
      i++;
    }
  }
  return { re: new RegExp(src), names };
}

export interface CheckFailure {
  check: Check;
  message: string;
}

/** Returns undefined when every check holds, else the first failure. */
export function fileCheck(output: string, checks: readonly Check[]): CheckFailure | undefined {
  const lines = output.split('\n');
  const vars = new Map<string, string>();
  let cur = -1; // line of the last match
  let col = 0; // column after the last match on that line
  let pendingNots: Check[] = [];

  const findFrom = (check: Check, from: number, to: number): { line: number; end: number } | undefined => {
    const { re, names } = compile(check.pattern, vars);
    for (let l = from; l < to; l++) {
      const text = l === cur ? lines[l]!.slice(col) : lines[l]!;
      const m = re.exec(text);
      if (m) {
        names.forEach((n, k) => vars.set(n, m[k + 1]!));
        const offset = l === cur ? col : 0;
        return { line: l, end: offset + m.index + m[0].length };
      }
    }
    return undefined;
  };

  const checkNots = (from: number, to: number, toCol?: number): CheckFailure | undefined => {
    for (const n of pendingNots) {
      const { re } = compile(n.pattern, vars);
      for (let l = from; l <= Math.min(to, lines.length - 1); l++) {
        let text = lines[l]!;
        if (l === to && toCol !== undefined) text = text.slice(0, toCol);
        if (re.test(text)) return { check: n, message: `CHECK-NOT: '${n.pattern}' found on output line ${l + 1}: ${lines[l]}` };
      }
    }
    pendingNots = [];
    return undefined;
  };

  for (const c of checks) {
    if (c.kind === 'CHECK-NOT') {
      pendingNots.push(c);
      continue;
    }
    let found: { line: number; end: number } | undefined;
    if (c.kind === 'CHECK' || c.kind === 'CHECK-LABEL') found = findFrom(c, Math.max(cur, 0), lines.length);
    else if (c.kind === 'CHECK-NEXT') found = findFrom(c, cur + 1, Math.min(cur + 2, lines.length));
    else if (c.kind === 'CHECK-SAME') found = cur >= 0 ? findFrom(c, cur, cur + 1) : undefined;
    else if (c.kind === 'CHECK-EMPTY') found = lines[cur + 1] === '' ? { line: cur + 1, end: 0 } : undefined;
    if (!found) {
      const near = lines.slice(Math.max(cur, 0), Math.max(cur, 0) + 3).join('\n');
      return { check: c, message: `${c.kind}: '${c.pattern}' not found (after output line ${cur + 1}):\n${near}` };
    }
    const notFail = checkNots(Math.max(cur, 0), found.line, found.end);
    if (notFail) return notFail;
    cur = found.line;
    col = found.end;
  }
  return checkNots(Math.max(cur, 0), lines.length - 1);
}

/** Expected-output lines for `bless`: the whole output, line by line, as exact checks. */
export function blessChecks(output: string, prefix = '//'): string[] {
  const lines = output.replace(/\n$/, '').split('\n');
  return lines.map((l, i) => {
    if (l.trim() === '') return `${prefix} CHECK-EMPTY:`;
    return `${prefix} ${i === 0 ? 'CHECK' : 'CHECK-NEXT'}: ${escapeLiteral(l)}`;
  });
}

/** Bless writes literal text; `{{` and `[[` in the output must not read as patterns. */
function escapeLiteral(line: string): string {
  return line.replace(/\{\{|\[\[/g, (m) => (m === '{{' ? '{{\\{\\{}}' : '{{\\[\\[}}'));
}
