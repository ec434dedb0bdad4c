import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import {
  FIELD_LIMITS,
  TICKET_LINK_KINDS,
  type MergePreview,
  type TicketDetail,
  type TicketLinkKind,
  type TicketLinksView,
} from '@sigap/contracts';
import { IsIn, IsInt, IsNotEmpty, IsString, MaxLength, Min } from 'class-validator';
import { ApiAnswers, IsOptionalNotNull, MultiLine, SingleLine } from '@sigap/api-common';
import type { AuthUser } from '@sigap/api-identity';
import { Roles, SignedInUser, TokenScope } from '@sigap/api-identity';
import { TicketLinksService } from './ticket-links.service';
import { TicketMergeService } from './ticket-merge.service';

/** `POST /tickets/{number}/merge`: the ticket in the path goes into `target`. */
export class MergeTicketDto {
  @ApiProperty({ description: 'Nomor tiket tujuan (kantor dan OPD yang sama)' })
  @IsString()
  @SingleLine()
  @IsNotEmpty()
  @MaxLength(40)
  target: string;

  @ApiProperty({ description: 'Versi tiket yang digabung, seperti yang dilihat' })
  @IsInt()
  @Min(1)
  expectedVersion: number;

  @ApiProperty({ description: 'Versi tiket tujuan, seperti yang dilihat' })
  @IsInt()
  @Min(1)
  targetExpectedVersion: number;

  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @IsString()
  @MultiLine()
  @MaxLength(FIELD_LIMITS.ticket.reason)
  reason?: string;
}

export class MergePreviewQuery {
  @ApiProperty()
  @IsString()
  @SingleLine()
  @IsNotEmpty()
  @MaxLength(40)
  target: string;
}

export class AddTicketLinkDto {
  @ApiProperty({ description: 'Nomor tiket lain (kantor yang sama)' })
  @IsString()
  @SingleLine()
  @IsNotEmpty()
  @MaxLength(40)
  number: string;

  @ApiProperty({ enum: TICKET_LINK_KINDS })
  @IsIn(TICKET_LINK_KINDS)
  kind: TicketLinkKind;
}

/** Merging a duplicate into another ticket, and links between tickets. */
@ApiTags('tickets')
@ApiBearerAuth()
@Controller('v1/tickets')
export class TicketRelationsController {
  constructor(
    private readonly merging: TicketMergeService,
    private readonly linking: TicketLinksService,
  ) {}

  /** What a merge would move, or why it is refused (for the console's confirmation). */
  @Get(':number/merge')
  @Roles('admin', 'agent', 'manager')
  @TokenScope('tickets:read')
  @ApiAnswers('MergePreview')
  previewMerge(
    @SignedInUser() user: AuthUser,
    @Param('number') number: string,
    @Query() query: MergePreviewQuery,
  ): Promise<MergePreview> {
    return this.merging.preview(user, number, query.target);
  }

  /** Merges the ticket into `target`; answers the merged ticket (status `merged`). Final. */
  @Post(':number/merge')
  @Roles('admin', 'agent', 'manager')
  @TokenScope('tickets:write')
  @HttpCode(200)
  @ApiAnswers('TicketDetail', { errors: [409, 422] })
  merge(
    @SignedInUser() user: AuthUser,
    @Param('number') number: string,
    @Body() body: MergeTicketDto,
  ): Promise<TicketDetail> {
    return this.merging.merge(user, number, body);
  }

  @Get(':number/links')
  @TokenScope('tickets:read')
  @ApiAnswers('TicketLinksView')
  links(@SignedInUser() user: AuthUser, @Param('number') number: string): Promise<TicketLinksView> {
    return this.linking.list(user, number);
  }

  @Post(':number/links')
  @Roles('admin', 'agent', 'manager')
  @TokenScope('tickets:write')
  @HttpCode(200)
  @ApiAnswers('TicketLinksView', { errors: [422] })
  addLink(
    @SignedInUser() user: AuthUser,
    @Param('number') number: string,
    @Body() body: AddTicketLinkDto,
  ): Promise<TicketLinksView> {
    return this.linking.add(user, number, body.number, body.kind);
  }

  @Delete(':number/links/:id')
  @Roles('admin', 'agent', 'manager')
  @TokenScope('tickets:write')
  @ApiAnswers('TicketLinksView')
  removeLink(
    @SignedInUser() user: AuthUser,
    @Param('number') number: string,
    @Param('id') id: string,
  ): Promise<TicketLinksView> {
    return this.linking.remove(user, number, id);
  }
}
