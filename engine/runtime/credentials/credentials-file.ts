import { createCipheriv, createDecipheriv, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { z } from 'zod';
import { BridgeflowError } from '../../errors/bridgeflow-error.ts';
import {
  deriveFileKeys,
  type FileKeys,
  type KeyDerivation,
  type KeyMaterial,
  keyError,
  newDerivation,
} from './credentials-key.ts';

/** One credential as stored: its type (threedcart, sage300, m3, …) and its fields. */
export interface CredentialEntry {
  type: string;
  fields: Record<string, string>;
  /** ISO time of the last `credentials set`. */
  updatedAt: string;
}

/** An opened (decrypted) credentials file; change `entries`, then {@link saveCredentialsFile}. */
export interface CredentialsVault {
  path: string;
  derivation: KeyDerivation;
  keys: FileKeys;
  entries: Map<string, CredentialEntry>;
}

const FORMAT = 'bridgeflow-credentials';
const Base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64 text');
const SealedSchema = z.strictObject({ iv: Base64, tag: Base64, data: Base64 });
const DerivationSchema = z.discriminatedUnion('name', [
  z.strictObject({ name: z.literal('raw'), salt: Base64 }),
  z.strictObject({
    name: z.literal('scrypt'),
    salt: Base64,
    cost: z
      .number()
      .int()
      .min(2 ** 14)
      .max(2 ** 20),
    blockSize: z.number().int().min(1).max(32),
    parallelization: z.number().int().min(1).max(16),
  }),
]);
const FileSchema = z.strictObject({
  format: z.literal(FORMAT),
  version: z.literal(1),
  kdf: DerivationSchema,
  /** A known text sealed with the key: tells a wrong key apart from an altered file. */
  check: SealedSchema,
  entries: z.array(
    SealedSchema.extend({ id: z.string().min(1), type: z.string().min(1), updatedAt: z.string() }),
  ),
  /** HMAC over everything above: an entry removed, added or swapped in from an older file is noticed. */
  mac: Base64,
});
type CredentialsFileJson = z.infer<typeof FileSchema>;
type Sealed = z.infer<typeof SealedSchema>;

const CHECK_TEXT = 'bridgeflow credentials file';
const FieldsSchema = z.record(z.string(), z.string());

/** A new, empty vault for `path` (nothing is written until it is saved). */
export function createCredentialsVault(path: string, material: KeyMaterial): CredentialsVault {
  const derivation = newDerivation(material, randomBytes(16).toString('base64'));
  return { path, derivation, keys: deriveFileKeys(material, derivation, path), entries: new Map() };
}

/**
 * Opens and decrypts the whole file, or refuses it: a wrong key, an altered or damaged file or an
 * unknown format each throw with the reason, and nothing of the file is returned in that case.
 * Answers undefined when there is no file.
 */
export async function openCredentialsFile(
  path: string,
  material: KeyMaterial,
): Promise<CredentialsVault | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (thrown) {
    if (thrown instanceof Error && 'code' in thrown && thrown.code === 'ENOENT') return undefined;
    throw new BridgeflowError('FILE_READ_FAILED', `Could not read ${path}: ${String(thrown)}`);
  }
  const file = parseFile(path, text);
  const keys = deriveFileKeys(material, file.kdf, path);
  try {
    open(keys, file.check, 'check');
  } catch {
    throw keyError(
      `BRIDGEFLOW_CREDENTIALS_KEY does not open ${path}: it is not the key the file was sealed with`,
    );
  }
  const expected = macOf(keys, file);
  const given = Buffer.from(file.mac, 'base64');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw fileError(`${path} was altered: its list of entries does not match its authentication code`);
  }
  const entries = new Map<string, CredentialEntry>();
  for (const entry of file.entries) {
    entries.set(entry.id, {
      type: entry.type,
      updatedAt: entry.updatedAt,
      fields: openEntry(path, keys, entry),
    });
  }
  return { path, derivation: file.kdf, keys, entries };
}

/** Seals every entry with a fresh IV and replaces the file in one rename (owner-only permissions). */
export async function saveCredentialsFile(vault: CredentialsVault): Promise<void> {
  const entries = [...vault.entries]
    .sort(([left], [right]) => (left < right ? -1 : 1))
    .map(([id, entry]) => ({
      id,
      type: entry.type,
      updatedAt: entry.updatedAt,
      ...seal(vault.keys, JSON.stringify(entry.fields), entryLabel(id, entry.type)),
    }));
  const unsigned = {
    format: FORMAT,
    version: 1,
    kdf: vault.derivation,
    check: seal(vault.keys, CHECK_TEXT, 'check'),
    entries,
  } as const;
  const file: CredentialsFileJson = { ...unsigned, mac: macOf(vault.keys, unsigned).toString('base64') };
  const temporary = `${vault.path}.${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(temporary, `${JSON.stringify(file, null, 2)}\n`, { mode: 0o600 });
  await rename(temporary, vault.path);
}

function parseFile(path: string, text: string): CredentialsFileJson {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw fileError(`${path} is not valid JSON; it is damaged or not a Bridgeflow credentials file`);
  }
  const parsed = FileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? `${issue.path.join('.') || 'top level'}: ${issue.message}` : 'unknown shape';
    throw fileError(`${path} is not a Bridgeflow credentials file of a known version (${where})`);
  }
  return parsed.data;
}

function openEntry(
  path: string,
  keys: FileKeys,
  entry: CredentialsFileJson['entries'][number],
): Record<string, string> {
  let fields: unknown;
  try {
    fields = JSON.parse(open(keys, entry, entryLabel(entry.id, entry.type)));
  } catch {
    throw fileError(`${path} was altered or is damaged: credential "${entry.id}" fails authentication`);
  }
  const parsed = FieldsSchema.safeParse(fields);
  if (!parsed.success) throw fileError(`${path}: credential "${entry.id}" is not a set of text fields`);
  return parsed.data;
}

/** The associated data of an entry: its ciphertext cannot be moved under another id or type. */
function entryLabel(id: string, type: string): string {
  return `entry\u0000${id}\u0000${type}`;
}

function seal(keys: FileKeys, plain: string, label: string): Sealed {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keys.encryption, iv);
  cipher.setAAD(Buffer.from(label));
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return {
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    data: data.toString('base64'),
  };
}

/** Decrypts, or throws when the authentication tag does not match (wrong key or altered bytes). */
function open(keys: FileKeys, sealed: Sealed, label: string): string {
  const decipher = createDecipheriv('aes-256-gcm', keys.encryption, Buffer.from(sealed.iv, 'base64'));
  decipher.setAAD(Buffer.from(label));
  decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
  const data = Buffer.from(sealed.data, 'base64');
  return Buffer.concat([decipher.update(data), decipher.final()]).toString('utf8');
}

/** HMAC over a fixed serialisation of everything but the MAC, independent of JSON formatting. */
function macOf(keys: FileKeys, file: Omit<CredentialsFileJson, 'mac'>): Buffer {
  const derivation = Object.entries(file.kdf).sort(([left], [right]) => (left < right ? -1 : 1));
  const canonical = JSON.stringify([
    file.format,
    file.version,
    derivation,
    [file.check.iv, file.check.tag, file.check.data],
    file.entries.map((entry) => [entry.id, entry.type, entry.updatedAt, entry.iv, entry.tag, entry.data]),
  ]);
  return createHmac('sha256', keys.mac).update(canonical).digest();
}

function fileError(message: string): BridgeflowError {
  return new BridgeflowError('CREDENTIALS_FILE_INVALID', message, { retryable: false });
}
