import { Controller, HttpCode, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { ImportResult } from '@sigap/contracts';
import { IsString } from 'class-validator';
import type { Request } from 'express';
import type { AuthUser } from '@sigap/api-identity';
import { Roles, SignedInUser } from '@sigap/api-identity';
import { ImportService } from './import.service';
import { IsOptionalNotNull, SingleLine, ApiAnswers } from '@sigap/api-common';

export const IMPORT_CONTENT_TYPES = ['text/plain', 'text/markdown', 'text/html'];

export class ImportQuery {
  /** Office whose position table maps the executors named in the text. */
  @IsOptionalNotNull()
  @IsString()
  @SingleLine()
  office?: string;
}

@ApiTags('catalog')
@ApiBearerAuth()
@Controller('v1/catalog/import')
export class ImportController {
  constructor(private readonly imports: ImportService) {}

  @Post()
  @HttpCode(200)
  @Roles('admin', 'manager', 'agent')
  @ApiConsumes(...IMPORT_CONTENT_TYPES)
  @ApiBody({ schema: { type: 'string' }, description: 'Teks standar pelayanan yang diterbitkan' })
  @ApiAnswers('ImportResult', { errors: [409, 413, 415, 422] })
  import(
    @SignedInUser() user: AuthUser,
    @Req() req: Request,
    @Query() query: ImportQuery,
  ): Promise<ImportResult> {
    const contentType = req.is(IMPORT_CONTENT_TYPES) || null;
    return this.imports.import(
      user,
      typeof req.body === 'string' ? req.body : null,
      contentType,
      query.office,
    );
  }
}
