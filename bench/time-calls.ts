import { Bench } from 'tinybench';

/** Keeps each call's result reachable so the JIT cannot drop the call. */
let sink: unknown;

export interface Timed {
  /** tinybench's latency statistics, in ms. */
  latency: {
    p50: number;
    mean: number;
    rme: number;
    p99: number;
    min: number;
    max: number;
    samplesCount: number;
  };
  /** Process CPU time per call (user + system, µs), GC threads and warm-up included. */
  cpuPerCallUs: number;
}

/**
 * Times `call` with one tinybench task (so the process CPU time around it belongs to it alone) and
 * returns its latency statistics; throws if the task did not complete.
 */
export async function timeCalls(
  name: string,
  call: () => unknown,
  budget: { time: number; iterations: number; warmupTime: number; warmupIterations: number },
): Promise<Timed> {
  const bench = new Bench({ name, ...budget, throws: true });
  let calls = 0;
  sink = undefined;
  bench.add(name, () => {
    sink = call();
    calls++;
  });
  const cpuBefore = process.cpuUsage();
  await bench.run();
  const cpu = process.cpuUsage(cpuBefore);
  const result = bench.tasks[0].result;
  if (result.state !== 'completed' || sink === undefined) throw new Error(`${name}: ${result.state}`);
  return { latency: result.latency, cpuPerCallUs: (cpu.user + cpu.system) / calls };
}
