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

  register(kind: TicketKind, resolve: KindStandardResolver): void {
    this.byKind.set(kind, resolve);
  }

  resolverFor(kind: TicketKind | undefined): KindStandardResolver | undefined {
    return kind ? this.byKind.get(kind) : undefined;
  }
}
