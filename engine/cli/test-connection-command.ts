import { CREDENTIAL_TYPES, isCredentialType, testCredential } from '../connectors/connection-tests.ts';
import { toErrorData } from '../errors/bridgeflow-error.ts';
import { createAxiosTransport } from '../run/http/axios-transport.ts';
import { createJsonLogger, createSystemServices } from '../run/system-services.ts';
import { openRuntimeSecrets } from '../runtime/credentials/runtime-secrets.ts';
import { type CliIo, EXIT } from './cli-io.ts';

/**
 * `bridgeflow test-connection <type> <credential>`: ok with what was found, or the system's own
 * reason. The credential is read as `serve` reads it: the encrypted credentials file (when it exists)
 * with BRIDGEFLOW_CREDENTIAL_<ID> variables on top.
 */
export async function testConnectionCommand(
  type: string,
  credentialId: string,
  io: CliIo,
  credentialsFile: string,
): Promise<number> {
  if (!isCredentialType(type)) {
    io.err(`error  Unknown credential type "${type}"; use one of ${CREDENTIAL_TYPES.join(', ')}\n`);
    return EXIT.invalid;
  }
  const transport = createAxiosTransport();
  try {
    const secrets = await openRuntimeSecrets(credentialsFile, process.env);
    const services = { ...createSystemServices(transport, createJsonLogger('warn')), secrets: secrets.store };
    const fields = await services.secrets.get(credentialId);
    if (!fields) {
      const variable = `BRIDGEFLOW_CREDENTIAL_${credentialId.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`;
      const file = secrets.file === undefined ? '' : ` or add it to ${secrets.file} (credentials set)`;
      io.err(
        `error  Credential "${credentialId}" was not found; set ${variable} (JSON) or ${variable}_<FIELD> variables${file}\n`,
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
