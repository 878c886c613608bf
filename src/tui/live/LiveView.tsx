import { Box } from 'ink';
import type { LiveSnapshot } from '../../live/snapshot.ts';
import { ContributorsPanel } from './ContributorsPanel.tsx';
import { EventLog } from './EventLog.tsx';
import { Header } from './Header.tsx';
import { HelpPanel, KeyBar } from './HelpPanel.tsx';
import { layoutFor } from './layout.ts';
import { NeuronPanels } from './NeuronPanels.tsx';
import { SubnetTable } from './SubnetTable.tsx';

export interface LiveViewProps {
  snapshot: LiveSnapshot;
  width: number;
  height: number;
  /** Show the keys instead of the panels below the subnets. */
  help: boolean;
}

/** One frame of the live view: a function of the snapshot and the terminal's size. */
export function LiveView({ snapshot: s, width, height, help }: LiveViewProps) {
  const layout = layoutFor(height, {
    subnets: s.subnets.length,
    neurons: Math.max(s.miners.length, s.validators.length),
    contributors: s.contributors === undefined ? null : s.contributors.length,
  });
  const below = 2 + layout.neurons + (s.contributors ? 1 + layout.contributors : 0) + 1 + layout.events;
  return (
    <Box flexDirection="column" width={width}>
      <Header snapshot={s} width={width} />
      <SubnetTable subnets={s.subnets} selected={s.selected} rows={layout.subnets} width={width} />
      {help ? (
        <HelpPanel rows={below} width={width} />
      ) : (
        <>
          <NeuronPanels
            netuid={s.subnets[s.selected]?.netuid ?? null}
            miners={s.miners}
            validators={s.validators}
            rows={layout.neurons}
            width={width}
          />
          {s.contributors !== undefined && (
            <ContributorsPanel contributors={s.contributors} rows={layout.contributors} width={width} />
          )}
          <EventLog events={s.events} rows={layout.events} width={width} />
        </>
      )}
      <KeyBar status={s.status} message={s.message} width={width} />
    </Box>
  );
}
