import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Put,
  Query,
} from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { ProblemDetail, ProblemView } from '@sigap/contracts';
import type { AuthUser } from '@sigap/api-identity';
import { Roles, SignedInUser } from '@sigap/api-identity';
import { ApiAnswers } from '@sigap/api-common';
import {
  CreateProblemDto,
  ProblemChangesDto,
  ProblemLinkDto,
  ProblemListQuery,
} from './problem.dto';
import { ProblemsService } from './problems.service';

/** Problem records (masalah) of an office and the incidents they gather. */
@ApiTags('problems')
@ApiBearerAuth()
@Controller('v1/problems')
export class ProblemsController {
  constructor(private readonly problems: ProblemsService) {}

  @Get()
  @ApiAnswers(['ProblemView'])
  list(@SignedInUser() user: AuthUser, @Query() query: ProblemListQuery): Promise<ProblemView[]> {
    return this.problems.list(user, query);
  }

  @Post()
  @Roles('admin', 'agent', 'manager')
  @HttpCode(201)
  @ApiAnswers('ProblemView')
  create(@SignedInUser() user: AuthUser, @Body() body: CreateProblemDto): Promise<ProblemView> {
    return this.problems.create(user, body);
  }

  @Get(':id')
  @ApiAnswers('ProblemDetail')
  get(
    @SignedInUser() user: AuthUser,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<ProblemDetail> {
    return this.problems.get(user, id);
  }

  @Put(':id')
  @Roles('admin', 'agent', 'manager')
  @ApiAnswers('ProblemView', { errors: [409] })
  update(
    @SignedInUser() user: AuthUser,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: ProblemChangesDto,
  ): Promise<ProblemView> {
    return this.problems.update(user, id, body);
  }

  @Post(':id/incidents')
  @Roles('admin', 'agent', 'manager')
  @HttpCode(200)
  @ApiAnswers('ProblemDetail')
  link(
    @SignedInUser() user: AuthUser,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: ProblemLinkDto,
  ): Promise<ProblemDetail> {
    return this.problems.link(user, id, body.incident);
  }

  @Delete(':id/incidents/:number')
  @Roles('admin', 'agent', 'manager')
  @ApiAnswers('ProblemDetail')
  unlink(
    @SignedInUser() user: AuthUser,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('number') number: string,
  ): Promise<ProblemDetail> {
    return this.problems.unlink(user, id, number);
  }
}
