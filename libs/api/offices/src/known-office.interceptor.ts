import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Request } from 'express';
import { from, switchMap, type Observable } from 'rxjs';
import { DataSource } from 'typeorm';
import { OfficeEntity } from './office.entity';
import { OfficeError } from './office-error';

/** How long a known office code is remembered (offices are seeded, never deleted by the API). */
const KNOWN_TTL_MS = 60_000;
/** Longest office code the schema holds (`offices.code` is varchar(40)). */
const CODE_MAX = 40;

/**
 * One answer for an unknown office on every route: a request naming an office (the `office`
 * query parameter or path parameter) that does not exist is a 404 `office.not_found`, instead of
 * an empty list on some routes and a domain-specific code on others. Runs after the guards, so
 * a request without credentials is still a 401, and before the handler's own access rules.
 * Codes compare exactly (MariaDB's case-insensitive collation would otherwise accept `BALI`
 * where SQLite does not). An empty `office` is left to the route (it means "all" for admins).
 */
@Injectable()
export class KnownOfficeInterceptor implements NestInterceptor {
  private readonly known = new Map<string, number>();

  constructor(private readonly dataSource: DataSource) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const req = context.switchToHttp().getRequest<Request>();
    const named = [req.params?.['office'], (req.query as Record<string, unknown>)?.['office']];
    const codes = named.filter(
      (value): value is string => typeof value === 'string' && value.trim() !== '',
    );
    if (!codes.length) return next.handle();
    return from(this.checkAll(codes)).pipe(switchMap(() => next.handle()));
  }

  private async checkAll(codes: string[]): Promise<void> {
    for (const code of codes) {
      if (!(await this.exists(code))) throw OfficeError.notFound(code.slice(0, CODE_MAX));
    }
  }

  private async exists(code: string): Promise<boolean> {
    if (code.length > CODE_MAX) return false;
    const now = Date.now();
    const until = this.known.get(code);
    if (until !== undefined && until > now) return true;
    const row = await this.dataSource
      .getRepository(OfficeEntity)
      .findOne({ where: { code }, select: { code: true } });
    if (!row || row.code !== code) return false;
    this.known.set(code, now + KNOWN_TTL_MS);
    return true;
  }
}
