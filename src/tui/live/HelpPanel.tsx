import { Box, Text } from 'ink';
import { cell } from '../format.ts';
import { Paint } from '../theme.tsx';

export const KEYS: [string, string][] = [
  ['space', 'pause or resume the simulation'],
  ['+ / -', 'faster or slower (simulated time per second)'],
  ['tab / ↓ →', 'select the next subnet (shift-tab / ↑ ← the previous)'],
  ['s', 'shock TAO/USD −30 % now (logged; in events.csv and summary.json)'],
  ['q', 'quit, writing the results so far (Ctrl-C too)'],
  ['?', 'show or hide this help'],
];

/** The keys, in place of the panels below the subnets table while shown. */
export function HelpPanel(props: { rows: number; width: number }) {
  const lines = [
    ...KEYS.map(([key, what]) => `${key.padEnd(11)}${what}`),
    '',
    'Results go where `subnet-sim run` writes them, plus events.csv.',
  ];
  return (
    <Box flexDirection="column" width={props.width}>
      <Text>
        <Paint bold color="cyan">
          keys
        </Paint>
      </Text>
      {lines.slice(0, Math.max(0, props.rows - 1)).map((line) => (
        <Text key={line || 'blank'} wrap="truncate">
          {cell(line, props.width)}
        </Text>
      ))}
    </Box>
  );
}

/** The bottom line: the keys, or where the results went. */
export function KeyBar(props: { status: string; message: string; width: number }) {
  const text =
    props.status === 'written'
      ? `results → ${props.message}   q quit`
      : props.status === 'failed'
        ? `failed: ${props.message}   q quit`
        : 'space pause  +/- speed  tab subnet  s shock  q quit  ? help';
  return (
    <Text wrap="truncate">
      <Paint dim={props.status !== 'failed'} color={props.status === 'failed' ? 'red' : undefined}>
        {cell(text, props.width)}
      </Paint>
    </Text>
  );
}
