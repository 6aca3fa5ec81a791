// Serves one simulator in its own thread (its own core), so the benchmark's load generator in the
// main thread does not steal its CPU.
import { parentPort, workerData } from 'node:worker_threads';
import { startM3Simulator } from '../../engine/simulators/m3/m3-simulator.ts';
import { startSage300Simulator } from '../../engine/simulators/sage300/sage300-simulator.ts';
import { startThreeDCartSimulator } from '../../engine/simulators/threedcart/threedcart-simulator.ts';

const name: unknown = workerData;
const running =
  name === 'threedcart'
    ? await startThreeDCartSimulator({ rateLimit: false })
    : name === 'sage300'
      ? await startSage300Simulator({})
      : await startM3Simulator({});
parentPort?.postMessage({ url: running.url });
parentPort?.on('message', async (message: unknown) => {
  if (message === 'close') {
    await running.close();
    parentPort?.close();
  }
});
