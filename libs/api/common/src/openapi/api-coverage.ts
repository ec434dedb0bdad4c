/**
 * What a complete document promises: every operation says what it answers on success (a body
 * with a schema, explicitly nothing, or a browser redirect naming its `Location`) and documents at least one error (problem details, or a
 * failing check's own body),
 * and every schema reference resolves.
 */
import type { OpenAPIObject } from '@nestjs/swagger';

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;

interface ResponseLike {
  description?: string;
  content?: Record<string, { schema?: unknown }>;
  headers?: Record<string, unknown>;
}

/** One line per gap (`GET /api/v1/x: no 2xx answer with a schema`); empty when complete. */
export function findDocumentGaps(document: OpenAPIObject): string[] {
  const gaps: string[] = [];
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const where = `${method.toUpperCase()} ${path}`;
      const responses = Object.entries((operation.responses ?? {}) as Record<string, ResponseLike>);
      const successes = responses.filter(([status]) => /^2\d\d$/.test(status));
      const redirects = responses.filter(([status]) => /^3\d\d$/.test(status));
      if (
        !successes.some(([status, response]) => answersSomething(status, response)) &&
        !redirects.some(([, response]) => redirectsSomewhere(response))
      ) {
        gaps.push(`${where}: no 2xx answer with a schema (nor an explicit 204)`);
      }
      const errors = responses.filter(
        ([status, response]) =>
          /^[45]\d\d$/.test(status) &&
          Object.values(response.content ?? {}).some((media) => media.schema),
      );
      if (!errors.length) gaps.push(`${where}: no error answer with a schema (problem details)`);
    }
  }
  for (const target of references(document)) {
    const name = target.replace('#/components/schemas/', '');
    if (!target.startsWith('#/components/schemas/') || !document.components?.schemas?.[name]) {
      gaps.push(`unresolved reference ${target}`);
    }
  }
  return [...new Set(gaps)];
}

function answersSomething(status: string, response: ResponseLike): boolean {
  const content = Object.values(response.content ?? {});
  if (!content.length) return status === '204';
  return content.every((media) => media.schema && Object.keys(media.schema).length > 0);
}

/** A redirect (an OIDC sign-in's 302) answers no body but must say where it sends the browser. */
function redirectsSomewhere(response: ResponseLike): boolean {
  return !Object.keys(response.content ?? {}).length && Boolean(response.headers?.['Location']);
}

function references(value: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(value)) {
    for (const item of value) references(item, found);
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (key === '$ref' && typeof item === 'string') found.add(item);
      else references(item, found);
    }
  }
  return found;
}
