import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Patch,
  Post,
  Put,
  Query,
} from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { CalendarClosure, OfficeCalendarView, PrefillResult } from '@sigap/contracts';
import { RequestValidationError, ApiAnswers } from '@sigap/api-common';
import type { AuthUser } from '@sigap/api-identity';
import { SignedInUser } from '@sigap/api-identity';
import { CreateClosureDto, UpdateClosureDto, UpdateScheduleDto, YearQuery } from './calendar.dto';
import { CalendarsService } from './calendars.service';

function requiredYear(query: YearQuery): number {
  if (query.year === undefined) {
    throw new RequestValidationError([{ path: 'year', message: 'wajib diisi (contoh: 2027)' }]);
  }
  return query.year;
}

/**
 * Working calendars. The national and province routes come first so that `national` is never
 * read as an office code.
 */
@ApiTags('calendars')
@ApiBearerAuth()
@Controller('v1/calendars')
export class CalendarsController {
  constructor(private readonly calendars: CalendarsService) {}

  @Get('national/closures')
  @ApiAnswers(['CalendarClosure'])
  async nationalClosures(
    @SignedInUser() user: AuthUser,
    @Query() query: YearQuery,
  ): Promise<CalendarClosure[]> {
    const target = await this.calendars.target('national', null);
    return this.calendars.listClosures(user, target, requiredYear(query));
  }

  @Post('national/closures')
  @ApiAnswers('CalendarClosure')
  async createNational(
    @SignedInUser() user: AuthUser,
    @Query() query: YearQuery,
    @Body() body: CreateClosureDto,
  ): Promise<CalendarClosure> {
    const target = await this.calendars.target('national', null);
    return this.calendars.createClosure(user, target, body, query.year);
  }

  @Post('national/prefill')
  @HttpCode(200)
  @ApiAnswers('PrefillResult')
  prefill(@SignedInUser() user: AuthUser, @Query() query: YearQuery): Promise<PrefillResult> {
    return this.calendars.prefillNational(user, requiredYear(query));
  }

  @Get('province/:region/closures')
  @ApiAnswers(['CalendarClosure'])
  async provinceClosures(
    @SignedInUser() user: AuthUser,
    @Param('region') region: string,
    @Query() query: YearQuery,
  ): Promise<CalendarClosure[]> {
    const target = await this.calendars.target('province', region);
    return this.calendars.listClosures(user, target, requiredYear(query));
  }

  @Post('province/:region/closures')
  @ApiAnswers('CalendarClosure')
  async createProvince(
    @SignedInUser() user: AuthUser,
    @Param('region') region: string,
    @Query() query: YearQuery,
    @Body() body: CreateClosureDto,
  ): Promise<CalendarClosure> {
    this.calendars.assertCanEditShared(user);
    const target = await this.calendars.target('province', region);
    return this.calendars.createClosure(user, target, body, query.year);
  }

  @Patch('closures/:id')
  @ApiAnswers('CalendarClosure', { errors: [409] })
  updateClosure(
    @SignedInUser() user: AuthUser,
    @Param('id') id: string,
    @Body() body: UpdateClosureDto,
  ): Promise<CalendarClosure> {
    return this.calendars.updateClosure(user, id, body);
  }

  /** Admin: puts an unconfirmed closure into force. */
  @Post('closures/:id/confirm')
  @HttpCode(200)
  @ApiAnswers('CalendarClosure')
  confirmClosure(
    @SignedInUser() user: AuthUser,
    @Param('id') id: string,
  ): Promise<CalendarClosure> {
    return this.calendars.setConfirmed(user, id, true);
  }

  /** Admin: takes a closure out of force again (kept and shown, counted as a working day). */
  @Post('closures/:id/unconfirm')
  @HttpCode(200)
  @ApiAnswers('CalendarClosure')
  unconfirmClosure(
    @SignedInUser() user: AuthUser,
    @Param('id') id: string,
  ): Promise<CalendarClosure> {
    return this.calendars.setConfirmed(user, id, false);
  }

  @Delete('closures/:id')
  @HttpCode(204)
  @ApiAnswers(null)
  deleteClosure(@SignedInUser() user: AuthUser, @Param('id') id: string): Promise<void> {
    return this.calendars.deleteClosure(user, id);
  }

  @Get(':office')
  @ApiAnswers('OfficeCalendarView')
  view(
    @SignedInUser() user: AuthUser,
    @Param('office') office: string,
    @Query() query: YearQuery,
  ): Promise<OfficeCalendarView> {
    return this.calendars.view(user, office, query.year);
  }

  @Put(':office/schedule')
  @ApiAnswers('OfficeCalendarView', { errors: [409] })
  updateSchedule(
    @SignedInUser() user: AuthUser,
    @Param('office') office: string,
    @Body() body: UpdateScheduleDto,
  ): Promise<OfficeCalendarView> {
    return this.calendars.updateSchedule(user, office, body);
  }

  /** Admin: puts a proposed dated schedule (named by its first day) into force. */
  @Post(':office/variants/:from/confirm')
  @HttpCode(200)
  @ApiAnswers('OfficeCalendarView')
  confirmVariant(
    @SignedInUser() user: AuthUser,
    @Param('office') office: string,
    @Param('from') from: string,
  ): Promise<OfficeCalendarView> {
    return this.calendars.setVariantConfirmed(user, office, from, true);
  }

  /** Admin: takes a dated schedule out of force again (kept and shown as a proposal). */
  @Post(':office/variants/:from/unconfirm')
  @HttpCode(200)
  @ApiAnswers('OfficeCalendarView')
  unconfirmVariant(
    @SignedInUser() user: AuthUser,
    @Param('office') office: string,
    @Param('from') from: string,
  ): Promise<OfficeCalendarView> {
    return this.calendars.setVariantConfirmed(user, office, from, false);
  }

  @Get(':office/closures')
  @ApiAnswers(['CalendarClosure'])
  async officeClosures(
    @SignedInUser() user: AuthUser,
    @Param('office') office: string,
    @Query() query: YearQuery,
  ): Promise<CalendarClosure[]> {
    this.calendars.assertCanRead(user, office);
    const target = await this.calendars.target('office', office);
    return this.calendars.listClosures(user, target, requiredYear(query));
  }

  @Post(':office/closures')
  @ApiAnswers('CalendarClosure')
  async createOffice(
    @SignedInUser() user: AuthUser,
    @Param('office') office: string,
    @Query() query: YearQuery,
    @Body() body: CreateClosureDto,
  ): Promise<CalendarClosure> {
    this.calendars.assertCanEditOffice(user, office);
    const target = await this.calendars.target('office', office);
    return this.calendars.createClosure(user, target, body, query.year);
  }
}
