import { ReportInputError } from '../report/build-report.ts';
import { writeReport } from '../report/write-report.ts';
import { EXIT_BAD_INPUT, EXIT_OK } from './exit-codes.ts';

export interface ReportOptions {
  out?: string;
  quiet?: boolean;
}

/** `subnet-sim report <results-dir>`: one self-contained report.html of a run or a sweep. */
export async function reportCommand(dir: string, options: ReportOptions): Promise<number> {
  try {
    const { path, report } = await writeReport(dir, options.out);
    if (!options.quiet) process.stdout.write(`${report.charts.length} charts → ${path}\n`);
    return EXIT_OK;
  } catch (error) {
    if (error instanceof ReportInputError) {
      process.stderr.write(`error: ${error.message}\n`);
      return EXIT_BAD_INPUT;
    }
    throw error;
  }
}
