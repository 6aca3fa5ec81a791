import { hkdfSync, scryptSync } from 'node:crypto';
import { BridgeflowError } from '../../errors/bridgeflow-error.ts';

/** The variable holding the key (or passphrase) of the credentials file. */
export const CREDENTIALS_KEY_VARIABLE = 'BRIDGEFLOW_CREDENTIALS_KEY';

/**
 * What {@link CREDENTIALS_KEY_VARIABLE} holds: exactly 32 random bytes written as 64 hex digits or
 * as base64 (`openssl rand -base64 32`), used as the AES-256 key material as they are; or any other
 * text of at least {@link MIN_PASSPHRASE_LENGTH} characters, a passphrase stretched with scrypt.
 */
export type KeyMaterial = { kind: 'key'; bytes: Buffer } | { kind: 'passphrase'; passphrase: string };

/** How the file's keys were made; stored in the file so the parameters can change later. */
export type KeyDerivation =
  | { name: 'raw'; salt: string }
  | { name: 'scrypt'; salt: string; cost: number; blockSize: number; parallelization: number };

/** The two keys of a credentials file: AES-256-GCM for the entries, HMAC-SHA256 over the whole list. */
export interface FileKeys {
  encryption: Buffer;
  mac: Buffer;
}

export const MIN_PASSPHRASE_LENGTH = 12;

/**
 * scrypt N=2^15, r=8, p=1: about 32 MiB and a tenth of a second, paid once when the runtime starts
 * or a `credentials` command runs, while each guess at a stolen file costs an attacker the same.
 */
export const SCRYPT_DEFAULTS = { cost: 2 ** 15, blockSize: 8, parallelization: 1 } as const;

/** Reads the key from the environment; a missing or unusable one is refused with what to do. */
export function readKeyMaterial(environment: NodeJS.ProcessEnv, purpose: string): KeyMaterial {
  const text = environment[CREDENTIALS_KEY_VARIABLE]?.trim() ?? '';
  if (text === '') {
    throw keyError(
      `${CREDENTIALS_KEY_VARIABLE} is not set, so ${purpose} is not possible; set it to 32 random bytes in base64 (openssl rand -base64 32) or to a passphrase of at least ${MIN_PASSPHRASE_LENGTH} characters`,
    );
  }
  if (/^[0-9a-fA-F]{64}$/.test(text)) return { kind: 'key', bytes: Buffer.from(text, 'hex') };
  if (/^[A-Za-z0-9+/]{43}=$/.test(text)) return { kind: 'key', bytes: Buffer.from(text, 'base64') };
  if (text.length < MIN_PASSPHRASE_LENGTH) {
    throw keyError(
      `${CREDENTIALS_KEY_VARIABLE} is neither a 32-byte key (64 hex digits or 44 base64 characters) nor a passphrase of at least ${MIN_PASSPHRASE_LENGTH} characters`,
    );
  }
  return { kind: 'passphrase', passphrase: text };
}

/** The derivation a new file made with this material uses. */
export function newDerivation(material: KeyMaterial, salt: string): KeyDerivation {
  return material.kind === 'key' ? { name: 'raw', salt } : { name: 'scrypt', salt, ...SCRYPT_DEFAULTS };
}

/**
 * Derives the file's keys. A file sealed with a passphrase cannot be opened with a raw key and the
 * other way round; saying which makes the usual mistake (the wrong variable copied) easy to see.
 */
export function deriveFileKeys(material: KeyMaterial, derivation: KeyDerivation, file: string): FileKeys {
  const salt = Buffer.from(derivation.salt, 'base64');
  let master: Buffer;
  if (derivation.name === 'raw') {
    if (material.kind !== 'key') {
      throw keyError(
        `${file} was sealed with a 32-byte key, but ${CREDENTIALS_KEY_VARIABLE} holds a passphrase`,
      );
    }
    master = material.bytes;
  } else {
    if (material.kind !== 'passphrase') {
      throw keyError(
        `${file} was sealed with a passphrase, but ${CREDENTIALS_KEY_VARIABLE} holds a 32-byte key`,
      );
    }
    const { cost, blockSize, parallelization } = derivation;
    master = scryptSync(material.passphrase, salt, 32, {
      N: cost,
      r: blockSize,
      p: parallelization,
      maxmem: 256 * cost * blockSize,
    });
  }
  // Separate keys for separate jobs, both from the one secret (RFC 5869).
  return {
    encryption: Buffer.from(hkdfSync('sha256', master, salt, 'bridgeflow-credentials/encryption', 32)),
    mac: Buffer.from(hkdfSync('sha256', master, salt, 'bridgeflow-credentials/mac', 32)),
  };
}

export function keyError(message: string): BridgeflowError {
  return new BridgeflowError('CREDENTIALS_KEY_INVALID', message, { retryable: false });
}
