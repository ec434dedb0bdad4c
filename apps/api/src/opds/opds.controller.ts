import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { OpdView, RequesterContactView } from '@sigap/contracts';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import type { AuthUser } from '../identity/auth-user';
import { SignedInUser } from '../identity/decorators';
import { CreateContactDto, CreateOpdDto, UpdateOpdDto } from './opd.dto';
import { OpdsService } from './opds.service';

export class OfficeQuery {
  @IsOptional()
  @IsString()
  @MaxLength(40)
  office?: string;

  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}

@ApiTags('opds')
@ApiBearerAuth()
@Controller('v1/opds')
export class OpdsController {
  constructor(private readonly opds: OpdsService) {}

  @Get()
  list(@SignedInUser() user: AuthUser, @Query() query: OfficeQuery): Promise<OpdView[]> {
    return this.opds.list(user, query.office);
  }

  @Get(':id')
  get(@SignedInUser() user: AuthUser, @Param('id') id: string): Promise<OpdView> {
    return this.opds.get(user, id);
  }

  @Post()
  create(@SignedInUser() user: AuthUser, @Body() body: CreateOpdDto): Promise<OpdView> {
    return this.opds.create(user, body);
  }

  @Patch(':id')
  update(
    @SignedInUser() user: AuthUser,
    @Param('id') id: string,
    @Body() body: UpdateOpdDto,
  ): Promise<OpdView> {
    return this.opds.update(user, id, body);
  }
}

@ApiTags('opds')
@ApiBearerAuth()
@Controller('v1/contacts')
export class ContactsController {
  constructor(private readonly opds: OpdsService) {}

  @Get()
  list(
    @SignedInUser() user: AuthUser,
    @Query() query: OfficeQuery,
  ): Promise<RequesterContactView[]> {
    return this.opds.listContacts(user, query.office ?? user.office ?? '', query.q);
  }

  @Post()
  create(
    @SignedInUser() user: AuthUser,
    @Body() body: CreateContactDto,
  ): Promise<RequesterContactView> {
    const { office, ...input } = body;
    return this.opds.createContact(user, office, input);
  }
}
