import { Injectable } from '@nestjs/common';
import type { TicketKind } from '@sigap/contracts';
import type { ServiceStandard } from '@sigap/standards';
import type { EntityManager } from 'typeorm';
import type { TicketEntity } from './ticket.entity';

/** The standard a ticket of one kind runs under, read in the caller's transaction. */
export type KindStandardResolver = (
  manager: EntityManager,
  ticket: TicketEntity,
) => Promise<ServiceStandard>;

/**
 * The standards of ticket kinds other than service requests. The module that owns a kind (the
 * complaints module for `complaint`) registers its resolver when it starts, so the tickets
 * domain reads no other domain's tables.
 */
@Injectable()
export class TicketKindStandards {
  private readonly byKind = new Map<TicketKind, KindStandardResolver>();
  private readonly ownActions = new Map<TicketKind, ReadonlySet<string>>();

  register(kind: TicketKind, resolve: KindStandardResolver): void {
    this.byKind.set(kind, resolve);
  }

  /**
   * Actions (as `TicketActingService.act` names them: `step.completed`, `resolved` ...) that a
   * kind takes only through its own routes, which check more than the generic ones (a change's
   * approval steps are decided only by their position's holders).
   */
  reserve(kind: TicketKind, actions: readonly string[]): void {
    this.ownActions.set(kind, new Set(actions));
  }

  isReserved(kind: TicketKind | undefined, action: string): boolean {
    return !!kind && !!this.ownActions.get(kind)?.has(action);
  }

  resolverFor(kind: TicketKind | undefined): KindStandardResolver | undefined {
    return kind ? this.byKind.get(kind) : undefined;
  }
}
