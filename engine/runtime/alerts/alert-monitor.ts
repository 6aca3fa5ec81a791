import { hostname } from 'node:os';
import { toErrorData } from '../../errors/bridgeflow-error.ts';
import type { Clock, Logger } from '../../run/services.ts';
import type { StoreDatabase } from '../../store/database.ts';
import type { LoadedBundle } from '../serve/runtime-bundles.ts';
import { type AlertChannel, alertSecrets, createAlertChannels, sendOnChannels } from './alert-channels.ts';
import { type AlertGate, createAlertGate, type Released } from './alert-gate.ts';
import { type Alert, formatAlert } from './alert-message.ts';
import {
  type FailureReason,
  readDeadLetterCounts,
  readDeadLetterReasons,
  readExceptionReasons,
  readFailureCounts,
  readFailureReasons,
  readOpenExceptionCounts,
} from './alert-readings.ts';
import type { AlertSettings } from './alert-settings.ts';

export interface AlertMonitorOptions {
  database: StoreDatabase;
  bundles: readonly LoadedBundle[];
  settings: AlertSettings;
  clock: Clock;
  logger: Logger;
  /** Default: the channels the settings configure. */
  channels?: AlertChannel[];
}

/** The running alert loop of `bridgeflow serve`. */
export interface AlertMonitor {
  /** Ends the loop after the check under way (sends are bounded by their timeouts). */
  stop(): Promise<void>;
}

type QueueKind = 'dead-letters' | 'exceptions';

/** A queue that needs a person, per flow: its size now, and why its newest entries are there. */
interface WatchedQueue {
  enabled(settings: AlertSettings): boolean;
  counts(database: StoreDatabase): Map<string, number>;
  reasons(database: StoreDatabase, flowId: string, count: number): FailureReason[];
}

const QUEUES: Readonly<Record<QueueKind, WatchedQueue>> = {
  'dead-letters': {
    enabled: (settings) => settings.deadLetters,
    counts: readDeadLetterCounts,
    reasons: readDeadLetterReasons,
  },
  exceptions: {
    enabled: (settings) => settings.exceptions,
    counts: readOpenExceptionCounts,
    reasons: readExceptionReasons,
  },
};

/** What the monitor remembers of one queue between checks. */
interface QueueState {
  /** Size per flow when the last message about it went out (or at start). */
  reported: Map<string, number>;
  /** Size per flow at the last check: growth since then is a new alert. */
  seen: Map<string, number>;
}

/** What the monitor remembers between checks. */
interface MonitorState {
  queues: Record<QueueKind, QueueState>;
  /** Flows whose failure rate is at or over the threshold; crossing it again is a new alert. */
  failing: Set<string>;
  gates: Map<string, AlertGate<Alert>>;
}

/**
 * Watches the runtime database on its own loop, apart from the workers: a slow mail server delays
 * the next check, never a job. Dead letters and open exceptions present at start count as already
 * reported, so a restart does not repeat old news.
 */
export function startAlertMonitor(options: AlertMonitorOptions): AlertMonitor {
  const { settings, logger, clock } = options;
  const channels = options.channels ?? createAlertChannels(settings);
  const queueState = (kind: QueueKind): QueueState => {
    const counts = QUEUES[kind].counts(options.database);
    return { reported: new Map(counts), seen: new Map(counts) };
  };
  const state: MonitorState = {
    queues: { 'dead-letters': queueState('dead-letters'), exceptions: queueState('exceptions') },
    failing: new Set(),
    gates: new Map(),
  };
  // Looks once at the dead letters and the runs, and sends what is due; only the loop calls it,
  // so two checks never send the same alert.
  const check = async (): Promise<void> => {
    const released = [
      ...queueAlerts('dead-letters', options, state),
      ...queueAlerts('exceptions', options, state),
      ...failureRateAlerts(options, state),
    ];
    for (const gate of state.gates.values()) {
      const due = gate.due(clock.now());
      if (due) released.push(due);
    }
    for (const each of released) await send(each, options, state, channels);
  };
  const stopping = new AbortController();
  const loop = (async () => {
    while (!stopping.signal.aborted) {
      await check().catch((thrown: unknown) =>
        logger.error('could not check for alerts', { message: toErrorData(thrown).message }),
      );
      await clock.sleep(settings.checkIntervalMs, stopping.signal).catch(() => undefined);
    }
  })();
  logger.info('alerts on', {
    channels: channels.map((channel) => channel.name),
    deadLetters: settings.deadLetters,
    exceptions: settings.exceptions,
    failureRate: settings.failureRate.enabled ? { ...settings.failureRate } : false,
    rateLimitMs: settings.rateLimitMs,
  });
  return {
    async stop() {
      stopping.abort();
      await loop;
      for (const channel of channels) channel.close();
    },
  };
}

function queueAlerts(kind: QueueKind, options: AlertMonitorOptions, state: MonitorState): Released<Alert>[] {
  const queue = QUEUES[kind];
  if (!queue.enabled(options.settings)) return [];
  const { reported, seen } = state.queues[kind];
  const counts = queue.counts(options.database);
  const released: Released<Alert>[] = [];
  for (const flowId of new Set([...counts.keys(), ...seen.keys()])) {
    const total = counts.get(flowId) ?? 0;
    const previous = reported.get(flowId) ?? 0;
    const grew = total > (seen.get(flowId) ?? 0);
    seen.set(flowId, total);
    // Replayed or discarded since: count from the lower number, so the next growth is news.
    if (total < previous) reported.set(flowId, total);
    if (!grew || total <= previous) continue;
    const reasons = queue.reasons(options.database, flowId, total - previous);
    const alert: Alert = { kind, flowId, flowName: flowName(options, flowId), previous, total, reasons };
    const out = offer(alert, options, state);
    if (out) released.push(out);
  }
  return released;
}

function failureRateAlerts(options: AlertMonitorOptions, state: MonitorState): Released<Alert>[] {
  const { enabled, threshold, minRuns, windowMs } = options.settings.failureRate;
  if (!enabled) return [];
  const since = options.clock.now() - windowMs;
  const released: Released<Alert>[] = [];
  const failingNow = new Set<string>();
  for (const { flowId, runs, failed } of readFailureCounts(options.database, since)) {
    if (runs < minRuns || failed / runs < threshold) continue;
    failingNow.add(flowId);
    // One alert per crossing of the threshold, not one per check while it stays over.
    if (state.failing.has(flowId)) continue;
    const reasons = readFailureReasons(options.database, flowId, since);
    const flow = { flowId, flowName: flowName(options, flowId) };
    const out = offer(
      { kind: 'failure-rate', ...flow, runs, failed, windowMs, threshold, minRuns, reasons },
      options,
      state,
    );
    if (out) released.push(out);
  }
  state.failing = failingNow;
  return released;
}

function offer(alert: Alert, options: AlertMonitorOptions, state: MonitorState): Released<Alert> | undefined {
  const key = `${alert.kind}\u0000${alert.flowId}`;
  const gate = state.gates.get(key) ?? createAlertGate<Alert>(options.settings.rateLimitMs);
  state.gates.set(key, gate);
  const released = gate.offer(alert, options.clock.now());
  if (!released)
    options.logger.info('alert held back by the rate limit', { kind: alert.kind, flowId: alert.flowId });
  return released;
}

async function send(
  released: Released<Alert>,
  options: AlertMonitorOptions,
  state: MonitorState,
  channels: readonly AlertChannel[],
): Promise<void> {
  const { alert, suppressed } = released;
  const { settings, logger } = options;
  const runtimeName = settings.runtimeName ?? hostname();
  const message = formatAlert(alert, { runtimeName, suppressed, rateLimitMs: settings.rateLimitMs });
  // The message is about to go out: its queue entries are reported, whatever the channels answer
  // (a failed send is logged; retrying it would hold back every later alert).
  if (alert.kind !== 'failure-rate') state.queues[alert.kind].reported.set(alert.flowId, alert.total);
  await sendOnChannels(channels, message, {
    logger,
    fields: { kind: alert.kind, flowId: alert.flowId, suppressed },
    secrets: alertSecrets(settings),
  });
}

function flowName(options: AlertMonitorOptions, flowId: string): string {
  return options.bundles.find((bundle) => bundle.manifest.flowId === flowId)?.manifest.flowName ?? flowId;
}
