#!/usr/bin/env node
import { runCli } from '../dist/cli/run-cli.js';

const code = await runCli(process.argv.slice(2));
// A stopped build has closed its browser and written nothing; work it abandoned
// (a check still running in a thread) must not keep the process alive.
if (code === 130 || code === 143) process.exit(code);
process.exitCode = code;
