import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  TICKET_KINDS,
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
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { ContactDto } from '../opds/opd.dto';

export class OpenTicketDto {
  @ApiProperty({ example: 'bali' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(40)
  office: string;

  @ApiProperty({ example: 'pengembangan-aplikasi' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(80)
  service: string;

  @ApiProperty({ enum: CHANNELS })
  @IsIn(CHANNELS)
  channel: Channel;

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  subject: string;

  @ApiProperty()
  @IsString()
  @MaxLength(20000)
  description: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(36)
  requesterId?: string;

  @ApiPropertyOptional({ type: ContactDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => ContactDto)
  requester?: ContactDto;
}

/** Every action carries the version it saw (or sends `If-Match`). */
export class VersionedDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(1)
  expectedVersion?: number;
}

export class AssignDto extends VersionedDto {
  @ApiProperty()
  @IsString()
  @MaxLength(36)
  userId: string;
}

export class ReasonDto extends VersionedDto {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason: string;
}

/** The service an agent chooses for a ticket opened from e-mail (triage). */
export class ChooseServiceDto extends VersionedDto {
  @ApiProperty({ description: 'Kode layanan aktif di katalog kantor tiket' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(80)
  serviceCode: string;
}

export class OptionalReasonDto extends VersionedDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;
}

export class ChecklistActionDto extends VersionedDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString({ each: true })
  attachmentIds?: string[];
}

export class CompleteStepDto extends VersionedDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  output?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(36)
  attachmentId?: string;
}

export class TextDto extends VersionedDto {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(20000)
  body: string;
}

/** A reply to the requester: text and, optionally, attachments uploaded to the ticket first. */
export class ReplyDto extends TextDto {
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsString({ each: true })
  @MaxLength(36, { each: true })
  attachmentIds?: string[];
}

export class ListTicketsQuery {
  @IsOptional() @IsString() @MaxLength(40) office?: string;
  @IsOptional() @IsString() @MaxLength(200) status?: string;
  @IsOptional() @IsIn(['true', 'false']) open?: 'true' | 'false';
  @IsOptional() @IsString() @MaxLength(80) service?: string;
  /** `true`: only tickets opened from e-mail still without a service (the triage view). */
  @IsOptional() @IsIn(['true', 'false']) triage?: 'true' | 'false';
  @IsOptional() @IsIn(TICKET_KINDS) kind?: TicketKind;
  @IsOptional() @IsString() @MaxLength(36) opd?: string;
  @IsOptional() @IsString() @MaxLength(36) assignee?: string;
  @IsOptional() @IsString() @MaxLength(60) position?: string;
  @IsOptional() @IsIn(TICKET_SLA_STATES) sla?: TicketSlaState;
  @IsOptional() @IsISO8601() dueBefore?: string;
  @IsOptional() @IsISO8601() dueAfter?: string;
  @IsOptional() @IsString() @MaxLength(100) q?: string;
  @IsOptional() @IsString() @MaxLength(200) cursor?: string;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit?: number;
}

export function parseStatuses(raw: string | undefined): string[] | null {
  if (!raw) return null;
  const list = raw.split(',').map((s) => s.trim());
  const bad = list.filter((s) => !(TICKET_STATUSES as readonly string[]).includes(s));
  return bad.length ? bad.map((b) => `!${b}`) : list;
}
