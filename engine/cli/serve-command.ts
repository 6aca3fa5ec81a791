import { once } from 'node:events';
import { toErrorData } from '../errors/bridgeflow-error.ts';
import type { NodeRegistry } from '../nodes/registry.ts';
import { loadAlertSettings } from '../runtime/alerts/alert-settings.ts';
import { type Runtime, startRuntime } from '../runtime/serve/runtime.ts';
import { type CliIo, EXIT } from './cli-io.ts';

/** Options of `bridgeflow serve`. */
export interface ServeCommandOptions {
  /** Folder of the runtime database. */
  data: string;
  host: string;
  port: number;
  workers: number;
  /** How long a crashed runtime's jobs stay leased before another start runs them (`--lease-seconds`). */
  leaseMs?: number;
  /** Read-only admin API token (`--admin-token`); defaults to BRIDGEFLOW_ADMIN_TOKEN. */
  adminToken?: string | undefined;
  /** Operator admin API token (`--operator-token`); defaults to BRIDGEFLOW_OPERATOR_TOKEN. */
  operatorToken?: string | undefined;
  /** Alert settings file (`--alerts`); defaults to BRIDGEFLOW_ALERTS_FILE. */
  alerts?: string | undefined;
}

/**
 * `bridgeflow serve <bundle|folder>…`: runs bundles unattended until `signal` aborts (SIGINT or
 * SIGTERM), then stops taking requests, lets running jobs finish and exits 0. A bundle that fails
 * verification, or a port that is taken, refuses the start with the reason (exit 2).
 */
export async function serveCommand(
  locations: readonly string[],
  options: ServeCommandOptions,
  registry: NodeRegistry,
  io: CliIo,
  signal: AbortSignal,
): Promise<number> {
  let runtime: Runtime;
  try {
    const alertsFile = options.alerts || process.env.BRIDGEFLOW_ALERTS_FILE || undefined;
    runtime = await startRuntime({
      bundles: locations,
      dataDir: options.data,
      host: options.host,
      port: options.port,
      workers: options.workers,
      ...(options.leaseMs === undefined ? {} : { leaseMs: options.leaseMs }),
      // Environment variables keep tokens out of the process list; the options win when given.
      adminToken: options.adminToken || process.env.BRIDGEFLOW_ADMIN_TOKEN || undefined,
      operatorToken: options.operatorToken || process.env.BRIDGEFLOW_OPERATOR_TOKEN || undefined,
      registry,
      alerts: await loadAlertSettings(alertsFile, process.env),
    });
  } catch (thrown) {
    io.err(`error  The runtime did not start: ${toErrorData(thrown).message}\n`);
    return EXIT.invalid;
  }
  io.out(`Bridgeflow runtime listening on ${runtime.url} (data in ${options.data})\n`);
  for (const route of runtime.routes) {
    io.out(`  ${route.method} ${runtime.url}${route.path} → ${route.flowId} (${route.triggerNodeId})\n`);
  }
  io.out(`  GET ${runtime.url}/health\n`);
  io.out(`  GET ${runtime.url}/metrics\n`);
  if (!signal.aborted) await once(signal, 'abort');
  io.out('Stopping: finishing running jobs…\n');
  await runtime.close();
  io.out('Stopped\n');
  return EXIT.ok;
}
