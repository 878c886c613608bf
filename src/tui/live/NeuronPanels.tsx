import { Box, Text } from 'ink';
import type { MinerLine, ValidatorLine } from '../../live/snapshot.ts';
import { cell, num } from '../format.ts';
import { sparkline } from '../sparkline.ts';
import { Paint } from '../theme.tsx';

interface Props {
  netuid: number | null;
  miners: MinerLine[];
  validators: ValidatorLine[];
  rows: number;
  width: number;
}

const MINER_FIXED = 5 + 7 + 8 + 9 + 1;
const VALIDATOR_FIXED = 5 + 9 + 8 + 8 + 1;

function Column(props: {
  title: string;
  header: string;
  lines: { key: number; text: string; spark: string }[];
  width: number;
}) {
  return (
    <Box flexDirection="column" width={props.width}>
      <Text wrap="truncate">
        <Paint bold color="cyan">
          {cell(props.title, props.width - 1)}
        </Paint>
      </Text>
      <Text wrap="truncate">
        <Paint dim>{cell(props.header, props.width - 1)}</Paint>
      </Text>
      {props.lines.map((line) => (
        <Text key={line.key} wrap="truncate">
          {line.text}
          <Paint color="green">{line.spark}</Paint>
        </Text>
      ))}
    </Box>
  );
}

/**
 * The selected subnet's top miners (latent quality, incentive and alpha emission at the last epoch,
 * incentive per epoch) beside its top validators (stake, dividends, validator trust, dividends per epoch).
 */
export function NeuronPanels({ netuid, miners, validators, rows, width }: Props) {
  const half = Math.floor(width / 2);
  const minerSpark = Math.max(0, half - MINER_FIXED - 1);
  const validatorSpark = Math.max(0, width - half - VALIDATOR_FIXED - 1);
  const subnet = netuid === null ? '' : `netuid ${netuid} `;
  return (
    <Box flexDirection="row" width={width}>
      <Column
        width={half}
        title={`${subnet}top miners`}
        header={`${'uid'.padStart(4)} ${'qual'.padStart(6)} ${'incent'.padStart(7)} ${'emis α'.padStart(8)}  ${cell('by epoch', minerSpark)}`}
        lines={miners.slice(0, rows).map((m) => ({
          key: m.uid,
          text: `${num(m.uid, 4, 0)} ${num(m.quality, 6, 3)} ${num(m.incentive, 7, 4)} ${num(m.emission, 8, 2)}  `,
          spark: sparkline(m.history, minerSpark, true),
        }))}
      />
      <Column
        width={width - half}
        title={`${subnet}top validators`}
        header={`${'uid'.padStart(4)} ${'stake α'.padStart(8)} ${'divid'.padStart(7)} ${'vtrust'.padStart(7)}  ${cell('by epoch', validatorSpark)}`}
        lines={validators.slice(0, rows).map((v) => ({
          key: v.uid,
          text: `${num(v.uid, 4, 0)} ${num(v.stake, 8, 0)} ${num(v.dividends, 7, 4)} ${num(v.trust, 7, 4)}  `,
          spark: sparkline(v.history, validatorSpark, true),
        }))}
      />
    </Box>
  );
}
