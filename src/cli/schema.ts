import { z } from 'zod';
import { scenarioSchema } from '../scenario/schema.ts';

/** `subnet-sim schema`: the JSON Schema of scenario files, for editors and YAML language servers. */
export function scenarioJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(scenarioSchema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' }),
    title: 'subnet-sim scenario',
  };
}

export function schemaCommand(): number {
  process.stdout.write(`${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
  return 0;
}
