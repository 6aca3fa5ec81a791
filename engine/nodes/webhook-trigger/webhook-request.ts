import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { JsonValue } from '../../contract/flow-document.ts';
import { BridgeflowError } from '../../errors/bridgeflow-error.ts';
import type { WebhookTriggerParameters } from './webhook-trigger.node.ts';

/** Header and query values as Node's `http` module gives them. */
export type RequestValues = Record<string, string | readonly string[] | undefined>;

/** An HTTP request as the runtime received it, body unparsed so signatures can be checked on its bytes. */
export interface WebhookRequest {
  headers: RequestValues;
  rawBody: Buffer | string;
  query: RequestValues;
}

export interface WebhookLimits {
  /** Largest body accepted, in bytes. */
  maxBytes: number;
  /** The `secret` field of the trigger's credential; required unless authentication is `none`. */
  secret?: string;
}

type Authentication = WebhookTriggerParameters['authentication'];

/**
 * Checks and parses one webhook request into the run's input: a single item, the body (or
 * `{ body, headers, query }` with Include request); the trigger node splits arrays. Pure, so
 * the runtime can answer before storing anything:
 * - INPUT_TOO_LARGE when the body exceeds `maxBytes` (answer 413),
 * - CONNECTOR_AUTH when the secret or signature does not match (answer 401),
 * - WEBHOOK_PAYLOAD_INVALID when the body cannot be parsed (answer 400).
 * A request without a body (a GET, a ping) gives its query parameters as the body.
 */
export function parseWebhookRequest(
  request: WebhookRequest,
  parameters: WebhookTriggerParameters,
  limits: WebhookLimits,
): JsonValue[] {
  const bytes = typeof request.rawBody === 'string' ? Buffer.from(request.rawBody, 'utf8') : request.rawBody;
  if (bytes.length > limits.maxBytes) {
    throw new BridgeflowError(
      'INPUT_TOO_LARGE',
      `The webhook body is ${bytes.length} bytes; the limit is ${limits.maxBytes} bytes`,
    );
  }
  authenticate(request, bytes, parameters.authentication, limits.secret);
  const query = visibleQuery(request.query, parameters.authentication);
  const body = parseBody(bytes, header(request.headers, 'content-type'), query);
  if (!parameters.includeRequest) return [body];
  return [{ body, headers: visibleHeaders(request.headers, parameters.authentication), query }];
}

function authenticate(
  request: WebhookRequest,
  bytes: Buffer,
  authentication: Authentication,
  secret: string | undefined,
): void {
  if (authentication.type === 'none') return;
  if (secret === undefined || secret === '') {
    throw new BridgeflowError(
      'CONNECTOR_AUTH',
      `The webhook has ${authentication.type} authentication but no secret is configured in "${authentication.credentialSlot}"`,
    );
  }
  if (authentication.type === 'sharedSecret') checkSharedSecret(request, authentication, secret);
  else checkSignature(request, bytes, authentication, secret);
}

type SharedSecret = Extract<Authentication, { type: 'sharedSecret' }>;
type Signature = Extract<Authentication, { type: 'hmacSha256' }>;

function checkSharedSecret(request: WebhookRequest, authentication: SharedSecret, secret: string): void {
  const { location, name } = authentication;
  const given = location === 'header' ? header(request.headers, name) : first(request.query[name]);
  if (given === undefined) throw authFailure(`The ${location} "${name}" with the webhook secret is missing`);
  if (!sameText(given, secret))
    throw authFailure(`The webhook secret in the ${location} "${name}" does not match`);
}

function checkSignature(
  request: WebhookRequest,
  bytes: Buffer,
  authentication: Signature,
  secret: string,
): void {
  const { headerName, encoding } = authentication;
  const signature = header(request.headers, headerName);
  if (signature === undefined) throw authFailure(`The signature header "${headerName}" is missing`);
  const expected = createHmac('sha256', secret).update(bytes).digest(encoding);
  // GitHub-style senders prefix the digest with `sha256=`; hex digits may come in either case.
  let given = signature.trim().replace(/^sha256=/i, '');
  if (encoding === 'hex') given = given.toLowerCase();
  if (!sameText(given, expected))
    throw authFailure(`The signature in "${headerName}" does not match the body`);
}

function authFailure(message: string): BridgeflowError {
  return new BridgeflowError('CONNECTOR_AUTH', message, { retryable: false });
}

/** Constant-time comparison; hashing first makes the lengths equal so the length leaks nothing either. */
function sameText(given: string, expected: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(expected));
}

function parseBody(bytes: Buffer, contentType: string | undefined, query: JsonValue): JsonValue {
  // .NET senders (3dcart among them) may start the body with a UTF-8 byte order mark.
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  if (text.trim() === '') return query;
  const mediaType = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (mediaType === 'application/x-www-form-urlencoded')
    return queryObject(Object.fromEntries(groupForm(text)));
  // Senders that omit the content type or label JSON as text still send JSON.
  if (
    mediaType === '' ||
    mediaType === 'text/plain' ||
    mediaType === 'application/json' ||
    mediaType.endsWith('+json')
  ) {
    return parseJson(text);
  }
  const hint = mediaType.includes('xml')
    ? " (XML is not supported: set the sender to JSON, for 3dcart the webhook's Format)"
    : '';
  throw new BridgeflowError(
    'WEBHOOK_PAYLOAD_INVALID',
    `The webhook body has content type "${mediaType}", which Bridgeflow cannot read${hint}`,
  );
}

function parseJson(text: string): JsonValue {
  try {
    const parsed: JsonValue = JSON.parse(text);
    return parsed;
  } catch (thrown) {
    const message = thrown instanceof Error ? thrown.message : String(thrown);
    throw new BridgeflowError(
      'WEBHOOK_PAYLOAD_INVALID',
      `The webhook body is not valid JSON${where(text, message)}: ${message}`,
    );
  }
}

/** Line and column of a JSON.parse failure, from V8's message (`at position 10`), or the end of the text. */
function where(text: string, message: string): string {
  const position = /at position (\d+)/.exec(message)?.[1];
  const offset =
    position === undefined ? (/end of JSON/.test(message) ? text.length : undefined) : Number(position);
  if (offset === undefined) return '';
  const before = text.slice(0, offset).split('\n');
  return ` (line ${before.length}, column ${(before.at(-1)?.length ?? 0) + 1})`;
}

function groupForm(text: string): Map<string, string[]> {
  const fields = new Map<string, string[]>();
  for (const [name, value] of new URLSearchParams(text))
    fields.set(name, [...(fields.get(name) ?? []), value]);
  return fields;
}

/** Query or form fields as JSON: one value as text, a repeated name as an array. */
function queryObject(values: RequestValues, without?: string): JsonValue {
  const result: { [key: string]: JsonValue } = {};
  for (const [name, value] of Object.entries(values)) {
    if (value === undefined || name === without) continue;
    result[name] = typeof value === 'string' ? value : value.length === 1 ? (value[0] ?? '') : [...value];
  }
  return result;
}

function visibleHeaders(headers: RequestValues, authentication: Authentication): JsonValue {
  const secretHeader = secretHeaderName(authentication);
  const result: { [key: string]: JsonValue } = {};
  for (const [name, value] of Object.entries(headers)) {
    const lower = name.toLowerCase();
    if (value === undefined || lower === secretHeader) continue;
    result[lower] = typeof value === 'string' ? value : value.join(', ');
  }
  return result;
}

/** The header that carries a secret and so must stay out of items (they are kept in traces). */
function secretHeaderName(authentication: Authentication): string | undefined {
  if (authentication.type === 'hmacSha256') return authentication.headerName.toLowerCase();
  if (authentication.type === 'sharedSecret' && authentication.location === 'header')
    return authentication.name.toLowerCase();
  return undefined;
}

/** The query parameters, without the one that carries the secret. */
function visibleQuery(query: RequestValues, authentication: Authentication): JsonValue {
  const secretParameter =
    authentication.type === 'sharedSecret' && authentication.location === 'query'
      ? authentication.name
      : undefined;
  return queryObject(query, secretParameter);
}

/** A header by name, case-insensitively; repeated headers joined as HTTP allows. */
function header(headers: RequestValues, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === wanted && value !== undefined)
      return typeof value === 'string' ? value : value.join(', ');
  }
  return undefined;
}

function first(value: string | readonly string[] | undefined): string | undefined {
  return typeof value === 'string' ? value : value?.[0];
}
