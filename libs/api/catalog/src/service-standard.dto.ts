import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { FIELD_LIMITS, type UpdateServiceRequest } from '@sigap/contracts';
import {
  CHANNELS,
  DERIVED_FIELDS,
  type Channel,
  type DerivedField,
  type ComplaintChannel,
  type ComplaintChannelKind,
  type InternalComponents,
  type Requirement,
  type RequirementOption,
  type ServiceStandard,
  type ServiceTime,
  type SopHeader,
  type Step,
} from '@sigap/standards';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsOptionalNotNull, MultiLine, SingleLine } from '@sigap/api-common';

const COMPLAINT_KINDS: ComplaintChannelKind[] = [
  'letter',
  'email',
  'phone',
  'fax',
  'website',
  'portal',
  'sp4n-lapor',
  'other',
];

/*
 * DTOs mirroring the catalog model (`@sigap/standards` model.ts). Fields the model types as
 * `string | null` accept a missing value as null. Unknown fields are refused by the global
 * ValidationPipe (forbidNonWhitelisted).
 */

export class ComplaintChannelDto implements ComplaintChannel {
  @ApiProperty({ enum: COMPLAINT_KINDS })
  @IsIn(COMPLAINT_KINDS)
  kind: ComplaintChannelKind;

  @ApiProperty()
  @IsString()
  @SingleLine()
  @IsNotEmpty()
  @MaxLength(500)
  value: string;
}

export class RequirementOptionDto implements RequirementOption {
  @ApiProperty()
  @IsString()
  @SingleLine()
  @IsNotEmpty()
  @MaxLength(500)
  label: string;

  @ApiPropertyOptional({ enum: CHANNELS })
  @IsOptionalNotNull()
  @IsIn(CHANNELS as Channel[])
  channel?: Channel;

  @ApiPropertyOptional({ enum: CHANNELS, isArray: true })
  @IsOptionalNotNull()
  @IsArray()
  @IsIn(CHANNELS as Channel[], { each: true })
  alsoChannels?: Channel[];

  @ApiProperty({ type: [String] })
  @IsArray()
  @IsString({ each: true })
  @MultiLine({ each: true })
  items: string[];
}

export class RequirementDto implements Requirement {
  @ApiProperty({ example: 'r1' })
  @IsString()
  @SingleLine()
  @Matches(/^[a-z0-9][a-z0-9-]{0,39}$/, { message: 'code must be a short slug' })
  code: string;

  @ApiProperty()
  @IsString()
  @MultiLine()
  @IsNotEmpty()
  @MaxLength(2000)
  text: string;

  @ApiPropertyOptional({ type: [RequirementOptionDto] })
  @IsOptionalNotNull()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => RequirementOptionDto)
  options?: RequirementOptionDto[];

  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @IsBoolean()
  optional?: boolean;
}

export class StepDto implements Step {
  @ApiProperty({ example: 1 })
  @IsInt()
  @Min(1)
  order: number;

  @ApiProperty()
  @IsString()
  @MultiLine()
  @IsNotEmpty()
  @MaxLength(4000)
  description: string;

  @ApiProperty({ type: [String], example: ['helpdesk'] })
  @IsArray()
  @ArrayMinSize(1)
  @IsString({ each: true })
  @SingleLine({ each: true })
  executors: string[];

  @ApiProperty({ nullable: true, example: '1-2 Jam' })
  @IsOptional()
  @IsString()
  @SingleLine()
  @MaxLength(200)
  time: string | null;

  @ApiProperty({ type: [String] })
  @IsArray()
  @IsString({ each: true })
  @MultiLine({ each: true })
  inputs: string[];

  @ApiProperty({ nullable: true })
  @IsOptional()
  @IsString()
  @MultiLine()
  output: string | null;

  @ApiProperty({ nullable: true })
  @IsOptional()
  @IsString()
  @MultiLine()
  notes: string | null;

  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @IsBoolean()
  parallelWithPrevious?: boolean;

  @ApiPropertyOptional({ description: 'Office position responsible (whose clock runs).' })
  @IsOptionalNotNull()
  @IsString()
  @SingleLine()
  @MaxLength(60)
  owner?: string;

  @ApiPropertyOptional({ type: [String], description: 'Outside parties taking part.' })
  @IsOptionalNotNull()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @SingleLine({ each: true })
  @MaxLength(200, { each: true })
  participants?: string[];

  @ApiPropertyOptional({ description: 'After go-live: does not hold the ticket open.' })
  @IsOptionalNotNull()
  @IsBoolean()
  followUp?: boolean;

  @ApiPropertyOptional({
    nullable: true,
    example: 'Rp 0',
    description: 'The step cost as published (SOP cost column).',
  })
  @IsOptional()
  @IsString()
  @SingleLine()
  @MaxLength(FIELD_LIMITS.service.stepCost)
  cost?: string | null;
}

export class InternalComponentsDto implements InternalComponents {
  @ApiProperty({ type: [String] })
  @IsArray()
  @IsString({ each: true })
  @MultiLine({ each: true })
  legalBasis: string[];

  @ApiProperty({ type: [String] })
  @IsArray()
  @IsString({ each: true })
  @MultiLine({ each: true })
  facilities: string[];

  @ApiProperty({ type: [String] })
  @IsArray()
  @IsString({ each: true })
  @MultiLine({ each: true })
  competencies: string[];

  @ApiProperty({ type: [String] })
  @IsArray()
  @IsString({ each: true })
  @MultiLine({ each: true })
  supervision: string[];

  @ApiProperty({ nullable: true })
  @IsOptional()
  @IsString()
  @MultiLine()
  staffCount: string | null;

  @ApiProperty({ nullable: true })
  @IsOptional()
  @IsString()
  @MultiLine()
  serviceGuarantee: string | null;

  @ApiProperty({ nullable: true })
  @IsOptional()
  @IsString()
  @MultiLine()
  securityGuarantee: string | null;

  @ApiProperty({ nullable: true })
  @IsOptional()
  @IsString()
  @MultiLine()
  performanceEvaluation: string | null;
}

export class SopHeaderDto implements SopHeader {
  @ApiProperty({ nullable: true }) @IsOptional() @IsString() @SingleLine() number: string | null;
  @ApiProperty({ nullable: true }) @IsOptional() @IsString() @SingleLine() madeOn: string | null;
  @ApiProperty({ nullable: true }) @IsOptional() @IsString() @SingleLine() revisedOn: string | null;
  @ApiProperty({ nullable: true }) @IsOptional() @IsString() @SingleLine() effectiveOn:
    string | null;
  @ApiProperty({ nullable: true }) @IsOptional() @IsString() @SingleLine() approvedBy:
    string | null;
  @ApiProperty({ nullable: true }) @IsOptional() @IsString() @SingleLine() name: string | null;

  @ApiProperty({ type: [String] })
  @IsArray()
  @IsString({ each: true })
  @MultiLine({ each: true })
  executorQualifications: string[];

  @ApiProperty({ type: [String] })
  @IsArray()
  @IsString({ each: true })
  @MultiLine({ each: true })
  relatedSops: string[];

  @ApiProperty({ type: [String] })
  @IsArray()
  @IsString({ each: true })
  @MultiLine({ each: true })
  equipment: string[];

  @ApiProperty({ type: [String] })
  @IsArray()
  @IsString({ each: true })
  @MultiLine({ each: true })
  warnings: string[];

  @ApiProperty({ type: [String] })
  @IsArray()
  @IsString({ each: true })
  @MultiLine({ each: true })
  recordKeeping: string[];

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsString()
  @SingleLine()
  title?: string | null;

  @ApiPropertyOptional({ type: [String] })
  @IsOptionalNotNull()
  @IsArray()
  @IsString({ each: true })
  @MultiLine({ each: true })
  issuedBy?: string[];
}

export class ChannelTimeDto {
  @ApiProperty({ enum: CHANNELS })
  @IsIn(CHANNELS as Channel[])
  channel: Channel;

  @ApiProperty({ example: '30 menit' })
  @IsString()
  @MultiLine()
  @IsNotEmpty()
  text: string;
}

export class ServiceTimeDto implements ServiceTime {
  @ApiProperty({ example: '1 s.d 2 bulan' })
  @IsString()
  @MultiLine()
  @IsNotEmpty()
  @MaxLength(200)
  text: string;

  @ApiPropertyOptional({ type: [ChannelTimeDto] })
  @IsOptionalNotNull()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => ChannelTimeDto)
  byChannel?: ChannelTimeDto[];
}

export class CostDto {
  @ApiProperty({ example: 'Gratis' })
  @IsString()
  @MultiLine()
  @IsNotEmpty()
  @MaxLength(FIELD_LIMITS.service.cost)
  text: string;

  @ApiProperty()
  @IsBoolean()
  free: boolean;
}

export class ServiceStandardDto implements ServiceStandard {
  @ApiProperty({ example: 'pembangunan-aplikasi' })
  @IsString()
  @SingleLine()
  @Matches(/^[a-z0-9][a-z0-9-]{1,79}$/, {
    message: 'code must be a slug of 2-80 lower-case letters, digits and dashes',
  })
  code: string;

  @ApiProperty({ example: 'bali' })
  @IsString()
  @SingleLine()
  @IsNotEmpty()
  office: string;

  @ApiProperty()
  @IsString()
  @SingleLine()
  @IsNotEmpty()
  @MaxLength(300)
  name: string;

  @ApiProperty({ enum: ['standar-pelayanan', 'sop'] })
  @IsIn(['standar-pelayanan', 'sop'])
  kind: 'standar-pelayanan' | 'sop';

  @ApiProperty({ nullable: true })
  @IsOptional()
  @IsString()
  @MultiLine()
  decree: string | null;

  @ApiProperty({ type: [RequirementDto] })
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => RequirementDto)
  requirements: RequirementDto[];

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsString()
  @MultiLine()
  submissionNote?: string | null;

  @ApiProperty({ type: [StepDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => StepDto)
  steps: StepDto[];

  @ApiProperty({ type: ServiceTimeDto })
  @IsObject()
  @ValidateNested()
  @Type(() => ServiceTimeDto)
  serviceTime: ServiceTimeDto;

  @ApiProperty({ enum: ['received', 'complete'] })
  @IsIn(['received', 'complete'])
  clockStartsWhen: 'received' | 'complete';

  @ApiProperty({ type: CostDto })
  @IsObject()
  @ValidateNested()
  @Type(() => CostDto)
  cost: CostDto;

  @ApiProperty({ type: [String] })
  @IsArray()
  @IsString({ each: true })
  @MultiLine({ each: true })
  products: string[];

  @ApiProperty({ type: [ComplaintChannelDto] })
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => ComplaintChannelDto)
  complaintChannels: ComplaintChannelDto[];

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsString()
  @MultiLine()
  complaintNote?: string | null;

  @ApiPropertyOptional({ enum: CHANNELS, isArray: true })
  @IsOptionalNotNull()
  @IsArray()
  @IsIn(CHANNELS as Channel[], { each: true })
  intakeChannels?: Channel[];

  @ApiProperty({ type: InternalComponentsDto })
  @IsObject()
  @ValidateNested()
  @Type(() => InternalComponentsDto)
  internal: InternalComponentsDto;

  @ApiPropertyOptional({ type: SopHeaderDto, nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => SopHeaderDto)
  sop?: SopHeaderDto | null;

  @ApiPropertyOptional({ enum: DERIVED_FIELDS, isArray: true })
  @IsOptionalNotNull()
  @IsArray()
  @IsIn(DERIVED_FIELDS, { each: true })
  derived?: DerivedField[];

  @ApiPropertyOptional({ type: [String] })
  @IsOptionalNotNull()
  @IsArray()
  @IsString({ each: true })
  @MultiLine({ each: true })
  readingNotes?: string[];

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsString()
  @MultiLine()
  source?: string | null;
}

export class UpdateServiceDto implements UpdateServiceRequest {
  @ApiProperty({ example: 1 })
  @IsInt()
  @Min(1)
  expectedVersion: number;

  @ApiProperty({ type: ServiceStandardDto })
  @IsObject()
  @ValidateNested()
  @Type(() => ServiceStandardDto)
  standard: ServiceStandardDto;
}
