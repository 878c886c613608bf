#!/usr/bin/env node
// Runs the TypeScript CLI through tsx so `npx subnet-sim` works right after `npm ci`, with no build step.
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

// The project's tsconfig whatever the working directory, so .tsx files (the terminal UI) compile as React JSX.
register({ tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)) });
await import('../src/cli/main.ts');
