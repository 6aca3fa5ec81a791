import { mkdir } from 'node:fs/promises';
import type { Server } from 'node:http';
import { join } from 'node:path';
import type { JsonValue, RetrySettings } from '../../contract/flow-document.ts';
import { CachedLookupResolver } from '../../mapping/lookups/lookup-resolver.ts';
import { LookupTableRepository } from '../../mapping/lookups/lookup-table-repository.ts';
import { createCoreRegistry } from '../../nodes/core-node-types.ts';
import type { NodeRegistry } from '../../nodes/registry.ts';
import { createAxiosTransport } from '../../run/http/axios-transport.ts';
import type { Clock, EngineServices, Logger, SecretStore } from '../../run/services.ts';
import { createJsonLogger, systemClock } from '../../run/system-services.ts';
import { openDatabase, type StoreDatabase } from '../../store/database.ts';
import { createOperationsHandler } from '../admin/operations-handler.ts';
import { formatPrometheusText } from '../admin/prometheus-text.ts';
import { runtimeMetricFamilies } from '../admin/runtime-metrics.ts';
import { startAlertMonitor } from '../alerts/alert-monitor.ts';
import type { AlertSettings } from '../alerts/alert-settings.ts';
import {
  type CircuitBreakerSettings,
  type CircuitBreakers,
  createCircuitBreakers,
  DEFAULT_CIRCUIT_BREAKER,
} from '../circuit/circuit-breaker.ts';
import { createFlowCircuits } from '../circuit/flow-circuits.ts';
import { defaultCredentialsPath, openRuntimeSecrets } from '../credentials/runtime-secrets.ts';
import { createInbox, type Inbox } from '../inbox/inbox.ts';
import { createRunHistory, type RunHistory } from '../runs/run-history.ts';
import { readRunStatistics } from '../runs/run-statistics.ts';
import { createScheduleState } from '../schedule/schedule-state.ts';
import { type Scheduler, type SchedulerOptions, startScheduler } from '../schedule/scheduler.ts';
import { createIntakeServer, type IntakeServer } from './intake-server.ts';
import { installLookupTables, type LoadedBundle, loadBundles } from './runtime-bundles.ts';
import { type WebhookRoute, webhookRoutes } from './webhook-routes.ts';
import { startWorkerPool, type WorkerPool, type WorkerPoolOptions } from './worker-pool.ts';

/** Settings of {@link startRuntime}; only `bundles` and `dataDir` are required. */
export interface RuntimeOptions {
  /** Bundle files, or folders whose `*.bundle.json` files are all served. */
  bundles: readonly string[];
  /** Folder of the runtime database (`bridgeflow.db`): inbox, lookup tables. Created when missing. */
  dataDir: string;
  /** Interface to listen on; default 127.0.0.1, so exposing the runtime is a deliberate choice. */
  host?: string;
  /** Default 0 (any free port). */
  port?: number;
  /** Jobs run at once; 0 takes webhooks in without running them. Default 2. */
  workers?: number;
  /**
   * Environment of credentials (BRIDGEFLOW_CREDENTIAL_* variables, which win per field over the
   * credentials file) and of BRIDGEFLOW_CREDENTIALS_KEY; default process.env.
   */
  environment?: NodeJS.ProcessEnv;
  /** Encrypted credentials file (see openRuntimeSecrets), used when present; default `<dataDir>/credentials.enc.json`. */
  credentialsFile?: string;
  logger?: Logger;
  registry?: NodeRegistry;
  /** Largest webhook body, in bytes. Default 5 MiB. */
  maxBodyBytes?: number;
  /** Wait between looks at an empty queue. Default 250 ms. */
  pollMs?: number;
  /**
   * How long a job stays with one worker before another may take it; renewed while the job runs,
   * so after a crash its jobs run again this long after. Default 60 s.
   */
  leaseMs?: number;
  /** How long `close` lets running jobs finish before cancelling them. Default 30 s. */
  shutdownGraceMs?: number;
  /** Job-level retries for retryable failures. Default 5 attempts from 10 s backoff, at most 10 min apart. */
  retry?: RetrySettings;
  /** Bearer token of the read-only admin API (`/admin/…`). With neither token set it answers 404. */
  adminToken?: string | undefined;
  /** Bearer token that may also act: replay and discard dead letters. */
  operatorToken?: string | undefined;
  /** How often polling triggers without their own interval poll. Default 5 minutes. */
  pollIntervalMs?: number;
  /** The clock of schedules, the inbox and runs; the system clock unless a test controls time. */
  clock?: Clock;
  /** Per-connection circuit breakers. Default: open after 5 failures, 30 s cool-down doubling to 5 min. */
  circuitBreaker?: Partial<CircuitBreakerSettings>;
  /** E-mail and webhook alerts on dead letters and failure rates (see loadAlertSettings); none when absent. */
  alerts?: AlertSettings | undefined;
}

/** A started runtime. */
export interface Runtime {
  /** Base URL of the webhook server, e.g. `http://127.0.0.1:4400`. */
  url: string;
  routes: readonly WebhookRoute[];
  inbox: Inbox;
  /** Every job run the workers made. */
  runs: RunHistory;
  /** Stops intake (503), lets running jobs finish (bounded), closes the server and the database. */
  close(): Promise<void>;
}

const DEFAULT_MAX_BODY_BYTES = 5 * 1024 * 1024;
/** Polling triggers that set no interval poll every 5 minutes: fresh enough for order and stock syncs, light on the ERP. */
const DEFAULT_POLL_INTERVAL_MS = 5 * 60_000;
/**
 * Workers renew their leases every third of this while a job runs, so it bounds only how long a
 * crashed runtime's jobs wait before they run again, not how long a run may take.
 */
const DEFAULT_LEASE_MS = 60_000;
const DEFAULT_RETRY: RetrySettings = { maxAttempts: 5, backoffMs: 10_000, maxBackoffMs: 600_000 };

/**
 * Starts `bridgeflow serve`: verifies every bundle (any invalid one refuses the start, with the
 * reason), opens the runtime database, installs the bundles' lookup tables, then takes webhooks
 * into the durable inbox and runs the jobs with workers through the one executor.
 */
export async function startRuntime(options: RuntimeOptions): Promise<Runtime> {
  const bundles = await loadBundles(options.bundles);
  const routes = webhookRoutes(bundles);
  const environment = options.environment ?? process.env;
  const credentialsFile = options.credentialsFile ?? defaultCredentialsPath(options.dataDir);
  const { store: secrets } = await openRuntimeSecrets(credentialsFile, environment);
  await mkdir(options.dataDir, { recursive: true });
  const database = openDatabase(join(options.dataDir, 'bridgeflow.db'));
  try {
    return await startOnDatabase(database, { bundles, routes, secrets }, options);
  } catch (thrown) {
    database.close();
    throw thrown;
  }
}

async function startOnDatabase(
  database: StoreDatabase,
  loaded: { bundles: readonly LoadedBundle[]; routes: readonly WebhookRoute[]; secrets: SecretStore },
  options: RuntimeOptions,
): Promise<Runtime> {
  const { bundles, routes, secrets } = loaded;
  const logger = options.logger ?? createJsonLogger();
  const repository = new LookupTableRepository(database);
  installLookupTables(repository, bundles);
  const lookups = new CachedLookupResolver(repository);
  const clock = options.clock ?? systemClock;
  const inbox = createInbox(database, { clock });
  const runs = createRunHistory(database);
  const http = createAxiosTransport();
  const services: EngineServices = { clock, logger, http, secrets, lookups };
  const breakers = createCircuitBreakers(clock, logger, {
    ...DEFAULT_CIRCUIT_BREAKER,
    ...options.circuitBreaker,
  });
  const circuits = createFlowCircuits(bundles, breakers);
  const scheduler = startSchedules(database, { bundles, inbox, logger, clock }, options);
  const parts = { database, bundles, routes, inbox, runs, secrets, logger, breakers };
  const intake = createServer(parts, options);
  const { server } = intake;
  const url = await listen(server, options.port ?? 0, options.host ?? '127.0.0.1').catch(
    async (thrown: unknown) => {
      await scheduler.stop();
      throw thrown;
    },
  );
  const onSucceeded: Scheduler['runSucceeded'] = (job, trace) => scheduler.runSucceeded(job, trace);
  const pool = startWorkers(options, { inbox, runs, bundles, services, onSucceeded, circuits });
  const alerts =
    options.alerts && startAlertMonitor({ database, bundles, settings: options.alerts, clock, logger });
  logger.info('runtime started', { url, flows: bundles.map((bundle) => bundle.manifest.flowId) });
  let closing: Promise<void> | undefined;
  const close = async (): Promise<void> => {
    intake.stopIntake();
    await scheduler.stop();
    await pool.stop(options.shutdownGraceMs ?? 30_000);
    await alerts?.stop();
    await closeServer(server);
    http.close();
    lookups.close();
    database.close();
    logger.info('runtime stopped', { url });
  };
  return {
    url,
    routes,
    inbox,
    runs,
    close: () => {
      closing ??= close();
      return closing;
    },
  };
}

/** What the runtime's HTTP server reads and acts on. */
interface ServerParts {
  database: StoreDatabase;
  bundles: readonly LoadedBundle[];
  routes: readonly WebhookRoute[];
  inbox: Inbox;
  runs: RunHistory;
  secrets: SecretStore;
  logger: Logger;
  breakers: CircuitBreakers;
}

/** The one HTTP server: webhooks, `/health`, `/metrics` and the admin API. */
function createServer(parts: ServerParts, options: RuntimeOptions): IntakeServer {
  const { database, bundles, routes, inbox, runs, secrets, logger, breakers } = parts;
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const operations = createOperationsHandler({
    bundles,
    routes,
    inbox,
    runs,
    maxBodyBytes,
    logger,
    tokens: { readOnly: options.adminToken, operator: options.operatorToken },
    metrics: () => metricsText(database, bundles, inbox),
  });
  return createIntakeServer({
    routes,
    inbox,
    secrets,
    logger,
    maxBodyBytes,
    operations,
    health: () => health(bundles, routes, inbox, breakers),
  });
}

function startWorkers(
  options: RuntimeOptions,
  shared: Pick<WorkerPoolOptions, 'inbox' | 'runs' | 'bundles' | 'services' | 'onSucceeded' | 'circuits'>,
): WorkerPool {
  return startWorkerPool({
    ...shared,
    registry: options.registry ?? createCoreRegistry(),
    workers: options.workers ?? 2,
    leaseMs: options.leaseMs ?? DEFAULT_LEASE_MS,
    pollMs: options.pollMs ?? 250,
    retry: options.retry ?? DEFAULT_RETRY,
  });
}

/** The scheduler of the bundles' schedule and polling triggers. */
function startSchedules(
  database: StoreDatabase,
  shared: Pick<SchedulerOptions, 'bundles' | 'inbox' | 'logger' | 'clock'>,
  options: RuntimeOptions,
): Scheduler {
  return startScheduler({
    ...shared,
    state: createScheduleState(database, shared.clock),
    defaultPollIntervalMs: options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS,
  });
}

/** Closes the server, dropping kept-alive connections that would otherwise hold it open. */
function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

/** Listens and answers the base URL the server is reachable on. */
async function listen(server: Server, port: number, host: string): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  if (address === null || typeof address === 'string')
    throw new Error('unreachable: a TCP server has a port');
  const hostPart = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return `http://${hostPart}:${address.port}`;
}

function health(
  bundles: readonly LoadedBundle[],
  routes: readonly WebhookRoute[],
  inbox: Inbox,
  breakers: CircuitBreakers,
): JsonValue {
  const { counts, oldestQueuedAgeMs } = inbox.stats();
  return {
    status: 'ok',
    flows: bundles.map((bundle) => ({
      flowId: bundle.manifest.flowId,
      flowName: bundle.manifest.flowName,
      contentHash: bundle.manifest.contentHash,
      webhooks: routes
        .filter((route) => route.flowId === bundle.manifest.flowId)
        .map((route) => ({ method: route.method, path: route.path, trigger: route.triggerNodeId })),
    })),
    queue: { counts: { ...counts }, oldestQueuedAgeMs },
    // Only connections that have failed at least once have a breaker; the rest are closed.
    connections: breakers.snapshot().map((breaker) => ({ ...breaker })),
  };
}

function metricsText(database: StoreDatabase, bundles: readonly LoadedBundle[], inbox: Inbox): string {
  return formatPrometheusText(
    runtimeMetricFamilies({
      statistics: readRunStatistics(database),
      queue: inbox.stats(),
      flowIds: bundles.map((bundle) => bundle.manifest.flowId),
      openExceptions: inbox.openExceptionsByFlow(),
    }),
  );
}
