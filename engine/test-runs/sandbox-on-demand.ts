import type { LookupResolver } from '../mapping/mapping-function.ts';
import { createSampleLookups } from '../mapping/testing/sample-lookups.ts';
import { type Sandbox, sandboxCredentials, startSandbox } from '../simulators/sandbox.ts';

/**
 * The sandbox simulators, started the first time a test run needs them and kept for the next runs
 * (starting three servers per run would dominate a sample set's time); `close` stops them. The
 * designer holds one for its whole session, the CLI one per command.
 */
export class SandboxOnDemand {
  readonly #options: { seed: number; portBase: number };
  #starting: Promise<Sandbox> | undefined;
  #lookups: LookupResolver | undefined;

  constructor(options: { seed?: number; portBase?: number } = {}) {
    this.#options = { seed: options.seed ?? 1, portBase: options.portBase ?? 0 };
  }

  /** The running sandbox; concurrent callers share one start. A failed start is retried next time. */
  get(): Promise<Sandbox> {
    if (!this.#starting) {
      this.#starting = startSandbox(this.#options);
      this.#starting.catch(() => {
        this.#starting = undefined;
      });
    }
    return this.#starting;
  }

  /** Whether the simulators have been started (and not closed). */
  get started(): boolean {
    return this.#starting !== undefined;
  }

  /** The sandbox's credentials under the ids the templates use (`threedcart-store`, `sage300-erp`, `m3-erp`). */
  async credentials(): Promise<Record<string, Record<string, string>>> {
    return sandboxCredentials(await this.get());
  }

  /**
   * Lookup tables that match the sandbox's seed catalogue (SKU → Sage item, shipping method →
   * ship-via, e-mail → customer), for runs whose host has no tables of its own: a template then
   * runs against the sandbox without any set-up, and SKUs the sandbox ERP lacks still miss.
   */
  lookups(): LookupResolver {
    this.#lookups ??= createSampleLookups(this.#options.seed).resolver;
    return this.#lookups;
  }

  async close(): Promise<void> {
    const starting = this.#starting;
    this.#starting = undefined;
    if (starting) await (await starting).close();
  }
}
