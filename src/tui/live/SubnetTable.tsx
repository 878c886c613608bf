import { Box, Text } from 'ink';
import type { SubnetLine } from '../../live/snapshot.ts';
import { cell, num, percent } from '../format.ts';
import { sparkline } from '../sparkline.ts';
import { Paint } from '../theme.tsx';
import { windowStart } from './layout.ts';

/** Column widths: marker, netuid, price, share, pool TAO, stake, n; four sparklines share the rest. */
const FIXED = 2 + 6 + 10 + 8 + 10 + 9 + 5;

export function sparkWidth(width: number): number {
  return Math.max(0, Math.floor((width - FIXED) / 4) - 1);
}

/** Subnets with price, emission share, pool depth and stake, each with its history; the selected one marked. */
export function SubnetTable(props: { subnets: SubnetLine[]; selected: number; rows: number; width: number }) {
  const { subnets, selected, rows, width } = props;
  const w = sparkWidth(width);
  const gap = w > 0 ? ' '.repeat(w + 1) : '';
  const first = windowStart(subnets.length, rows, selected);
  const header =
    `  ${'netuid'.padStart(6)}${'price τ'.padStart(10)}${gap}${'share'.padStart(8)}${gap}` +
    `${'pool τ'.padStart(10)}${gap}${'stake α'.padStart(9)}${gap}${'n'.padStart(5)}`;
  return (
    <Box flexDirection="column" width={width}>
      <Text wrap="truncate">
        <Paint bold>{cell(header, width)}</Paint>
      </Text>
      {subnets.slice(first, first + rows).map((s, i) => {
        const isSelected = first + i === selected;
        const spark = (values: number[]) => (w > 0 ? ` ${sparkline(values, w)}` : '');
        const text = s.active
          ? `${num(s.price, 10, 6)}${spark(s.history.price)}${percent(s.share, 8)}${spark(s.history.share)}` +
            `${num(s.poolTao, 10, 1)}${spark(s.history.poolTao)}${num(s.stake, 9, 0)}${spark(s.history.stake)}`
          : cell('   not registered or dissolved', FIXED - 13 + 4 * (w + 1));
        return (
          <Text key={s.netuid} wrap="truncate">
            <Paint color={isSelected ? 'cyan' : undefined} bold={isSelected} dim={!s.active}>
              {`${isSelected ? '›' : ' '} ${String(s.netuid).padStart(6)}`}
              {text}
              {num(s.n, 5, 0)}
            </Paint>
          </Text>
        );
      })}
    </Box>
  );
}
