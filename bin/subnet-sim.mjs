#!/usr/bin/env node
// Runs the TypeScript CLI with no build step: from the bundle bin/bundle.mjs makes of the sources (at
// npm ci, and again whenever one changes), or through tsx where there is none.
import { fileURLToPath } from 'node:url';
import { bundled } from './bundle.mjs';

const cli = await bundled('cli');
if (cli !== undefined) {
  // The bundle's stack traces point into the sources, as tsx's do, when someone asks for them.
  if (process.env.SUBNET_SIM_DEBUG) process.setSourceMapsEnabled(true);
  await import(cli);
} else {
  const { register } = await import('tsx/esm/api');
  // The project's tsconfig whatever the working directory, so .tsx files (the terminal UI) compile as React JSX.
  register({ tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)) });
  await import('../src/cli/main.ts');
}
