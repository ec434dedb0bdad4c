import { FIELD_LIMITS as L } from '@sigap/contracts';
import { CreateClosureDto, UpdateClosureDto } from '@sigap/api-calendars';
import { CreateCannedResponseDto, UpdateCannedResponseDto } from '@sigap/api-canned-responses';
import {
  CostDto,
  RequirementDto,
  RequirementOptionDto,
  ServiceStandardDto,
  ServiceTimeDto,
  StepDto,
} from '@sigap/api-catalog';
import { CreateUserDto, UpdateUserDto } from '@sigap/api-identity';
import { ChangePriorityDto, OpenIncidentDto } from '@sigap/api-incidents';
import { CreateItServiceDto, UpdateItServiceDto } from '@sigap/api-it-services';
import { CreateMailboxDto, UpdateMailboxDto } from '@sigap/api-mail';
import {
  CreateOfficeDto,
  CreatePositionDto,
  OfficeSignerDto,
  UpdateOfficeDto,
  UpdatePositionDto,
} from '@sigap/api-offices';
import { ContactDto, CreateOpdDto, UpdateOpdDto } from '@sigap/api-opds';
import { TestMailDto } from '@sigap/api-setup';
import {
  CompleteStepDto,
  OpenTicketDto,
  OptionalReasonDto,
  ReasonDto,
  ReplyDto,
  TextDto,
} from '@sigap/api-tickets';
import { plainToInstance } from 'class-transformer';
import { getMetadataStorage, validate } from 'class-validator';

type Dto = new () => object;

/** The `MaxLength` a DTO's property is checked against, or null without one. */
function maxLengthOf(dto: Dto, property: string): number | null {
  const rules = getMetadataStorage().getTargetValidationMetadatas(dto, '', true, false);
  const rule = rules.find((r) => r.propertyName === property && r.name === 'maxLength');
  return rule ? (rule.constraints[0] as number) : null;
}

/** Whether the DTO refuses the property's value (other properties aside). */
async function refuses(dto: Dto, property: string, value: string): Promise<boolean> {
  const errors = await validate(plainToInstance(dto, { [property]: value }));
  return errors.some((e) => e.property === property);
}

/**
 * The console counts every admin form's fields up to `FIELD_LIMITS`: these are the DTOs those
 * forms send, and the limit each field is checked against must be the one the console shows.
 */
describe('field limits shared with the console', () => {
  const withMaxLength: [Dto, string, number][] = [
    [CreateOfficeDto, 'name', L.office.name],
    [UpdateOfficeDto, 'name', L.office.name],
    ...(['address', 'website', 'helpdeskEmail', 'complaintEmail', 'logoUrl'] as const).flatMap(
      (key): [Dto, string, number][] => [
        [CreateOfficeDto, key, L.office[key]],
        [UpdateOfficeDto, key, L.office[key]],
      ],
    ),
    [CreatePositionDto, 'name', L.position.name],
    [UpdatePositionDto, 'name', L.position.name],
    [CreateOpdDto, 'name', L.opd.name],
    [UpdateOpdDto, 'name', L.opd.name],
    [CreateUserDto, 'email', L.user.email],
    [CreateUserDto, 'name', L.user.name],
    [UpdateUserDto, 'name', L.user.name],
    ...(['host', 'user', 'password', 'folder', 'processedFolder'] as const).flatMap(
      (key): [Dto, string, number][] => [
        [CreateMailboxDto, key, L.mailbox[key]],
        [UpdateMailboxDto, key, L.mailbox[key]],
      ],
    ),
    [CreateClosureDto, 'name', L.holiday.name],
    [CreateClosureDto, 'source', L.holiday.source],
    [UpdateClosureDto, 'name', L.holiday.name],
    [UpdateClosureDto, 'source', L.holiday.source],
    [CreateCannedResponseDto, 'title', L.cannedResponse.title],
    [CreateCannedResponseDto, 'body', L.cannedResponse.body],
    [UpdateCannedResponseDto, 'title', L.cannedResponse.title],
    [UpdateCannedResponseDto, 'body', L.cannedResponse.body],
    [TestMailDto, 'to', L.testMail.to],
    [ServiceStandardDto, 'name', L.service.name],
    [ServiceTimeDto, 'text', L.service.time],
    [StepDto, 'time', L.service.time],
    [RequirementDto, 'text', L.service.requirement],
    [RequirementOptionDto, 'label', L.service.option],
    [StepDto, 'description', L.service.step],
    [StepDto, 'cost', L.service.stepCost],
    [CostDto, 'text', L.service.cost],
    [OfficeSignerDto, 'headName', L.signer.headName],
    [OpenTicketDto, 'subject', L.ticket.subject],
    [OpenTicketDto, 'description', L.ticket.description],
    [TextDto, 'body', L.ticket.body],
    [ReplyDto, 'body', L.ticket.body],
    [ReasonDto, 'reason', L.ticket.reason],
    [OptionalReasonDto, 'reason', L.ticket.reason],
    [CompleteStepDto, 'output', L.ticket.output],
    [CreateItServiceDto, 'name', L.itService.name],
    [UpdateItServiceDto, 'name', L.itService.name],
    [CreateItServiceDto, 'description', L.itService.description],
    [UpdateItServiceDto, 'description', L.itService.description],
    [OpenIncidentDto, 'subject', L.incident.subject],
    [OpenIncidentDto, 'description', L.incident.description],
    [ChangePriorityDto, 'reason', L.incident.priorityReason],
    [ContactDto, 'name', L.contact.name],
  ];

  for (const [dto, property, limit] of withMaxLength) {
    it(`${dto.name}.${property} takes at most ${limit} characters`, () => {
      expect(maxLengthOf(dto, property)).toBe(limit);
    });
  }

  // Codes and prefixes are limited by their pattern: the longest valid one passes, one more fails.
  const byPattern: [Dto, string, number, (n: number) => string][] = [
    [CreateOfficeDto, 'code', L.office.code, (n) => 'a'.repeat(n)],
    [CreateOfficeDto, 'ticketPrefix', L.office.ticketPrefix, (n) => 'B'.repeat(n)],
    [UpdateOfficeDto, 'ticketPrefix', L.office.ticketPrefix, (n) => 'B'.repeat(n)],
    [CreateOfficeDto, 'region', L.office.region, (n) => 'ID-PA'.padEnd(n, 'A')],
    [CreatePositionDto, 'code', L.position.code, (n) => 'a'.repeat(n)],
    [OfficeSignerDto, 'headNip', L.signer.headNip, (n) => '1'.repeat(n)],
    [CreateItServiceDto, 'code', L.itService.code, (n) => 'a'.repeat(n)],
  ];

  for (const [dto, property, limit, sample] of byPattern) {
    it(`${dto.name}.${property} takes ${limit} characters and refuses ${limit + 1}`, async () => {
      expect(await refuses(dto, property, sample(limit))).toBeFalse();
      expect(await refuses(dto, property, sample(limit + 1))).toBeTrue();
    });
  }
});
