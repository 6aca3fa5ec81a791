/** An alert the gate let through, with how many before it were held back since the last one. */
export interface Released<T> {
  alert: T;
  suppressed: number;
}

/**
 * Rate limit of one alert kind for one flow: at most one message per `intervalMs`. Alerts offered
 * while the limit holds are not dropped: the newest is kept and counted, and goes out (with the
 * count) as soon as the interval has passed, so an operator always hears of the latest state.
 */
export interface AlertGate<T> {
  /** Offers an alert; answers it when it may go out now, otherwise keeps it pending. */
  offer(alert: T, now: number): Released<T> | undefined;
  /** The pending alert, once the interval has passed since the last message. */
  due(now: number): Released<T> | undefined;
  /** Whether an alert is waiting for the interval to pass. */
  readonly pending: boolean;
}

export function createAlertGate<T>(intervalMs: number): AlertGate<T> {
  let lastSentAt: number | undefined;
  let waiting: { alert: T; count: number } | undefined;
  const release = (now: number): Released<T> | undefined => {
    if (waiting === undefined) return undefined;
    if (lastSentAt !== undefined && now - lastSentAt < intervalMs) return undefined;
    const released = { alert: waiting.alert, suppressed: waiting.count - 1 };
    waiting = undefined;
    lastSentAt = now;
    return released;
  };
  return {
    offer(alert, now) {
      waiting = { alert, count: (waiting?.count ?? 0) + 1 };
      return release(now);
    },
    due: release,
    get pending() {
      return waiting !== undefined;
    },
  };
}
