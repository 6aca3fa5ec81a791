import type { ErrorData } from '../../contract/errors.ts';
import type { FlowNode } from '../../contract/flow-document.ts';
import type { HttpExchange } from '../../contract/run-trace.ts';
import { toErrorData } from '../../errors/bridgeflow-error.ts';
import { NodeScope, type NodeScopeShared } from '../../run/node-scope.ts';
import type { EngineServices } from '../../run/services.ts';
import { Sage300Client } from './sage300-client.ts';
import { parseSage300Credentials } from './sage300-credentials.ts';
import { SAGE300_RESOURCES } from './sage300-resources.ts';

/** The answer of {@link testSage300Connection}, with the calls it made (secrets masked). */
export type Sage300ConnectionResult =
  | { ok: true; message: string; http: HttpExchange[] }
  | {
      ok: false;
      /** Sage's own reason (`message.value`) when it gave one, else what went wrong on our side. */
      reason: string;
      error: ErrorData;
      http: HttpExchange[];
    };

/** The node a connection test is recorded under; it is not part of any flow. */
const CONNECTION_TEST_NODE: FlowNode = {
  id: 'sage300-connection-test',
  name: 'Sage 300 connection test',
  type: 'sage300.connectionTest',
  typeVersion: 1,
  position: { x: 0, y: 0 },
  parameters: {},
};

/**
 * Signs on with a credential's fields and reads one customer number, which proves the URL, the
 * company, the user and password, and the user's Web API rights for AR (A2: rights are per module;
 * every seed flow reads or writes AR customers). Never throws for a failed test.
 */
export async function testSage300Connection(
  fields: Record<string, string>,
  services: EngineServices,
  signal: AbortSignal = new AbortController().signal,
): Promise<Sage300ConnectionResult> {
  const shared: NodeScopeShared = {
    node: CONNECTION_TEST_NODE,
    parameters: {},
    flowSettings: { errorPolicy: 'stopRun', timezone: 'UTC' },
    dryRun: false,
    services,
    trigger: {},
    http: [],
    // Masked wherever they would be recorded, as a node's credentials are.
    secrets: Object.values(fields).filter((value) => value.length >= 4),
  };
  const scope = new NodeScope(shared, -1, signal);
  try {
    const credentials = parseSage300Credentials(fields);
    const client = new Sage300Client(scope, credentials, { maxAttempts: 2 });
    await client.list(SAGE300_RESOURCES.customers, { select: ['CustomerNumber'], limit: 1 });
    return {
      ok: true,
      message: `Signed on to ${credentials.company} as ${credentials.username}`,
      http: shared.http,
    };
  } catch (thrown) {
    const error = toErrorData(thrown);
    return { ok: false, reason: error.remote?.message ?? error.message, error, http: shared.http };
  }
}
