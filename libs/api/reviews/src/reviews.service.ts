import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  IMPROVEMENT_ACTION_STATUSES,
  type ImprovementActionDetail,
  type ImprovementActionOwnerOptions,
  type ImprovementActionStatus,
  type ImprovementActionStatusChange,
  type ImprovementActionView,
  type ReviewAttendee,
  type ReviewEvidence,
  type ReviewFiguresSnapshot,
  type ReviewView,
} from '@sigap/contracts';
import { DataSource, EntityManager, In } from 'typeorm';
import { AuditEntryEntity, AuditService } from '@sigap/api-audit';
import { Clock } from '@sigap/api-clock';
import type { FieldError } from '@sigap/api-common';
import { UserEntity } from '@sigap/api-identity';
import type { AuthUser } from '@sigap/api-identity';
import { OfficeEntity, PositionEntity } from '@sigap/api-offices';
import { assertCanRead, assertCanWrite, canReadReviews } from './access';
import { endDay, localDate, MONTH_OR_DAY, startDay } from './dates';
import type {
  CreateImprovementActionDto,
  CreateReviewDto,
  ImprovementActionListQuery,
  ReviewListQuery,
  UpdateImprovementActionDto,
  UpdateReviewDto,
} from './review.dto';
import { ImprovementActionEntity, ReviewEntity } from './review.entity';
import { ReviewError } from './review-error';
import { ReviewFiguresService } from './review-figures';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const LIVE: readonly ImprovementActionStatus[] = ['open', 'in-progress'];
const CLOSED: readonly ImprovementActionStatus[] = ['done', 'cancelled'];

/** Months as numbers (YYYYMM) for comparing a range. */
const monthNumber = (m: string) => Number(m.replace('-', ''));

/** What the audit keeps of an action (its stored fields, without the bookkeeping). */
function actionAudit(e: ImprovementActionEntity): Record<string, unknown> {
  return {
    reviewId: e.reviewId,
    title: e.title,
    description: e.description,
    ownerUserId: e.ownerUserId,
    ownerPosition: e.ownerPosition,
    dueOn: e.dueOn,
    status: e.status,
    doneOn: e.doneOn,
    closingNote: e.closingNote,
    updatedAt: e.updatedAt.toISOString(),
    version: e.version,
  };
}

function reviewAudit(e: ReviewEntity): Record<string, unknown> {
  return {
    office: e.officeCode,
    heldOn: e.heldOn,
    title: e.title,
    attendees: JSON.parse(e.attendeesJson) as ReviewAttendee[],
    periodFrom: e.periodFrom,
    periodTo: e.periodTo,
    notes: e.notes,
    decisions: JSON.parse(e.decisionsJson) as string[],
    version: e.version,
  };
}

/** Names to show beside the ids a page of records names. */
interface Names {
  users: Map<string, string>;
  positions: Map<string, string>;
  reviews: Map<string, string>;
  actionCounts: Map<string, number>;
}

/**
 * Periodic reviews of an office's service management and the improvement actions arising from
 * them (SPBE "Penerapan Manajemen Layanan", levels 4-5): recorded by the office's managers (and
 * admins), read by its helpdesk agents too, every change audited. A review keeps the dashboard
 * figures of the months it reviewed as they were when it was recorded.
 */
@Injectable()
export class ReviewsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly figuresService: ReviewFiguresService,
  ) {}

  // ---- reviews ----

  async listReviews(user: AuthUser, q: ReviewListQuery): Promise<ReviewView[]> {
    const office = this.officeOf(user, q.office);
    assertCanRead(user, office);
    const qb = this.dataSource.manager
      .createQueryBuilder(ReviewEntity, 'r')
      .where('r.office_code = :office', { office });
    if (q.from) qb.andWhere('r.held_on >= :from', { from: startDay(q.from) });
    if (q.to) qb.andWhere('r.held_on <= :to', { to: endDay(q.to) });
    const rows = await qb.orderBy('r.held_on', 'DESC').addOrderBy('r.created_at', 'DESC').getMany();
    return this.reviewViews(this.dataSource.manager, rows);
  }

  async getReview(user: AuthUser, id: string): Promise<ReviewView> {
    const row = await this.loadReview(this.dataSource.manager, user, id);
    return (await this.reviewViews(this.dataSource.manager, [row]))[0];
  }

  /** The figures a review of these months would keep, for the form to show before recording. */
  async previewFigures(
    user: AuthUser,
    officeParam: string | undefined,
    from: string,
    to: string,
  ): Promise<ReviewFiguresSnapshot> {
    const office = this.officeOf(user, officeParam);
    assertCanWrite(user, office);
    await this.office(this.dataSource.manager, office);
    this.checkPeriod(from, to, 'from');
    return this.figuresService.snapshot(user, office, from, to);
  }

  async createReview(user: AuthUser, input: CreateReviewDto): Promise<ReviewView> {
    assertCanWrite(user, input.office);
    await this.office(this.dataSource.manager, input.office);
    this.checkPeriod(input.periodFrom, input.periodTo, 'periodFrom');
    // The figures as the dashboard shows them now: kept as they are, whatever comes later.
    const figures = await this.figuresService.snapshot(
      user,
      input.office,
      input.periodFrom,
      input.periodTo,
    );
    return this.dataSource.transaction(async (m) => {
      const now = this.clock.now();
      const row: ReviewEntity = {
        id: randomUUID(),
        officeCode: input.office,
        heldOn: input.heldOn,
        title: input.title,
        attendeesJson: JSON.stringify(input.attendees.map(attendee)),
        periodFrom: input.periodFrom,
        periodTo: input.periodTo,
        figuresJson: JSON.stringify(figures),
        notes: input.notes ?? null,
        decisionsJson: JSON.stringify(input.decisions ?? []),
        createdBy: user.id,
        createdAt: now,
        updatedAt: now,
        version: 1,
      };
      await m.insert(ReviewEntity, row);
      await this.audit.record(
        {
          actorId: user.id,
          action: 'review.recorded',
          entityType: 'service_review',
          entityId: row.id,
          after: { ...reviewAudit(row), figures },
        },
        m,
      );
      return (await this.reviewViews(m, [row]))[0];
    });
  }

  async updateReview(user: AuthUser, id: string, input: UpdateReviewDto): Promise<ReviewView> {
    return this.dataSource.transaction(async (m) => {
      const row = await this.loadReview(m, user, id);
      assertCanWrite(user, row.officeCode);
      const before = reviewAudit(row);
      const changes = {
        heldOn: input.heldOn,
        title: input.title,
        attendeesJson: JSON.stringify(input.attendees.map(attendee)),
        notes: input.notes ?? null,
        decisionsJson: JSON.stringify(input.decisions ?? []),
        updatedAt: this.clock.now(),
        version: row.version + 1,
      };
      const done = await m
        .createQueryBuilder()
        .update(ReviewEntity)
        .set(changes)
        .where('id = :id AND version = :v', { id, v: input.expectedVersion })
        .execute();
      if (!done.affected) throw stale('Tinjauan', row.version);
      const next: ReviewEntity = { ...row, ...changes };
      await this.audit.record(
        {
          actorId: user.id,
          action: 'review.updated',
          entityType: 'service_review',
          entityId: id,
          before,
          after: reviewAudit(next),
        },
        m,
      );
      return (await this.reviewViews(m, [next]))[0];
    });
  }

  // ---- improvement actions ----

  async listActions(
    user: AuthUser,
    q: ImprovementActionListQuery,
  ): Promise<ImprovementActionView[]> {
    const office = this.officeOf(user, q.office);
    assertCanRead(user, office);
    const m = this.dataSource.manager;
    const today = await this.today(m, office);
    const qb = m
      .createQueryBuilder(ImprovementActionEntity, 'a')
      .where('a.office_code = :office', { office });
    if (q.status) qb.andWhere('a.status = :status', { status: q.status });
    if (q.from) qb.andWhere('a.due_on >= :from', { from: startDay(q.from) });
    if (q.to) qb.andWhere('a.due_on <= :to', { to: endDay(q.to) });
    if (q.review) qb.andWhere('a.review_id = :review', { review: q.review });
    if (q.overdue === 'true')
      qb.andWhere('a.status IN (:...live) AND a.due_on < :today', { live: LIVE, today });
    if (q.overdue === 'false')
      qb.andWhere('(a.status NOT IN (:...live) OR a.due_on >= :today)', { live: LIVE, today });
    const rows = await qb.orderBy('a.due_on', 'ASC').addOrderBy('a.created_at', 'ASC').getMany();
    return this.actionViews(m, rows, today);
  }

  async getAction(user: AuthUser, id: string): Promise<ImprovementActionDetail> {
    const m = this.dataSource.manager;
    const row = await this.loadAction(m, user, id);
    const [view] = await this.actionViews(m, [row], await this.today(m, row.officeCode));
    return { ...view, history: await this.history(m, row.id) };
  }

  /** Who an action of the office may be given to. */
  async ownerOptions(
    user: AuthUser,
    officeParam: string | undefined,
  ): Promise<ImprovementActionOwnerOptions> {
    const office = this.officeOf(user, officeParam);
    assertCanRead(user, office);
    const m = this.dataSource.manager;
    const users = await m.find(UserEntity, {
      select: { id: true, name: true },
      where: { officeCode: office, active: true },
      order: { name: 'ASC' },
    });
    const positions = (
      await m.find(PositionEntity, {
        where: { officeCode: office, requesterSide: false },
        order: { sortOrder: 'ASC', name: 'ASC' },
      })
    ).filter((p) => !p.retiredAt);
    return {
      users: users.map((u) => ({ id: u.id, name: u.name })),
      positions: positions.map((p) => ({ code: p.code, name: p.name })),
    };
  }

  async createAction(
    user: AuthUser,
    input: CreateImprovementActionDto,
  ): Promise<ImprovementActionDetail> {
    assertCanWrite(user, input.office);
    return this.dataSource.transaction(async (m) => {
      await this.office(m, input.office);
      const errors = await this.checkOwner(m, input.office, input);
      if (input.reviewId) {
        const review = await m.findOne(ReviewEntity, { where: { id: input.reviewId } });
        if (!review || review.officeCode !== input.office)
          errors.push({ path: 'reviewId', message: 'tinjauan tidak ada di kantor ini' });
      }
      if (errors.length) throw invalid(errors);
      const now = this.clock.now();
      const row: ImprovementActionEntity = {
        id: randomUUID(),
        officeCode: input.office,
        reviewId: input.reviewId ?? null,
        title: input.title,
        description: input.description ?? null,
        ownerUserId: input.ownerUserId ?? null,
        ownerPosition: input.ownerPosition ?? null,
        dueOn: input.dueOn,
        status: 'open',
        doneOn: null,
        closingNote: null,
        createdBy: user.id,
        createdAt: now,
        updatedAt: now,
        version: 1,
      };
      await m.insert(ImprovementActionEntity, row);
      await this.audit.record(
        {
          actorId: user.id,
          action: 'improvement_action.created',
          entityType: 'improvement_action',
          entityId: row.id,
          after: actionAudit(row),
        },
        m,
      );
      const [view] = await this.actionViews(m, [row], await this.today(m, row.officeCode));
      return { ...view, history: await this.history(m, row.id) };
    });
  }

  /**
   * Replaces an action's fields and status. `done` takes the done date (default: the office's
   * today; never later than it) and `done` or `cancelled` a closing note; back to open or in
   * progress clears the done date. A status change is audited as such.
   */
  async updateAction(
    user: AuthUser,
    id: string,
    input: UpdateImprovementActionDto,
  ): Promise<ImprovementActionDetail> {
    return this.dataSource.transaction(async (m) => {
      const row = await this.loadAction(m, user, id);
      assertCanWrite(user, row.officeCode);
      const today = await this.today(m, row.officeCode);
      const errors = await this.checkOwner(m, row.officeCode, input);
      const closingNote = input.closingNote ?? null;
      let doneOn: string | null = null;
      if (input.status === 'done') {
        doneOn = input.doneOn ?? (row.status === 'done' && row.doneOn ? row.doneOn : today);
        if (doneOn > today)
          errors.push({ path: 'doneOn', message: 'tanggal selesai tidak boleh setelah hari ini' });
      } else if (input.doneOn) {
        errors.push({ path: 'doneOn', message: 'hanya untuk status selesai (done)' });
      }
      if (CLOSED.includes(input.status) && !closingNote)
        errors.push({
          path: 'closingNote',
          message: 'catatan penutup wajib diisi saat selesai atau dibatalkan',
        });
      if (errors.length) throw invalid(errors);
      const before = actionAudit(row);
      const changes = {
        title: input.title,
        description: input.description ?? null,
        ownerUserId: input.ownerUserId ?? null,
        ownerPosition: input.ownerPosition ?? null,
        dueOn: input.dueOn,
        status: input.status,
        doneOn,
        closingNote,
        updatedAt: this.clock.now(),
        version: row.version + 1,
      };
      const done = await m
        .createQueryBuilder()
        .update(ImprovementActionEntity)
        .set(changes)
        .where('id = :id AND version = :v', { id, v: input.expectedVersion })
        .execute();
      if (!done.affected) throw stale('Tindak lanjut', row.version);
      const next: ImprovementActionEntity = { ...row, ...changes };
      await this.audit.record(
        {
          actorId: user.id,
          action:
            row.status !== next.status
              ? 'improvement_action.status_changed'
              : 'improvement_action.updated',
          entityType: 'improvement_action',
          entityId: id,
          before,
          after: actionAudit(next),
        },
        m,
      );
      const [view] = await this.actionViews(m, [next], today);
      return { ...view, history: await this.history(m, id) };
    });
  }

  // ---- evidence ----

  /**
   * The reviews and improvement actions as SPBE evidence: the reviews held from `from` to `to`
   * (months YYYY-MM or dates YYYY-MM-DD, inclusive, the office's local dates), and every
   * improvement action of the office with its status, counted by status, and how many are past
   * their due date. The caller (the evidence pack) has checked who may read it.
   */
  async evidence(office: string, from: string, to: string): Promise<ReviewEvidence> {
    if (!MONTH_OR_DAY.test(from) || !MONTH_OR_DAY.test(to))
      throw invalid([{ path: 'from', message: 'berbentuk YYYY-MM atau YYYY-MM-DD' }]);
    const m = this.dataSource.manager;
    await this.office(m, office);
    const fromDay = startDay(from);
    const toDay = endDay(to);
    const today = await this.today(m, office);
    const reviews = await m
      .createQueryBuilder(ReviewEntity, 'r')
      .where('r.office_code = :office', { office })
      .andWhere('r.held_on >= :from AND r.held_on <= :to', { from: fromDay, to: toDay })
      .orderBy('r.held_on', 'ASC')
      .addOrderBy('r.created_at', 'ASC')
      .getMany();
    const actionRows = await m.find(ImprovementActionEntity, {
      where: { officeCode: office },
      order: { dueOn: 'ASC', createdAt: 'ASC' },
    });
    const actions = await this.actionViews(m, actionRows, today);
    const counts = Object.fromEntries(IMPROVEMENT_ACTION_STATUSES.map((s) => [s, 0])) as Record<
      ImprovementActionStatus,
      number
    >;
    for (const a of actions) counts[a.status] += 1;
    return {
      office,
      from: fromDay,
      to: toDay,
      today,
      reviews: await this.reviewViews(m, reviews),
      actions,
      counts,
      overdue: actions.filter((a) => a.overdue).length,
    };
  }

  // ---- helpers ----

  private officeOf(user: AuthUser, param: string | undefined): string {
    const office = param ?? user.office;
    if (!office)
      throw invalid(
        [{ path: 'office', message: 'wajib diisi untuk admin' }],
        'Sebutkan kantornya.',
      );
    return office;
  }

  private async office(m: EntityManager, code: string): Promise<OfficeEntity> {
    const office = await m.findOne(OfficeEntity, { where: { code } });
    if (!office) {
      throw new ReviewError('review.office_not_found', `Kantor "${code}" tidak ada.`, [
        { path: 'office', message: 'kantor tidak dikenal' },
      ]);
    }
    return office;
  }

  /** The office's local date now. */
  private async today(m: EntityManager, office: string): Promise<string> {
    return localDate(this.clock.now(), (await this.office(m, office)).timeZone);
  }

  private checkPeriod(from: string, to: string, path: string): void {
    if (monthNumber(from) > monthNumber(to))
      throw invalid([{ path, message: 'bulan awal setelah bulan akhir' }]);
    const [fy, fm] = from.split('-').map(Number);
    const [ty, tm] = to.split('-').map(Number);
    if ((ty - fy) * 12 + (tm - fm) >= 24)
      throw invalid([{ path, message: 'periode tinjauan paling lama 24 bulan' }]);
  }

  /** Exactly one owner: an active user of the office, or a position of the office. */
  private async checkOwner(
    m: EntityManager,
    office: string,
    input: { ownerUserId?: string | null; ownerPosition?: string | null },
  ): Promise<FieldError[]> {
    const errors: FieldError[] = [];
    if (!input.ownerUserId === !input.ownerPosition) {
      errors.push({
        path: 'ownerUserId',
        message: 'pilih satu penanggung jawab: pengguna atau jabatan',
      });
      return errors;
    }
    if (input.ownerUserId) {
      const owner = await m.findOne(UserEntity, { where: { id: input.ownerUserId } });
      if (!owner || owner.officeCode !== office || !owner.active)
        errors.push({ path: 'ownerUserId', message: 'bukan pengguna aktif di kantor ini' });
    }
    if (input.ownerPosition) {
      const position = await m.findOne(PositionEntity, {
        where: { officeCode: office, code: input.ownerPosition },
      });
      if (!position || position.requesterSide || position.retiredAt)
        errors.push({ path: 'ownerPosition', message: 'bukan jabatan di kantor ini' });
    }
    return errors;
  }

  private async loadReview(m: EntityManager, user: AuthUser, id: string): Promise<ReviewEntity> {
    const row = UUID.test(id) ? await m.findOne(ReviewEntity, { where: { id } }) : null;
    // Another office's review is answered as not found: its existence is not theirs to learn.
    if (!row || !canReadReviews(user, row.officeCode))
      throw new ReviewError('review.not_found', `Tinjauan "${id}" tidak ditemukan.`);
    return row;
  }

  private async loadAction(
    m: EntityManager,
    user: AuthUser,
    id: string,
  ): Promise<ImprovementActionEntity> {
    const row = UUID.test(id) ? await m.findOne(ImprovementActionEntity, { where: { id } }) : null;
    if (!row || !canReadReviews(user, row.officeCode))
      throw new ReviewError('review.not_found', `Tindak lanjut "${id}" tidak ditemukan.`);
    return row;
  }

  private async names(
    m: EntityManager,
    office: string | null,
    userIds: (string | null)[],
    positionCodes: (string | null)[],
    reviewIds: (string | null)[],
  ): Promise<Names> {
    const ids = unique(userIds);
    const codes = unique(positionCodes);
    const reviews = unique(reviewIds);
    const users = ids.length
      ? await m.find(UserEntity, { select: { id: true, name: true }, where: { id: In(ids) } })
      : [];
    const positions =
      codes.length && office
        ? await m.find(PositionEntity, { where: { officeCode: office, code: In(codes) } })
        : [];
    const reviewRows = reviews.length
      ? await m.find(ReviewEntity, {
          select: { id: true, title: true },
          where: { id: In(reviews) },
        })
      : [];
    const counts = reviews.length
      ? ((await m
          .createQueryBuilder(ImprovementActionEntity, 'a')
          .select('a.review_id', 'id')
          .addSelect('COUNT(*)', 'n')
          .where('a.review_id IN (:...reviews)', { reviews })
          .groupBy('a.review_id')
          .getRawMany()) as { id: string; n: number | string }[])
      : [];
    return {
      users: new Map(users.map((u) => [u.id, u.name])),
      positions: new Map(positions.map((p) => [p.code, p.name])),
      reviews: new Map(reviewRows.map((r) => [r.id, r.title])),
      actionCounts: new Map(counts.map((c) => [c.id, Number(c.n)])),
    };
  }

  private async reviewViews(m: EntityManager, rows: ReviewEntity[]): Promise<ReviewView[]> {
    if (!rows.length) return [];
    const names = await this.names(
      m,
      null,
      rows.map((r) => r.createdBy),
      [],
      rows.map((r) => r.id),
    );
    return rows.map((r) => ({
      id: r.id,
      office: r.officeCode,
      heldOn: r.heldOn,
      title: r.title,
      attendees: JSON.parse(r.attendeesJson) as ReviewAttendee[],
      periodFrom: r.periodFrom,
      periodTo: r.periodTo,
      figures: JSON.parse(r.figuresJson) as ReviewFiguresSnapshot,
      notes: r.notes,
      decisions: JSON.parse(r.decisionsJson) as string[],
      actionCount: names.actionCounts.get(r.id) ?? 0,
      createdBy: r.createdBy,
      createdByName: r.createdBy ? (names.users.get(r.createdBy) ?? null) : null,
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
      version: r.version,
    }));
  }

  private async actionViews(
    m: EntityManager,
    rows: ImprovementActionEntity[],
    today: string,
  ): Promise<ImprovementActionView[]> {
    if (!rows.length) return [];
    const names = await this.names(
      m,
      rows[0].officeCode,
      rows.map((r) => r.ownerUserId),
      rows.map((r) => r.ownerPosition),
      rows.map((r) => r.reviewId),
    );
    return rows.map((r) => ({
      id: r.id,
      office: r.officeCode,
      reviewId: r.reviewId,
      reviewTitle: r.reviewId ? (names.reviews.get(r.reviewId) ?? null) : null,
      title: r.title,
      description: r.description,
      ownerUserId: r.ownerUserId,
      ownerPosition: r.ownerPosition,
      ownerName: r.ownerUserId
        ? (names.users.get(r.ownerUserId) ?? r.ownerUserId)
        : (names.positions.get(r.ownerPosition ?? '') ?? r.ownerPosition ?? ''),
      dueOn: r.dueOn,
      status: r.status,
      doneOn: r.doneOn,
      closingNote: r.closingNote,
      overdue: LIVE.includes(r.status) && r.dueOn < today,
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
      version: r.version,
    }));
  }

  /** The action's status changes from the audit log, oldest first. */
  private async history(m: EntityManager, id: string): Promise<ImprovementActionStatusChange[]> {
    const entries = await m.find(AuditEntryEntity, {
      where: {
        entityType: 'improvement_action',
        entityId: id,
        action: In(['improvement_action.created', 'improvement_action.status_changed']),
      },
      order: { id: 'ASC' },
    });
    const actors = await this.names(
      m,
      null,
      entries.map((e) => e.actorId),
      [],
      [],
    );
    return entries.map((e) => {
      const before = e.before ? (JSON.parse(e.before) as { status?: ImprovementActionStatus }) : {};
      const after = JSON.parse(e.after ?? '{}') as {
        status: ImprovementActionStatus;
        closingNote?: string | null;
        updatedAt?: string;
      };
      return {
        at: after.updatedAt ?? e.at.toISOString(),
        actorName: e.actorId ? (actors.users.get(e.actorId) ?? null) : null,
        from: before.status ?? null,
        to: after.status,
        note: CLOSED.includes(after.status) ? (after.closingNote ?? null) : null,
      };
    });
  }
}

function attendee(a: ReviewAttendee): ReviewAttendee {
  return { name: a.name, position: a.position };
}

function unique(values: (string | null)[]): string[] {
  return [...new Set(values.filter((v): v is string => !!v))];
}

function invalid(errors: FieldError[], message = 'Data tidak valid.'): ReviewError {
  return new ReviewError('review.invalid', message, errors);
}

function stale(what: string, version: number): ReviewError {
  return new ReviewError(
    'review.stale',
    `${what} ini sudah diubah orang lain (versi ${version}); muat ulang.`,
    [{ path: 'expectedVersion', message: `versi sekarang ${version}` }],
  );
}
