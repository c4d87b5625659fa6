/**
 * Real .cu files are mostly host code: names declared only by set-aside items or skipped
 * system headers, the CUDA runtime API, and host functions that cannot be run. Device code
 * that uses such a name gets an error with a note saying why the name is unknown; host code
 * is only marked not runnable.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allDiagnostics } from '../../../src/support/diagnostics/index.js';
import { semaDiagnostics } from '../../../src/frontend/sema/diagnostics.js';
import { checkSource, fn } from './helpers.js';

describe('set-aside items and skipped headers', () => {
  it('device use of a name from a skipped header: undeclared, with a note naming the header', () => {
    const r = checkSource('#include <cublas_v2.h>\n__global__ void k(float* x) { cublasCreate(0); }');
    expect(r.errors).toEqual(["KCC3001 use of undeclared identifier 'cublasCreate'"]);
    const note = r.diags.list.find((d) => d.code === 'KCC3001')!.notes[0]!;
    expect(note.message).toBe("'cublasCreate' may be declared by <cublas_v2.h>, which kcc skipped (host-only header)");
    expect(r.sources.describe(note.span!).line).toBe(1);
  });
  it('picks the matching header among several skipped ones', () => {
    const r = checkSource('#include <vector>\n#include <cufft.h>\n#include <curand.h>\n__device__ void f() { curandGenerate(); }');
    const notes = r.diags.list.find((d) => d.code === 'KCC3001')!.notes.map((n) => n.message);
    expect(notes).toEqual(["'curandGenerate' may be declared by <curand.h>, which kcc skipped (host-only header)"]);
  });
  it('device use of a name declared by a set-aside item: error with the reason at the item', () => {
    const r = checkSource(`#include <vector>
template <class T> class Holder : public std::vector<T> { public: using std::vector<T>::vector; Holder(int n) try : std::vector<T>(n) {} catch (...) {} };
int scale_factor() try { return 2; } catch (...) { return 1; }
__global__ void k(float* x) { x[0] = scale_factor(); }`);
    const d = r.diags.list.find((x) => x.code === 'KCC3027');
    expect(d?.message).toBe("use of 'scale_factor', which is declared in host code that kcc set aside");
    expect(d?.notes[0]?.message).toMatch(/^'scale_factor' was set aside: /);
  });
  it('host code may use unknown names when headers were skipped: not runnable, no error', () => {
    const r = checkSource(`#include <iostream>
__global__ void k(float* x) { x[0] = 1; }
void report(float v) { std::cout << v << std::endl; }
int main() { float* d; cudaMalloc(&d, 4); k<<<1, 1>>>(d); cudaError_t e = cudaGetLastError(); printf("%s\\n", cudaGetErrorString(e)); cudaFree(d); return e == cudaSuccess ? 0 : 1; }`);
    expect(r.errors).toEqual([]);
    expect(fn(r.program, 'report').notRunnable).toMatch(/uses '(std|cout)'/);
    expect(fn(r.program, 'main').notRunnable).toBeUndefined();
  });
  it('without skipped headers an unknown name in host code is an error', () => {
    expect(checkSource('int main() { return nosuch(); }', { implicit: false }).errors).toEqual(["KCC3001 use of undeclared identifier 'nosuch'"]);
  });
  it('device variables are passed to cudaMemcpyToSymbol by name', () => {
    const r = checkSource(`__constant__ float coeffs[4];
int main() { float h[4] = {1, 2, 3, 4}; cudaMemcpyToSymbol(coeffs, h, sizeof(h)); return 0; }`);
    expect(r.errors).toEqual([]);
  });
});

describe('the diagnostics table', () => {
  it('uses unique KCC3xxx codes, registered in the catalog', () => {
    const codes = Object.values(semaDiagnostics).map((d) => d.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const c of codes) {
      expect(c).toMatch(/^KCC3\d{3}$/);
      expect(allDiagnostics().get(c)).toBeDefined();
    }
  });
  it('reports several errors per run and poisons to avoid cascades', () => {
    const r = checkSource('__global__ void k(float* x) { float a = nope1; float b = a + nope2; x[0] = nope1 * b + nope3.y; }', { implicit: false });
    // each use is reported once (as clang does); nothing cascades from the poisoned `a` and `b`
    expect(r.errors).toEqual([
      "KCC3001 use of undeclared identifier 'nope1'", "KCC3001 use of undeclared identifier 'nope2'",
      "KCC3001 use of undeclared identifier 'nope1'", "KCC3001 use of undeclared identifier 'nope3'",
    ]);
  });
});

describe('every example checks cleanly', () => {
  const dir = join(__dirname, '../../../examples');
  const files = readdirSync(dir).filter((f) => f.endsWith('.cu')).map((f) => join(dir, f));
  const programs = join(dir, 'programs');
  for (const f of readdirSync(programs).filter((x) => x.endsWith('.cu'))) files.push(join(programs, f));
  for (const file of files) {
    it(file.slice(dir.length + 1), () => {
      const r = checkSource(readFileSync(file, 'utf8'), { filename: file });
      expect(r.errors).toEqual([]);
      expect(r.program.kernels.length).toBeGreaterThan(0);
    });
  }
});
