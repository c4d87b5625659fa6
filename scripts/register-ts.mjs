// Lets plain `node` run the TypeScript sources directly (benchmarks and scripts), without a
// build step: `node --import ./scripts/register-ts.mjs bench/run.ts`.
// Type errors are not checked here (`npm run typecheck` does that); files are only transpiled.
import { register } from 'node:module';

register('./ts-loader.mjs', import.meta.url);
