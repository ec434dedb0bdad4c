import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import type { OfficeDetail, OfficeSigner, OfficeSummary } from '@sigap/contracts';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import type { AuthUser } from '../identity/auth-user';
import { Roles, SignedInUser } from '../identity/decorators';
import { OfficesService } from './offices.service';
import { SingleLine } from '../common/validators';

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

  @Get()
  list(): Promise<OfficeSummary[]> {
    return this.offices.list();
  }

  @Get(':code')
  get(@Param('code') code: string): Promise<OfficeDetail> {
    return this.offices.get(code);
  }

  /** Who signs the office's evaluation report (admins; the office's managers read it). */
  @Get(':code/signer')
  @Roles('admin', 'manager')
  signer(@SignedInUser() user: AuthUser, @Param('code') code: string): Promise<OfficeSigner> {
    return this.offices.signer(user, code);
  }

  @Put(':code/signer')
  @Roles('admin')
  setSigner(
    @SignedInUser() user: AuthUser,
    @Param('code') code: string,
    @Body() body: OfficeSignerDto,
  ): Promise<OfficeSigner> {
    return this.offices.setSigner(user, code, body);
  }
}
