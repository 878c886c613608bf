/** The machine a bench ran on, for the table footer and docs/performance.md. */
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';

export interface Machine {
  /** Logical CPUs this process may use (what `nproc` prints). */
  cores: number;
  /** CPU model name as /proc/cpuinfo gives it. */
  cpu: string;
  memoryGiB: number;
  node: string;
}

export function machine(): Machine {
  return {
    cores: availableParallelism(),
    cpu: cpus()[0]?.model.trim() ?? 'unknown CPU',
    memoryGiB: totalmem() / 2 ** 30,
    node: process.version,
  };
}

export function formatMachine(m: Machine): string {
  return `${m.cores} × ${m.cpu}, ${m.memoryGiB.toFixed(1)} GiB, Node ${m.node}`;
}

/** 1-minute load average (0 where the OS has none, e.g. Windows). */
export function loadAverage(): number {
  return loadavg()[0];
}
