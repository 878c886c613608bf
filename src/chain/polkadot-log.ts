/**
 * @polkadot's logger writes to the console (dated lines such as "… RPC-CORE: getBlockHash(…): …" for a
 * request that a reconnect will retry anyway) and cannot be turned off. While a replay command talks to
 * a node those lines are dropped, or kept on stderr with SUBNET_SIM_DEBUG=1; every event worth telling
 * the user is reported by the command itself, in one line.
 */
type ConsoleMethod = 'log' | 'warn' | 'error' | 'info';
const METHODS: ConsoleMethod[] = ['log', 'warn', 'error', 'info'];

/** @polkadot/util logger calls: (date, "    SOURCE:", …). */
function isPolkadotLine(args: unknown[]): boolean {
  return (
    args.length >= 2 &&
    typeof args[0] === 'string' &&
    /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d/.test(args[0]) &&
    typeof args[1] === 'string' &&
    /^\s*[A-Z0-9/-]+:$/.test(args[1])
  );
}

/** Silences @polkadot's log lines until the returned function is called. */
export function quietPolkadotLogs(): () => void {
  if (process.env.SUBNET_SIM_DEBUG) return () => undefined;
  const saved = METHODS.map((m) => console[m]);
  for (const m of METHODS) {
    const original = console[m];
    console[m] = (...args: unknown[]) => {
      if (!isPolkadotLine(args)) original.apply(console, args);
    };
  }
  return () => {
    METHODS.forEach((m, k) => {
      console[m] = saved[k];
    });
  };
}
