import { Box, Text } from 'ink';
import type { LiveSnapshot, LiveStatus } from '../../live/snapshot.ts';
import { grouped, num } from '../format.ts';
import { Paint } from '../theme.tsx';

const STATUS: Record<LiveStatus, { text: string; color: string }> = {
  running: { text: '▶', color: 'green' },
  paused: { text: '‖ paused', color: 'yellow' },
  finished: { text: '■ finished', color: 'cyan' },
  writing: { text: '… writing results', color: 'yellow' },
  written: { text: '✓ results written', color: 'green' },
  failed: { text: '✗ failed', color: 'red' },
};

function taoUsd(s: LiveSnapshot): string {
  const shocked = s.shockFactor !== 1 ? ` (×${s.shockFactor.toFixed(2)})` : '';
  return s.taoUsd === null ? `—${shocked}` : `$${num(s.taoUsd, 9, 2).trim()}${shocked}`;
}

/** Two lines: where the run is (block, simulated date, speed, status) and the network's state. */
export function Header({ snapshot: s, width }: { snapshot: LiveSnapshot; width: number }) {
  const progress = s.blocks > 0 ? Math.floor((100 * s.block) / s.blocks) : 0;
  const status = STATUS[s.status];
  const running = s.status === 'running' ? `${status.text} ${s.speed}` : status.text;
  return (
    <Box flexDirection="column" width={width}>
      <Text wrap="truncate">
        <Paint bold>{s.scenario}</Paint>
        {`  block ${grouped(s.block)}/${grouped(s.blocks)} (${progress}%)  ${s.date}  `}
        <Paint color={status.color} bold>
          {running}
        </Paint>
      </Text>
      <Text wrap="truncate">
        {'TAO/USD '}
        <Paint color={s.shockFactor !== 1 ? 'red' : undefined}>{taoUsd(s)}</Paint>
        {`  emission ${Number(s.blockEmission.toPrecision(4))} τ/block  era ${s.era} · halving ${s.halvings}  subnets ${s.subnets.filter((x) => x.active).length}/${s.subnets.length}`}
      </Text>
    </Box>
  );
}
