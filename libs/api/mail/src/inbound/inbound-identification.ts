// Who an inbound message is for and from: the office it was sent to, and the threading lookups
// that tie it to a ticket and tell a participant or known sender from a stranger.
import type { ThreadLookups } from '@sigap/mail-threading';
import type { EntityManager } from 'typeorm';
import { AppConfig } from '@sigap/api-config';
import { runSql } from '@sigap/api-database';
import { resolveMarkerSecret } from '@sigap/api-identity';
import { OfficeEntity } from '@sigap/api-offices';
import { normalizeAddress } from '@sigap/mail-threading';
import { mailDomain } from '../mail-settings';

function domainOf(address: string): string {
  return address.slice(address.lastIndexOf('@') + 1).toLowerCase();
}

/** At most this many referenced Message-IDs (nearest first) are looked up for a thread. */
const MAX_REFERENCED_IDS = 100;

/** What the threading lookups learnt about the sender on the way (spares a query later). */
export interface SenderFacts {
  /** The ticket's requester contact, when the sender is that contact. */
  requesterContactId?: string;
  /** The sender's contact in the office, read with the known-sender check (a new request). */
  officeContact?: { id: string; opdId: string | null; email: string | null };
}

/** The office and sender lookups of inbound mail (offices cached for a few seconds). */
export class InboundIdentification {
  private readonly markerSecret: string;
  private readonly ourDomains: string[];
  private officeCache: { list: OfficeEntity[]; until: number } | null = null;

  constructor(private readonly config: AppConfig) {
    this.markerSecret = resolveMarkerSecret(config);
    this.ourDomains = [mailDomain(config)];
  }

  /** Offices and their mailboxes, re-read at most every 10 s (they change rarely). */
  private async offices(manager: EntityManager): Promise<OfficeEntity[]> {
    const now = Date.now();
    if (!this.officeCache || this.officeCache.until < now) {
      const list = await manager.find(OfficeEntity, { order: { code: 'ASC' } });
      this.officeCache = { list, until: now + 10_000 };
    }
    return this.officeCache.list;
  }

  /**
   * The office whose mailbox (helpdesk or incident address) is among the addresses; else the
   * default office, else the first.
   */
  async officeFor(manager: EntityManager, addresses: string[]): Promise<string> {
    const offices = await this.offices(manager);
    if (!offices.length) throw new Error('belum ada kantor');
    const wanted = new Set(addresses.map((a) => a.toLowerCase()));
    const byMailbox = offices.find(
      (o) =>
        (o.helpdeskEmail && wanted.has(o.helpdeskEmail.toLowerCase())) ||
        (o.incidentEmail && wanted.has(o.incidentEmail.toLowerCase())),
    );
    if (byMailbox) return byMailbox.code;
    // Mail to no known mailbox goes to the default office, or the first one still in service.
    const serving = offices.filter((o) => !o.retiredAt);
    const fallback = this.config.defaultOffice
      ? serving.find((o) => o.code === this.config.defaultOffice)
      : undefined;
    return (fallback ?? serving[0] ?? offices[0]).code;
  }

  /**
   * The lookups threading needs, one indexed statement each (plain SQL through `runSql`: these
   * run for every message, and the query builder costs more CPU than the database does here).
   */
  lookups(manager: EntityManager, officeCode: string, facts: SenderFacts): ThreadLookups {
    return {
      markerSecret: this.markerSecret,
      ourDomains: this.ourDomains,
      findTicketByMessageIds: async (all) => {
        const ids = all.slice(0, MAX_REFERENCED_IDS);
        const marks = ids.map(() => '?').join(', ');
        const rows: { message_id: string; ticket_number: string }[] = await runSql(
          manager,
          `SELECT message_id, ticket_number FROM outbox
            WHERE message_id IN (${marks}) AND ticket_number IS NOT NULL
           UNION ALL
           SELECT message_id, ticket_number FROM inbound_messages
            WHERE message_id IN (${marks}) AND ticket_number IS NOT NULL`,
          [...ids, ...ids],
        );
        const owner = new Map(rows.map((r) => [r.message_id, r.ticket_number]));
        for (const id of ids) if (owner.has(id)) return owner.get(id);
        return null;
      },
      isParticipant: async (ticketNumber, address) => {
        // The requester, an address we have mailed about the ticket (a contact copied on it; not
        // a staff account: staff act in the console, never as the requester), or an address of
        // the ticket's OPD domains: answered together.
        const rows: {
          contact_id: string | null;
          contact_email: string | null;
          mailed: number | string;
          opd_domain: number | string;
        }[] = await runSql(
          manager,
          `SELECT c.id AS contact_id, c.email AS contact_email,
             CASE WHEN EXISTS (SELECT 1 FROM outbox o
               WHERE o.ticket_number = t.number AND o.recipient = ?)
               AND NOT EXISTS (SELECT 1 FROM users u WHERE u.email = ?) THEN 1 ELSE 0 END AS mailed,
             CASE WHEN EXISTS (SELECT 1 FROM opd_email_domains d
               WHERE d.opd_id = t.opd_id AND d.domain = ?) THEN 1 ELSE 0 END AS opd_domain
           FROM tickets t LEFT JOIN requester_contacts c ON c.id = t.requester_contact_id
           WHERE t.number = ?`,
          [address, address, domainOf(address), ticketNumber],
        );
        const row = rows[0];
        if (!row) return false;
        if (
          row.contact_id &&
          row.contact_email &&
          normalizeAddress(row.contact_email) === address
        ) {
          facts.requesterContactId = row.contact_id;
          return true;
        }
        return Number(row.mailed) > 0 || Number(row.opd_domain) > 0;
      },
      isKnownSender: async (address) => {
        // The sender's contact itself (the ticket opened next is theirs: no second lookup) and
        // whether the address is of a known OPD domain, in one statement.
        const rows: {
          contact_id: string | null;
          contact_opd_id: string | null;
          contact_email: string | null;
          domain_known: number | string;
        }[] = await runSql(
          manager,
          `SELECT c.id AS contact_id, c.opd_id AS contact_opd_id, c.email AS contact_email,
             CASE WHEN EXISTS (SELECT 1 FROM opd_email_domains WHERE office_code = ? AND domain = ?)
             THEN 1 ELSE 0 END AS domain_known
           FROM (SELECT 1 AS one) x
           LEFT JOIN requester_contacts c ON c.office_code = ? AND c.email = ?
           LIMIT 1`,
          [officeCode, domainOf(address), officeCode, address],
        );
        const row = rows[0];
        if (row?.contact_id) {
          facts.officeContact = {
            id: row.contact_id,
            opdId: row.contact_opd_id,
            email: row.contact_email,
          };
          return true;
        }
        return Number(row?.domain_known) > 0;
      },
    };
  }

  /** The sender's contact in the office (the first, when an address is there twice). */
  async contactId(
    manager: EntityManager,
    officeCode: string,
    address: string,
  ): Promise<string | null> {
    const rows: { id: string }[] = await runSql(
      manager,
      'SELECT id FROM requester_contacts WHERE office_code = ? AND email = ? LIMIT 1',
      [officeCode, address],
    );
    return rows[0]?.id ?? null;
  }
}
