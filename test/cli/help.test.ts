import { describe, expect, it } from 'vitest';
import { cli, STACK_LINE } from './fixtures/cli.ts';

/** Help, usage errors and the schema command, through the real command line. */

describe.concurrent('help and usage', () => {
  it('--help lists the commands and exits 0', async () => {
    const r = await cli('--help');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Usage: subnet-sim /);
    for (const command of ['run', 'validate', 'schema'])
      expect(r.stdout).toMatch(new RegExp(`^  ${command} `, 'm'));
    expect(r.stderr).toBe('');
  });

  it('run --help lists its options and exits 0', async () => {
    const r = await cli('run', '--help');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Usage: subnet-sim run \[options\] <scenario>/);
    for (const option of ['--out <dir>', '--seed <n>', '--set <path=value>', '--quiet', '--help']) {
      expect(r.stdout).toContain(option);
    }
  });

  it('an unknown command exits 2 and says so on stderr', async () => {
    const r = await cli('simulate', 'scenarios/quickstart.yaml');
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain("unknown command 'simulate'");
    expect(r.stderr).not.toMatch(STACK_LINE);
  });

  it('an unknown option exits 2 and says so on stderr', async () => {
    const r = await cli('run', 'scenarios/quickstart.yaml', '--outdir', 'x');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("unknown option '--outdir'");
    expect(r.stderr).not.toMatch(STACK_LINE);
  });

  it('schema prints a JSON Schema', async () => {
    const r = await cli('schema');
    expect(r.status).toBe(0);
    const schema = JSON.parse(r.stdout) as { $schema: string; properties: Record<string, unknown> };
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(Object.keys(schema.properties)).toEqual(
      expect.arrayContaining(['name', 'seed', 'duration', 'subnets']),
    );
    expect(r.stderr).toBe('');
  });
});
