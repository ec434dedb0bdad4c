import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import type { LaporBeatResponse, LaporScenarioResponse } from '@sigap/contracts';
import { ApiAnswers } from '@sigap/api-common';
import { Roles } from '@sigap/api-identity';
import { ComplaintError } from '../complaint-error';
import { FakeLaporGateway, type FakeLaporScenario } from './fake-lapor.gateway';
import { LaporGateway } from './lapor-gateway';
import { LaporPullScheduler } from './lapor-pull.scheduler';

const SCENARIOS: readonly FakeLaporScenario[] = [
  'new-with-attachment',
  'anonymous',
  'confidential',
  'follow-up',
  'withdrawn',
  'moved',
  'outage',
  'recovered',
];

/** A scenario for the SP4N-LAPOR! stand-in to play (development only). */
export class LaporScenarioDto {
  @IsIn(SCENARIOS, { message: `skenario: salah satu dari ${SCENARIOS.join(', ')}` })
  scenario: FakeLaporScenario;

  @IsString()
  @Matches(/^[a-z0-9-]{1,40}$/, { message: 'kode kantor tidak valid' })
  office: string;

  /** The report a follow-up, withdrawal or move acts on. */
  @IsOptional()
  @IsString()
  @MaxLength(80)
  trackingId?: string;
}

/** SP4N-LAPOR! for administrators: a beat on demand, and the stand-in's scenarios. */
@ApiTags('complaints')
@ApiBearerAuth()
@Controller('v1/lapor')
export class LaporController {
  constructor(
    private readonly scheduler: LaporPullScheduler,
    private readonly lapor: LaporGateway,
  ) {}

  /** Runs one SP4N-LAPOR! beat now (new reports, changes, closes), unless one is running. */
  @Post('pull')
  @Roles('admin')
  @HttpCode(200)
  @ApiAnswers('LaporBeatResponse')
  pull(): Promise<LaporBeatResponse> {
    return this.scheduler.runOnce();
  }

  /**
   * Makes the stand-in play a scenario; the next beat brings it in. Unknown (404) unless the
   * stand-in is configured, which production refuses.
   */
  @Post('stand-in/scenarios')
  @Roles('admin')
  @HttpCode(201)
  @ApiAnswers('LaporScenarioResponse', { errors: [404] })
  play(@Body() body: LaporScenarioDto): LaporScenarioResponse {
    if (!(this.lapor instanceof FakeLaporGateway))
      throw new ComplaintError(
        'complaint.not_found',
        'Tidak ada SP4N-LAPOR! tiruan di instalasi ini (SIGAP_LAPOR_FAKE).',
      );
    try {
      return { trackingId: this.lapor.play(body.scenario, body.office, body.trackingId) };
    } catch (error) {
      throw new ComplaintError('complaint.invalid', (error as Error).message, [
        { path: 'trackingId', message: (error as Error).message },
      ]);
    }
  }
}
