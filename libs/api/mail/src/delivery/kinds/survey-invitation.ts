/**
 * `survey.invitation` → survey-invitation to the requester; the signed link is made at sending
 * from the invitation id (the row holds no usable link).
 */
import { resolveSurveySecret, signSurveyToken, surveyUrl } from '@sigap/api-survey';
import {
  OutboxPayloadError,
  type OutboxKind,
  type PrepareContext,
  type PreparedMail,
  type StoredPayload,
} from './kind';
import { loadTicket, requesterOf, text, toRequester, type TicketPayload } from './ticket-mail';
import { SAMPLE_TICKET } from './samples';

export interface SurveyInvitationPayload extends TicketPayload {
  /** The invitation's id. */
  invitation: string;
  expiresAt: string;
}

declare module '@sigap/api-outbox' {
  interface OutboxPayloads {
    'survey.invitation': SurveyInvitationPayload;
  }
}

async function prepareSurveyInvitation(
  payload: StoredPayload<SurveyInvitationPayload>,
  ctx: PrepareContext,
): Promise<PreparedMail> {
  const t = await loadTicket(payload, ctx);
  const id = text(payload, 'invitation');
  const expiresAt = new Date(text(payload, 'expiresAt'));
  if (Number.isNaN(expiresAt.getTime()))
    throw new OutboxPayloadError('payload.expiresAt tidak valid');
  const token = signSurveyToken(resolveSurveySecret(ctx.config), {
    id,
    ticketId: t.ticket.id,
    expiresAt,
  });
  const prepared = await toRequester(
    t,
    ctx,
    {
      template: 'survey-invitation',
      props: {
        requesterName: requesterOf(t).name,
        ticket: t.summary,
        surveyUrl: surveyUrl(ctx.config, token),
        expiresAt: expiresAt.toISOString(),
      },
    },
    false,
  );
  // Sent by the system, so marked automatic; not held by the per-contact limit, as it follows
  // the resolution mail at once.
  prepared.request.automatic = true;
  return prepared;
}

export const SURVEY_INVITATION: OutboxKind<'survey.invitation'> = {
  kind: 'survey.invitation',
  templates: ['survey-invitation'],
  samples: {
    'survey-invitation': {
      requesterName: 'Ni Made Ayu Lestari',
      ticket: SAMPLE_TICKET,
      surveyUrl: 'https://sigap.example.go.id/survei/contoh.tautan',
      expiresAt: '2026-06-03T07:45:00Z',
    },
  },
  secret: true,
  prepare: prepareSurveyInvitation,
};
