import type { SimulatorRequest, SimulatorResponse } from '../common/simulator-http.ts';
import type { IonClient } from './ion-api-file.ts';
import type { IonTokens } from './ion-token-endpoint.ts';
import { authenticate } from './m3-auth.ts';
import type { M3Behaviour } from './m3-behaviour.ts';
import type { M3Context, M3ProgramTable } from './m3-transaction.ts';

/** What the request handlers share. */
export interface M3Runtime {
  readonly programs: M3ProgramTable;
  readonly context: M3Context;
  readonly behaviour: M3Behaviour;
  /** username → password. */
  readonly users: ReadonlyMap<string, string>;
  readonly client: IonClient;
  readonly tokens: IonTokens;
}

/** The refusal for a call without valid credentials, or undefined when it may proceed. */
export function refuseUnauthenticated(
  runtime: M3Runtime,
  request: SimulatorRequest,
): SimulatorResponse | undefined {
  return authenticate(request, runtime.users, runtime.client, runtime.tokens);
}
