/**
 * What the CLI touches outside itself, as one object, so tests run it in-process and read
 * what it printed (the filetest runner does), and `main.ts` binds it to the real process.
 */
import { readFileSync, writeFileSync } from 'node:fs';

export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  /** colour diagnostics by default (stderr is a terminal and NO_COLOR is unset) */
  colorStderr: boolean;
  readFile(path: string): Buffer;
  writeFile(path: string, data: string | Uint8Array): void;
}

export function processIO(): CliIO {
  return {
    stdout: (t) => void process.stdout.write(t),
    stderr: (t) => void process.stderr.write(t),
    colorStderr: Boolean(process.stderr.isTTY) && !process.env['NO_COLOR'],
    readFile: (p) => readFileSync(p),
    writeFile: (p, d) => writeFileSync(p, d),
  };
}

/** An IO that records everything, for tests. */
export function memoryIO(files: Record<string, string> = {}): CliIO & { out: string; err: string; written: Record<string, string> } {
  const io = {
    out: '',
    err: '',
    written: {} as Record<string, string>,
    colorStderr: false,
    stdout(t: string) {
      io.out += t;
    },
    stderr(t: string) {
      io.err += t;
    },
    readFile(p: string): Buffer {
      if (p in files) return Buffer.from(files[p]!);
      return readFileSync(p);
    },
    writeFile(p: string, d: string | Uint8Array) {
      io.written[p] = typeof d === 'string' ? d : Buffer.from(d).toString('utf8');
    },
  };
  return io;
}
