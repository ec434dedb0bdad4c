import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  FIELD_LIMITS,
  INCIDENT_PRIORITIES,
  TICKET_KINDS,
  type IncidentPriority,
  TICKET_SLA_STATES,
  TICKET_STATUSES,
  type TicketKind,
  type TicketSlaState,
} from '@sigap/contracts';
import { CHANNELS, type Channel } from '@sigap/standards';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsNotEmpty,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { ContactDto } from '@sigap/api-opds';
import { IsIsoInstant, IsOptionalNotNull, MultiLine, SingleLine } from '@sigap/api-common';

export class OpenTicketDto {
  @ApiProperty({ example: 'bali' })
  @IsString()
  @SingleLine()
  @IsNotEmpty()
  @MaxLength(40)
  office: string;

  @ApiProperty({ example: 'pengembangan-aplikasi' })
  @IsString()
  @SingleLine()
  @IsNotEmpty()
  @MaxLength(80)
  service: string;

  @ApiProperty({ enum: CHANNELS })
  @IsIn(CHANNELS)
  channel: Channel;

  @ApiProperty()
  @IsString()
  @SingleLine()
  @IsNotEmpty()
  @MaxLength(300)
  subject: string;

  @ApiProperty()
  @IsString()
  @MultiLine()
  @MaxLength(20000)
  description: string;

  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @IsString()
  @SingleLine()
  @MaxLength(36)
  requesterId?: string;

  @ApiPropertyOptional({ type: ContactDto })
  @IsOptionalNotNull()
  @ValidateNested()
  @Type(() => ContactDto)
  requester?: ContactDto;
}

/** Every action carries the version it saw (or sends `If-Match`). */
export class VersionedDto {
  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @IsInt()
  @Min(1)
  expectedVersion?: number;
}

export class AssignDto extends VersionedDto {
  @ApiProperty()
  @IsString()
  @SingleLine()
  @MaxLength(36)
  userId: string;
}

export class ReasonDto extends VersionedDto {
  @ApiProperty()
  @IsString()
  @MultiLine()
  @IsNotEmpty()
  @MaxLength(FIELD_LIMITS.ticket.reason)
  reason: string;
}

/** The service an agent chooses for a ticket opened from e-mail (triage). */
export class ChooseServiceDto extends VersionedDto {
  @ApiProperty({ description: 'Kode layanan aktif di katalog kantor tiket' })
  @IsString()
  @SingleLine()
  @IsNotEmpty()
  @MaxLength(80)
  serviceCode: string;
}

export class OptionalReasonDto extends VersionedDto {
  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @IsString()
  @MultiLine()
  @MaxLength(FIELD_LIMITS.ticket.reason)
  reason?: string;
}

export class ChecklistActionDto extends VersionedDto {
  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @IsString({ each: true })
  @SingleLine({ each: true })
  attachmentIds?: string[];
}

export class CompleteStepDto extends VersionedDto {
  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @IsString()
  @MultiLine()
  @MaxLength(FIELD_LIMITS.ticket.output)
  output?: string;

  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @IsString()
  @SingleLine()
  @MaxLength(36)
  attachmentId?: string;
}

export class TextDto extends VersionedDto {
  @ApiProperty()
  @IsString()
  @MultiLine()
  @IsNotEmpty()
  @MaxLength(FIELD_LIMITS.ticket.body)
  body: string;
}

/** A reply to the requester: text and, optionally, attachments uploaded to the ticket first. */
export class ReplyDto extends TextDto {
  @ApiPropertyOptional({ type: [String] })
  @IsOptionalNotNull()
  @IsString({ each: true })
  @SingleLine({ each: true })
  @MaxLength(36, { each: true })
  attachmentIds?: string[];
}

export class ListTicketsQuery {
  @IsOptionalNotNull() @IsString() @SingleLine() @MaxLength(40) office?: string;
  @IsOptionalNotNull() @IsString() @SingleLine() @MaxLength(200) status?: string;
  @IsOptionalNotNull() @IsIn(['true', 'false']) open?: 'true' | 'false';
  @IsOptionalNotNull() @IsString() @SingleLine() @MaxLength(80) service?: string;
  /** `true`: only tickets opened from e-mail still without a service (the triage view). */
  @IsOptionalNotNull() @IsIn(['true', 'false']) triage?: 'true' | 'false';
  @IsOptionalNotNull() @IsIn(TICKET_KINDS) kind?: TicketKind;
  @IsOptionalNotNull() @IsIn(INCIDENT_PRIORITIES) priority?: IncidentPriority;
  @IsOptionalNotNull() @IsString() @SingleLine() @MaxLength(36) opd?: string;
  @IsOptionalNotNull() @IsString() @SingleLine() @MaxLength(36) assignee?: string;
  @IsOptionalNotNull() @IsString() @SingleLine() @MaxLength(60) position?: string;
  @IsOptionalNotNull() @IsIn(TICKET_SLA_STATES) sla?: TicketSlaState;
  @IsOptionalNotNull() @IsIsoInstant() dueBefore?: string;
  @IsOptionalNotNull() @IsIsoInstant() dueAfter?: string;
  @IsOptionalNotNull() @IsString() @SingleLine() @MaxLength(100) q?: string;
  @IsOptionalNotNull() @IsString() @MaxLength(200) cursor?: string;
  @IsOptionalNotNull() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit?: number;
}

export function parseStatuses(raw: string | undefined): string[] | null {
  if (!raw) return null;
  const list = raw.split(',').map((s) => s.trim());
  const bad = list.filter((s) => !(TICKET_STATUSES as readonly string[]).includes(s));
  return bad.length ? bad.map((b) => `!${b}`) : list;
}
