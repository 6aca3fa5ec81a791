import { createServer, type IncomingMessage } from 'node:http';
import type { ThreeDCartSimulatorOptions } from './threedcart-settings.ts';
import { type RunningThreeDCartSimulator, startThreeDCartSimulator } from './threedcart-simulator.ts';

// Test support for the 3dcart simulator's contract tests: a client that talks real HTTP with the
// default credentials, and a webhook receiver. Used only by the *.test.ts files beside it.

export interface Answer<T = unknown> {
  status: number;
  headers: Headers;
  /** Parsed JSON, or undefined for an empty body. */
  body: T;
}

export class ThreeDCartTestClient {
  readonly running: RunningThreeDCartSimulator;
  readonly headers: Record<string, string>;

  constructor(running: RunningThreeDCartSimulator) {
    this.running = running;
    const credentials = running.simulator.credentials();
    this.headers = {
      SecureURL: credentials.secureUrl,
      PrivateKey: credentials.privateKey,
      Token: credentials.token,
    };
  }

  get simulator() {
    return this.running.simulator;
  }

  /** GET `/3dCartWebAPI/v2/{path}`. The type parameter only saves casts in tests. */
  get<T = unknown>(path: string, headers?: Record<string, string>): Promise<Answer<T>> {
    return this.send<T>('GET', path, undefined, headers);
  }

  async send<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = this.headers,
  ): Promise<Answer<T>> {
    const url = path.startsWith('/') ? `${this.running.url}${path}` : `${this.running.apiUrl}/${path}`;
    const response = await fetch(url, {
      method,
      headers: body === undefined ? headers : { 'Content-Type': 'application/json', ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      body: (text === '' ? undefined : JSON.parse(text)) as T,
    };
  }
}

/** Starts a simulator for one test; rate limiting is off unless the options turn it on. */
export async function startTestSimulator(
  options: ThreeDCartSimulatorOptions = {},
): Promise<ThreeDCartTestClient> {
  return new ThreeDCartTestClient(await startThreeDCartSimulator({ rateLimit: false, ...options }));
}

export interface ReceivedWebhook {
  body: unknown;
  contentType: string | undefined;
}

export interface WebhookReceiver {
  url: string;
  received: ReceivedWebhook[];
  close(): Promise<void>;
}

/** A webhook receiver answering with the given statuses in turn, then 200. */
export async function startReceiver(statuses: number[] = [], delayMs = 0): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  const answers = [...statuses];
  const server = createServer((request, response) => {
    readText(request).then(async (text) => {
      received.push({ body: JSON.parse(text), contentType: request.headers['content-type'] });
      if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
      response.writeHead(answers.shift() ?? 200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/hooks/3dcart`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function readText(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

/** A record-shaped value, for reading fields of parsed JSON in tests. */
export type Row = Record<string, unknown>;
