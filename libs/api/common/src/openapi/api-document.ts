/**
 * The OpenAPI document: requests as `@nestjs/swagger` reads them from the controllers and DTOs,
 * answers from `@ApiAnswers` and the shared contracts' generated schemas, errors as problem
 * details (RFC 9457).
 */
import type { INestApplication } from '@nestjs/common';
import { RequestMethod } from '@nestjs/common';
import {
  HTTP_CODE_METADATA,
  METHOD_METADATA,
  PATH_METADATA,
  ROUTE_ARGS_METADATA,
} from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { ModulesContainer } from '@nestjs/core';
import { DECORATORS, DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { problemTitle } from '../problem';
import { PUBLIC_KEY } from '../public-route';
import { APP_VERSION } from '../version';
import { API_ANSWERS_KEY, API_UPLOAD_KEY, type AnswerSpec } from './api-answers';
import CONTRACT_SCHEMAS from './contract-schemas.generated.json';

export const PROBLEM_MEDIA_TYPE = 'application/problem+json';
const schemaRef = (name: string) => ({ $ref: `#/components/schemas/${name}` });

/** Builds the whole document of a created (not necessarily listening) app. */
export function buildApiDocument(app: INestApplication): OpenAPIObject {
  documentAnswers(app);
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Sigap API')
      .setDescription(
        'Service desk Diskominfo: katalog standar pelayanan, tiket, pengaduan, insiden. ' +
          'Setiap kesalahan dijawab sebagai problem details (RFC 9457, application/problem+json).',
      )
      .setVersion(APP_VERSION)
      .addBearerAuth()
      .build(),
  );
  const components = (document.components ??= {});
  const clash = Object.keys(components.schemas ?? {}).find((name) => name in CONTRACT_SCHEMAS);
  if (clash) {
    // A request DTO class named like a contract would take the contract's place in the answers.
    throw new Error(`The DTO class ${clash} has the name of a contract: rename the class`);
  }
  components.schemas = { ...CONTRACT_SCHEMAS, ...components.schemas };
  return document;
}

/** Turns every route's `@ApiAnswers` into response metadata `@nestjs/swagger` reads. */
export function documentAnswers(app: INestApplication): void {
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: never[]) => object) | null;
      if (!controller) continue;
      const prototype = controller.prototype as Record<string, unknown>;
      for (const key of Object.getOwnPropertyNames(prototype)) {
        const method = prototype[key];
        if (typeof method !== 'function' || !Reflect.hasMetadata(METHOD_METADATA, method)) {
          continue;
        }
        const spec = Reflect.getMetadata(API_ANSWERS_KEY, method) as AnswerSpec | undefined;
        if (spec) {
          Reflect.defineMetadata(
            DECORATORS.API_RESPONSE,
            responsesOf(spec, controller, key, method),
            method,
          );
        }
      }
    }
  }
}

function responsesOf(
  spec: AnswerSpec,
  controller: object,
  key: string,
  method: object,
): Record<string, Record<string, unknown>> {
  const verb = Reflect.getMetadata(METHOD_METADATA, method) as RequestMethod;
  const status =
    spec.options.status ??
    (Reflect.getMetadata(HTTP_CODE_METADATA, method) as number | undefined) ??
    (verb === RequestMethod.POST ? 201 : 200);
  const success: Record<string, unknown> = {
    description: spec.options.description ?? successDescription(spec),
  };
  const body = spec.body;
  const headers = {
    // Every download is an attachment, never shown inline by the browser.
    ...(body.kind === 'file'
      ? { 'Content-Disposition': { description: 'attachment; filename="<nama berkas>"' } }
      : {}),
    ...spec.options.headers,
  };
  if (Object.keys(headers).length) success['headers'] = headers;
  if (body.kind === 'contract') {
    const schema = body.array
      ? { type: 'array', items: schemaRef(body.name) }
      : schemaRef(body.name);
    success['content'] = { 'application/json': { schema } };
  } else if (body.kind === 'file') {
    success['content'] = Object.fromEntries(
      body.contentTypes.map((type) => [type, { schema: { type: 'string', format: 'binary' } }]),
    );
  } else if (body.kind === 'schema') {
    success['content'] = { [body.contentType]: { schema: body.schema } };
  }

  const errors = new Set<number>(spec.options.errors ?? []);
  // Keys are `<paramtype>:<index>`; a body or a query goes through the validation pipe.
  const args = Object.keys(Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, key) ?? {});
  const validated = [RouteParamtypes.BODY, RouteParamtypes.QUERY];
  if (args.some((arg) => validated.includes(Number(arg.split(':')[0])))) errors.add(400);
  if (Reflect.getMetadata(API_UPLOAD_KEY, method)) {
    errors.add(400);
    errors.add(413);
  }
  const isPublic =
    Reflect.getMetadata(PUBLIC_KEY, method) ?? Reflect.getMetadata(PUBLIC_KEY, controller);
  if (!isPublic) {
    errors.add(401);
    errors.add(403);
  }
  const path = `${Reflect.getMetadata(PATH_METADATA, controller) ?? ''}/${Reflect.getMetadata(PATH_METADATA, method) ?? ''}`;
  if (path.includes(':')) errors.add(404);

  const responses: Record<string, Record<string, unknown>> = { [status]: success };
  for (const error of [...errors].sort((a, b) => a - b)) {
    responses[error] = {
      description: problemTitle(error),
      content: { [PROBLEM_MEDIA_TYPE]: { schema: schemaRef('Problem') } },
    };
  }
  for (const [other, name] of Object.entries(spec.options.otherAnswers ?? {})) {
    responses[other] = {
      description: problemTitle(Number(other)),
      content: { 'application/json': { schema: schemaRef(name) } },
    };
  }
  return responses;
}

function successDescription(spec: AnswerSpec): string {
  switch (spec.body.kind) {
    case 'contract':
      return spec.body.array ? `Daftar ${spec.body.name}` : spec.body.name;
    case 'file':
      return 'Berkas';
    case 'schema':
      return 'Jawaban';
    case 'redirect':
      return 'Pengalihan peramban';
    case 'empty':
      return 'Berhasil, tanpa isi';
  }
}
