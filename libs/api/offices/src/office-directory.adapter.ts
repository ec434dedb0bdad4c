import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { OfficeDirectory, type OfficePosition } from '@sigap/api-identity';
import { OfficeError } from './office-error';
import { OfficesService } from './offices.service';
import { PositionEntity } from './position.entity';

/** The offices' side of user administration (see `OfficeDirectory`). */
@Injectable()
export class OfficeDirectoryAdapter implements OfficeDirectory {
  constructor(private readonly offices: OfficesService) {}

  exists(code: string, manager?: EntityManager): Promise<boolean> {
    return this.offices.exists(code, manager);
  }

  notFound(code: string): Error {
    return OfficeError.notFound(code);
  }

  list(): Promise<{ code: string; ticketPrefix: string }[]> {
    return this.offices.list();
  }

  async positions(officeCode: string, manager?: EntityManager): Promise<OfficePosition[]> {
    return (await this.offices.positions(officeCode, manager)).map(toOfficePosition);
  }

  async positionsByCode(
    manager: EntityManager,
    officeCode: string,
    codes: string[],
  ): Promise<OfficePosition[]> {
    const rows = await manager.getRepository(PositionEntity).find({
      where: { officeCode, code: In(codes) },
    });
    return rows.map(toOfficePosition);
  }

  async position(manager: EntityManager, id: string): Promise<OfficePosition | null> {
    const row = await manager.findOne(PositionEntity, { where: { id } });
    return row ? toOfficePosition(row) : null;
  }
}

function toOfficePosition(p: PositionEntity): OfficePosition {
  return {
    id: p.id,
    officeCode: p.officeCode,
    code: p.code,
    name: p.name,
    reportsToId: p.reportsToId,
    requesterSide: p.requesterSide,
  };
}
