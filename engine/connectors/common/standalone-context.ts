import type { FlowNode } from '../../contract/flow-document.ts';
import type { HttpExchange } from '../../contract/run-trace.ts';
import { NodeScope, secretValuesOf } from '../../run/node-scope.ts';
import type { EngineServices } from '../../run/services.ts';

/**
 * A node context for calls made outside any run (the credential dialog's "Test connection"): the
 * engine's transport and clock, no dry-run, the credential's secrets masked in everything recorded,
 * and the exchanges kept so the dialog can show what was sent.
 */
export function standaloneContext(
  system: string,
  fields: Record<string, string>,
  services: Pick<EngineServices, 'http' | 'clock' | 'logger'>,
  signal: AbortSignal,
): { context: NodeScope; exchanges: HttpExchange[] } {
  const node: FlowNode = {
    id: `${system}-connection-test`,
    name: `${system} connection test`,
    type: `${system}.connectionTest`,
    typeVersion: 1,
    position: { x: 0, y: 0 },
    parameters: {},
  };
  const exchanges: HttpExchange[] = [];
  const context = new NodeScope(
    {
      node,
      parameters: {},
      flowSettings: { errorPolicy: 'stopRun', timezone: 'UTC' },
      dryRun: false,
      services: { ...services, secrets: { get: async () => undefined } },
      trigger: {},
      http: exchanges,
      secrets: secretValuesOf(fields),
    },
    -1,
    signal,
  );
  return { context, exchanges };
}
