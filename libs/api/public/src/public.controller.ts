import { Controller, Get, Header, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { PublicOffice, PublicOfficeDetail, PublicServiceDetail } from '@sigap/contracts';
import { Public } from '@sigap/api-identity';
import { PublicStandardsService } from './public-standards.service';
import { ApiAnswers } from '@sigap/api-common';

/**
 * The public page of service standards (no sign-in). Answers carry a validator (Express's
 * ETag: a matching `If-None-Match` gets 304) and may be cached by browsers and proxies briefly.
 */
const CACHE = 'public, max-age=300, stale-while-revalidate=600';

@ApiTags('public')
@Controller('v1/public')
export class PublicController {
  constructor(private readonly standards: PublicStandardsService) {}

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
