#!/usr/bin/env node
// Runs the TypeScript bench harness through tsx, as bin/subnet-sim.mjs runs the CLI: `npm run bench`.
import { register } from 'tsx/esm/api';

register();
await import('../bench/main.ts');
