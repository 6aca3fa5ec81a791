import { CREDENTIAL_TYPES, isCredentialType, testCredential } from '../connectors/connection-tests.ts';
import { toErrorData } from '../errors/bridgeflow-error.ts';
import { createAxiosTransport } from '../run/http/axios-transport.ts';
import { createJsonLogger, createSystemServices } from '../run/system-services.ts';
import { type CliIo, EXIT } from './cli-io.ts';

/** `bridgeflow test-connection <type> <credential>`: ok with what was found, or the system's own reason. */
export async function testConnectionCommand(type: string, credentialId: string, io: CliIo): Promise<number> {
  if (!isCredentialType(type)) {
    io.err(`error  Unknown credential type "${type}"; use one of ${CREDENTIAL_TYPES.join(', ')}\n`);
    return EXIT.invalid;
  }
  const transport = createAxiosTransport();
  const services = createSystemServices(transport, createJsonLogger('warn'));
  try {
    const fields = await services.secrets.get(credentialId);
    if (!fields) {
      const variable = `BRIDGEFLOW_CREDENTIAL_${credentialId.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`;
      io.err(
        `error  Credential "${credentialId}" was not found; set ${variable} (JSON) or ${variable}_<FIELD> variables\n`,
      );
      return EXIT.invalid;
    }
    const result = await testCredential(type, fields, services);
    if (result.ok) {
      io.out(`ok  ${result.message}\n`);
      return EXIT.ok;
    }
    const remote = result.error.remote?.message ? ` (${type}: ${result.error.remote.message})` : '';
    io.err(`failed  ${result.error.code}: ${result.error.message}${remote}\n`);
    return EXIT.runFailed;
  } catch (thrown) {
    io.err(`error  ${toErrorData(thrown).message}\n`);
    return EXIT.invalid;
  } finally {
    transport.close();
  }
}
