import type { ErrorData } from '../../contract/errors.ts';
import type { LoadedBundle } from '../serve/runtime-bundles.ts';
import { type CircuitBreakers, isConnectionDown } from './circuit-breaker.ts';

/** The breakers seen from the worker pool: by flow and run outcome instead of by credential. */
export interface FlowCircuits {
  /** Flows none of whose jobs may be leased now, because a connection they use is open. */
  blockedFlowIds(): string[];
  /** Call right after leasing a job of `flowId`, before any other lease. */
  admitted(flowId: string): void;
  /** The job admitted last was not leased after all: its transaction failed and was rolled back. */
  withdrawn(flowId: string): void;
  /** The run's error, or undefined when it succeeded. */
  finished(flowId: string, failure: ErrorData | undefined): void;
}

export function createFlowCircuits(
  bundles: readonly LoadedBundle[],
  breakers: CircuitBreakers,
): FlowCircuits {
  const credentialsOf = (flowId: string): string[] =>
    bundles
      .find((bundle) => bundle.manifest.flowId === flowId)
      ?.manifest.requiredCredentials.map((credential) => credential.id) ?? [];
  return {
    blockedFlowIds: () =>
      bundles
        .map((bundle) => bundle.manifest.flowId)
        .filter((flowId) => !breakers.allows(credentialsOf(flowId))),
    admitted: (flowId) => breakers.admitted(credentialsOf(flowId)),
    withdrawn: (flowId) => breakers.withdrawn(credentialsOf(flowId)),
    finished(flowId, failure) {
      const credentials = credentialsOf(flowId);
      if (failure === undefined) breakers.succeeded(credentials);
      else breakers.failed(credentials, failedCredentials(flowId, failure, bundles));
    },
  };
}

/**
 * The connections a connector-down failure is blamed on: those of the node that failed, read from
 * the manifest; all the flow's connections when the error names no node of theirs.
 */
function failedCredentials(flowId: string, failure: ErrorData, bundles: readonly LoadedBundle[]): string[] {
  if (!isConnectionDown(failure.code)) return [];
  const credentials =
    bundles.find((bundle) => bundle.manifest.flowId === flowId)?.manifest.requiredCredentials ?? [];
  const { nodeId } = failure;
  const ofNode = credentials.filter(
    (credential) => nodeId !== undefined && credential.nodes.includes(nodeId),
  );
  return (ofNode.length > 0 ? ofNode : credentials).map((credential) => credential.id);
}
