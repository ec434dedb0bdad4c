import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { MergeContactResponse, OpdView, RequesterContactView } from '@sigap/contracts';
import { IsString, MaxLength } from 'class-validator';
import type { AuthUser } from '@sigap/api-identity';
import { SignedInUser } from '@sigap/api-identity';
import {
  ContactsQuery,
  CreateContactDto,
  CreateOpdDto,
  UpdateContactDto,
  UpdateOpdDto,
} from './opd.dto';
import { MergeContactDto } from './merge-contact.dto';
import { OpdsService } from './opds.service';
import { IsOptionalNotNull, SingleLine, ApiAnswers } from '@sigap/api-common';

export class OfficeQuery {
  @IsOptionalNotNull()
  @IsString()
  @SingleLine()
  @MaxLength(40)
  office?: string;

  @IsOptionalNotNull()
  @IsString()
  @SingleLine()
  @MaxLength(100)
  q?: string;
}

@ApiTags('opds')
@ApiBearerAuth()
@Controller('v1/opds')
export class OpdsController {
  constructor(private readonly opds: OpdsService) {}

  @Get()
  @ApiAnswers(['OpdView'])
  list(@SignedInUser() user: AuthUser, @Query() query: OfficeQuery): Promise<OpdView[]> {
    return this.opds.list(user, query.office);
  }

  @Get(':id')
  @ApiAnswers('OpdView')
  get(@SignedInUser() user: AuthUser, @Param('id') id: string): Promise<OpdView> {
    return this.opds.get(user, id);
  }

  @Post()
  @ApiAnswers('OpdView', { errors: [409] })
  create(@SignedInUser() user: AuthUser, @Body() body: CreateOpdDto): Promise<OpdView> {
    return this.opds.create(user, body);
  }

  @Patch(':id')
  @ApiAnswers('OpdView', { errors: [409] })
  update(
    @SignedInUser() user: AuthUser,
    @Param('id') id: string,
    @Body() body: UpdateOpdDto,
  ): Promise<OpdView> {
    return this.opds.update(user, id, body);
  }
}

/**
 * Requester contacts of an office: admins, and the office's managers and helpdesk agents. A
 * deactivated contact stays on its tickets but cannot be named by a new one.
 */
@ApiTags('opds')
@ApiBearerAuth()
@Controller('v1/contacts')
export class ContactsController {
  constructor(private readonly opds: OpdsService) {}

  @Get()
  @ApiAnswers(['RequesterContactView'])
  list(
    @SignedInUser() user: AuthUser,
    @Query() query: ContactsQuery,
  ): Promise<RequesterContactView[]> {
    return this.opds.listContacts(
      user,
      query.office ?? user.office ?? '',
      query.q,
      query.includeInactive === 'true',
    );
  }

  @Get(':id')
  @ApiAnswers('RequesterContactView')
  get(@SignedInUser() user: AuthUser, @Param('id') id: string): Promise<RequesterContactView> {
    return this.opds.getContact(user, id);
  }

  @Post()
  @ApiAnswers('RequesterContactView')
  create(
    @SignedInUser() user: AuthUser,
    @Body() body: CreateContactDto,
  ): Promise<RequesterContactView> {
    const { office, ...input } = body;
    return this.opds.createContact(user, office, input);
  }

  @Patch(':id')
  @ApiAnswers('RequesterContactView')
  update(
    @SignedInUser() user: AuthUser,
    @Param('id') id: string,
    @Body() body: UpdateContactDto,
  ): Promise<RequesterContactView> {
    return this.opds.updateContact(user, id, body);
  }

  @Post(':id/deactivate')
  @HttpCode(200)
  @ApiAnswers('RequesterContactView')
  deactivate(
    @SignedInUser() user: AuthUser,
    @Param('id') id: string,
  ): Promise<RequesterContactView> {
    return this.opds.setContactActive(user, id, false);
  }

  @Post(':id/activate')
  @HttpCode(200)
  @ApiAnswers('RequesterContactView')
  activate(@SignedInUser() user: AuthUser, @Param('id') id: string): Promise<RequesterContactView> {
    return this.opds.setContactActive(user, id, true);
  }

  /**
   * Merges an unverified contact (made from a public complaint's address) into the contact it
   * really is: its tickets move over; it is deactivated. Admins, and the office's managers and
   * helpdesk agents; audited.
   */
  @Post(':id/merge')
  @HttpCode(200)
  @ApiAnswers('MergeContactResponse', { errors: [409] })
  merge(
    @SignedInUser() user: AuthUser,
    @Param('id') id: string,
    @Body() body: MergeContactDto,
  ): Promise<MergeContactResponse> {
    return this.opds.mergeContact(user, id, body.into);
  }
}
