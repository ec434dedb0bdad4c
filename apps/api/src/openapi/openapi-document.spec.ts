import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OpenAPIObject } from '@nestjs/swagger';
import { findDocumentGaps } from '@sigap/api-common';
import { generateApiDocument, writeApiDocument } from './write-openapi';

type Operation = {
  responses: Record<string, { content?: Record<string, { schema?: Record<string, unknown> }> }>;
  requestBody?: { content: Record<string, { schema?: Record<string, unknown> }> };
};

describe('The OpenAPI document', () => {
  let document: OpenAPIObject;
  const operation = (path: string, method: string): Operation =>
    (document.paths[path] as unknown as Record<string, Operation>)[method];

  beforeAll(async () => {
    document = await generateApiDocument();
  });

  it('documents every route: a 2xx answer with a schema, its errors as problem details', () => {
    expect(findDocumentGaps(document)).toEqual([]);
    expect(Object.keys(document.paths).length).toBeGreaterThan(100);
  });

  it('answers with the shared contracts and problem details', () => {
    const get = operation('/api/v1/tickets/{number}', 'get');
    expect(get.responses['200'].content?.['application/json'].schema).toEqual({
      $ref: '#/components/schemas/TicketDetail',
    });
    expect(get.responses['404'].content?.['application/problem+json'].schema).toEqual({
      $ref: '#/components/schemas/Problem',
    });
    expect(Object.keys(get.responses)).toEqual(jasmine.arrayContaining(['401', '403']));
    const problem = document.components?.schemas?.['Problem'] as { required: string[] };
    expect(problem.required).toEqual(['type', 'title', 'status', 'code']);
  });

  it('documents the raw-mail intake and the multipart uploads', () => {
    const mail = operation('/api/v1/inbound/mail', 'post');
    expect(mail.requestBody?.content['message/rfc822'].schema).toEqual({
      type: 'string',
      format: 'binary',
    });
    expect(Object.keys(mail.responses)).toEqual(['202', '401', '413', '415', '503']);
    expect(mail.responses['202'].content?.['application/json'].schema).toEqual({
      $ref: '#/components/schemas/InboundResultView',
    });
    for (const path of [
      '/api/v1/tickets/{number}/attachments',
      '/api/v1/portal/requests/{number}/attachments',
    ]) {
      const upload = operation(path, 'post');
      const form = upload.requestBody?.content['multipart/form-data'].schema as {
        properties: Record<string, unknown>;
        required: string[];
      };
      expect(form.properties['file'])
        .withContext(path)
        .toEqual(jasmine.objectContaining({ type: 'string', format: 'binary' }));
      expect(form.required).withContext(path).toEqual(['file']);
      expect(Object.keys(upload.responses)).withContext(path).toContain('413');
    }
    const download = operation('/api/v1/attachments/{id}', 'get') as Operation & {
      responses: Record<string, { headers?: Record<string, unknown> }>;
    };
    expect(Object.keys(download.responses['200'].headers ?? {})).toEqual(['Content-Disposition']);
    expect(download.responses['200'].content?.['application/octet-stream'].schema).toEqual({
      type: 'string',
      format: 'binary',
    });
  });

  it('answers 204 without a body where a route answers nothing', () => {
    const remove = operation('/api/v1/canned-responses/{id}', 'delete');
    expect(remove.responses['204'].content).toBeUndefined();
    expect(Object.keys(remove.responses)).toEqual(['204', '401', '403', '404']);
  });

  it('documents the OpenID Connect sign-in as browser redirects with their Location', () => {
    for (const path of ['/api/v1/auth/oidc/login', '/api/v1/auth/oidc/callback']) {
      const redirect = operation(path, 'get') as Operation & {
        responses: Record<string, { headers?: Record<string, unknown> }>;
      };
      expect(Object.keys(redirect.responses['302'].headers ?? {}))
        .withContext(path)
        .toEqual(['Location']);
      expect(redirect.responses['302'].content).withContext(path).toBeUndefined();
      expect(Object.keys(redirect.responses).filter((s) => /^2/.test(s)))
        .withContext(path)
        .toEqual([]);
      expect(Object.keys(redirect.responses)).withContext(path).toContain('404');
    }
  });

  it('writes openapi.json', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sigap-openapi-file-'));
    try {
      const path = await writeApiDocument(join(dir, 'openapi.json'));
      expect(existsSync(path)).toBeTrue();
      const written = JSON.parse(readFileSync(path, 'utf8')) as OpenAPIObject;
      expect(written.openapi).toMatch(/^3\./);
      expect(findDocumentGaps(written)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
