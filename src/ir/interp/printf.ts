/**
 * C `printf` formatting for device printf: conversions d i u x X o c s f F e E g G p %, flags
 * `- + space 0 #`, width and precision (also `*`), length modifiers hh h l ll z (the value's
 * KIR type decides the width; `l`/`ll` make %u/%x read 64 bits). Floats print like glibc:
 * `inf`, `nan`, two-digit exponents.
 */
import type { Type } from '../types.js';
import type { Memory } from './memory.js';
import { decodeAddr } from './memory.js';

const SPEC = /%([-+ 0#]*)(\*|\d+)?(?:\.(\*|\d*))?(hh|h|ll|l|z|j|t|L)?([diuxXocsfFeEgGaAp%])/g;

export function formatPrintf(fmt: string, args: readonly unknown[], types: readonly Type[], mem?: Memory): string {
  let k = 0;
  const next = () => args[k++];
  return fmt.replace(SPEC, (_m, flags: string, w: string | undefined, p: string | undefined, len: string | undefined, conv: string) => {
    if (conv === '%') return '%';
    let width = w === '*' ? Number(next()) : w ? Number(w) : 0;
    let left = flags.includes('-');
    if (width < 0) { left = true; width = -width; }
    let prec = p === '*' ? Number(next()) : p !== undefined ? Number(p || '0') : undefined;
    if (prec !== undefined && prec < 0) prec = undefined;
    const t = types[k];
    const v = next();
    let body: string;
    let sign = '';
    const zeroPad = flags.includes('0') && !left;
    const wide = len === 'l' || len === 'll' || len === 'z' || len === 'j' || (t?.kind === 'int' && t.bits === 64);
    switch (conv) {
      case 'd': case 'i': {
        let n = typeof v === 'bigint' ? v : BigInt(Math.trunc(Number(v ?? 0)));
        if (!wide) n = BigInt.asIntN(32, n);
        if (n < 0n) { sign = '-'; n = -n; } else if (flags.includes('+')) sign = '+'; else if (flags.includes(' ')) sign = ' ';
        body = intDigits(n.toString(), prec);
        break;
      }
      case 'u': case 'x': case 'X': case 'o': {
        let n = typeof v === 'bigint' ? v : BigInt(Math.trunc(Number(v ?? 0)));
        n = wide ? BigInt.asUintN(64, n) : BigInt.asUintN(32, n);
        body = intDigits(n.toString(conv === 'u' ? 10 : conv === 'o' ? 8 : 16), prec);
        if (conv === 'X') body = body.toUpperCase();
        if (flags.includes('#') && n !== 0n) body = (conv === 'o' ? '0' : conv === 'x' ? '0x' : conv === 'X' ? '0X' : '') + body;
        break;
      }
      case 'c': body = String.fromCharCode(Number(v) & 255); break;
      case 's': body = readCString(v, mem); if (prec !== undefined) body = body.slice(0, prec); break;
      case 'p': body = `0x${BigInt(Math.trunc(Number(v ?? 0))).toString(16)}`; break;
      default: {
        const x = Number(v);
        if (x < 0 || Object.is(x, -0)) sign = '-'; else if (flags.includes('+')) sign = '+'; else if (flags.includes(' ')) sign = ' ';
        body = formatFloat(Math.abs(x), conv, prec ?? 6, flags.includes('#'));
      }
    }
    const numeric = conv !== 's' && conv !== 'c';
    const finite = !/inf|nan/i.test(body);
    const total = sign.length + body.length;
    if (total >= width) return sign + body;
    if (left) return sign + body + ' '.repeat(width - total);
    if (zeroPad && numeric && finite && (prec === undefined || 'fFeEgG'.includes(conv))) return sign + '0'.repeat(width - total) + body;
    return ' '.repeat(width - total) + sign + body;
  });
}

function intDigits(s: string, prec: number | undefined): string {
  if (prec === undefined) return s;
  if (prec === 0 && s === '0') return '';
  return s.padStart(prec, '0');
}

function expForm(x: number, prec: number): string {
  const s = x.toExponential(prec);
  const [m, e] = s.split('e');
  const en = Number(e);
  return `${m}e${en < 0 ? '-' : '+'}${String(Math.abs(en)).padStart(2, '0')}`;
}

function formatFloat(x: number, conv: string, prec: number, alt: boolean): string {
  const upper = conv === conv.toUpperCase();
  let s: string;
  if (Number.isNaN(x)) s = 'nan';
  else if (!Number.isFinite(x)) s = 'inf';
  else if (conv === 'f' || conv === 'F') s = x.toFixed(Math.min(prec, 100));
  else if (conv === 'e' || conv === 'E') s = expForm(x, Math.min(prec, 100));
  else if (conv === 'a' || conv === 'A') s = x.toString(16);
  else {
    const P = prec === 0 ? 1 : prec;
    const X = x === 0 ? 0 : Number(x.toExponential(P - 1).split('e')[1]);
    if (P > X && X >= -4) s = x.toFixed(P - 1 - X);
    else s = expForm(x, P - 1);
    if (!alt) {
      const [m, e] = s.split('e');
      const mm = m!.includes('.') ? m!.replace(/0+$/, '').replace(/\.$/, '') : m!;
      s = e === undefined ? mm : `${mm}e${e}`;
    }
  }
  return upper ? s.toUpperCase() : s;
}

function readCString(v: unknown, mem: Memory | undefined): string {
  if (typeof v === 'string') return v;
  if (!mem || typeof v !== 'number' || v === 0) return '(null)';
  const [id, off] = decodeAddr(v);
  const a = mem.allocs[id];
  if (!a) return '(invalid)';
  let s = '';
  for (let i = off; i >= 0 && i < a.size && a.bytes[i] !== 0; i++) s += String.fromCharCode(a.bytes[i]!);
  return s;
}
