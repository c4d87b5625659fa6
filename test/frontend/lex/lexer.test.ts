/**
 * The lexer: token kinds and spellings, flags, spans, splices, and its diagnostics.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SourceManager } from '../../../src/support/source.js';
import { DiagnosticBag } from '../../../src/support/diagnostics/index.js';
import { lex, scanFile } from '../../../src/frontend/lex/lexer.js';

function tokens(src: string): string[] {
  return scanFile(src, 0).tokens.map((t) => `${t.kind}:${t.text}`);
}

function lexDiags(src: string): string[] {
  const sm = new SourceManager();
  const f = sm.add('t.cu', src);
  const bag = new DiagnosticBag(sm, 1000);
  lex(f, bag);
  return bag.resolve().map((d) => `${d.code}@${d.line}:${d.column}`);
}

describe('lexer: token kinds', () => {
  it('identifiers and keywords are identifiers', () => {
    expect(tokens('__global__ void _k9(int x)')).toEqual([
      'identifier:__global__', 'identifier:void', 'identifier:_k9', 'punct:(', 'identifier:int', 'identifier:x', 'punct:)',
    ]);
  });

  it('pp-numbers take suffixes, exponents with signs and digit separators', () => {
    const nums = ['1.5e-3f', '0x1Fu', '10ull', "1'000'000", '.5', '1e+5', '0x1p-3', '1.f', '0b1011', '3.0E+10L', '1..2'];
    for (const n of nums) expect(tokens(n)).toEqual([`number:${n}`]);
    expect(tokens('1+2')).toEqual(['number:1', 'punct:+', 'number:2']);
    expect(tokens('0xe+1')).toEqual(['number:0xe+1']); // the standard's famous pp-number
    expect(tokens("a'")).toEqual(['identifier:a', "char:'"]);
  });

  it('character and string literals keep prefixes and quotes', () => {
    expect(tokens(`'a' '\\n' u8'x' u'y' U'z' L'w' "s\\"t" u8"a" u"b" U"c" L"d"`)).toEqual([
      "char:'a'", "char:'\\n'", "char:u8'x'", "char:u'y'", "char:U'z'", "char:L'w'",
      'string:"s\\"t"', 'string:u8"a"', 'string:u"b"', 'string:U"c"', 'string:L"d"',
    ]);
    expect(tokens('Lx"a"')).toEqual(['identifier:Lx', 'string:"a"']);
  });

  it('raw strings run to their delimiter across lines, without splicing', () => {
    expect(tokens('R"(a\\\nb)" x')).toEqual(['string:R"(a\\\nb)"', 'identifier:x']);
    expect(tokens('u8R"xy(a)" )xy" z')).toEqual(['string:u8R"xy(a)" )xy"', 'identifier:z']);
  });

  it('punctuators by longest match', () => {
    const all = '{ } [ ] ( ) ; , ? ~ # ## . ... .* : :: -> ->* - -- -= + ++ += * *= / /= % %= ^ ^= & && &= | || |= = == ! != < << <<= <= > >> >>= >=';
    expect(scanFile(all, 0).tokens.map((t) => t.text).join(' ')).toBe(all);
    expect(tokens('a<<=b->*c...d')).toEqual(['identifier:a', 'punct:<<=', 'identifier:b', 'punct:->*', 'identifier:c', 'punct:...', 'identifier:d']);
    expect(tokens('x+++++y').map((t) => t.split(':')[1])).toEqual(['x', '++', '++', '+', 'y']);
    expect(tokens('a>>=b>>c')).toEqual(['identifier:a', 'punct:>>=', 'identifier:b', 'punct:>>', 'identifier:c']);
  });

  it('digraphs are spelled as their canonical punctuator; <:: is < :: (C++11)', () => {
    expect(scanFile('<: :> <% %> %: %:%:', 0).tokens.map((t) => t.text)).toEqual(['[', ']', '{', '}', '#', '##']);
    expect(scanFile('vector<::T> a<::>', 0).tokens.map((t) => t.text)).toEqual(['vector', '<', '::', 'T', '>', 'a', '[', ']']);
  });
});

describe('lexer: whitespace, comments, splices, flags and spans', () => {
  it('sets spaceBefore and lineStart', () => {
    const t = scanFile('a b\n  c/**/d//x\ne', 0).tokens;
    expect(t.map((x) => [x.text, x.spaceBefore, x.lineStart])).toEqual([
      ['a', false, true], ['b', true, false], ['c', true, true], ['d', true, false], ['e', true, true],
    ]);
  });

  it('a block comment spanning lines does not start a line', () => {
    const t = scanFile('a /*\n*/ # b', 0).tokens;
    expect(t.map((x) => x.lineStart)).toEqual([true, false, false]);
  });

  it('spans are half-open offsets of the spelling', () => {
    const src = 'int  foo = 0x10;';
    for (const t of scanFile(src, 3).tokens) {
      expect(t.span.file).toBe(3);
      expect(src.slice(t.span.start, t.span.end)).toBe(t.text);
    }
  });

  it('line splices join lines, inside tokens too', () => {
    expect(tokens('ab\\\ncd x\\\n+y')).toEqual(['identifier:abcd', 'identifier:x', 'punct:+', 'identifier:y']);
    expect(tokens('"ab\\\ncd"')).toEqual(['string:"abcd"']);
    expect(tokens('a\\\r\nb')).toEqual(['identifier:ab']);
    const t = scanFile('ab\\\ncd', 0).tokens[0]!;
    expect([t.span.start, t.span.end]).toEqual([0, 6]);
    // a splice between tokens does not start a line
    expect(scanFile('#define X \\\n  1', 0).tokens.map((x) => x.lineStart)).toEqual([true, false, false, false]);
  });

  it('a // comment ending in a backslash continues (with a warning)', () => {
    expect(tokens('// a \\\n b\nc')).toEqual(['identifier:c']);
    expect(lexDiags('// a \\\n b\nc')).toEqual(['KCC1011@1:6']);
  });

  it('skips a byte-order mark', () => {
    expect(tokens('\uFEFFint')).toEqual(['identifier:int']);
  });

  it('accepts Unicode letters in identifiers', () => {
    expect(tokens('float αβ = 1;')[1]).toBe('identifier:αβ');
  });
});

describe('lexer: diagnostics', () => {
  it('unterminated comment, string, char; empty char', () => {
    expect(lexDiags('int a;\n  /* never closed')).toEqual(['KCC1004@2:3']);
    expect(lexDiags('x = "abc\ny')).toEqual(['KCC1005@1:5']);
    expect(lexDiags("c = 'a\n")).toEqual(['KCC1006@1:5']);
    expect(lexDiags("c = '';")).toEqual(['KCC1009@1:5']);
    expect(lexDiags('R"x(abc')).toEqual(['KCC1007@1:1']);
    expect(lexDiags('R"a b(x)a b"')).toEqual(['KCC1008@1:1']);
  });

  it('an unterminated literal ends at its line: the next line lexes normally', () => {
    expect(tokens('"abc\nint')).toEqual(['string:"abc', 'identifier:int']);
  });

  it('stray characters: the first few reported, the rest counted', () => {
    expect(lexDiags('a @ b')).toEqual(['KCC1001@1:3']);
    const many = lexDiags('@'.repeat(1000));
    expect(many.length).toBe(6);
    expect(many[5]).toBe('KCC1003@1:6');
    expect(lexDiags('x \uFFFD y')).toEqual(['KCC1002@1:3']);
    expect(lexDiags('x \u0001 y')).toEqual(['KCC1002@1:3']);
  });

  it('backslash-space-newline is a splice with a warning', () => {
    expect(lexDiags('#define A 1 \\  \n + 2')).toEqual(['KCC1010@1:13']);
    expect(tokens('a\\ \nb')).toEqual(['identifier:ab']);
  });
});

describe('lexer: robustness and speed', () => {
  it('never throws; spans are ordered, inside the text, and non-empty', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'ab1 .\'"\\\n/*#<>=+-@R(u8)\t\r\u00e9\uFFFD'.split('')), maxLength: 80 }), (src) => {
        const { tokens: toks } = scanFile(src, 0);
        let last = 0;
        for (const t of toks) {
          expect(t.span.start).toBeGreaterThanOrEqual(last);
          expect(t.span.end).toBeGreaterThan(t.span.start);
          expect(t.span.end).toBeLessThanOrEqual(src.length);
          last = t.span.end;
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('random bytes end quickly with a handful of diagnostics', () => {
    let seed = 42;
    const rnd = (): number => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 16) & 0xff;
    const bytes = Buffer.from(Array.from({ length: 1_000_000 }, rnd));
    const t0 = performance.now();
    const d = lexDiags(bytes.toString('utf8'));
    expect(performance.now() - t0).toBeLessThan(5000);
    expect(d.length).toBeLessThanOrEqual(2); // "binary data", then a count
    expect(d[d.length - 1]).toMatch(/^KCC1003/);
  });

  it('lexes a 5 MB file well within the time bound', () => {
    const unit = 'for (int k = 0; k < n; ++k) { y[k] = a * x[k] + 1.5e-3f; } // loop\n';
    const src = unit.repeat(Math.ceil(5_000_000 / unit.length));
    const t0 = performance.now();
    const r = scanFile(src, 0);
    expect(performance.now() - t0).toBeLessThan(5000);
    expect(r.tokens.length).toBeGreaterThan(1_000_000);
  });
});
