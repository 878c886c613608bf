import { Box, Text } from 'ink';
import type { LiveEvent, LiveEventKind } from '../../live/snapshot.ts';
import { cell, grouped } from '../format.ts';
import { Paint } from '../theme.tsx';

const COLOURS: Record<LiveEventKind, string | undefined> = {
  registration: 'green',
  pruning: 'yellow',
  subnet_registered: 'cyan',
  subnet_dissolved: 'magenta',
  halving: 'magenta',
  shock: 'red',
  milestone: 'blue',
  note: undefined,
};

/** The latest events, newest at the bottom. */
export function EventLog(props: { events: LiveEvent[]; rows: number; width: number }) {
  const { events, rows, width } = props;
  const shown = rows > 0 ? events.slice(-rows) : [];
  return (
    <Box flexDirection="column" width={width}>
      <Text wrap="truncate">
        <Paint bold>{cell(`events${events.length === 0 ? ' (none yet)' : ''}`, width)}</Paint>
      </Text>
      {shown.map((e) => (
        <Text key={e.id} wrap="truncate">
          <Paint dim>{grouped(e.block).padStart(8)}</Paint>
          {'  '}
          <Paint color={COLOURS[e.kind]}>{cell(e.text, width - 10)}</Paint>
        </Text>
      ))}
    </Box>
  );
}
