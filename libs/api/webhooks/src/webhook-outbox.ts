import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { WebhookEvent, WebhookPayload, WebhookTicket } from '@sigap/contracts';
import type { EntityManager } from 'typeorm';
import {
  hydrateRows,
  insertRows,
  insertStatement,
  selectRows,
  selectStatement,
  type SqlStatement,
} from '@sigap/api-database';
import { OutboxEntity } from '@sigap/api-outbox';
import { WebhookEntity } from './webhook.entity';

/** The outbox kind of a webhook delivery (its rows are on the `webhook` channel). */
export const WEBHOOK_DELIVERY_KIND = 'webhook.delivery';

/** What a webhook delivery row carries: the webhook, and the exact body to sign and send. */
export interface WebhookDeliveryPayload {
  webhookId: string;
  event: WebhookEvent;
  /** The JSON body as sent, byte for byte, on every attempt. */
  body: string;
}

/** An event to announce about a ticket. */
export interface TicketWebhookEvent {
  event: WebhookEvent;
  ticket: WebhookTicket;
}

/** The fields of a ticket a delivery describes. */
export interface WebhookTicketSource {
  number: string;
  officeCode: string;
  kind?: string | null;
  serviceCode: string | null;
  status: string;
  dueAt: Date | null;
}

/** A ticket's due instant far in the future means its clock has not started. */
const NOT_DUE_FROM = Date.parse('9000-01-01T00:00:00Z');

export function webhookTicket(t: WebhookTicketSource): WebhookTicket {
  return {
    number: t.number,
    office: t.officeCode,
    kind: t.kind ?? 'request',
    service: t.serviceCode,
    status: t.status,
    due: t.dueAt && t.dueAt.getTime() < NOT_DUE_FROM ? t.dueAt.toISOString() : null,
  };
}

/** Timeline events that are webhook events, by the timeline's name. */
const FROM_TIMELINE: Readonly<Record<string, WebhookEvent>> = {
  'ticket.opened': 'ticket.opened',
  'ticket.status_changed': 'ticket.status_changed',
  'step.completed': 'step.completed',
  'sla.at_risk': 'sla.at_risk',
  'sla.breached': 'sla.breached',
  'complaint.filed': 'complaint.opened',
  'incident.opened': 'incident.opened',
  'incident.priority_changed': 'incident.priority_changed',
  'change.opened': 'change.opened',
  'change.approved': 'change.approved',
  'change.status_changed': 'change.status_changed',
};

/** The webhook events among a change's timeline events (in their order). */
export function webhookEventsOf(timelineEvents: readonly (string | null)[]): WebhookEvent[] {
  return timelineEvents
    .map((e) => (e ? FROM_TIMELINE[e] : undefined))
    .filter((e): e is WebhookEvent => !!e);
}

/**
 * Writes webhook deliveries into the outbox with the caller's transaction: one row per event
 * and per active webhook that subscribes to it (and to the ticket's office). The body is built
 * here, once, so every attempt sends (and signs) the same bytes.
 */
@Injectable()
export class WebhookOutbox {
  async enqueue(
    manager: EntityManager,
    events: readonly TicketWebhookEvent[],
    at: Date,
  ): Promise<void> {
    if (!events.length) return;
    const hooks = await selectRows(manager, WebhookEntity, 'active = ?', [true]);
    const rows = deliveryRows(hooks, events, at);
    if (rows.length) await insertRows(manager, OutboxEntity, rows);
  }

  /**
   * The read of the active webhooks as a statement, for a caller that batches its statements
   * (a new ticket's creation reads them with its counter, so announcing costs no request).
   */
  activeStatement(manager: EntityManager): SqlStatement {
    return selectStatement(manager, WebhookEntity, 'active = ?', [true]);
  }

  /** The deliveries' insert, from the answer of `activeStatement` (null when none is due). */
  insertStatement(
    manager: EntityManager,
    activeAnswer: unknown,
    events: readonly TicketWebhookEvent[],
    at: Date,
  ): SqlStatement | null {
    if (!events.length) return null;
    const hooks = hydrateRows(manager, WebhookEntity, activeAnswer);
    return insertStatement(manager, OutboxEntity, deliveryRows(hooks, events, at));
  }
}

/**
 * One outbox row per event and per active webhook that subscribes to it (and to the ticket's
 * office). The body is built here, once, so every attempt sends (and signs) the same bytes.
 */
function deliveryRows(
  hooks: readonly WebhookEntity[],
  events: readonly TicketWebhookEvent[],
  at: Date,
): OutboxEntity[] {
  const rows: OutboxEntity[] = [];
  for (const { event, ticket } of events) {
    for (const hook of hooks) {
      if (!hook.events.includes(event)) continue;
      if (hook.officeCode && hook.officeCode !== ticket.office) continue;
      const id = randomUUID();
      const body: WebhookPayload = { id, event, occurredAt: at.toISOString(), ticket };
      const payload: WebhookDeliveryPayload = {
        webhookId: hook.id,
        event,
        body: JSON.stringify(body),
      };
      rows.push({
        id,
        kind: WEBHOOK_DELIVERY_KIND,
        channel: 'webhook',
        payload: JSON.stringify(payload),
        status: 'pending',
        createdAt: at,
        attempts: 0,
        nextAttemptAt: at,
        ticketNumber: ticket.number,
        recipient: hook.id,
      });
    }
  }
  return rows;
}
