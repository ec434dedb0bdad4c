import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import type {
  OfficeAdminView,
  OfficeDetail,
  OfficeSigner,
  OfficeSummary,
  TimeZoneOption,
} from '@sigap/contracts';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { hasRole, type AuthUser } from '@sigap/api-identity';
import { Roles, SignedInUser } from '@sigap/api-identity';
import { OfficeError } from './office-error';
import { CreateOfficeDto, UpdateOfficeDto } from './offices.dto';
import { OfficesService } from './offices.service';
import { SingleLine, ApiAnswers } from '@sigap/api-common';

export class OfficeListQuery {
  /** `retired`: the retired offices too (admins). */
  @ApiPropertyOptional({ enum: ['retired'] })
  @IsOptional()
  @IsIn(['retired'])
  include?: 'retired';
}

/** The head of office who signs the evaluation report; empty or null clears a field. */
export class OfficeSignerDto {
  @ApiPropertyOptional({ maxLength: 120, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(120)
  // Plain text: no control characters and no markup.
  @SingleLine({ message: 'nama tidak boleh memuat karakter kendali atau < >' })
  @Matches(/^[^<>]*$/, { message: 'nama tidak boleh memuat karakter kendali atau < >' })
  headName?: string | null;

  @ApiPropertyOptional({ pattern: '^[0-9]{18}$', nullable: true })
  @IsOptional()
  @IsString()
  @Matches(/^([0-9]{18})?$/, { message: 'NIP terdiri atas 18 angka' })
  headNip?: string | null;
}

@ApiTags('offices')
@ApiBearerAuth()
@Controller('v1/offices')
export class OfficesController {
  constructor(private readonly offices: OfficesService) {}

  /** Offices in service (choosers); `?include=retired` lists the retired ones too (admins). */
  @Get()
  @ApiAnswers(['OfficeSummary'])
  list(@SignedInUser() user: AuthUser, @Query() query: OfficeListQuery): Promise<OfficeSummary[]> {
    if (query.include === 'retired' && !hasRole(user, 'admin'))
      throw new OfficeError(
        'office.forbidden',
        'Hanya admin yang melihat kantor yang dipensiunkan.',
      );
    return this.offices.list({ includeRetired: query.include === 'retired' });
  }

  /** Creates an office with its working schedule (admins). */
  @Post()
  @Roles('admin')
  @ApiAnswers('OfficeAdminView', { errors: [409] })
  create(@SignedInUser() user: AuthUser, @Body() body: CreateOfficeDto): Promise<OfficeAdminView> {
    return this.offices.create(user, body);
  }

  /** The zones an office may have: WIB, WITA and WIT first, then every other IANA zone. */
  @Get('time-zones')
  @ApiAnswers(['TimeZoneOption'])
  timeZones(): TimeZoneOption[] {
    return this.offices.timeZones();
  }

  /** An office with every editable field (admins). */
  @Get(':code/admin')
  @Roles('admin')
  @ApiAnswers('OfficeAdminView')
  adminView(@SignedInUser() user: AuthUser, @Param('code') code: string): Promise<OfficeAdminView> {
    return this.offices.adminView(user, code);
  }

  @Patch(':code')
  @Roles('admin')
  @ApiAnswers('OfficeAdminView', { errors: [409] })
  update(
    @SignedInUser() user: AuthUser,
    @Param('code') code: string,
    @Body() body: UpdateOfficeDto,
  ): Promise<OfficeAdminView> {
    return this.offices.update(user, code, body);
  }

  /** Retires the office: history kept, no new tickets, hidden from choosers (admins). */
  @Post(':code/retire')
  @Roles('admin')
  @HttpCode(200)
  @ApiAnswers('OfficeAdminView', { errors: [409] })
  retire(@SignedInUser() user: AuthUser, @Param('code') code: string): Promise<OfficeAdminView> {
    return this.offices.retire(user, code);
  }

  @Get(':code')
  @ApiAnswers('OfficeDetail')
  get(@Param('code') code: string): Promise<OfficeDetail> {
    return this.offices.get(code);
  }

  /** Who signs the office's evaluation report (admins; the office's managers read it). */
  @Get(':code/signer')
  @Roles('admin', 'manager')
  @ApiAnswers('OfficeSigner')
  signer(@SignedInUser() user: AuthUser, @Param('code') code: string): Promise<OfficeSigner> {
    return this.offices.signer(user, code);
  }

  @Put(':code/signer')
  @Roles('admin')
  @ApiAnswers('OfficeSigner')
  setSigner(
    @SignedInUser() user: AuthUser,
    @Param('code') code: string,
    @Body() body: OfficeSignerDto,
  ): Promise<OfficeSigner> {
    return this.offices.setSigner(user, code, body);
  }
}
