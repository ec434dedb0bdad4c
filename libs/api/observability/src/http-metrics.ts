import type { NextFunction, Request, Response } from 'express';
import type { MetricsService } from './metrics.service';

/**
 * Times every request and records it under its route pattern (`/api/v1/tickets/:number`), never
 * its raw path, so the series stay few; requests that matched no route share `unmatched`.
 */
export function httpMetrics(metrics: MetricsService) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const started = process.hrtime.bigint();
    res.once('finish', () => {
      const routePath = (req.route as { path?: string } | undefined)?.path;
      const route = routePath ? `${req.baseUrl ?? ''}${routePath}` : 'unmatched';
      if (route === '/metrics') return;
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      metrics.httpDuration.observe(
        { method: req.method, route, status: `${Math.floor(res.statusCode / 100)}xx` },
        seconds,
      );
    });
    next();
  };
}
