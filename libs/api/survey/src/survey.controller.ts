import { Body, Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  ageBandOf,
  type IkmReport,
  type RespondentProfile,
  type SurveyCommentPage,
  type SurveySubmitted,
  type SurveyView,
} from '@sigap/contracts';
import { RequestValidationError, ApiAnswers } from '@sigap/api-common';
import type { Request } from 'express';
import { Clock } from '@sigap/api-clock';
import { hasRole, type AuthUser } from '@sigap/api-identity';
import { Public, Roles, SignedInUser } from '@sigap/api-identity';
import { IkmReportService } from './ikm-report.service';
import { SurveyError } from './survey-error';
import { SurveyLimiter } from './survey-limiter';
import { localDate, SurveyService, type RespondentAnswers } from './survey.service';
import { CommentQueryDto, IkmQueryDto, ProfileQueryDto, SurveySubmissionDto } from './survey.dto';

/** Whose figures a user may read: admins any office (or all), managers their own office. */
function officeFor(user: AuthUser, office: string | undefined): string | null {
  if (hasRole(user, 'admin')) return office?.trim() || null;
  if (!hasRole(user, 'manager') || !user.office) {
    throw new SurveyError('survey.forbidden', 'Hanya pimpinan dan admin yang dapat melihat IKM.');
  }
  if (office && office !== user.office) {
    throw new SurveyError('survey.forbidden', 'IKM kantor lain tidak dapat dilihat.');
  }
  return user.office;
}

/** The inclusive local-date range: defaults to 1 January up to today, from <= to. */
function range(clock: Clock, from?: string, to?: string): { from: string; to: string } {
  // Today in the easternmost zone (WIT), so "today" includes every office's today.
  const end = to ?? localDate(clock.now(), 'Asia/Jayapura');
  const start = from ?? `${end.slice(0, 4)}-01-01`;
  if (start > end) {
    throw new SurveyError('survey.query_invalid', 'Tanggal awal setelah tanggal akhir.', [
      { path: 'from', message: 'harus sebelum atau sama dengan to' },
    ]);
  }
  return { from: start, to: end };
}

@ApiTags('survey')
@Controller('v1/survey')
export class SurveyController {
  constructor(
    private readonly surveys: SurveyService,
    private readonly reports: IkmReportService,
    private readonly clock: Clock,
    private readonly limiter: SurveyLimiter,
  ) {}

  private async limit(kind: 'read' | 'write', req: Request): Promise<void> {
    const wait = await this.limiter.hit(kind, req.ip ?? req.socket.remoteAddress ?? '?');
    if (wait !== null) {
      throw new SurveyError(
        'survey.rate_limited',
        'Terlalu banyak permintaan. Coba lagi nanti.',
        undefined,
        { 'Retry-After': String(wait) },
      );
    }
  }

  /** IKM per service and period (month, quarter, year) with per-element averages and grade. */
  @Get('ikm')
  @ApiBearerAuth()
  @Roles('manager', 'admin')
  @ApiAnswers('IkmReport')
  ikm(@SignedInUser() user: AuthUser, @Query() q: IkmQueryDto): Promise<IkmReport> {
    return this.reports.ikm({
      office: officeFor(user, q.office),
      service: q.service?.trim() || null,
      ...range(this.clock, q.from, q.to),
      period: q.period ?? 'month',
    });
  }

  /** The respondents' comments, newest first. */
  @Get('comments')
  @ApiBearerAuth()
  @Roles('manager', 'admin')
  @ApiAnswers('SurveyCommentPage')
  comments(
    @SignedInUser() user: AuthUser,
    @Query() q: CommentQueryDto,
  ): Promise<SurveyCommentPage> {
    return this.reports.comments({
      office: officeFor(user, q.office),
      service: q.service?.trim() || null,
      ...range(this.clock, q.from, q.to),
      limit: q.limit ?? 50,
      offset: q.offset ?? 0,
    });
  }

  /**
   * Respondents per profile category (sex, age band, education, occupation), in aggregate only,
   * over whole months, with small categories merged (`RespondentProfile`).
   */
  @Get('profile')
  @ApiBearerAuth()
  @Roles('manager', 'admin')
  @ApiAnswers('RespondentProfile')
  profile(@SignedInUser() user: AuthUser, @Query() q: ProfileQueryDto): Promise<RespondentProfile> {
    return this.reports.profile({
      office: officeFor(user, q.office),
      service: q.service?.trim() || null,
      ...range(this.clock, q.from, q.to),
    });
  }

  /** What the public survey page shows: the ticket number and the service, nothing personal. */
  @Get(':token')
  @Public()
  @ApiAnswers('SurveyView', { errors: [410, 429] })
  async view(@Param('token') token: string, @Req() req: Request): Promise<SurveyView> {
    await this.limit('read', req);
    return this.surveys.view(token);
  }

  /** Submits the questionnaire; once per link and per ticket. */
  @Post(':token')
  @Public()
  @HttpCode(201)
  @ApiAnswers('SurveySubmitted', { errors: [409, 410, 429] })
  async submit(
    @Param('token') token: string,
    @Body() body: SurveySubmissionDto,
    @Req() req: Request,
  ): Promise<SurveySubmitted> {
    await this.limit('write', req);
    const comment = cleanComment(body.comment);
    return this.surveys.submit(token, body.scores, comment, profileOf(body));
  }
}

/** The optional profile as stored: an age in years becomes its band and is not kept. */
export function profileOf(body: SurveySubmissionDto): RespondentAnswers {
  const age = body.age ?? null;
  if (age !== null && body.ageBand) {
    throw new RequestValidationError([
      { path: 'age', message: 'isi usia atau kelompok usia, tidak keduanya' },
    ]);
  }
  return {
    sex: body.sex ?? null,
    ageBand: age !== null ? ageBandOf(age) : (body.ageBand ?? null),
    education: body.education ?? null,
    occupation: body.occupation ?? null,
  };
}

/** Plain text only: control characters dropped, whitespace trimmed, empty means none. */
export function cleanComment(value: string | null | undefined): string | null {
  if (!value) return null;
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  const text = value.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '').trim();
  return text || null;
}
