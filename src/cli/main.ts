#!/usr/bin/env node
/** The `kcc` executable: binds the CLI to the real process. */
import { runCli } from './cli.js';
import { processIO } from './io.js';

const code = await runCli(process.argv.slice(2), processIO());
process.exitCode = code;
