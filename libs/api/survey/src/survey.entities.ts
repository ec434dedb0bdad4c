import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A survey link sent to a requester when the ticket was resolved. The link carries the id and an
 * HMAC over id, ticket and expiry (`survey-token.ts`); the row holds no token, so reading the
 * table does not give anyone a working link.
 */
@Entity('survey_invitations')
export class SurveyInvitationEntity {
  /** 22 characters of base64url randomness (128 bits). */
  @PrimaryColumn({ type: 'varchar', length: 32 })
  id: string;

  @Column({ name: 'ticket_id', type: 'varchar', length: 36 })
  ticketId: string;

  @Column({ name: 'office_code', type: 'varchar', length: 40 })
  officeCode: string;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'expires_at', type: 'datetime', precision: 3 })
  expiresAt: Date;

  /** Set once, when the questionnaire was submitted through this link. */
  @Column({ name: 'used_at', type: 'datetime', precision: 3, nullable: true })
  usedAt: Date | null;
}

/** One filled questionnaire; at most one per ticket. */
@Entity('survey_responses')
export class SurveyResponseEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'ticket_id', type: 'varchar', length: 36 })
  ticketId: string;

  @Column({ name: 'ticket_number', type: 'varchar', length: 40 })
  ticketNumber: string;

  @Column({ name: 'invitation_id', type: 'varchar', length: 32 })
  invitationId: string;

  @Column({ name: 'office_code', type: 'varchar', length: 40 })
  officeCode: string;

  @Column({ name: 'service_id', type: 'varchar', length: 36 })
  serviceId: string;

  @Column({ name: 'service_code', type: 'varchar', length: 80 })
  serviceCode: string;

  @Column({ name: 'submitted_at', type: 'datetime', precision: 3 })
  submittedAt: Date;

  /** Date of submission in the office's zone, `YYYY-MM-DD`. */
  @Column({ name: 'local_date', type: 'varchar', length: 10 })
  localDate: string;

  /** Month of submission in the office's zone, `YYYY-MM`. */
  @Column({ name: 'local_month', type: 'varchar', length: 7 })
  localMonth: string;

  @Column({ type: 'smallint' }) u1: number;
  @Column({ type: 'smallint' }) u2: number;
  @Column({ type: 'smallint' }) u3: number;
  @Column({ type: 'smallint' }) u4: number;
  @Column({ type: 'smallint' }) u5: number;
  @Column({ type: 'smallint' }) u6: number;
  @Column({ type: 'smallint' }) u7: number;
  @Column({ type: 'smallint' }) u8: number;
  @Column({ type: 'smallint' }) u9: number;

  @Column({ type: 'text', nullable: true })
  comment: string | null;

  /** The optional respondent profile (Permenpan RB 14/2017); reported only as counts. */
  @Column({ name: 'respondent_sex', type: 'varchar', length: 16, nullable: true })
  respondentSex: string | null;

  /** Age band only: an age given in years is not kept. */
  @Column({ name: 'respondent_age_band', type: 'varchar', length: 8, nullable: true })
  respondentAgeBand: string | null;

  @Column({ name: 'respondent_education', type: 'varchar', length: 16, nullable: true })
  respondentEducation: string | null;

  @Column({ name: 'respondent_occupation', type: 'varchar', length: 16, nullable: true })
  respondentOccupation: string | null;
}

export const SCORE_COLUMNS = ['u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7', 'u8', 'u9'] as const;
export const SURVEY_ENTITIES = [SurveyInvitationEntity, SurveyResponseEntity];
