import type { StoreDatabase } from './database.ts';

interface Waiting {
  work: () => unknown;
  resolve: (value: unknown) => void;
  reject: (reason: unknown) => void;
}

/**
 * Group commit: write work handed in during one turn of the event loop runs in one transaction,
 * so concurrent webhooks and workers share one commit (one fsync under `synchronous = FULL`)
 * instead of paying one each. At 16 webhooks and 16 workers in flight the runtime made three
 * commits per order, each blocking the thread for about half a millisecond.
 *
 * Each piece of work runs in its own savepoint: one that throws is rolled back alone and only its
 * caller sees the error. Callers are answered after the commit, so whatever they acknowledge
 * (a webhook's 200) is on disk; when the commit itself fails, every caller of the group gets that
 * error and nothing of the group is stored.
 */
export class GroupCommit {
  readonly #database: StoreDatabase;
  #waiting: Waiting[] = [];
  #scheduled = false;

  constructor(database: StoreDatabase) {
    this.#database = database;
  }

  /** Runs `work` (synchronous SQLite calls) in the next shared transaction; resolves after its commit. */
  run<T>(work: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#waiting.push({ work, resolve: resolve as (value: unknown) => void, reject });
      if (!this.#scheduled) {
        this.#scheduled = true;
        // After the I/O callbacks of this turn: every webhook read in it joins the group.
        setImmediate(() => this.#commit());
      }
    });
  }

  #commit(): void {
    this.#scheduled = false;
    const group = this.#waiting;
    this.#waiting = [];
    const database = this.#database;
    const outcomes: { ok: boolean; value: unknown }[] = [];
    try {
      database
        .transaction(() => {
          for (const { work } of group) {
            try {
              // A nested better-sqlite3 transaction is a savepoint.
              outcomes.push({ ok: true, value: database.transaction(work)() });
            } catch (thrown) {
              outcomes.push({ ok: false, value: thrown });
            }
          }
        })
        .immediate();
    } catch (thrown) {
      for (const { reject } of group) reject(thrown);
      return;
    }
    group.forEach(({ resolve, reject }, index) => {
      const outcome = outcomes[index];
      if (outcome?.ok) resolve(outcome.value);
      else reject(outcome?.value);
    });
  }
}
