/**
 * `npm run bench`: every benchmark of the project in one run, printed as a markdown table and
 * written to bench/results.json. Figures are medians of several runs; ratios are measured side
 * by side in the same run.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import type { BenchResult } from './harness.js';
import { benchFrontend } from './frontend.js';

const suites: [string, () => Promise<BenchResult[]>][] = [['frontend', benchFrontend]];

const { benchInterp } = await import('./interp.js');
const { benchNpuSim } = await import('./npu-sim.js');
suites.push(['interp', benchInterp], ['npu-sim', benchNpuSim]);

const only = process.argv.slice(2);
const all: (BenchResult & { suite: string })[] = [];
for (const [suite, run] of suites) {
  if (only.length && !only.includes(suite)) continue;
  process.stderr.write(`bench: ${suite}…\n`);
  for (const r of await run()) all.push({ suite, ...r });
}

const fmt = (v: number) => (Math.abs(v) >= 1000 ? Math.round(v).toLocaleString('en-US') : String(v));
const lines = ['| suite | figure | value | unit | goal | met |', '|---|---|---:|---|---|---|'];
for (const r of all) lines.push(`| ${r.suite} | ${r.name}${r.note ? ` (${r.note})` : ''} | ${fmt(r.value)} | ${r.unit} | ${r.goal ?? ''} | ${r.pass === undefined ? '' : r.pass ? 'yes' : 'NO'} |`);
const table = lines.join('\n');
process.stdout.write(`${table}\n`);

const meta = { date: new Date().toISOString(), node: process.version, cpu: cpus()[0]?.model, cores: cpus().length };
mkdirSync(join(import.meta.dirname), { recursive: true });
writeFileSync(join(import.meta.dirname, 'results.json'), JSON.stringify({ meta, results: all }, null, 2) + '\n');
writeFileSync(join(import.meta.dirname, 'results.md'), `# kcc benchmark results\n\n${JSON.stringify(meta)}\n\n${table}\n`);
