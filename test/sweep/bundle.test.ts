import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../cli/fixtures/cli.ts';

/**
 * bin/bundle.mjs, which lets the CLI and the sweep workers run without tsx: on a copy of it in a small
 * project of its own (so the real build is left alone), a first start builds, later starts reuse the
 * build, an edited source is rebuilt before it runs, and where no build can be had the caller is told
 * to use tsx. Then the real CLI: the same runs.csv through the bundle as through tsx.
 */

const tmp = mkdtempSync(join(tmpdir(), 'subnet-sim-bundle-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const project = join(tmp, 'project');
const cache = join(tmp, 'cache');
mkdirSync(join(project, 'bin'), { recursive: true });
mkdirSync(join(project, 'src/cli'), { recursive: true });
mkdirSync(join(project, 'src/sweep'), { recursive: true });
copyFileSync(join(ROOT, 'bin/bundle.mjs'), join(project, 'bin/bundle.mjs'));
copyFileSync(join(ROOT, 'tsconfig.json'), join(project, 'tsconfig.json'));
symlinkSync(join(ROOT, 'node_modules'), join(project, 'node_modules'));
writeFileSync(
  join(project, 'src/cli/main.ts'),
  "import { value } from './value.ts';\nconst n: number = value;\nconsole.log('value ' + n + ' from ' + import.meta.url);\n",
);
writeFileSync(join(project, 'src/cli/value.ts'), 'export const value = 1;\n');
writeFileSync(join(project, 'src/sweep/worker-tasks.ts'), 'export const runTask = () => 1;\n');

/** A start: asks for the CLI's bundle and runs it; prints the bundle's URL, then what the CLI prints. */
function start(env: Record<string, string> = {}) {
  const script = `const { bundled } = await import(${JSON.stringify(pathToFileURL(join(project, 'bin/bundle.mjs')).href)});
const url = await bundled('cli', ${JSON.stringify(cache)});
console.log(String(url));
if (url) await import(url);`;
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    encoding: 'utf8',
    env: { ...process.env, SUBNET_SIM_NO_BUNDLE: '', ...env },
  });
  expect(child.stderr).toBe('');
  const [url, output] = child.stdout.split('\n');
  return { url, output };
}

describe('bin/bundle.mjs', () => {
  it('builds on first use, reuses the build, rebuilds when a source changes', () => {
    const first = start();
    expect(first.url).toMatch(/^file:.*\/cli\.js$/);
    // import.meta.url is the source file's, so paths built from it point where they did under tsx.
    expect(first.output).toBe(`value 1 from ${pathToFileURL(join(project, 'src/cli/main.ts')).href}`);
    const inputs = readFileSync(join(cache, 'inputs.json'), 'utf8');
    expect(JSON.parse(inputs).inputs).toEqual([
      'src/cli/main.ts',
      'src/cli/value.ts',
      'src/sweep/worker-tasks.ts',
      'tsconfig.json',
    ]);
    expect(start().url).toBe(first.url);
    writeFileSync(join(project, 'src/cli/value.ts'), 'export const value = 2;\n');
    const edited = start();
    expect(edited.url).not.toBe(first.url);
    expect(edited.output).toContain('value 2 from');
  });

  it('says to use tsx when asked to, and when the sources do not build', () => {
    expect(start({ SUBNET_SIM_NO_BUNDLE: '1' }).url).toBe('undefined');
    writeFileSync(join(project, 'src/cli/value.ts'), 'export const value = ;\n');
    expect(start().url).toBe('undefined');
  });
});

describe('the CLI through the bundle and through tsx', () => {
  it('writes the same runs.csv and points.csv', () => {
    const sweep = (name: string, env: Record<string, string>) => {
      const out = join(tmp, name);
      const child = spawnSync(
        process.execPath,
        [
          'bin/subnet-sim.mjs',
          'sweep',
          'test/sweep/fixtures/grid.yaml',
          '--out',
          out,
          '--workers',
          '2',
          '--quiet',
        ],
        { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env } },
      );
      expect(child.stderr).toBe('');
      expect(child.status).toBe(0);
      return ['runs.csv', 'points.csv'].map((file) => readFileSync(join(out, file), 'utf8'));
    };
    expect(sweep('tsx', { SUBNET_SIM_NO_BUNDLE: '1' })).toEqual(
      sweep('bundle', { SUBNET_SIM_NO_BUNDLE: '' }),
    );
  }, 120_000);
});
