import { Cron } from 'croner';

/**
 * Why `cron` with `timezone` is not a usable schedule, or undefined when it is. Only the five
 * classic fields (minute hour day-of-month month day-of-week) are taken: croner would also read a
 * seconds field, which the runtime's minute-grained ticks do not serve.
 */
export function cronProblem(cron: string, timezone: string): string | undefined {
  const fields = cron
    .trim()
    .split(/\s+/)
    .filter((field) => field !== '');
  if (fields.length !== 5) {
    return `A cron expression has 5 fields (minute hour day-of-month month day-of-week), "${cron}" has ${fields.length}`;
  }
  if (timezone !== '' && !isTimeZone(timezone)) return `"${timezone}" is not an IANA time zone`;
  try {
    const schedule = cronSchedule(cron, timezone === '' ? 'UTC' : timezone);
    if (schedule.nextRun(new Date(0)) === null) return `"${cron}" never fires`;
    return undefined;
  } catch (thrown) {
    return `"${cron}" is not a valid cron expression: ${thrown instanceof Error ? thrown.message : String(thrown)}`;
  }
}

/** A paused croner schedule: only used to compute due times, never to run callbacks. */
export function cronSchedule(cron: string, timezone: string): Cron {
  // domAndDow false: a day-of-month and a day-of-week both set mean either (classic Vixie cron).
  return new Cron(cron.trim(), { timezone, paused: true, domAndDow: false });
}

function isTimeZone(timezone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: timezone });
    return true;
  } catch {
    return false;
  }
}
