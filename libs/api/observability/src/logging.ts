/**
 * The structured JSON log (pino through nestjs-pino): one access line per request with its
 * request id, route, status, time, user and office, and every application log line of a request
 * carrying the same request id. What is never logged: headers (tokens, cookies), bodies (mail,
 * documents), query strings, and path segments that are secrets (tracking, survey and sign-in
 * links carry their token in the path).
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Params } from 'nestjs-pino';
import { safePath } from '@sigap/api-common';
import type { AppConfig } from '@sigap/api-config';

/** A caller's request id is kept when it is a plain token; anything else gets a fresh one. */
const REQUEST_ID = /^[A-Za-z0-9._:-]{8,64}$/;
const UNLOGGED = /^\/(api\/health(\/|$)|metrics$)/;

type Req = IncomingMessage & {
  id?: string;
  route?: { path?: string };
  baseUrl?: string;
  originalUrl?: string;
  user?: { id: string; office: string | null; roles?: string[] };
  portal?: { contactId?: string; office?: string | null };
  ip?: string;
};

/** Who and where, for the access line; read when the response is done (after the guards ran). */
function requestFacts(req: Req): Record<string, unknown> {
  const facts: Record<string, unknown> = {};
  if (req.route?.path) facts['route'] = `${req.baseUrl ?? ''}${req.route.path}`;
  if (req.user) {
    facts['user'] = req.user.id;
    facts['office'] = req.user.office ?? '*';
  } else if (req.portal) {
    facts['contact'] = req.portal.contactId;
    if (req.portal.office) facts['office'] = req.portal.office;
  }
  if (req.ip) facts['clientIp'] = req.ip;
  return facts;
}

export function loggerParams(config: AppConfig): Params {
  return {
    pinoHttp: {
      level: config.logLevel,
      messageKey: 'msg',
      base: { service: 'sigap-api' },
      timestamp: () => `,"time":"${new Date().toISOString()}"`,
      formatters: { level: (label) => ({ level: label }) },
      genReqId: (req: IncomingMessage, res: ServerResponse) => {
        const given = req.headers['x-request-id'];
        const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
        res.setHeader('X-Request-Id', id);
        return id;
      },
      customAttributeKeys: { reqId: 'requestId', responseTime: 'durationMs' },
      quietReqLogger: true,
      autoLogging: { ignore: (req) => UNLOGGED.test(safePath(req.url)) },
      customLogLevel: (_req, res, error) =>
        error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
      customSuccessMessage: (req, res) => `${req.method} ${safePath(req.url)} ${res.statusCode}`,
      customErrorMessage: (req, res) => `${req.method} ${safePath(req.url)} ${res.statusCode}`,
      customSuccessObject: (req, _res, value: Record<string, unknown>) => ({
        ...value,
        ...requestFacts(req as Req),
      }),
      customErrorObject: (req, _res, _error, value: Record<string, unknown>) => ({
        ...value,
        ...requestFacts(req as Req),
      }),
      serializers: {
        req: (req: { id?: string; method?: string; url?: string }) => ({
          id: req.id,
          method: req.method,
          path: safePath(req.url),
        }),
        res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
        err: (err: Error & { code?: string }) => ({
          type: err?.name,
          message: err?.message?.slice(0, 500),
          code: err?.code,
        }),
      },
      // Belt and braces: should a header ever reach a log object, its secrets are blanked.
      redact: {
        paths: [
          'req.headers.authorization',
          'req.headers.cookie',
          'res.headers["set-cookie"]',
          '*.password',
          '*.token',
          '*.accessToken',
        ],
        censor: '[disembunyikan]',
      },
    },
  };
}
