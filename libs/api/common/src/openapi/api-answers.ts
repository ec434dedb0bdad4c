/**
 * `@ApiAnswers`: how a route documents what it answers. Name the contract it returns (the name
 * is checked against the method's return type at compile time), and the error statuses it can
 * answer beyond those the document derives by itself (see `documentAnswers`).
 *
 *   @Get(':id')
 *   @ApiAnswers('TicketDetail', { errors: [409] })
 */
import 'reflect-metadata';
import { applyDecorators } from '@nestjs/common';
import { ApiBody, ApiConsumes } from '@nestjs/swagger';
import type { ContractTypes } from './contract-types.generated';

export type ContractName = keyof ContractTypes;

/** Error statuses a route may document (answered as `application/problem+json`). */
export type ErrorStatus =
  400 | 401 | 403 | 404 | 409 | 410 | 413 | 415 | 422 | 428 | 429 | 500 | 502 | 503;

export interface AnswerOptions {
  /** The success status when it is neither `@HttpCode`'s nor the method's default. */
  status?: number;
  /** Errors beyond the derived ones (400 for a body or query, 401/403 unless public, 404 for a path parameter). */
  errors?: readonly ErrorStatus[];
  /** What the answer means, when the contract's name does not say it. */
  description?: string;
  /** Answers other than problem details, by status (a failing health check's own body). */
  otherAnswers?: Record<number, ContractName>;
  /** Response headers worth knowing (`Location`, `Content-Disposition`...). */
  headers?: Record<string, { description: string }>;
}

/** What the success answer carries. */
export type AnswerBody =
  | { kind: 'contract'; name: ContractName; array: boolean }
  | { kind: 'file'; contentTypes: readonly string[] }
  | { kind: 'schema'; schema: Record<string, unknown>; contentType: string }
  | { kind: 'redirect' }
  | { kind: 'empty' };

export interface AnswerSpec {
  body: AnswerBody;
  options: AnswerOptions;
}

export const API_ANSWERS_KEY = 'sigap:api-answers';

/** A value as its JSON reaches the client: dates become ISO strings. */
export type Json<T> = T extends Date
  ? string
  : T extends readonly (infer U)[]
    ? Json<U>[]
    : T extends object
      ? { [K in keyof T]: Json<T[K]> }
      : T;

type Matches<F extends (...args: never[]) => unknown, T> = [Json<Awaited<ReturnType<F>>>] extends [
  T,
]
  ? unknown
  : { 'the method answers a type the named contract does not describe': T };

/** Compiles only on a method whose answer (as JSON) is assignable to the contract `T`. */
type Answering<T> = <F extends (...args: never[]) => unknown>(
  target: object,
  key: string | symbol,
  descriptor: TypedPropertyDescriptor<F> & Matches<F, T>,
) => void;

/** A contract, a list of it (`['TicketSummary']`), or no content (`null`). */
export function ApiAnswers<K extends ContractName>(
  name: K,
  options?: AnswerOptions,
): Answering<ContractTypes[K]>;
export function ApiAnswers<K extends ContractName>(
  name: readonly [K],
  options?: AnswerOptions,
): Answering<ContractTypes[K][]>;
export function ApiAnswers(name: null, options?: AnswerOptions): Answering<void>;
export function ApiAnswers(
  name: ContractName | readonly [ContractName] | null,
  options: AnswerOptions = {},
): Answering<unknown> {
  const body: AnswerBody =
    name === null
      ? { kind: 'empty' }
      : typeof name === 'string'
        ? { kind: 'contract', name, array: false }
        : { kind: 'contract', name: name[0], array: true };
  return answering({ body, options });
}

/** A file or a stream (a download, an export): its media types, as `format: binary`. */
export function ApiAnswersFile(
  contentTypes: string | readonly string[],
  options: AnswerOptions = {},
): MethodDecorator {
  const types = typeof contentTypes === 'string' ? [contentTypes] : contentTypes;
  return answering({ body: { kind: 'file', contentTypes: types }, options });
}

/** A body no contract names (a small inline shape); prefer adding a contract. */
export function ApiAnswersSchema(
  schema: Record<string, unknown>,
  options: AnswerOptions & { contentType?: string } = {},
): MethodDecorator {
  const { contentType = 'application/json', ...rest } = options;
  return answering({ body: { kind: 'schema', schema, contentType }, options: rest });
}

/**
 * A browser redirect (302 by default) with no body: `location` says where the `Location` header
 * sends the browser. The document counts it as the route's answer only with that header.
 */
export function ApiAnswersRedirect(
  location: string,
  options: Omit<AnswerOptions, 'status'> & { status?: 301 | 302 | 303 | 307 | 308 } = {},
): MethodDecorator {
  const { status = 302, headers, ...rest } = options;
  return answering({
    body: { kind: 'redirect' },
    options: { ...rest, status, headers: { ...headers, Location: { description: location } } },
  });
}

function answering(spec: AnswerSpec) {
  return (_target: object, _key: string | symbol, descriptor: PropertyDescriptor): void => {
    Reflect.defineMetadata(API_ANSWERS_KEY, spec, descriptor.value);
  };
}

/**
 * A multipart upload (`multipart/form-data`): the `file` part as `format: binary`, plus the
 * route's other text fields. Documents the upload's own errors (400, 413).
 */
export function ApiUpload(fields: Record<string, { description: string }> = {}): MethodDecorator {
  return applyDecorators(
    ApiConsumes('multipart/form-data'),
    ApiBody({
      schema: {
        type: 'object',
        properties: {
          file: { type: 'string', format: 'binary', description: 'Berkasnya (satu)' },
          ...Object.fromEntries(
            Object.entries(fields).map(([name, { description }]) => [
              name,
              { type: 'string', description },
            ]),
          ),
        },
        required: ['file'],
      },
    }),
    (_target: object, _key: string | symbol, descriptor: PropertyDescriptor) => {
      Reflect.defineMetadata(API_UPLOAD_KEY, true, descriptor.value);
    },
  );
}

export const API_UPLOAD_KEY = 'sigap:api-upload';
