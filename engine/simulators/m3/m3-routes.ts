import type { SimulatorHandler, SimulatorRoute } from '../common/simulator-http.ts';
import { revokeHandler, tokenHandler } from './ion-token-endpoint.ts';
import { bulkHandler } from './m3-bulk.ts';
import { BULK_PATH, EXECUTE_PATH, parseExecuteCall } from './m3-endpoint.ts';
import { v1Response } from './m3-response-v1.ts';
import { v2Response } from './m3-response-v2.ts';
import { type M3Runtime, refuseUnauthenticated } from './m3-runtime.ts';
import { runTransaction } from './m3-transaction.ts';

/** GET `.../m3api-rest[/v2]/execute/{PROGRAM}/{TRANSACTION}[;matrix]?fields`: reads and writes alike (B1). */
function executeHandler(runtime: M3Runtime): SimulatorHandler {
  return (request) => {
    const refusal = refuseUnauthenticated(runtime, request);
    if (refusal !== undefined) return refusal;
    const call = parseExecuteCall(request, runtime.behaviour);
    const outcome = runTransaction(
      runtime.programs,
      {
        program: call.program,
        transaction: call.transaction,
        input: call.input,
        company: call.options.company,
      },
      runtime.context,
    );
    return call.version === 'v1'
      ? v1Response(call, outcome, runtime.behaviour)
      : v2Response(call, outcome, runtime.behaviour);
  };
}

/**
 * Every route of the M3 simulator. `/m3api-rest/csrf` (the H5 session CSRF token) is not served:
 * its 404 tells the Infor SDK to go on without the token (M-ODIN `executeRefreshToken`).
 */
export function m3Routes(runtime: M3Runtime): SimulatorRoute[] {
  return [
    { method: 'GET', pattern: EXECUTE_PATH, handler: executeHandler(runtime) },
    { method: 'POST', pattern: BULK_PATH, handler: bulkHandler(runtime) },
    {
      method: 'POST',
      pattern: /^\/(?<tenant>[^/]+)\/as\/token\.oauth2$/,
      handler: tokenHandler(runtime.client, runtime.tokens),
    },
    {
      method: 'POST',
      pattern: /^\/(?<tenant>[^/]+)\/as\/revoke_token\.oauth2$/,
      handler: revokeHandler(runtime.client, runtime.tokens),
    },
  ];
}
