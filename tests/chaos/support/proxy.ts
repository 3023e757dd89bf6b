// A loopback HTTP proxy between the devices and the server that misbehaves like a bad network: it
// drops requests (the connection closes before anything is forwarded), holds some for a few
// seconds and then cuts them, delays them, sends them twice (the device sees one reply), and loses
// replies (the server stored the batch, the device hears nothing). What it does to each request is
// drawn from a seeded random(); the tally says how often each fault happened.
import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export const FAULTS = ['pass', 'drop', 'hang', 'delay', 'duplicate', 'lose-reply'] as const;
export type Fault = (typeof FAULTS)[number];

/** Chance of each fault per request; 'pass' takes the rest. */
export const DEFAULT_FAULT_RATES: Record<Exclude<Fault, 'pass'>, number> = {
  drop: 0.1,
  hang: 0.02,
  delay: 0.15,
  duplicate: 0.1,
  'lose-reply': 0.15,
};

export interface ChaosProxy {
  url: string;
  tally: Record<Fault, number>;
  /** Requests the server never answered (it was down, or died mid-request). */
  upstreamFailures: number;
  close(): Promise<void>;
}

interface Upstream {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function forward(port: number, req: IncomingMessage, body: Buffer): Promise<Upstream> {
  return new Promise((resolve, reject) => {
    const headers = { ...req.headers, host: `127.0.0.1:${port}`, connection: 'close' };
    const out = httpRequest(
      { host: '127.0.0.1', port, method: req.method, path: req.url, headers, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 502, headers: res.headers, body: Buffer.concat(chunks) }),
        );
        res.on('error', reject);
      },
    );
    out.setTimeout(30_000, () => out.destroy(new Error('upstream timeout')));
    out.on('error', reject);
    out.end(body);
  });
}

export async function startChaosProxy(options: {
  /** The server's port now; read per request, so a restarted server may come back elsewhere. */
  upstreamPort: () => number;
  random: () => number;
  rates?: Partial<typeof DEFAULT_FAULT_RATES>;
}): Promise<ChaosProxy> {
  const rates = { ...DEFAULT_FAULT_RATES, ...options.rates };
  const tally = Object.fromEntries(FAULTS.map((f) => [f, 0])) as Record<Fault, number>;
  const sockets = new Set<Socket>();
  const state = { upstreamFailures: 0 };

  const draw = (): Fault => {
    let r = options.random();
    for (const fault of FAULTS) {
      if (fault === 'pass') continue;
      if (r < rates[fault]) return fault;
      r -= rates[fault];
    }
    return 'pass';
  };

  const server: Server = createServer((req, res) => {
    const fault = draw();
    tally[fault] += 1;
    void (async () => {
      const body = await readBody(req);
      if (fault === 'drop') return req.socket.destroy();
      // A connection that goes silent, then dies a few seconds later (a network that drops out).
      if (fault === 'hang')
        return void setTimeout(() => req.socket.destroy(), 500 + Math.floor(options.random() * 1_500));
      if (fault === 'delay') await sleep(50 + Math.floor(options.random() * 400));
      const port = options.upstreamPort();
      let reply: Upstream;
      try {
        if (fault === 'duplicate') {
          // Both copies reach the server at about the same time; the device gets one of the answers.
          const copies = await Promise.allSettled([forward(port, req, body), forward(port, req, body)]);
          const answered = copies.filter((c) => c.status === 'fulfilled').map((c) => c.value);
          if (answered.length === 0) throw new Error('no copy was answered');
          reply = answered[Math.floor(options.random() * answered.length)]!;
        } else {
          reply = await forward(port, req, body);
        }
      } catch {
        state.upstreamFailures += 1;
        return req.socket.destroy();
      }
      if (fault === 'lose-reply') return req.socket.destroy();
      const headers = { ...reply.headers };
      delete headers.connection;
      delete headers['transfer-encoding'];
      headers['content-length'] = String(reply.body.length);
      res.writeHead(reply.status, headers);
      res.end(reply.body);
    })().catch(() => req.socket.destroy());
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    tally,
    get upstreamFailures() {
      return state.upstreamFailures;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
