import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';

/**
 * A JSON-RPC node on 127.0.0.1 that answers only from a transcript: recorded chain answers, and answers
 * the recordings lack, each labelled with where it comes from ("derived: …" from recorded data,
 * "synthetic: …" written by a test). A request it has no answer for is answered with an error and
 * recorded in `misses`, which every test asserts empty. Storage is answered per block hash from a
 * key → value store, so that paging and chunking are the client's business, not the transcript's.
 */

export interface Answer {
  result?: unknown;
  error?: { code: number; message: string };
  label: string;
}

export interface StoredValue {
  value: string | null;
  label: string;
}

/** Hex compared case-insensitively with 0x optional (the recorder stored some params without it). */
function canonical(value: unknown): unknown {
  if (typeof value === 'string' && /^(0x)?[0-9a-fA-F]*$/.test(value) && value.length > 0)
    return value.toLowerCase().replace(/^0x/, '');
  if (Array.isArray(value)) return value.map(canonical);
  return value;
}

export function callKey(method: string, params: readonly unknown[]): string {
  return `${method}${JSON.stringify(canonical(params))}`;
}

export class Transcript {
  readonly calls = new Map<string, Answer>();
  /** Block hash → storage key (lower-case hex with 0x) → value. */
  readonly storage = new Map<string, Map<string, StoredValue>>();
  /** Block hash → key prefixes whose every key is in `storage` (state_getKeysPaged may list them). */
  readonly listed = new Map<string, string[]>();
  /** The runtime version sent by state_subscribeRuntimeVersion. */
  runtimeVersion: unknown = null;

  answer(method: string, params: readonly unknown[], answer: Answer): this {
    this.calls.set(callKey(method, params), answer);
    return this;
  }

  store(hash: string, key: string, value: StoredValue): this {
    const h = hash.toLowerCase();
    if (!this.storage.has(h)) this.storage.set(h, new Map());
    this.storage.get(h)!.set(key.toLowerCase(), value);
    return this;
  }

  /** Declares that every key under `prefix` at `hash` is in the store (it may list none). */
  list(hash: string, prefix: string): this {
    const h = hash.toLowerCase();
    this.listed.set(h, [...(this.listed.get(h) ?? []), prefix.toLowerCase()]);
    return this;
  }
}

export interface Faults {
  /** Close the socket without answering the nth request (1-based) of this method. */
  dropOn?: { method: string; nth: number };
  /** Answer the nth request of this method with a rate-limit error. */
  rateLimitOn?: { method: string; nth: number };
  /** Refuse this many WebSocket upgrades with HTTP 429 first. */
  refuseUpgrades?: number;
}

interface Request {
  id: number;
  method: string;
  params: unknown[];
}

export class LoopbackNode {
  readonly transcript: Transcript;
  readonly faults: Faults;
  readonly misses: string[] = [];
  /** Requests received, by method (answered or not). */
  readonly received = new Map<string, number>();
  /** Answers sent, by label. */
  readonly labels = new Map<string, number>();
  upgrades = 0;
  #server: WebSocketServer | null = null;
  #subscription = 0;

  constructor(transcript: Transcript, faults: Faults = {}) {
    this.transcript = transcript;
    this.faults = faults;
  }

  async start(): Promise<string> {
    const server = new WebSocketServer({
      host: '127.0.0.1',
      port: 0,
      maxPayload: 64 * 1024 * 1024,
      verifyClient: (_info, done) => {
        this.upgrades++;
        if (this.upgrades <= (this.faults.refuseUpgrades ?? 0)) done(false, 429, 'Too Many Requests');
        else done(true);
      },
    });
    this.#server = server;
    server.on('connection', (socket) =>
      socket.on('message', (data) => this.#onMessage(socket, String(data))),
    );
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    return `ws://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    const server = this.#server;
    if (server === null) return;
    for (const client of server.clients) client.terminate();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  count(method: string): number {
    return this.received.get(method) ?? 0;
  }

  #onMessage(socket: WebSocket, text: string): void {
    const request = JSON.parse(text) as Request;
    const n = (this.received.get(request.method) ?? 0) + 1;
    this.received.set(request.method, n);
    const { dropOn, rateLimitOn } = this.faults;
    if (dropOn?.method === request.method && dropOn.nth === n) {
      socket.terminate();
      return;
    }
    if (rateLimitOn?.method === request.method && rateLimitOn.nth === n) {
      this.#send(socket, request.id, {
        error: { code: -32029, message: 'Too many requests' },
        label: 'synthetic: a rate-limit answer',
      });
      return;
    }
    if (request.method === 'state_subscribeRuntimeVersion') {
      const subscription = `sub-${++this.#subscription}`;
      this.#send(socket, request.id, { result: subscription, label: 'synthetic: subscription id' });
      socket.send(
        JSON.stringify({
          jsonrpc: '2.0',
          method: 'state_runtimeVersion',
          params: { subscription, result: this.transcript.runtimeVersion },
        }),
      );
      return;
    }
    this.#send(socket, request.id, this.#answer(request));
  }

  #answer({ method, params }: Request): Answer {
    if (method === 'state_getKeysPaged') return this.#keysPaged(params);
    if (method === 'state_queryStorageAt') return this.#queryStorageAt(params);
    if (method === 'state_getStorage' || method === 'state_getStorageAt') {
      const stored = this.#stored(String(params[1]), String(params[0]));
      if (stored !== undefined) return { result: stored.value, label: stored.label };
    }
    const answer = this.transcript.calls.get(callKey(method, params));
    return answer ?? this.#miss(`${method} ${JSON.stringify(params).slice(0, 300)}`);
  }

  #stored(hash: string, key: string): StoredValue | undefined {
    return this.transcript.storage.get(hash.toLowerCase())?.get(key.toLowerCase());
  }

  #keysPaged([prefix, count, startKey, hash]: unknown[]): Answer {
    const h = String(hash).toLowerCase();
    const p = String(prefix).toLowerCase();
    if (!(this.transcript.listed.get(h) ?? []).some((listed) => p.startsWith(listed)))
      return this.#miss(`state_getKeysPaged ${p} at ${h}`);
    const start = String(startKey ?? p).toLowerCase();
    const keys = [...(this.transcript.storage.get(h)?.keys() ?? [])]
      .filter((k) => k.startsWith(p) && k > start)
      .sort()
      .slice(0, Number(count));
    return { result: keys, label: 'derived: the listed keys of the store' };
  }

  #queryStorageAt([keys, hash]: unknown[]): Answer {
    const changes: [string, string | null][] = [];
    for (const key of keys as string[]) {
      const stored = this.#stored(String(hash), key);
      if (stored === undefined) return this.#miss(`state_queryStorageAt ${key} at ${String(hash)}`);
      changes.push([key, stored.value]);
    }
    return { result: [{ block: hash, changes }], label: 'derived: values of the store' };
  }

  #miss(what: string): Answer {
    this.misses.push(what);
    return {
      error: { code: -32601, message: `loopback node: no recorded answer for ${what}` },
      label: 'miss',
    };
  }

  #send(socket: WebSocket, id: number, answer: Answer): void {
    this.labels.set(answer.label, (this.labels.get(answer.label) ?? 0) + 1);
    const body =
      answer.error !== undefined
        ? { jsonrpc: '2.0', id, error: answer.error }
        : { jsonrpc: '2.0', id, result: answer.result ?? null };
    socket.send(JSON.stringify(body));
  }
}
