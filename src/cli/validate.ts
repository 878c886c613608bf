import { loadScenarioFile } from '../scenario/load.ts';
import { EXIT_BAD_INPUT, EXIT_OK } from './exit-codes.ts';
import { printProblems } from './print-problems.ts';

/** `subnet-sim validate <file…>`: checks files and prints every problem; exit 2 if any. */
export async function validateCommand(
  files: string[],
  options: { set?: string[]; quiet?: boolean },
): Promise<number> {
  let bad = false;
  for (const file of files) {
    const result = await loadScenarioFile(file, { overrides: options.set });
    if (result.ok) {
      if (!options.quiet)
        process.stdout.write(
          `${file}: ok (${result.scenario.name}, ${result.scenario.subnets.length} subnet(s), ${result.scenario.duration} blocks)\n`,
        );
    } else {
      bad = true;
      printProblems(result.problems);
    }
  }
  return bad ? EXIT_BAD_INPUT : EXIT_OK;
}
