import { Box, Text } from 'ink';
import type { ContributorLine } from '../../live/snapshot.ts';
import { cell, num } from '../format.ts';
import { sparkline } from '../sparkline.ts';
import { Paint } from '../theme.tsx';

const FIXED = 15 + 19 + 10 + 10 + 11 + 2;

/** Each grant: vested and unvested tokens and its USD value now and over time. */
export function ContributorsPanel(props: { contributors: ContributorLine[]; rows: number; width: number }) {
  const { contributors, rows, width } = props;
  const w = Math.max(0, width - FIXED - 1);
  return (
    <Box flexDirection="column" width={width}>
      <Text wrap="truncate">
        <Paint bold>
          {cell(
            `${'contributor'.padEnd(15)}${'asset'.padEnd(19)}${'vested'.padStart(10)}${'unvested'.padStart(10)}${'USD'.padStart(11)}  value`,
            width,
          )}
        </Paint>
      </Text>
      {contributors.slice(0, rows).map((c) => (
        <Text key={`${c.name}/${c.asset}`} wrap="truncate">
          {`${cell(c.name, 14)} ${cell(c.asset, 18)} ${num(c.vested, 10, 1)}${num(c.unvested, 10, 1)}`}
          {c.usd === null ? '—'.padStart(11) : num(c.usd, 11, 0)}
          {'  '}
          <Paint color="green">{sparkline(c.history, w)}</Paint>
        </Text>
      ))}
    </Box>
  );
}
