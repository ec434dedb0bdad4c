import { Controller, Get, Header, Param, Query } from '@nestjs/common';
import { ApiProperty, ApiTags } from '@nestjs/swagger';
import type {
  PublicOffice,
  PublicOfficeDetail,
  PublicServiceDetail,
  PublicStatusResponse,
} from '@sigap/contracts';
import { IsString, Matches } from 'class-validator';
import { Public } from '@sigap/api-identity';
import { PublicStandardsService } from './public-standards.service';
import { ApiAnswers } from '@sigap/api-common';
import { PublicStatusService } from './public-status.service';

/**
 * The public page of service standards (no sign-in). Answers carry a validator (Express's
 * ETag: a matching `If-None-Match` gets 304) and may be cached by browsers and proxies briefly.
 */
const CACHE = 'public, max-age=300, stale-while-revalidate=600';
/** The status page changes with incidents: a minute at most (the server recomputes as often). */
const STATUS_CACHE = 'public, max-age=60, stale-while-revalidate=60';

export class PublicStatusQuery {
  @ApiProperty({ example: 'bali' })
  @IsString({ message: 'kode kantor wajib diisi' })
  @Matches(/^[a-z0-9-]{1,40}$/, { message: 'kode kantor tidak valid' })
  office!: string;
}

@ApiTags('public')
@Controller('v1/public')
export class PublicController {
  constructor(
    private readonly standards: PublicStandardsService,
    private readonly statuses: PublicStatusService,
  ) {}

  /** The office's IT services shown on its status page, their state now and last 90 days. */
  @Public()
  @Get('status')
  @Header('Cache-Control', STATUS_CACHE)
  @ApiAnswers('PublicStatusResponse', { errors: [404, 500] })
  status(@Query() query: PublicStatusQuery): Promise<PublicStatusResponse> {
    return this.statuses.status(query.office);
  }

  @Public()
  @Get('offices')
  @Header('Cache-Control', CACHE)
  @ApiAnswers(['PublicOffice'], { errors: [500] })
  offices(): Promise<PublicOffice[]> {
    return this.standards.offices();
  }

  @Public()
  @Get('offices/:office')
  @Header('Cache-Control', CACHE)
  @ApiAnswers('PublicOfficeDetail')
  office(@Param('office') office: string): Promise<PublicOfficeDetail> {
    return this.standards.office(office);
  }

  @Public()
  @Get('offices/:office/services/:code')
  @Header('Cache-Control', CACHE)
  @ApiAnswers('PublicServiceDetail')
  service(
    @Param('office') office: string,
    @Param('code') code: string,
  ): Promise<PublicServiceDetail> {
    return this.standards.service(office, code);
  }
}
