/**
 * Ticket search (`GET /api/v1/tickets?q=`): the query turned into a ranked set of matching
 * tickets, as a subquery the queue joins (so every access rule and filter of the queue still
 * applies). It reads the full-text indexes of `full-text.ts` (InnoDB FULLTEXT on MariaDB/MySQL,
 * FTS5 on SQLite): ticket number, subject and description, timeline bodies (e-mail and portal
 * messages, replies, internal notes), the requester's name and e-mail address, and attachment
 * file names.
 *
 * Ranking: by where the query matched, summed per ticket (number 1000, subject or description 8,
 * requester 4, messages and notes 2, file names 1), each source's relevance ordering matches
 * within its weight. Every word must match within one source, each
 * as a prefix ("aplikas" finds "aplikasi"); Indonesian words are not stemmed.
 */
import type { TicketSearchSource } from '@sigap/contracts';
import type { EntityManager } from 'typeorm';
import { dialectOf, FULL_TEXT_SOURCES, type FullTextSource } from '@sigap/api-database';

/** Words shorter than this are left out of the full-text query (the index does not keep them). */
export const SEARCH_MIN_TERM = 3;
const SEARCH_MAX_TERMS = 8;
/**
 * Matches each source contributes, best first. A common word matches most of a large office's
 * tickets; ranking them all would take the database seconds, and nobody reads past the first
 * pages. Other filters (status, service...) apply after this cut.
 */
export const SEARCH_SOURCE_LIMIT = 1000;
const SEARCH_MAX_TERM_LENGTH = 40;

/**
 * A ticket number or its beginning, as typed: `BALI-2026-000123`, `adubali-2026-00` (the serial
 * is six digits, more in an office past a million tickets a year).
 */
const TICKET_NUMBER = /^([a-z0-9]{2,12})-(\d{4})(?:-(\d{0,9}))?$/i;

/** The words of a query: runs of letters and digits, lower-cased, long enough, de-duplicated. */
export function searchTerms(q: string): string[] {
  const words = q
    .normalize('NFKC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= SEARCH_MIN_TERM)
    .map((w) => w.slice(0, SEARCH_MAX_TERM_LENGTH));
  return [...new Set(words)].slice(0, SEARCH_MAX_TERMS);
}

/** The number prefix to look up (upper-case, `LIKE` pattern), or null when q is not one. */
export function ticketNumberPrefix(q: string): string | null {
  const match = TICKET_NUMBER.exec(q.trim());
  if (!match) return null;
  const [, prefix, year, serial] = match;
  return `${prefix.toUpperCase()}-${year}${serial === undefined ? '' : `-${serial}`}%`;
}

export interface TicketSearchJoin {
  /** `SELECT ticket_id, score, sources FROM ... GROUP BY ticket_id`, with named parameters. */
  sql: string;
  params: Record<string, unknown>;
}

const source = (table: string): FullTextSource => {
  const found = FULL_TEXT_SOURCES.find((s) => s.table === table);
  if (!found) throw new Error(`no full-text source ${table}`);
  return found;
};

/**
 * The ranked matches of `q` as a joinable subquery, or null when q has no word long enough and
 * is not a ticket number (the caller then matches the subject as plain text). `office` narrows
 * every branch to one office's rows when the caller knows it.
 */
export function ticketSearchJoin(
  manager: EntityManager,
  q: string,
  office: string | null,
): TicketSearchJoin | null {
  const terms = searchTerms(q);
  const number = ticketNumberPrefix(q);
  if (!terms.length && !number) return null;
  const dialect = dialectOf(manager);
  const params: Record<string, unknown> = {};
  const branches: string[] = [];
  const inOffice = (alias: string) =>
    office === null ? '' : ` AND ${alias}.office_code = :ftOffice`;
  if (office !== null) params['ftOffice'] = office;
  if (number) {
    params['ftNumber'] = number;
    branches.push(
      `SELECT * FROM (SELECT n.id AS ticket_id, 1000 AS score, 'number' AS src FROM tickets n WHERE n.number LIKE :ftNumber${inOffice('n')} ORDER BY n.number LIMIT ${SEARCH_SOURCE_LIMIT}) b_number`,
    );
  }
  if (terms.length) {
    params['ftq'] = dialect.fullTextQuery(terms);
    const branch = (
      table: string,
      alias: string,
      ticketId: string,
      weight: number,
      src: TicketSearchSource,
      join: string,
      extra: string,
    ) => {
      const fts = dialect.fullTextSource(source(table), alias, 'ftq');
      // Engines' relevance (TF-IDF, bm25) is not comparable between indexes: a rare word in
      // many timeline rows outscores a common one in a subject. So the source's weight decides
      // (1 to 2 times it), and relevance only orders matches within it.
      return (
        `SELECT * FROM (SELECT ${ticketId} AS ticket_id, ${weight} * (1 + (${fts.score}) / (1 + (${fts.score}))) AS score, '${src}' AS src ` +
        `FROM ${fts.from}${join} WHERE ${fts.where}${extra} ORDER BY score DESC LIMIT ${SEARCH_SOURCE_LIMIT}) b_${src}`
      );
    };
    branches.push(branch('tickets', 'tt', 'tt.id', 8, 'ticket', '', inOffice('tt')));
    branches.push(
      branch(
        'ticket_timeline',
        'te',
        'te.ticket_id',
        2,
        'message',
        office === null ? '' : ' JOIN tickets tet ON tet.id = te.ticket_id',
        inOffice('tet'),
      ),
    );
    branches.push(
      branch(
        'requester_contacts',
        'rc',
        'rct.id',
        4,
        'requester',
        ' JOIN tickets rct ON rct.requester_contact_id = rc.id',
        inOffice('rct'),
      ),
    );
    branches.push(
      branch(
        'attachments',
        'at',
        'at.ticket_id',
        1,
        'attachment',
        '',
        ` AND at.ticket_id IS NOT NULL${inOffice('at')}`,
      ),
    );
  }
  return {
    sql:
      `SELECT m.ticket_id AS ticket_id, SUM(m.score) AS score, GROUP_CONCAT(DISTINCT m.src) AS sources ` +
      `FROM (${branches.join(' UNION ALL ')}) m GROUP BY m.ticket_id`,
    params,
  };
}

/** The sources a search row names (`GROUP_CONCAT`), known ones only, in a fixed order. */
export function matchedSources(raw: unknown): TicketSearchSource[] {
  const named = new Set(String(raw ?? '').split(','));
  return (['number', 'ticket', 'requester', 'message', 'attachment'] as const).filter((s) =>
    named.has(s),
  );
}
