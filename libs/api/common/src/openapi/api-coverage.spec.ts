import type { OpenAPIObject } from '@nestjs/swagger';
import { findDocumentGaps } from './api-coverage';

const PROBLEM = {
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
};

function documentOf(paths: Record<string, unknown>): OpenAPIObject {
  return {
    openapi: '3.0.0',
    info: { title: 't', version: '1' },
    paths: paths as OpenAPIObject['paths'],
    components: { schemas: { Problem: { type: 'object' }, Thing: { type: 'object' } } },
  };
}

describe('findDocumentGaps', () => {
  it('passes a route with a schema and a problem answer, and a 204 with none', () => {
    const document = documentOf({
      '/things/{id}': {
        get: {
          responses: {
            '200': {
              description: 'Thing',
              content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } },
            },
            '404': { description: 'x', ...PROBLEM },
          },
        },
        delete: {
          responses: { '204': { description: 'kosong' }, '404': { description: 'x', ...PROBLEM } },
        },
      },
    });
    expect(findDocumentGaps(document)).toEqual([]);
  });

  it('passes a redirect only when it names its Location and carries no body', () => {
    const redirect = (response: Record<string, unknown>) => ({
      get: {
        responses: {
          '302': { description: 'x', ...response },
          '404': { description: 'x', ...PROBLEM },
        },
      },
    });
    const document = documentOf({
      '/go': redirect({ headers: { Location: { description: 'where' } } }),
      '/nowhere': redirect({}),
      '/page': redirect({
        headers: { Location: { description: 'where' } },
        content: { 'text/html': { schema: { type: 'string' } } },
      }),
    });
    expect(findDocumentGaps(document)).toEqual([
      'GET /nowhere: no 2xx answer with a schema (nor an explicit 204)',
      'GET /page: no 2xx answer with a schema (nor an explicit 204)',
    ]);
  });

  it('names a bare route: no answer schema, no error', () => {
    // What @nestjs/swagger writes for a route nobody documented.
    const document = documentOf({
      '/bare': { get: { responses: { '200': { description: '' } } } },
    });
    expect(findDocumentGaps(document)).toEqual([
      'GET /bare: no 2xx answer with a schema (nor an explicit 204)',
      'GET /bare: no error answer with a schema (problem details)',
    ]);
  });

  it('names a route with an empty schema, a missing error, and a dangling reference', () => {
    const document = documentOf({
      '/things': {
        post: {
          responses: {
            '201': { description: 'x', content: { 'application/json': { schema: {} } } },
            '400': { description: 'x' },
          },
        },
        get: {
          responses: {
            '200': {
              description: 'x',
              content: { 'application/json': { schema: { $ref: '#/components/schemas/Nope' } } },
            },
            '401': { description: 'x', ...PROBLEM },
          },
        },
      },
    });
    expect(findDocumentGaps(document)).toEqual([
      'POST /things: no 2xx answer with a schema (nor an explicit 204)',
      'POST /things: no error answer with a schema (problem details)',
      'unresolved reference #/components/schemas/Nope',
    ]);
  });

  it('passes a redirect that names its Location, not one that hides where it goes', () => {
    const document = documentOf({
      '/login': {
        get: {
          responses: {
            '302': { description: 'x', headers: { Location: { description: 'ke penyedia' } } },
            '400': { description: 'x', ...PROBLEM },
          },
        },
      },
      '/bounce': {
        get: {
          responses: {
            '302': { description: 'x' },
            '400': { description: 'x', ...PROBLEM },
          },
        },
      },
    });
    expect(findDocumentGaps(document)).toEqual([
      'GET /bounce: no 2xx answer with a schema (nor an explicit 204)',
    ]);
  });
});
