import type { InboxStats } from '../inbox/inbox.ts';
import { JOB_STATUSES } from '../inbox/inbox-job.ts';
import { RUN_DURATION_BUCKETS_SECONDS, type RunStatistics } from '../runs/run-statistics.ts';
import { formatValue, type MetricFamily, type MetricSample } from './prometheus-text.ts';

/** What `GET /metrics` describes. */
export interface RuntimeMetricsInput {
  statistics: RunStatistics;
  queue: InboxStats;
  /** Flows loaded in this runtime: they get dead-letter and exception gauges even at zero. */
  flowIds: readonly string[];
  /** Open exceptions (parked jobs waiting for an operator) per flow. */
  openExceptions: readonly { flowId: string; count: number }[];
}

/**
 * The runtime's metric families. Counters come from the run history in the database, so they
 * survive restarts and never go down (the history is append-only).
 */
export function runtimeMetricFamilies(input: RuntimeMetricsInput): MetricFamily[] {
  const { statistics, queue } = input;
  return [
    {
      name: 'bridgeflow_runs_total',
      help: 'Job runs the workers finished, by flow and outcome.',
      type: 'counter',
      samples: statistics.runsByFlowAndStatus.map((row) => ({
        name: 'bridgeflow_runs_total',
        labels: { flow: row.flowId, status: row.status },
        value: row.count,
      })),
    },
    {
      name: 'bridgeflow_run_duration_seconds',
      help: 'Duration of job runs in seconds, by flow.',
      type: 'histogram',
      samples: statistics.durations.flatMap(durationSamples),
    },
    {
      name: 'bridgeflow_job_retries_total',
      help: 'Runs that retried a job after an earlier attempt failed, by flow.',
      type: 'counter',
      samples: statistics.retriesByFlow.map((row) => ({
        name: 'bridgeflow_job_retries_total',
        labels: { flow: row.flowId },
        value: row.count,
      })),
    },
    {
      name: 'bridgeflow_queue_depth',
      help: 'Inbox jobs by status.',
      type: 'gauge',
      samples: JOB_STATUSES.map((status) => ({
        name: 'bridgeflow_queue_depth',
        labels: { status },
        value: queue.counts[status],
      })),
    },
    perFlowGauge(input, {
      name: 'bridgeflow_dead_letters',
      help: 'Dead-lettered inbox jobs waiting for an operator, by flow.',
      rows: input.statistics.deadLettersByFlow,
    }),
    perFlowGauge(input, {
      name: 'bridgeflow_exceptions',
      help: 'Open exceptions (jobs parked with items on an exception port, e.g. an unknown SKU), by flow.',
      rows: input.openExceptions,
    }),
  ];
}

function durationSamples(histogram: RunStatistics['durations'][number]): MetricSample[] {
  const name = 'bridgeflow_run_duration_seconds';
  const flow = histogram.flowId;
  const buckets = RUN_DURATION_BUCKETS_SECONDS.map((bound, index) => ({
    name: `${name}_bucket`,
    labels: { flow, le: formatValue(bound) },
    value: histogram.bucketCounts[index] ?? 0,
  }));
  return [
    ...buckets,
    { name: `${name}_bucket`, labels: { flow, le: '+Inf' }, value: histogram.count },
    { name: `${name}_sum`, labels: { flow }, value: histogram.sumSeconds },
    { name: `${name}_count`, labels: { flow }, value: histogram.count },
  ];
}

/** A gauge per loaded flow (zero when nothing is waiting), plus flows no longer loaded that have rows. */
function perFlowGauge(
  input: RuntimeMetricsInput,
  family: { name: string; help: string; rows: readonly { flowId: string; count: number }[] },
): MetricFamily {
  const counts = new Map<string, number>(input.flowIds.map((flowId) => [flowId, 0]));
  // Jobs of a flow no longer loaded still count: an operator has to deal with them.
  for (const row of family.rows) counts.set(row.flowId, row.count);
  return {
    name: family.name,
    help: family.help,
    type: 'gauge',
    samples: [...counts.entries()]
      .sort(([left], [right]) => left.localeCompare(right))
      .map(([flow, value]) => ({ name: family.name, labels: { flow }, value })),
  };
}
