import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { maskLiterals } from '@sigap/api-database';
import { safePath } from './safe-path';
import { PROBLEM_CONTENT_TYPE, toProblem } from './problem';

/** Answers every error as `application/problem+json` (RFC 9457). */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('Problem');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    sendProblem(exception, http.getRequest<Request>(), http.getResponse<Response>(), this.logger);
  }
}

export function sendProblem(error: unknown, req: Request, res: Response, logger: Logger): void {
  const { problem, headers, unexpected } = toProblem(error);
  if (unexpected) {
    // No query string or credential in the path, and no quoted value from a database message
    // (MariaDB quotes the offending value, e.g. "Duplicate entry 'a@b' for key ...").
    const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
    logger.error(`${req.method} ${safePath(req.originalUrl ?? req.url)}: ${maskLiterals(text)}`);
  }
  if (res.headersSent) return;
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
}
