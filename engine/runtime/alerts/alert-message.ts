import type { FailureReason } from './alert-readings.ts';

/** The kinds of alert; the rate limit applies per kind and flow. */
export type AlertKind = 'dead-letters' | 'exceptions' | 'failure-rate';

/**
 * A queue that needs a person grew since the last message about it: a flow's dead letters, or its
 * open exceptions (items parked on an exception port, such as orders with an unknown SKU).
 */
export interface QueueGrowthAlert {
  kind: 'dead-letters' | 'exceptions';
  flowId: string;
  flowName: string;
  /** The queue's size when the last message about it went out (or when the runtime started). */
  previous: number;
  total: number;
  /** Reasons of the newest `total − previous` entries. */
  reasons: FailureReason[];
}

/** A flow's share of failed runs over the window reached the threshold. */
export interface FailureRateAlert {
  kind: 'failure-rate';
  flowId: string;
  flowName: string;
  runs: number;
  failed: number;
  windowMs: number;
  threshold: number;
  minRuns: number;
  reasons: FailureReason[];
}

export type Alert = QueueGrowthAlert | FailureRateAlert;

/** What the channels send: a subject (e-mail) and a plain-text body (both). */
export interface AlertMessage {
  subject: string;
  text: string;
}

/** What a message says besides the alert itself. */
export interface MessageContext {
  runtimeName: string;
  /** Alerts of this kind and flow held back by the rate limit since the last message. */
  suppressed: number;
  rateLimitMs: number;
}

const REASONS_SHOWN = 5;

export function formatAlert(alert: Alert, context: MessageContext): AlertMessage {
  const lines = alert.kind === 'failure-rate' ? failureRateLines(alert) : queueLines(alert);
  const flow = `Flow: ${alert.flowName} (${alert.flowId})`;
  const extra: string[] = [];
  if (context.suppressed > 0) {
    extra.push(
      `${context.suppressed} more ${context.suppressed === 1 ? 'alert' : 'alerts'} of this kind for this flow ${context.suppressed === 1 ? 'was' : 'were'} held back by the rate limit (at most one message every ${minutes(context.rateLimitMs)}); this message sums them up.`,
    );
  }
  extra.push(`Runtime: ${context.runtimeName}`);
  return {
    subject: `[Bridgeflow] ${alert.flowId}: ${summary(alert)}`,
    text: [flow, ...lines.body, 'Reasons:', ...reasonLines(alert.reasons), '', ...extra, lines.hint].join(
      '\n',
    ),
  };
}

/** How each queue reads in a message. */
const QUEUES = {
  'dead-letters': { one: 'dead letter', many: 'dead letters', title: 'Dead letters', list: 'dead-letters' },
  exceptions: { one: 'exception', many: 'exceptions', title: 'Open exceptions', list: 'exceptions' },
} as const;

function summary(alert: Alert): string {
  if (alert.kind === 'failure-rate')
    return `${percent(alert.failed / alert.runs)} of runs failed in the last ${minutes(alert.windowMs)}`;
  const added = alert.total - alert.previous;
  const queue = QUEUES[alert.kind];
  return `${added} new ${added === 1 ? queue.one : queue.many} (${alert.total} in all)`;
}

function queueLines(alert: QueueGrowthAlert): { body: string[]; hint: string } {
  const queue = QUEUES[alert.kind];
  return {
    body: [
      `${queue.title}: ${alert.total} (${alert.total - alert.previous} new since ${alert.previous === 0 ? 'none' : `${alert.previous}`})`,
    ],
    hint: `List, fix and replay them with the admin API: GET /admin/${queue.list}?flow=${encodeURIComponent(alert.flowId)}`,
  };
}

function failureRateLines(alert: FailureRateAlert): { body: string[]; hint: string } {
  return {
    body: [
      `Failed runs: ${alert.failed} of ${alert.runs} (${percent(alert.failed / alert.runs)}) in the last ${minutes(alert.windowMs)}`,
      `Threshold: ${percent(alert.threshold)} of at least ${alert.minRuns} runs`,
    ],
    hint: `See the runs with the admin API: GET /admin/runs?flow=${encodeURIComponent(alert.flowId)}&status=failed`,
  };
}

function reasonLines(reasons: readonly FailureReason[]): string[] {
  const lines = reasons.slice(0, REASONS_SHOWN).map((reason) => {
    const keys = reason.businessKeys.length > 0 ? ` [keys: ${reason.businessKeys.join(', ')}]` : '';
    return `  ${reason.count} × ${reason.code}: ${reason.message}${keys}`;
  });
  const rest = reasons.slice(REASONS_SHOWN).reduce((sum, reason) => sum + reason.count, 0);
  if (rest > 0) lines.push(`  ${rest} more with other reasons`);
  return lines.length > 0 ? lines : ['  none recorded'];
}

function percent(share: number): string {
  return `${Math.round(share * 1000) / 10} %`;
}

function minutes(ms: number): string {
  const value = Math.round((ms / 60_000) * 10) / 10;
  return value === 1 ? '1 minute' : `${value} minutes`;
}
