import type { EntityManager } from 'typeorm';
import { runSql } from '@sigap/api-database';

/**
 * The holder of a position who gets a new step: the active holder with the fewest active steps
 * (ties: the lowest user id, so the choice is repeatable), with their name; no row when nobody
 * holds it. Parameters: office code, position code, `true`. A position with a single active
 * holder needs no load count (the count reads every active step of that holder): the `CASE`
 * only runs it when there is a choice to make. Columns `user_id`, `name`.
 */
export const LEAST_LOADED_HOLDER_SQL = `SELECT x.user_id AS user_id, x.name AS name,
            CASE WHEN x.holders > 1
                 THEN (SELECT COUNT(*) FROM ticket_steps s WHERE s.assignee_id = x.user_id AND s.status = 'active')
                 ELSE 0 END AS open_steps
       FROM (SELECT h.user_id AS user_id, u.name AS name, COUNT(*) OVER () AS holders
               FROM position_holders h
               JOIN positions p ON p.id = h.position_id
               JOIN users u ON u.id = h.user_id
              WHERE p.office_code = ? AND p.code = ? AND u.active = ?) x
      ORDER BY open_steps ASC, x.user_id ASC
      LIMIT 1`;

/** Who picks the holder of a step being activated (the least loaded one, or a prefetched one). */
export type HolderPicker = (
  manager: EntityManager,
  officeCode: string,
  positionCode: string,
) => Promise<{ id: string; name: string } | null>;

/** The least loaded active holder of a position (see `LEAST_LOADED_HOLDER_SQL`), or null. */
export async function leastLoadedHolder(
  manager: EntityManager,
  officeCode: string,
  positionCode: string,
): Promise<{ id: string; name: string } | null> {
  const rows: { user_id: string; name: string }[] = await runSql(manager, LEAST_LOADED_HOLDER_SQL, [
    officeCode,
    positionCode,
    true,
  ]);
  return rows[0] ? { id: rows[0].user_id, name: rows[0].name } : null;
}

/** True when the user holds the position (an explicit reassignment must go to a holder). */
export async function holdsPosition(
  manager: EntityManager,
  userId: string,
  officeCode: string,
  positionCode: string,
): Promise<boolean> {
  const rows: unknown[] = await manager.query(
    `SELECT 1 AS ok FROM position_holders h JOIN positions p ON p.id = h.position_id
      WHERE h.user_id = ? AND p.office_code = ? AND p.code = ? LIMIT 1`,
    [userId, officeCode, positionCode],
  );
  return rows.length > 0;
}

/** Holders of the position above `positionCode` (its `reports_to`): who hears of a late step. */
export async function supervisorHolders(
  manager: EntityManager,
  officeCode: string,
  positionCode: string,
): Promise<{ position: string | null; userIds: string[] }> {
  const rows: { code: string; user_id: string | null }[] = await manager.query(
    `SELECT sup.code AS code, h.user_id AS user_id
       FROM positions p
       JOIN positions sup ON sup.id = p.reports_to_id
       LEFT JOIN position_holders h ON h.position_id = sup.id
      WHERE p.office_code = ? AND p.code = ?`,
    [officeCode, positionCode],
  );
  if (!rows.length) return { position: null, userIds: [] };
  return {
    position: rows[0].code,
    userIds: rows.map((r) => r.user_id).filter((id): id is string => !!id),
  };
}

/**
 * The active holders of a position with their load (active steps assigned to them, in every
 * ticket), least loaded first: the order in which `leastLoadedHolder` picks.
 */
export async function holdersWithLoad(
  manager: EntityManager,
  officeCode: string,
  positionCode: string,
): Promise<{ id: string; name: string; email: string; openSteps: number }[]> {
  const rows: { user_id: string; name: string; email: string; open_steps: number | string }[] =
    await manager.query(
      `SELECT h.user_id AS user_id, u.name AS name, u.email AS email,
            (SELECT COUNT(*) FROM ticket_steps s WHERE s.assignee_id = h.user_id AND s.status = 'active') AS open_steps
       FROM position_holders h
       JOIN positions p ON p.id = h.position_id
       JOIN users u ON u.id = h.user_id
      WHERE p.office_code = ? AND p.code = ? AND u.active = ?
      ORDER BY open_steps ASC, h.user_id ASC`,
      [officeCode, positionCode, true],
    );
  return rows.map((r) => ({
    id: r.user_id,
    name: r.name,
    email: r.email,
    openSteps: Number(r.open_steps),
  }));
}

/** Ids of the active holders of a position, in id order. */
export async function activeHolderIds(
  manager: EntityManager,
  officeCode: string,
  positionCode: string,
): Promise<string[]> {
  const rows: { user_id: string }[] = await manager.query(
    `SELECT DISTINCT h.user_id AS user_id
       FROM position_holders h
       JOIN positions p ON p.id = h.position_id
       JOIN users u ON u.id = h.user_id
      WHERE p.office_code = ? AND p.code = ? AND u.active = ?
      ORDER BY h.user_id`,
    [officeCode, positionCode, true],
  );
  return rows.map((r) => r.user_id);
}

/** Ids of the office's active helpdesk agents, in id order. */
export async function activeAgentIds(
  manager: EntityManager,
  officeCode: string,
): Promise<string[]> {
  const rows: { id: string; roles: string }[] = await manager.query(
    `SELECT id, roles FROM users WHERE office_code = ? AND active = ? ORDER BY id`,
    [officeCode, true],
  );
  // `roles` is a comma-separated list: match whole entries, not substrings.
  return rows.filter((r) => r.roles.split(',').includes('agent')).map((r) => r.id);
}
