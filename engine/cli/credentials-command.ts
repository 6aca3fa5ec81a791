import { mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Command } from 'commander';
import { checkFieldNames, credentialTypeOf } from '../connectors/credential-forms.ts';
import { BridgeflowError, toErrorData } from '../errors/bridgeflow-error.ts';
import {
  type CredentialsVault,
  createCredentialsVault,
  openCredentialsFile,
  saveCredentialsFile,
} from '../runtime/credentials/credentials-file.ts';
import { readKeyMaterial } from '../runtime/credentials/credentials-key.ts';
import { defaultCredentialsPath } from '../runtime/credentials/runtime-secrets.ts';
import { type CliIo, EXIT, processIo } from './cli-io.ts';

/** What `credentials set` stores. */
export interface CredentialsSetOptions {
  type: string;
  /** JSON file of the credential's fields, as in BRIDGEFLOW_CREDENTIAL_<ID>. */
  file?: string;
  /** `name=value` pairs; they win over the same fields of `file`. */
  fields: readonly string[];
}

/** The context every `credentials` subcommand runs in. */
export interface CredentialsContext {
  /** The credentials file. */
  path: string;
  environment: NodeJS.ProcessEnv;
  io: CliIo;
}

/** `bridgeflow credentials set <id>`: adds or replaces one credential, creating the file when needed. */
export async function credentialsSet(
  id: string,
  options: CredentialsSetOptions,
  context: CredentialsContext,
): Promise<number> {
  return guarded(context.io, async () => {
    const type = credentialTypeOf(options.type);
    const fields = { ...(options.file ? await fieldsFromFile(options.file) : {}), ...pairs(options.fields) };
    if (Object.keys(fields).length === 0) {
      throw usage("Give the credential's fields with --file <cred.json> or --field name=value");
    }
    // Names only: a field may be left to a BRIDGEFLOW_CREDENTIAL_ variable, so none is required here.
    checkFieldNames(type, Object.keys(fields));
    const material = readKeyMaterial(context.environment, `writing ${context.path}`);
    const vault =
      (await openCredentialsFile(context.path, material)) ?? createCredentialsVault(context.path, material);
    const replaced = vault.entries.has(id);
    vault.entries.set(id, { type, fields, updatedAt: new Date().toISOString() });
    await mkdir(dirname(context.path), { recursive: true });
    await saveCredentialsFile(vault);
    // Field names only: they say what was stored without showing a value.
    context.io.out(
      `${replaced ? 'Replaced' : 'Added'} credential "${id}" (${type}; fields ${Object.keys(fields).join(', ')}) in ${context.path}\n`,
    );
  });
}

/** `bridgeflow credentials list`: ids, types and dates; never a value. */
export async function credentialsList(context: CredentialsContext): Promise<number> {
  return guarded(context.io, async () => {
    const vault = await openExisting(context);
    if (vault.entries.size === 0) {
      context.io.out(`No credentials in ${context.path}\n`);
      return;
    }
    const rows = [...vault.entries].map(([id, entry]) => [id, entry.type, entry.updatedAt] as const);
    const width = Math.max(2, ...rows.map(([id]) => id.length));
    const typeWidth = Math.max(4, ...rows.map(([, type]) => type.length));
    const lines = rows.map(([id, type, at]) => `${id.padEnd(width)}  ${type.padEnd(typeWidth)}  ${at}`);
    context.io.out(
      `${['id'.padEnd(width), 'type'.padEnd(typeWidth), 'updated'].join('  ')}\n${lines.join('\n')}\n`,
    );
  });
}

/** `bridgeflow credentials remove <id>`. */
export async function credentialsRemove(id: string, context: CredentialsContext): Promise<number> {
  return guarded(context.io, async () => {
    const vault = await openExisting(context);
    if (!vault.entries.delete(id)) throw usage(`There is no credential "${id}" in ${context.path}`);
    await saveCredentialsFile(vault);
    context.io.out(`Removed credential "${id}" from ${context.path}\n`);
  });
}

async function openExisting(context: CredentialsContext): Promise<CredentialsVault> {
  const material = readKeyMaterial(context.environment, `reading ${context.path}`);
  const vault = await openCredentialsFile(context.path, material);
  if (!vault) throw usage(`There is no credentials file at ${context.path}; add one with credentials set`);
  return vault;
}

/** Runs a subcommand; any error is printed with its code, and the file is left as it was. */
async function guarded(io: CliIo, action: () => Promise<void>): Promise<number> {
  try {
    await action();
    return EXIT.ok;
  } catch (thrown) {
    const error = toErrorData(thrown);
    io.err(`error  ${error.code}: ${error.message}\n`);
    return EXIT.invalid;
  }
}

async function fieldsFromFile(file: string): Promise<Record<string, string>> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(file, 'utf8'));
  } catch (thrown) {
    throw usage(
      `Could not read ${file} as JSON: ${thrown instanceof Error ? thrown.message : String(thrown)}`,
    );
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw usage(`${file} must hold a JSON object of the credential's fields`);
  }
  const fields: Record<string, string> = {};
  for (const [name, value] of Object.entries(parsed)) {
    // Nested objects (an .ionapi file) are kept as JSON text, as the environment variables do.
    fields[name] = typeof value === 'string' ? value : JSON.stringify(value);
  }
  return fields;
}

function pairs(fields: readonly string[]): Record<string, string> {
  const result: Record<string, string> = {};
  for (const pair of fields) {
    const equals = pair.indexOf('=');
    if (equals < 1) throw usage(`--field takes name=value, got "${pair.split('=')[0]}…"`);
    result[pair.slice(0, equals)] = pair.slice(equals + 1);
  }
  return result;
}

function usage(message: string): BridgeflowError {
  return new BridgeflowError('INPUT_INVALID', message, { retryable: false });
}

const collect = (value: string, previous: string[]): string[] => [...previous, value];

/** Adds `bridgeflow credentials set|list|remove` to the program. */
export function addCredentialsCommand(program: Command, setExitCode: (code: number) => void): void {
  const credentials = program
    .command('credentials')
    .description('Manage the encrypted credentials file bridgeflow serve reads (<data>/credentials.enc.json)')
    .addHelpText(
      'after',
      '\nThe file is sealed with AES-256-GCM under BRIDGEFLOW_CREDENTIALS_KEY: 32 random bytes in base64 or\nhex (openssl rand -base64 32), or a passphrase of at least 12 characters (stretched with scrypt).',
    );
  const context = (options: Record<string, unknown>): CredentialsContext => ({
    path: defaultCredentialsPath(typeof options.data === 'string' ? options.data : './.bridgeflow'),
    environment: process.env,
    io: processIo,
  });
  credentials
    .command('set')
    .description('Add or replace a credential (fields from a JSON file and/or --field name=value)')
    .argument('<id>', 'credential id, as the flow names it')
    .requiredOption('--type <type>', 'credential type: threedcart, sage300, m3 or webhookSecret')
    .option('--file <cred.json>', 'JSON object of the fields (keeps secrets out of the shell history)')
    .option('--field <name=value>', 'one field; repeat for more', collect, [])
    .option('--data <dir>', 'folder of the runtime data', './.bridgeflow')
    .action(async (id: string, options: Record<string, unknown>) => {
      const fields = Array.isArray(options.field) ? options.field.map(String) : [];
      const set: CredentialsSetOptions = { type: String(options.type), fields };
      if (typeof options.file === 'string') set.file = options.file;
      setExitCode(await credentialsSet(id, set, context(options)));
    });
  credentials
    .command('list')
    .description('List the credentials: ids, types and when they were set (never a value)')
    .option('--data <dir>', 'folder of the runtime data', './.bridgeflow')
    .action(async (options: Record<string, unknown>) => setExitCode(await credentialsList(context(options))));
  credentials
    .command('remove')
    .description('Remove a credential')
    .argument('<id>', 'credential id')
    .option('--data <dir>', 'folder of the runtime data', './.bridgeflow')
    .action(async (id: string, options: Record<string, unknown>) =>
      setExitCode(await credentialsRemove(id, context(options))),
    );
}
