import type { JsonValue } from '../../contract/flow-document.ts';

/** What replaces a secret in anything recorded. */
export const MASK = '***';

/** Headers that carry credentials whatever their value (3dcart sends PrivateKey and Token). */
const SECRET_HEADERS: ReadonlySet<string> = new Set([
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
  'privatekey',
  'token',
  'x-api-key',
  'api-key',
]);

/** Headers whose scheme is worth keeping: "Basic ***" tells a reader which auth was used. */
const SCHEMED_HEADERS: ReadonlySet<string> = new Set(['authorization', 'proxy-authorization']);

/**
 * JSON keys masked in recorded bodies even when their value is not a known secret: OAuth token
 * endpoints (ION API) answer with freshly minted tokens the vault has never seen.
 */
const SECRET_KEYS: ReadonlySet<string> = new Set([
  'password',
  'client_secret',
  'access_token',
  'refresh_token',
  'id_token',
]);

/** Masks credentials in what a trace records; built once per request from the vault's values. */
export interface SecretMasker {
  headers(headers: Record<string, string>): Record<string, string>;
  url(url: string): string;
  /**
   * `json`, when given, is the JSON text `body` was parsed from (or serialised to): with no escape
   * in it, every string of `body` appears in it as written, so one search per secret spelling
   * rules them all out and only the keys are looked at one by one.
   */
  body(body: JsonValue | string, json?: string): JsonValue | string;
  text(text: string): string;
}

// A node run makes many calls with the same few secrets; building a masker is a handful of
// allocations and a sort, so the last few are kept by their secrets.
const recentMaskers = new Map<string, SecretMasker>();

/** A masker for the given secret values (empty strings are ignored). */
export function createSecretMasker(secrets: readonly string[]): SecretMasker {
  const key = secrets.join('\u0000');
  const cached = recentMaskers.get(key);
  if (cached) return cached;
  const masker = buildSecretMasker(secrets);
  if (recentMaskers.size >= 32) recentMaskers.clear();
  recentMaskers.set(key, masker);
  return masker;
}

function buildSecretMasker(secrets: readonly string[]): SecretMasker {
  // Each secret as written and as it appears in query strings and form bodies (OAuth token
  // requests send `#` as `%23`); longest first, so a secret that contains another is masked whole.
  const spellings = secrets
    .filter((secret) => secret !== '')
    .flatMap((secret) => [
      secret,
      encodeURIComponent(secret),
      encodeURIComponent(secret).replaceAll('%20', '+'),
    ]);
  const values = [...new Set(spellings)].sort((a, b) => b.length - a.length);
  const shortest = values.at(-1)?.length ?? Number.POSITIVE_INFINITY;
  // Called for every string a call records (each key and value of a response body), and almost
  // none holds a secret: strings shorter than every secret are answered without a search, and a
  // plain loop instead of `some` keeps a closure call out of the common case.
  const containsSecret = (input: string): boolean => {
    if (input.length < shortest) return false;
    for (const secret of values) if (input.includes(secret)) return true;
    return false;
  };
  // Checking first keeps masking to a few `includes` per string instead of a split and join per
  // secret spelling.
  const text = (input: string): string =>
    containsSecret(input) ? values.reduce((masked, secret) => masked.split(secret).join(MASK), input) : input;
  // Secrets in a query string are percent-encoded; each spelling that may appear there.
  const urlSpellings = [
    ...new Set(
      values.flatMap((secret) => [
        secret,
        encodeURIComponent(secret),
        new URLSearchParams({ s: secret }).toString().slice(2),
      ]),
    ),
  ].sort((a, b) => b.length - a.length);

  return {
    text,
    headers(headers) {
      const masked: Record<string, string> = {};
      for (const [name, value] of Object.entries(headers)) {
        const lower = name.toLowerCase();
        if (SCHEMED_HEADERS.has(lower)) masked[name] = keepScheme(value);
        else if (SECRET_HEADERS.has(lower) || containsSecret(value)) masked[name] = MASK;
        else masked[name] = value;
      }
      return masked;
    },
    url(url) {
      const masked = urlSpellings.some((spelling) => url.includes(spelling))
        ? urlSpellings.reduce((current, spelling) => current.split(spelling).join(MASK), url)
        : url;
      return masked.includes('@') ? maskUserInfo(masked) : masked;
    },
    body(body, json) {
      const stringsClean = json !== undefined && !json.includes('\\') && !containsSecret(json);
      // Bodies without a secret value or a secret-named key are recorded as they are (shared, not
      // copied: items and recorded bodies are never changed after the fact).
      return needsMasking(body, stringsClean ? holdsNoSecret : containsSecret) ? maskJson(body, text) : body;
    },
  };
}

const holdsNoSecret = (): boolean => false;

function keepScheme(value: string): string {
  const scheme = /^([A-Za-z][\w-]*)\s+\S/.exec(value)?.[1];
  return scheme === undefined ? MASK : `${scheme} ${MASK}`;
}

function maskUserInfo(url: string): string {
  const parsed = URL.parse(url);
  if (parsed === null || parsed.password === '') return url;
  parsed.password = MASK;
  return parsed.href;
}

function needsMasking(value: JsonValue, containsSecret: (input: string) => boolean): boolean {
  if (typeof value === 'string') return containsSecret(value);
  if (typeof value !== 'object' || value === null) return false;
  if (Array.isArray(value)) {
    for (const item of value) if (needsMasking(item, containsSecret)) return true;
    return false;
  }
  for (const key of Object.keys(value)) {
    const item = value[key];
    if (isSecretKey(key) || containsSecret(key)) return true;
    if (item !== undefined && needsMasking(item, containsSecret)) return true;
  }
  return false;
}

/** Lengths of the {@link SECRET_KEYS}: most keys are ruled out without lower-casing them. */
const SECRET_KEY_LENGTHS: ReadonlySet<number> = new Set([...SECRET_KEYS].map((key) => key.length));

function isSecretKey(key: string): boolean {
  return SECRET_KEY_LENGTHS.has(key.length) && SECRET_KEYS.has(key.toLowerCase());
}

function maskJson(value: JsonValue, text: (input: string) => string): JsonValue {
  if (typeof value === 'string') return text(value);
  if (Array.isArray(value)) return value.map((item) => maskJson(item, text));
  if (typeof value !== 'object' || value === null) return value;
  const masked: { [key: string]: JsonValue } = {};
  for (const [key, item] of Object.entries(value)) {
    masked[text(key)] = isSecretKey(key) && item !== null ? MASK : maskJson(item, text);
  }
  return masked;
}
