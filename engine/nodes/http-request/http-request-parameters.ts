import { z } from 'zod';
import { JsonValueSchema } from '../../contract/flow-document.ts';

/** One query parameter or header; `value` is a template (`{{ OrderID }}`) rendered on the item. */
const NameValueSchema = z.object({
  name: z.string().trim().min(1),
  value: z.string().default(''),
});

/** What the request sends as its body. */
const BodySchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('none') }),
  /** A fixed JSON value, sent as written. */
  z.object({ mode: z.literal('json'), json: JsonValueSchema }),
  /** JSONata evaluated on the item; the result is sent as JSON. */
  z.object({ mode: z.literal('expression'), expression: z.string().trim().min(1) }),
  /** A template sent as text, with its own content type. */
  z.object({
    mode: z.literal('text'),
    text: z.string(),
    contentType: z.string().trim().min(1).default('text/plain; charset=utf-8'),
  }),
]);

/** Parameters of `core.httpRequest` version 1. */
export const httpRequestParameters = z.object({
  method: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD']).default('GET'),
  /** Template that must render to an absolute http(s) URL, e.g. `https://api.example.com/orders/{{ OrderID }}`. */
  url: z.string().trim().min(1),
  query: z.array(NameValueSchema).default([]),
  headers: z.array(NameValueSchema).default([]),
  body: BodySchema.default({ mode: 'none' }),
  /** How the `httpAuth` credential is applied; `none` reads no credential. */
  authentication: z.enum(['none', 'basic', 'bearer', 'header']).default('none'),
  /** `json` parses JSON bodies (text that does not parse stays text); `text` never parses. */
  responseFormat: z.enum(['json', 'text']).default('json'),
  /** The item is `{status, headers, body}` instead of the body alone. */
  fullResponse: z.boolean().default(false),
  /**
   * Status 400 or more fails the item with the typed error (so retries and the error port
   * apply). Off: every response becomes an item `{status, headers, body}` to branch on.
   */
  failOnHttpError: z.boolean().default(true),
  timeoutMs: z.number().int().positive().max(3_600_000).default(30_000),
  /**
   * Whether the call changes the remote system, which decides if dry-run intercepts it.
   * `auto`: every method but GET and HEAD writes. `read`: a POST that only reads (a search).
   */
  write: z.enum(['auto', 'read', 'write']).default('auto'),
  /** A JSON array response becomes one item per element. */
  splitArray: z.boolean().default(false),
});

export type HttpRequestParameters = z.output<typeof httpRequestParameters>;
export type HttpRequestBody = HttpRequestParameters['body'];
