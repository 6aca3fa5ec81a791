// Sends webhooks from its own thread, as 3dcart does from its own servers: the benchmark's load
// generator does not take the runtime's CPU. Posts back each delivery once a 2xx answered it.
import { parentPort, workerData } from 'node:worker_threads';
import type { JsonRecord } from '../flows/sage300-template-bench.ts';
import { deliverWebhooks } from './order-load.ts';

/** What the sender is given. */
export interface SenderJob {
  url: string;
  bodies: JsonRecord[][];
  concurrency: number;
}

const job: SenderJob = workerData;
const deliveries = await deliverWebhooks(() => job.url, job.bodies, {
  concurrency: job.concurrency,
  deadline: Date.now() + 600_000,
});
parentPort?.postMessage(deliveries);
