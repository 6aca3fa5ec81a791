import { describe, expect, it } from 'vitest';
import { NodeRegistry } from '../registry.ts';
import { httpRequestNode } from './http-request.node.ts';
import { httpRequestParameters } from './http-request-parameters.ts';

function problemsOf(parameters: unknown) {
  return httpRequestNode.validate?.(httpRequestParameters.parse(parameters)) ?? [];
}

describe('core.httpRequest: validate', () => {
  it('accepts well-formed templates and expressions', () => {
    expect(
      problemsOf({
        url: 'https://erp.example.com/orders/{{ OrderID }}',
        query: [{ name: 'company', value: '{{ $uppercase(store) }}' }],
        headers: [{ name: 'Accept', value: 'application/json' }],
        body: { mode: 'expression', expression: '{ "id": OrderID }' },
      }),
    ).toEqual([]);
  });

  it('reports each syntax error at its parameter path', () => {
    const problems = problemsOf({
      url: 'https://erp.example.com/orders/{{ OrderID + }}',
      query: [
        { name: 'ok', value: 'plain' },
        { name: 'bad', value: '{{ ( }}' },
      ],
      headers: [{ name: 'X-Id', value: '{{ $uppercase( }}' }],
      body: { mode: 'expression', expression: '{ "id": }' },
    });
    expect(problems.map((problem) => problem.parameter)).toEqual([
      'url',
      'query.1.value',
      'headers.0.value',
      'body.expression',
    ]);
    expect(problems[0]?.message).toContain('syntax error');
  });

  it('reports a text body template error at body.text', () => {
    const problems = problemsOf({
      url: 'https://x.example.com',
      body: { mode: 'text', text: 'Order {{ ] }}' },
    });
    expect(problems.map((problem) => problem.parameter)).toEqual(['body.text']);
  });

  it('reports a fixed URL that is not absolute http(s) before any run', () => {
    const problems = problemsOf({ url: 'erp.example.com/orders' });
    expect(problems).toEqual([
      { parameter: 'url', message: 'URL "erp.example.com/orders" is not an absolute http(s) URL' },
    ]);
  });
});

describe('core.httpRequest: description', () => {
  it('gives the editor defaults, the credential slot and a parameter schema', () => {
    const description = new NodeRegistry([httpRequestNode]).get('core.httpRequest', 1)?.description;
    expect(description?.defaults).toMatchObject({
      method: 'GET',
      body: { mode: 'none' },
      authentication: 'none',
      failOnHttpError: true,
      timeoutMs: 30_000,
      write: 'auto',
    });
    expect(description?.credentials).toEqual([{ slot: 'httpAuth', type: 'httpAuth', required: false }]);
    expect(description?.parametersJsonSchema).toMatchObject({ required: ['url'] });
  });
});
