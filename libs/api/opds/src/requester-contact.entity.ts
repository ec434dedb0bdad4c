import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A person who asks for a service on behalf of an OPD (rarely a user who signs in). */
@Entity('requester_contacts')
export class RequesterContactEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'office_code', type: 'varchar', length: 40 })
  officeCode: string;

  @Column({ name: 'opd_id', type: 'varchar', length: 36, nullable: true })
  opdId: string | null;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  /** Stored lower-case. */
  @Column({ type: 'varchar', length: 254, nullable: true })
  email: string | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  phone: string | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3, nullable: true })
  updatedAt?: Date | null;

  /** Set when deactivated: kept for its tickets, refused for new ones. */
  @Column({ name: 'deactivated_at', type: 'datetime', precision: 3, nullable: true })
  deactivatedAt?: Date | null;

  /**
   * Made from an address nobody proved they own (a public complaint naming an address another
   * contact of the office already has): never offered a portal sign-in; an agent may merge it.
   */
  @Column({ type: 'boolean', default: false })
  unverified?: boolean;

  /** The contact this one was merged into (then it is deactivated too). */
  @Column({ name: 'merged_into_id', type: 'varchar', length: 36, nullable: true })
  mergedIntoId?: string | null;

  /** Set when mail to `email` bounced permanently: automatic mail to it is skipped. */
  @Column({ name: 'email_bounced_at', type: 'datetime', precision: 3, nullable: true })
  emailBouncedAt?: Date | null;

  /** Why it bounced (the DSN status and the address), one line. */
  @Column({ name: 'email_bounce_reason', type: 'varchar', length: 500, nullable: true })
  emailBounceReason?: string | null;
}
