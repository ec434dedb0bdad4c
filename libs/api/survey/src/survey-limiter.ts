import { Injectable } from '@nestjs/common';
import { SharedRateLimiter, type RateLimit } from '@sigap/api-common';

const TEN_MINUTES = 10 * 60_000;

/** Page views of a survey link per client address (the link is unguessable: flood guard only). */
export const SURVEY_READ_LIMIT: RateLimit = {
  bucket: 'survey-read',
  limit: 60,
  windowMs: TEN_MINUTES,
};
/** Submissions per client address. */
export const SURVEY_WRITE_LIMIT: RateLimit = {
  bucket: 'survey-write',
  limit: 10,
  windowMs: TEN_MINUTES,
};

/**
 * Keeps one client from flooding the public survey endpoints. The counts live in the database
 * (`SharedRateLimiter`), so every API instance on one database shares them.
 */
@Injectable()
export class SurveyLimiter {
  constructor(private readonly shared: SharedRateLimiter) {}

  /** Counts a request; answers the seconds to wait when over the limit, else null. */
  async hit(kind: 'read' | 'write', clientAddress: string): Promise<number | null> {
    const rule = kind === 'read' ? SURVEY_READ_LIMIT : SURVEY_WRITE_LIMIT;
    const decision = await this.shared.hit(rule, clientAddress);
    return decision.allowed ? null : decision.retryAfterSeconds;
  }
}
