import { writeFile } from 'node:fs/promises';
import { z } from 'zod';
import {
  describeSandbox,
  driveStorefront,
  registerStoreWebhook,
  startSandbox,
} from '../simulators/sandbox.ts';
import { type CliIo, EXIT } from './cli-io.ts';

/** Options of `bridgeflow sandbox`. */
export interface SandboxCommandOptions {
  seed: number;
  portBase: number;
  orders?: number;
  rate: number;
  webhookUrl?: string;
  ionapi?: string;
  /** Stop once the storefront load is done instead of serving until interrupted. */
  exitAfterLoad?: boolean;
  /** Fault settings (JSON) applied to all three simulators. */
  faults?: string;
}

/**
 * `bridgeflow sandbox`: starts the 3dcart, Sage 300 and M3 simulators, prints where they are and
 * how to sign in, optionally drives a storefront load, and serves until Ctrl+C.
 */
export async function sandboxCommand(
  options: SandboxCommandOptions,
  io: CliIo,
  signal: AbortSignal,
): Promise<number> {
  let sandbox: Awaited<ReturnType<typeof startSandbox>>;
  try {
    sandbox = await startSandbox({ seed: options.seed, portBase: options.portBase });
  } catch (thrown) {
    const reason = thrown instanceof Error ? thrown.message : String(thrown);
    io.err(
      `error  The sandbox could not start: ${reason}${options.portBase ? ' (try another --port-base, or 0 for free ports)' : ''}\n`,
    );
    return EXIT.invalid;
  }
  try {
    if (options.faults !== undefined) {
      const problem = applyFaults(sandbox, options.faults);
      if (problem) {
        io.err(`error  --faults: ${problem}\n`);
        return EXIT.invalid;
      }
    }
    io.out(`Bridgeflow sandbox (seed ${options.seed})\n${describeSandbox(sandbox)}\n`);
    if (options.faults !== undefined) io.out(`Injecting faults: ${options.faults}\n`);
    if (options.ionapi) {
      await writeFile(options.ionapi, `${JSON.stringify(sandbox.m3.ionApiFile(), null, 2)}\n`);
      io.out(`Wrote the M3 .ionapi file to ${options.ionapi}\n`);
    }
    if (options.webhookUrl) {
      await registerStoreWebhook(sandbox, 'OrderNew', options.webhookUrl);
      io.out(`Registered the 3dcart "Order New" webhook → ${options.webhookUrl}\n`);
    }
    if (options.orders) {
      io.out(`Creating ${options.orders} orders at ${options.rate}/s…\n`);
      const progressEvery = Math.max(1, Math.round(options.orders / 10));
      const ids = await driveStorefront(sandbox, {
        orders: options.orders,
        rate: options.rate,
        signal,
        onOrder: (orderId, index) => {
          if ((index + 1) % progressEvery === 0)
            io.out(`  ${index + 1}/${options.orders} orders (last ${orderId})\n`);
        },
      });
      await sandbox.threedcart.simulator.idle();
      const delivered = sandbox.threedcart.simulator
        .deliveries()
        .filter((delivery) => delivery.state === 'delivered').length;
      io.out(
        `Created ${ids.length} orders (${ids[0] ?? '-'}…${ids.at(-1) ?? '-'}); webhook deliveries so far: ${delivered}\n`,
      );
    }
    if (!options.exitAfterLoad) {
      io.out('Serving; press Ctrl+C to stop.\n');
      await new Promise<void>((resolve) => {
        if (signal.aborted) resolve();
        signal.addEventListener('abort', () => resolve(), { once: true });
      });
    }
    return EXIT.ok;
  } finally {
    await sandbox.close();
  }
}

/** Applies the same fault settings to every simulator; returns what is wrong with them, if anything. */
function applyFaults(sandbox: Awaited<ReturnType<typeof startSandbox>>, text: string): string | undefined {
  let settings: unknown;
  try {
    settings = JSON.parse(text);
  } catch {
    return `not valid JSON: ${text}`;
  }
  try {
    for (const simulator of [sandbox.threedcart, sandbox.sage300, sandbox.m3])
      simulator.faults.configure(settings);
    return undefined;
  } catch (thrown) {
    return thrown instanceof z.ZodError ? z.prettifyError(thrown).replaceAll('\n', '; ') : String(thrown);
  }
}
