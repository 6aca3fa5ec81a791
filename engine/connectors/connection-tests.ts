import type { ErrorData } from '../contract/errors.ts';
import type { EngineServices } from '../run/services.ts';
import { testConnection as testM3Connection } from './m3/m3-connection.ts';
import { testSage300Connection } from './sage300/sage300-connection.ts';
import { testConnection as testThreeDCartConnection } from './threedcart/connection-test.ts';

/** The credential types Bridgeflow has connectors for. */
export const CREDENTIAL_TYPES = ['threedcart', 'sage300', 'm3'] as const;
export type CredentialType = (typeof CREDENTIAL_TYPES)[number];

/** What "Test connection" answers: ok with what was found, or the system's own reason. */
export type ConnectionTestResult = { ok: true; message: string } | { ok: false; error: ErrorData };

export function isCredentialType(value: string): value is CredentialType {
  return CREDENTIAL_TYPES.some((type) => type === value);
}

/**
 * Tests a credential of the given type with one cheap read, outside any run; one shape for all
 * systems so the credential dialog, the CLI and the runtime show the same thing.
 */
export async function testCredential(
  type: CredentialType,
  fields: Record<string, string>,
  services: EngineServices,
  signal?: AbortSignal,
): Promise<ConnectionTestResult> {
  switch (type) {
    case 'threedcart': {
      const result = await testThreeDCartConnection(fields, services, signal ? { signal } : {});
      return result.ok
        ? {
            ok: true,
            message: `Connected to ${result.value.secureUrl}: ${result.value.orderStatusCount} order statuses`,
          }
        : result;
    }
    case 'sage300': {
      const result = await testSage300Connection(fields, services, signal);
      return result.ok ? { ok: true, message: result.message } : { ok: false, error: result.error };
    }
    case 'm3':
      return testM3Connection(fields, services, signal ? { signal } : {});
  }
}
