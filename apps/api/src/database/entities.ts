import { AuditEntryEntity } from '../audit/audit-entry.entity';
import { CatalogServiceEntity } from '../catalog/catalog-service.entity';
import { ServiceVersionEntity } from '../catalog/service-version.entity';
import { UserEntity } from '../identity/user.entity';
import { OfficeEntity } from '../offices/office.entity';
import { PositionEntity } from '../offices/position.entity';

export const ENTITIES = [
  OfficeEntity,
  PositionEntity,
  UserEntity,
  CatalogServiceEntity,
  ServiceVersionEntity,
  AuditEntryEntity,
];
