import { json, type SimulatorRequest, type SimulatorResponse } from '../common/simulator-http.ts';
import type { CompanyData } from './company-data.ts';
import { feedBody, project, readPage, readQueryOptions } from './odata-query.ts';
import { moduleForbidden, type Sage300SignOn } from './sage300-auth.ts';
import { errorResponse, failureResponse, Sage300Failure } from './sage300-errors.ts';
import type { Sage300Row } from './sage300-fields.ts';
import { metadataResponse } from './sage300-metadata.ts';
import {
  allowedVerbs,
  type ResourceContext,
  requireRow,
  resolveKey,
  type Sage300Resource,
  type Verb,
} from './sage300-resource.ts';
import type { Sage300Settings } from './sage300-settings.ts';
import { type KeyTarget, parseAddress, parseKeyText, type ResourceAddress } from './sage300-url.ts';

// One request, in the order the checks run: address → sign-on (401) → Content-Type (500) → resource
// (404) → module rights (403) → verb (405) → key, options, payload (400) → the resource's rules.

export interface Sage300Runtime {
  readonly settings: Sage300Settings;
  readonly signOn: Sage300SignOn;
  /** Company data by upper-case org ID; replaced on reset. */
  readonly companies: Map<string, CompanyData>;
  /** Resources by `{module}/{name}`. */
  readonly resources: ReadonlyMap<string, Sage300Resource>;
  readonly now: () => Date;
}

const BODY_VERBS: ReadonlySet<string> = new Set(['POST', 'PUT', 'PATCH']);

export function handleSage300Request(runtime: Sage300Runtime, request: SimulatorRequest): SimulatorResponse {
  const address = parseAddress(request.path);
  if (address === undefined) {
    return errorResponse(
      'ResourceNotFound',
      `No Web API resource at ${request.path}; expected /Sage300WebApi/v1.0/-/{company}/{module}/{resource}.`,
    );
  }
  const signedOn = runtime.signOn.signOn(request.headers.authorization, address.company);
  if ('failure' in signedOn) return signedOn.failure;
  const data = runtime.companies.get(address.company.toUpperCase());
  if (data === undefined) return errorResponse('Unauthorized', `Company ${address.company} does not exist.`);
  if (!hasJsonContentType(runtime.settings, request)) {
    // S-DEV §2.2: a request without `Content-Type: application/json` fails with HTTP 500.
    return errorResponse(
      'InternalServerError',
      'An error has occurred: Content-Type: application/json is required.',
    );
  }
  if (address.resource === '$metadata') return metadata(runtime, request, address);
  const resource = runtime.resources.get(`${address.module}/${address.resource}`);
  if (resource === undefined) {
    return errorResponse(
      'ResourceNotFound',
      `Resource ${address.module}/${address.resource} does not exist.`,
    );
  }
  const forbidden = moduleForbidden(signedOn.user, address.module);
  if (forbidden) return forbidden;
  const context: ResourceContext = {
    data,
    rules: { widthErrorCode: runtime.settings.fieldWidthErrorCode },
    now: runtime.now,
  };
  try {
    return dispatch(runtime, resource, context, request, address);
  } catch (thrown) {
    if (thrown instanceof Sage300Failure) return failureResponse(thrown);
    throw thrown;
  }
}

function hasJsonContentType(settings: Sage300Settings, request: SimulatorRequest): boolean {
  if (settings.contentTypeRequired === 'requests-with-body' && !BODY_VERBS.has(request.method)) return true;
  return request.headers['content-type']?.toLowerCase().startsWith('application/json') === true;
}

function metadata(
  runtime: Sage300Runtime,
  request: SimulatorRequest,
  address: ResourceAddress,
): SimulatorResponse {
  if (request.method !== 'GET') return methodNotAllowed(request.method, '$metadata', ['GET']);
  const resources = [...runtime.resources.values()].filter((resource) => resource.module === address.module);
  if (resources.length === 0)
    return errorResponse('ResourceNotFound', `Module ${address.module} does not exist.`);
  return metadataResponse(address.module, resources);
}

function methodNotAllowed(method: string, name: string, allowed: readonly string[]): SimulatorResponse {
  return errorResponse(
    'MethodNotAllowed',
    `The requested resource does not support http method '${method}' on ${name}; allowed: ${allowed.join(', ')}.`,
    { allow: allowed.join(', ') },
  );
}

function isVerb(method: string, verbs: readonly Verb[]): method is Verb {
  return verbs.some((verb) => verb === method);
}

function dispatch(
  runtime: Sage300Runtime,
  resource: Sage300Resource,
  context: ResourceContext,
  request: SimulatorRequest,
  address: ResourceAddress,
): SimulatorResponse {
  const verbs = allowedVerbs(resource);
  if (!isVerb(request.method, verbs)) return methodNotAllowed(request.method, resource.name, verbs);
  const target: KeyTarget | undefined =
    address.keyText === undefined ? undefined : parseKeyText(address.keyText);
  if (target?.kind === 'template') {
    // `$template` answers an entry with every default (S-DEV §11); nothing is created, so 200 [U].
    if (request.method !== 'POST')
      return methodNotAllowed(request.method, `${resource.name}($template)`, ['POST']);
    return json(200, resource.template(context));
  }
  if (target?.kind === 'process') {
    throw new Sage300Failure('InvalidAction', `${resource.name} is not a process endpoint.`);
  }
  if (target === undefined) return collection(runtime, resource, context, request, address);
  const key = resolveKey(resource, target.parts);
  switch (request.method) {
    case 'GET': {
      const options = readQueryOptions(request.query, resource.schema);
      return json(200, project(requireRow(resource, context.data, key), options.select));
    }
    case 'POST':
      throw new Sage300Failure(
        'InvalidAction',
        'POST takes no key other than $template or $process (S-DEV §12.1).',
      );
    case 'PUT':
      resource.replace?.(context, key, readJson(request));
      return { status: 204 };
    case 'PATCH':
      resource.patch?.(context, key, readJson(request));
      return { status: 204 };
    default:
      resource.remove?.(context, key);
      return { status: 204 };
  }
}

function collection(
  runtime: Sage300Runtime,
  resource: Sage300Resource,
  context: ResourceContext,
  request: SimulatorRequest,
  address: ResourceAddress,
): SimulatorResponse {
  const moduleUrl = `http://${request.headers.host ?? '127.0.0.1'}/Sage300WebApi/v1.0/-/${address.company}/${address.module}`;
  if (request.method === 'POST' && resource.insert) {
    const inserted = resource.insert(context, readJson(request));
    // ASP.NET OData's Created(): 201 with the entry and its address [U: S-INT only checks 2xx].
    return json(201, inserted, { location: `${moduleUrl}/${resource.name}(${keyText(resource, inserted)})` });
  }
  if (request.method !== 'GET') {
    throw new Sage300Failure(
      'InvalidEntityKey',
      `${request.method} on ${resource.name} needs an entry key, e.g. ${resource.name}(key).`,
    );
  }
  const options = readQueryOptions(request.query, resource.schema);
  const page = readPage(resource.table(context.data).rows(), options, runtime.settings.pageSize);
  return json(
    200,
    feedBody(page, options, { moduleUrl, resource: resource.name, query: request.query }, runtime.settings),
  );
}

/** `'1200'`, `10021638` or `BatchRecordType='CA',BatchNumber=65` (A3). */
function keyText(resource: Sage300Resource, row: Sage300Row): string {
  const literal = (field: string) => {
    const value = row[field];
    return typeof value === 'number' ? String(value) : `'${String(value).replaceAll("'", "''")}'`;
  };
  if (resource.keyFields.length === 1) return literal(resource.keyFields[0] ?? '');
  return resource.keyFields.map((field) => `${field}=${literal(field)}`).join(',');
}

function readJson(request: SimulatorRequest): unknown {
  const text = request.body.toString('utf8');
  if (text.trim() === '') throw new Sage300Failure('InvalidPayload', 'A JSON payload is required.');
  try {
    return JSON.parse(text);
  } catch (thrown) {
    throw new Sage300Failure(
      'InvalidPayload',
      `The payload is not valid JSON: ${thrown instanceof Error ? thrown.message : ''}`,
    );
  }
}
