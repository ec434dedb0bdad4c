import { mkdirSync } from 'node:fs';
import { Logger, LoggerService, LogLevel, RequestMethod, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import { json, text, type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import { Logger as PinoLogger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { IMPORT_CONTENT_TYPES } from '@sigap/api-catalog';
import { serveConsole } from '@sigap/api-common';
import { RequestValidationError } from '@sigap/api-common';
import { JSON_MEDIA_TYPES, JsonBodyInterceptor, limitJsonDepth } from '@sigap/api-common';
import { ProblemFilter, sendProblem } from '@sigap/api-common';
import { flattenValidationErrors } from '@sigap/api-common';
import type { AppConfig } from '@sigap/api-config';
import { httpMetrics } from '@sigap/api-observability';
import { MetricsService } from '@sigap/api-observability';
import { buildApiDocument } from '@sigap/api-common';

/** CSP hash of `this.media='all'`, the handler Angular's critical-CSS inlining writes. */
const ANGULAR_STYLESHEET_ONLOAD = 'sha256-MhtPZXr7+LpJUY5qtMutB+qWfQtMaPccfe7QXtCcEYc=';

export interface CreateAppOptions {
  logger?: LoggerService | LogLevel[] | false;
}

/** Builds the whole HTTP application (used by main.ts and by the integration tests). */
export async function createApp(
  config: AppConfig,
  options: CreateAppOptions = {},
): Promise<NestExpressApplication> {
  // The data folder exists from the start: with the secrets set explicitly and the files in a
  // bucket nothing else may create it, and readiness checks its free space.
  mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    bodyParser: false,
    abortOnError: false,
    logger: options.logger ?? ['log', 'warn', 'error'],
    // Start-up lines wait for the JSON logger instead of going out as plain text.
    bufferLogs: options.logger !== false,
  });
  if (options.logger !== false) app.useLogger(app.get(PinoLogger));
  app.set('trust proxy', config.trustProxy);
  app.disable('x-powered-by');
  app.use(httpMetrics(app.get(MetricsService)));
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          // The Angular build loads its stylesheet with onload="this.media='all'"; allow exactly
          // that handler by its hash, no other inline script.
          'script-src-attr': ["'unsafe-hashes'", `'${ANGULAR_STYLESHEET_ONLOAD}'`],
        },
      },
    }),
  );
  if (config.corsOrigins.length) app.enableCors({ origin: config.corsOrigins });

  // Bodies: JSON everywhere, raw text only for the importer. Parser errors become problems.
  app.use(
    '/api/v1/catalog/import',
    text({ type: IMPORT_CONTENT_TYPES, limit: config.importBodyLimit }),
  );
  app.use(json({ limit: config.jsonBodyLimit, type: JSON_MEDIA_TYPES }));
  app.use(limitJsonDepth());
  const bodyLogger = new Logger('Body');
  app.use((error: unknown, req: Request, res: Response, _next: NextFunction) =>
    sendProblem(error, req, res, bodyLogger),
  );

  app.setGlobalPrefix('api', { exclude: [{ path: 'metrics', method: RequestMethod.GET }] });
  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      exceptionFactory: (errors) => new RequestValidationError(flattenValidationErrors(errors)),
    }),
  );
  app.useGlobalInterceptors(new JsonBodyInterceptor());
  app.useGlobalFilters(new ProblemFilter());

  if (config.apiDocs) {
    const document = buildApiDocument(app);
    SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  }

  serveConsole(app, config.consoleDir);
  app.enableShutdownHooks();
  return app;
}
