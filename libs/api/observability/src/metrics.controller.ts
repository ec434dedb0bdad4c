import { createHash, timingSafeEqual } from 'node:crypto';
import { Controller, Get, Headers, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { HttpRequestError } from '@sigap/api-common';
import { AppConfig } from '@sigap/api-config';
import { Public } from '@sigap/api-common';
import { MetricsService } from './metrics.service';

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * `GET /metrics` in Prometheus text format, outside `/api` where scrapers look for it. In
 * production it answers only with `Authorization: Bearer <SIGAP_METRICS_TOKEN>` (and not at all
 * without a token set); elsewhere it is open unless a token is set.
 */
@ApiExcludeController()
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: MetricsService,
    private readonly config: AppConfig,
  ) {}

  @Public()
  @Get()
  async scrape(
    @Headers('authorization') authorization: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    const token = this.config.metricsToken;
    if (this.config.isProduction && !token) {
      throw new HttpRequestError(
        'metrics.disabled',
        404,
        'Metrik tidak aktif: isi SIGAP_METRICS_TOKEN untuk membukanya.',
      );
    }
    if (token) {
      const given = /^Bearer\s+(.+)$/i.exec(authorization ?? '')?.[1]?.trim() ?? '';
      if (!timingSafeEqual(digest(given), digest(token))) {
        throw new HttpRequestError('metrics.unauthorized', 401, 'Token metrik tidak valid.', {
          'WWW-Authenticate': 'Bearer realm="metrics"',
        });
      }
    }
    const body = await this.metrics.render();
    res.setHeader('Content-Type', this.metrics.contentType);
    res.setHeader('Cache-Control', 'no-store');
    res.status(200).send(body);
  }
}
