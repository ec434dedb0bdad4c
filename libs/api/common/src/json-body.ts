import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import type { NextFunction, Request, Response } from 'express';
import type { Observable } from 'rxjs';
import { HttpRequestError } from './domain-error';

/** Media types parsed as JSON request bodies. */
export const JSON_MEDIA_TYPES = ['application/json', 'application/*+json'];

/**
 * Deepest nesting of arrays and objects a JSON body may have. The deepest real body (a service
 * standard: standard.requirements[].options[].items[]) is 5 levels; class-transformer recurses
 * once per level and overflows the stack at a few thousand.
 */
export const MAX_JSON_DEPTH = 32;

/**
 * Whether a parsed JSON value nests deeper than `max` levels. Walks with an explicit stack (a
 * recursive walk would overflow on exactly the input it is meant to refuse) and stops at the
 * first container past the limit.
 */
export function exceedsDepth(value: unknown, max: number): boolean {
  const stack: Array<{ value: unknown; depth: number }> = [{ value, depth: 0 }];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const { value: current, depth } = next;
    if (current === null || typeof current !== 'object') continue;
    if (depth + 1 > max) return true;
    const children = Array.isArray(current) ? current : Object.values(current);
    for (const child of children) {
      if (child !== null && typeof child === 'object')
        stack.push({ value: child, depth: depth + 1 });
    }
  }
  return false;
}

/** Express middleware after the JSON parser: refuses bodies nested deeper than `max`. */
export function limitJsonDepth(max = MAX_JSON_DEPTH) {
  return (req: Request, _res: Response, next: NextFunction): void => {
    if (req.body !== null && typeof req.body === 'object' && exceedsDepth(req.body, max)) {
      next(
        new HttpRequestError(
          'request.too_deep',
          400,
          `Isi permintaan bersarang lebih dari ${max} tingkat.`,
        ),
      );
      return;
    }
    next();
  };
}

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);

/** A body of at least one byte is announced (chunked, or a non-zero Content-Length). */
function carriesBody(req: Request): boolean {
  if (req.headers['transfer-encoding'] !== undefined) return true;
  const length = Number(req.headers['content-length']);
  return Number.isFinite(length) && length > 0;
}

/** Whether the route handler reads a JSON body (has a `@Body()` parameter). */
function readsBody(context: ExecutionContext): boolean {
  const args: Record<string, unknown> =
    Reflect.getMetadata(ROUTE_ARGS_METADATA, context.getClass(), context.getHandler().name) ?? {};
  return Object.keys(args).some((key) => key.split(':')[0] === String(RouteParamtypes.BODY));
}

/**
 * Routes that take a JSON body (`@Body()`) accept only JSON: another content type (text/plain,
 * form data) is a 415, not an empty object that changes nothing; a PUT or PATCH without any
 * body is a 400; a body that is not a JSON object (an array, a string) is a 400. Routes that
 * read their body themselves (uploads, the raw-mail endpoint, the importer) have no `@Body()`
 * and are left alone. Runs after the guards, so a request without credentials is still a 401.
 */
@Injectable()
export class JsonBodyInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const req = context.switchToHttp().getRequest<Request>();
    if (!BODY_METHODS.has(req.method) || !readsBody(context)) return next.handle();
    if (carriesBody(req)) {
      if (!req.is(JSON_MEDIA_TYPES)) {
        throw new HttpRequestError(
          'request.unsupported_media_type',
          415,
          `Kirim isi permintaan sebagai application/json, bukan "${(req.headers['content-type'] ?? 'tanpa jenis').slice(0, 100)}".`,
        );
      }
      if (req.body === null || typeof req.body !== 'object' || Array.isArray(req.body)) {
        throw new HttpRequestError(
          'request.body_not_object',
          400,
          'Isi permintaan harus berupa objek JSON.',
        );
      }
    } else if (req.method === 'PUT' || req.method === 'PATCH') {
      throw new HttpRequestError(
        'request.body_missing',
        400,
        'Isi permintaan kosong: kirim objek JSON dengan kolom yang diubah.',
      );
    }
    return next.handle();
  }
}
