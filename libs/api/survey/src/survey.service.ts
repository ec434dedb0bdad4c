import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type {
  RespondentAgeBand,
  RespondentEducation,
  RespondentOccupation,
  RespondentSex,
  SurveySubmitted,
  SurveyView,
} from '@sigap/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { CatalogServiceEntity } from '@sigap/api-catalog';
import { Clock } from '@sigap/api-clock';
import { AppConfig } from '@sigap/api-config';
import { OfficeEntity } from '@sigap/api-offices';
import type { OutboxMessage } from '@sigap/api-outbox';
import { TicketEntity } from '@sigap/api-tickets';
import { WebhookOutbox, webhookTicket } from '@sigap/api-webhooks';
import { SurveyError } from './survey-error';
import {
  newSurveyId,
  resolveSurveySecret,
  surveyTokenId,
  surveyTokenMatches,
} from './survey-token';
import { SurveyInvitationEntity, SurveyResponseEntity } from './survey.entities';
import { dialectOf } from '@sigap/api-database';

/** Outbox kind of the invitation mail (`mail/delivery/kinds/survey-invitation.ts` renders it). */
export const SURVEY_INVITATION_KIND = 'survey.invitation';

const DAY_MS = 24 * 3600_000;

/** `YYYY-MM-DD` of an instant in a zone. */
export function localDate(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
}

/**
 * The public side of the survey: invitations written with the resolution, the page's view of a
 * link, and the single-use submission.
 */
@Injectable()
export class SurveyService {
  private secretValue: string | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly webhooks: WebhookOutbox,
  ) {}

  private get secret(): string {
    this.secretValue ??= resolveSurveySecret(this.config);
    return this.secretValue;
  }

  /**
   * Writes an invitation for a resolved ticket with the caller's transaction and returns the
   * outbox message that mails it; null when the ticket already has an answered questionnaire
   * (a ticket is surveyed once, even when reopened and resolved again).
   */
  async invite(
    manager: EntityManager,
    ticket: Pick<TicketEntity, 'id' | 'number' | 'officeCode'>,
    now: Date,
  ): Promise<OutboxMessage | null> {
    const answered = await manager.count(SurveyResponseEntity, { where: { ticketId: ticket.id } });
    if (answered) return null;
    const invitation: SurveyInvitationEntity = {
      id: newSurveyId(),
      ticketId: ticket.id,
      officeCode: ticket.officeCode,
      createdAt: now,
      expiresAt: new Date(now.getTime() + this.config.surveyDays * DAY_MS),
      usedAt: null,
    };
    await manager.insert(SurveyInvitationEntity, invitation);
    return {
      kind: SURVEY_INVITATION_KIND,
      payload: {
        ticket: ticket.number,
        invitation: invitation.id,
        expiresAt: invitation.expiresAt.toISOString(),
      },
    };
  }

  /** The invitation a token names, if its signature holds; else `survey.invalid`. */
  private async invitationOf(
    manager: EntityManager,
    token: string,
    lock = false,
  ): Promise<SurveyInvitationEntity> {
    const invalid = () =>
      new SurveyError('survey.invalid', 'Tautan survei tidak dikenal atau tidak utuh.');
    const id = surveyTokenId(token);
    if (!id) throw invalid();
    const invitation = await manager.findOne(SurveyInvitationEntity, {
      where: { id },
      ...(lock ? dialectOf(manager).writeLock() : {}),
    });
    if (!invitation || !surveyTokenMatches(this.secret, token, invitation)) throw invalid();
    return invitation;
  }

  private assertOpen(invitation: SurveyInvitationEntity, now: Date): void {
    if (invitation.usedAt)
      throw new SurveyError('survey.used', 'Survei untuk tiket ini sudah diisi. Terima kasih.');
    if (invitation.expiresAt.getTime() <= now.getTime())
      throw new SurveyError('survey.expired', 'Masa berlaku tautan survei sudah habis.');
  }

  async view(token: string): Promise<SurveyView> {
    const manager = this.dataSource.manager;
    const invitation = await this.invitationOf(manager, token);
    this.assertOpen(invitation, this.clock.now());
    const ticket = await manager.findOneOrFail(TicketEntity, {
      select: { id: true, number: true, serviceId: true, serviceCode: true },
      where: { id: invitation.ticketId },
    });
    const service = ticket.serviceId
      ? await manager.findOne(CatalogServiceEntity, {
          select: { id: true, name: true },
          where: { id: ticket.serviceId },
        })
      : null;
    return {
      ticketNumber: ticket.number,
      serviceName: service?.name ?? ticket.serviceCode ?? '-',
      expiresAt: invitation.expiresAt.toISOString(),
    };
  }

  /**
   * Records the questionnaire once: the invitation is marked used by a conditional update and
   * the response is unique per ticket, both in one transaction, so a second submission (or two
   * at once) changes nothing and answers `survey.used`.
   */
  async submit(
    token: string,
    scores: number[],
    comment: string | null,
    profile: RespondentAnswers = NO_PROFILE,
  ): Promise<SurveySubmitted> {
    const now = this.clock.now();
    return this.dataSource.transaction(async (manager) => {
      const invitation = await this.invitationOf(manager, token, true);
      this.assertOpen(invitation, now);
      const used = await manager
        .createQueryBuilder()
        .update(SurveyInvitationEntity)
        .set({ usedAt: now })
        .where('id = :id AND used_at IS NULL', { id: invitation.id })
        .execute();
      if (used.affected !== 1) {
        throw new SurveyError('survey.used', 'Survei untuk tiket ini sudah diisi. Terima kasih.');
      }
      const ticket = await manager.findOneOrFail(TicketEntity, {
        where: { id: invitation.ticketId },
      });
      if (await manager.count(SurveyResponseEntity, { where: { ticketId: ticket.id } })) {
        throw new SurveyError('survey.used', 'Survei untuk tiket ini sudah diisi. Terima kasih.');
      }
      const office = await manager.findOne(OfficeEntity, {
        select: { code: true, timeZone: true },
        where: { code: ticket.officeCode },
      });
      const day = localDate(now, office?.timeZone ?? 'Asia/Jakarta');
      const [u1, u2, u3, u4, u5, u6, u7, u8, u9] = scores;
      await insertOnce(manager, {
        id: randomUUID(),
        ticketId: ticket.id,
        ticketNumber: ticket.number,
        invitationId: invitation.id,
        officeCode: ticket.officeCode,
        // A resolved ticket has its service; '' only guards rows from before services were set.
        serviceId: ticket.serviceId ?? '',
        serviceCode: ticket.serviceCode ?? '',
        submittedAt: now,
        localDate: day,
        localMonth: day.slice(0, 7),
        u1,
        u2,
        u3,
        u4,
        u5,
        u6,
        u7,
        u8,
        u9,
        comment,
        respondentSex: profile.sex,
        respondentAgeBand: profile.ageBand,
        respondentEducation: profile.education,
        respondentOccupation: profile.occupation,
      });
      await this.webhooks.enqueue(
        manager,
        [{ event: 'survey.submitted', ticket: webhookTicket(ticket) }],
        now,
      );
      return { ticketNumber: ticket.number, submittedAt: now.toISOString() };
    });
  }
}

/** Inserts the response; the unique ticket index turning down a second one means "used". */
/** The optional respondent profile as stored (category codes, null when left out). */
export interface RespondentAnswers {
  sex: RespondentSex | null;
  ageBand: RespondentAgeBand | null;
  education: RespondentEducation | null;
  occupation: RespondentOccupation | null;
}

const NO_PROFILE: RespondentAnswers = {
  sex: null,
  ageBand: null,
  education: null,
  occupation: null,
};

async function insertOnce(manager: EntityManager, row: SurveyResponseEntity): Promise<void> {
  try {
    await manager.insert(SurveyResponseEntity, row);
  } catch (error) {
    const code = String((error as { code?: unknown }).code ?? '');
    if (code === 'ER_DUP_ENTRY' || code.startsWith('SQLITE_CONSTRAINT')) {
      throw new SurveyError('survey.used', 'Survei untuk tiket ini sudah diisi. Terima kasih.');
    }
    throw error;
  }
}
