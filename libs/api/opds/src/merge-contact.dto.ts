import { ApiProperty } from '@nestjs/swagger';
import type { MergeContactRequest } from '@sigap/contracts';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

/** Which contact an unverified one is merged into. */
export class MergeContactDto implements MergeContactRequest {
  @ApiProperty({ description: 'id of the contact that keeps the tickets' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(36)
  into: string;
}
