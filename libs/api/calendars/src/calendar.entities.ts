import { Column, Entity, PrimaryColumn } from 'typeorm';
import type {
  CalendarClosureType,
  CalendarLayer,
  WeekSchedule,
  WeekVariant,
} from '@sigap/contracts';

/** An office's weekly schedule and its dated variants (Ramadan ...), in the office's zone. */
@Entity('calendar_schedules')
export class CalendarScheduleEntity {
  @PrimaryColumn({ name: 'office_code', type: 'varchar', length: 40 })
  officeCode: string;

  @Column({ name: 'time_zone', type: 'varchar', length: 64 })
  timeZone: string;

  @Column({ type: 'simple-json' })
  week: WeekSchedule;

  @Column({ type: 'simple-json' })
  variants: WeekVariant[];

  @Column({ name: 'updated_by', type: 'varchar', length: 36, nullable: true })
  updatedBy: string | null;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt: Date;
}

/** Scope value of the national layer (the column is not nullable so that it can be indexed). */
export const NATIONAL_SCOPE = '*';

/** A closed day (or part of a day) of one layer. */
@Entity('calendar_closures')
export class CalendarClosureEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 16 })
  layer: CalendarLayer;

  /** `*` (national), a region such as `ID-BA` (province) or an office code (office). */
  @Column({ type: 'varchar', length: 40 })
  scope: string;

  /** Local date `YYYY-MM-DD`. */
  @Column({ type: 'varchar', length: 10 })
  date: string;

  @Column({ type: 'int' })
  year: number;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 24 })
  type: CalendarClosureType;

  @Column({ type: 'varchar', length: 500 })
  source: string;

  @Column({ name: 'from_time', type: 'varchar', length: 5, nullable: true })
  fromTime: string | null;

  @Column({ name: 'to_time', type: 'varchar', length: 5, nullable: true })
  toTime: string | null;

  @Column({ type: 'boolean', default: false })
  prefilled: boolean;

  /** False: stored and shown, but closes nothing until an admin confirms it. */
  @Column({ type: 'boolean', default: true })
  confirmed: boolean;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt: Date;
}

/** A seed file that has been applied once (never again, so admins' deletions stay deleted). */
@Entity('calendar_seeds')
export class CalendarSeedEntity {
  @PrimaryColumn({ type: 'varchar', length: 200 })
  name: string;

  @Column({ name: 'applied_at', type: 'datetime', precision: 3 })
  appliedAt: Date;
}

/** One row (id 1): bumped by every calendar edit, in the edit's transaction. */
@Entity('calendar_revision')
export class CalendarRevisionEntity {
  @PrimaryColumn({ type: 'int' })
  id: number;

  @Column({ type: 'int' })
  revision: number;
}

export const CALENDAR_ENTITIES = [
  CalendarScheduleEntity,
  CalendarClosureEntity,
  CalendarSeedEntity,
  CalendarRevisionEntity,
];
