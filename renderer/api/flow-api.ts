import type { FlowApi } from '../../engine/contract/flow-api.ts';
import { chooseTransport, createFlowApiClient } from './flow-api-client.ts';

let api: FlowApi | undefined;

/** The FlowApi for this window, created on first use with the transport chosen at start-up. */
export function flowApi(): FlowApi {
  api ??= createFlowApiClient(chooseTransport());
  return api;
}
