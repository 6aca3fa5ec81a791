import type { JsonValue } from '../../contract/flow-document.ts';
import { errorFromResponse } from '../../run/http/http-errors.ts';
import type { HttpResponse } from '../../run/services.ts';
import { defineNodeType, emit, type ItemResult } from '../node-type.ts';
import { authenticationHeader, CREDENTIAL_SLOT } from './authentication.ts';
import { type HttpRequestParameters, httpRequestParameters } from './http-request-parameters.ts';
import { compileRequestTemplate, renderRequest, requestTemplateProblems } from './request-template.ts';

const DOCS = [
  'Sends one HTTP request per item and outputs the response body. For any REST API without its own connector.',
  '',
  '- **URL**, **Query** values, **Headers** values and a **Text** body are templates: `{{ expression }}` parts are JSONata evaluated on the item. The URL must come out absolute (`https://…`).',
  '- **Body**: *JSON* sends a fixed value; *Expression* sends the result of a JSONata expression on the item (an expression with no result fails the item); *Text* sends the rendered template with its content type.',
  '- **Authentication** uses the `httpAuth` credential: *Basic* (username, password), *Bearer* (token), or *Header* (name, value). Secrets are masked in the run trace.',
  '- A status of 400 or more fails the item with a typed error (`CONNECTOR_NOT_FOUND`, `CONNECTOR_UNAVAILABLE`, …), so the node’s retry policy and error port apply; 429 and 503 honour Retry-After. With **Fail on HTTP error** off, every response becomes an item `{status, headers, body}` instead. **Full response** gives that shape for successes too.',
  '- **Split array** turns a JSON array response into one item per element.',
  '- In dry-run, writes (every method but GET and HEAD) are recorded, not sent; the item is a simulated response marked `dryRun: true`. Set **Write** to *read* for a POST that only reads (a search) so dry-run still sends it.',
  '',
  'Example: look up each order’s customer.',
  '',
  '```',
  'Method   GET',
  'URL      https://erp.example.com/api/customers/{{ BillingEmail }}',
  'Query    company = {{ $uppercase(StoreCode) }}',
  '```',
].join('\n');

/** Calls any HTTP API once per item. */
export const httpRequestNode = defineNodeType({
  kind: 'item',
  description: {
    type: 'core.httpRequest',
    version: 1,
    label: 'HTTP request',
    category: 'utility',
    icon: 'globe',
    summary: 'Call any HTTP API for each item',
    docs: DOCS,
    trigger: false,
    inputs: [{ name: 'main', label: 'Items' }],
    outputs: [{ name: 'main', label: 'Responses' }],
    credentials: [{ slot: CREDENTIAL_SLOT, type: 'httpAuth', required: false }],
    expressionParameters: ['url', 'query.value', 'headers.value', 'body.expression', 'body.text'],
    summaryParameters: ['method', 'url'],
  },
  parameters: httpRequestParameters,
  validate: requestTemplateProblems,
  async executeItem(json, context) {
    const { parameters } = context;
    const template = compileRequestTemplate(parameters);
    // Read before anything is sent, so the credential's values are masked in the trace.
    const credential =
      parameters.authentication === 'none' ? undefined : await context.credentials(CREDENTIAL_SLOT);
    const request = await renderRequest(template, json, {
      method: parameters.method,
      timeoutMs: parameters.timeoutMs,
      responseType: parameters.responseFormat,
      write: parameters.write === 'auto' ? undefined : parameters.write === 'write',
      authentication: credential && authenticationHeader(parameters.authentication, credential),
    });
    const response = await context.http(request);
    if (parameters.failOnHttpError) {
      const error = errorFromResponse(request, response, () => context.now());
      if (error) throw error;
    }
    return responseItems(response, parameters);
  },
});

/** The response as items: the body, or `{status, headers, body}`; an array split when asked. */
function responseItems(response: HttpResponse, parameters: HttpRequestParameters): ItemResult {
  // Without failing on errors, the status must travel with the item or nothing could branch on it.
  const full = parameters.fullResponse || !parameters.failOnHttpError;
  const shape = (body: JsonValue): JsonValue => {
    if (!full) return body;
    const item: { [key: string]: JsonValue } = { status: response.status, headers: response.headers, body };
    if (response.dryRun) item.dryRun = true;
    return item;
  };
  if (parameters.splitArray && Array.isArray(response.body))
    return response.body.map((element) => emit(shape(element)));
  return emit(shape(response.body));
}
