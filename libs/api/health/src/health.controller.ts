import { Controller, Get, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { HealthResponse, ReadinessResponse } from '@sigap/contracts';
import type { Response } from 'express';
import { Public } from '@sigap/api-identity';
import { HealthService } from './health.service';
import { ReadinessChecks } from './readiness-checks';
import { ApiAnswers, ApiAnswersSchema } from '@sigap/api-common';

const ALIVE = {
  type: 'object',
  properties: {
    status: { type: 'string', enum: ['alive'] },
    uptimeSeconds: { type: 'number' },
  },
  required: ['status', 'uptimeSeconds'],
};

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthService,
    private readonly readiness: ReadinessChecks,
  ) {}

  /** 200 once ready; 503 while starting or when the database does not answer. */
  @Public()
  @Get()
  @ApiAnswers('HealthResponse', { otherAnswers: { 503: 'HealthResponse' } })
  async check(@Res({ passthrough: true }) res: Response): Promise<HealthResponse> {
    const result = await this.health.check();
    res.status(result.status === 'ok' ? 200 : 503);
    res.setHeader('Cache-Control', 'no-store');
    return result;
  }

  /** 200 while the process serves requests at all (for a restart decision, not for traffic). */
  @Public()
  @Get('live')
  @ApiAnswersSchema(ALIVE, { errors: [500] })
  live(@Res({ passthrough: true }) res: Response): { status: 'alive'; uptimeSeconds: number } {
    res.setHeader('Cache-Control', 'no-store');
    return { status: 'alive', uptimeSeconds: Math.round(process.uptime()) };
  }

  /** 200 when the instance should get traffic; 503 with the failing checks otherwise. */
  @Public()
  @Get('ready')
  @ApiAnswers('ReadinessResponse', { otherAnswers: { 503: 'ReadinessResponse' } })
  async ready(@Res({ passthrough: true }) res: Response): Promise<ReadinessResponse> {
    const result = await this.readiness.ready();
    res.status(result.status === 'ready' ? 200 : 503);
    res.setHeader('Cache-Control', 'no-store');
    return result;
  }
}
