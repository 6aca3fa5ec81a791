import type { JsonValue } from '../../contract/flow-document.ts';
import { BridgeflowError } from '../../errors/bridgeflow-error.ts';
import { type CompiledExpression, compileExpression } from '../../expressions/expression.ts';
import { type CompiledTemplate, compileTemplate } from '../../expressions/template.ts';
import { hasHeader } from '../../run/http/outgoing-request.ts';
import type { HttpRequest } from '../../run/services.ts';
import { toJsonValue } from '../json-path.ts';
import type { ParameterProblem } from '../node-type.ts';
import type { AuthenticationHeader } from './authentication.ts';
import type { HttpRequestBody, HttpRequestParameters } from './http-request-parameters.ts';

interface CompiledNameValue {
  name: string;
  value: CompiledTemplate;
}

type CompiledBody =
  | { mode: 'none' }
  | { mode: 'json'; json: JsonValue }
  | { mode: 'expression'; expression: CompiledExpression }
  | { mode: 'text'; text: CompiledTemplate; contentType: string };

/** The node's templates and expressions, compiled once per node run. */
export interface RequestTemplate {
  url: CompiledTemplate;
  query: CompiledNameValue[];
  headers: CompiledNameValue[];
  body: CompiledBody;
}

// Parameters are one object per node run, shared by every item: compiling once per object
// keeps a 10,000-order run from re-parsing the same templates 10,000 times.
const compiled = new WeakMap<HttpRequestParameters, RequestTemplate>();

/** Compiles the parameters' templates; EXPRESSION_SYNTAX when one does not parse. */
export function compileRequestTemplate(parameters: HttpRequestParameters): RequestTemplate {
  let template = compiled.get(parameters);
  if (!template) {
    template = {
      url: compileTemplate(parameters.url),
      query: parameters.query.map(compileNameValue),
      headers: parameters.headers.map(compileNameValue),
      body: compileBody(parameters.body),
    };
    compiled.set(parameters, template);
  }
  return template;
}

function compileNameValue(entry: { name: string; value: string }): CompiledNameValue {
  return { name: entry.name, value: compileTemplate(entry.value) };
}

function compileBody(body: HttpRequestBody): CompiledBody {
  switch (body.mode) {
    case 'none':
    case 'json':
      return body;
    case 'expression':
      return { mode: 'expression', expression: compileExpression(body.expression) };
    case 'text':
      return { mode: 'text', text: compileTemplate(body.text), contentType: body.contentType };
  }
}

/** Syntax errors of every template and expression, each at its parameter path. */
export function requestTemplateProblems(parameters: HttpRequestParameters): ParameterProblem[] {
  const problems: ParameterProblem[] = [];
  const check = (parameter: string, compile: () => unknown): void => {
    try {
      compile();
    } catch (thrown) {
      problems.push({ parameter, message: thrown instanceof Error ? thrown.message : String(thrown) });
    }
  };
  check('url', () => {
    const url = compileTemplate(parameters.url);
    // A URL with no {{ }} part can be judged now rather than on the first item.
    if (url.constant) checkAbsoluteUrl(parameters.url, url);
  });
  parameters.query.forEach((entry, index) => {
    check(`query.${index}.value`, () => compileTemplate(entry.value));
  });
  parameters.headers.forEach((entry, index) => {
    check(`headers.${index}.value`, () => compileTemplate(entry.value));
  });
  const body = parameters.body;
  if (body.mode === 'expression') check('body.expression', () => compileExpression(body.expression));
  if (body.mode === 'text') check('body.text', () => compileTemplate(body.text));
  return problems;
}

/** What {@link renderRequest} needs besides the template and the item. */
export interface RenderOptions {
  method: string;
  timeoutMs: number;
  responseType: 'json' | 'text';
  write: boolean | undefined;
  authentication: AuthenticationHeader | undefined;
}

/** The request for one item; INPUT_INVALID when the URL does not render to an absolute http(s) URL. */
export async function renderRequest(
  template: RequestTemplate,
  item: JsonValue,
  options: RenderOptions,
): Promise<HttpRequest> {
  const url = await template.url.render(item);
  checkAbsoluteUrl(url, template.url);
  const query: Record<string, string> = {};
  for (const entry of template.query) query[entry.name] = await entry.value.render(item);
  const headers: Record<string, string> = {};
  for (const entry of template.headers) setHeader(headers, entry.name, await entry.value.render(item));
  const body = await renderBody(template.body, item, headers);
  // The credential wins over a header of the same name typed into the list.
  if (options.authentication) setHeader(headers, options.authentication.name, options.authentication.value);
  const request: HttpRequest = {
    method: options.method,
    url,
    headers,
    query,
    timeoutMs: options.timeoutMs,
    responseType: options.responseType,
  };
  if (body !== undefined) request.body = body;
  if (options.write !== undefined) request.write = options.write;
  return request;
}

function checkAbsoluteUrl(url: string, template: CompiledTemplate): void {
  const parsed = URL.parse(url);
  if (parsed !== null && (parsed.protocol === 'http:' || parsed.protocol === 'https:')) return;
  const from = template.constant ? '' : ` (rendered from "${template.source}")`;
  throw new BridgeflowError('INPUT_INVALID', `URL "${url}"${from} is not an absolute http(s) URL`, {
    retryable: false,
  });
}

/**
 * Sets `name`, replacing any entry that differs only in case: HTTP header names are
 * case-insensitive, and two spellings of one header would both go on the wire.
 */
function setHeader(headers: Record<string, string>, name: string, value: string): void {
  const lower = name.toLowerCase();
  for (const key of Object.keys(headers)) if (key.toLowerCase() === lower) delete headers[key];
  headers[name] = value;
}

async function renderBody(
  body: CompiledBody,
  item: JsonValue,
  headers: Record<string, string>,
): Promise<JsonValue | string | undefined> {
  switch (body.mode) {
    case 'none':
      return undefined;
    case 'json':
      return body.json;
    case 'expression':
      return expressionBody(body.expression, item, headers);
    case 'text':
      if (!hasHeader(headers, 'content-type')) headers['Content-Type'] = body.contentType;
      return body.text.render(item);
  }
}

async function expressionBody(
  expression: CompiledExpression,
  item: JsonValue,
  headers: Record<string, string>,
): Promise<JsonValue | string> {
  const result = await expression.evaluate(item);
  // Sending nothing (or `null`) when a path is missing would hide a mapping mistake behind a
  // 400 from the remote system, or worse, a record created empty.
  if (result === undefined) {
    throw new BridgeflowError(
      'INPUT_INVALID',
      `Body expression ${JSON.stringify(expression.source)} gave no value for this item`,
      { retryable: false },
    );
  }
  const json = toJsonValue(result);
  if (typeof json !== 'string') return json;
  // The transport sends strings as they are; a string result is JSON text like any other value.
  if (!hasHeader(headers, 'content-type')) headers['Content-Type'] = 'application/json';
  return JSON.stringify(json);
}
