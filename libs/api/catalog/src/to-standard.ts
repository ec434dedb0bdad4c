import type { ServiceStandard } from '@sigap/standards';
import type { ServiceStandardDto } from './service-standard.dto';

/**
 * Turns a validated DTO into a plain `ServiceStandard`: class instances become plain objects,
 * and nullable fields left out are stored as null, as the model types them.
 */
export function toStandard(dto: ServiceStandardDto): ServiceStandard {
  const plain = JSON.parse(JSON.stringify(dto)) as ServiceStandard;
  plain.decree ??= null;
  plain.steps = plain.steps.map((step) => ({
    ...step,
    time: step.time ?? null,
    output: step.output ?? null,
    notes: step.notes ?? null,
  }));
  plain.internal = {
    ...plain.internal,
    staffCount: plain.internal.staffCount ?? null,
    serviceGuarantee: plain.internal.serviceGuarantee ?? null,
    securityGuarantee: plain.internal.securityGuarantee ?? null,
    performanceEvaluation: plain.internal.performanceEvaluation ?? null,
  };
  if (plain.sop) {
    plain.sop = {
      ...plain.sop,
      number: plain.sop.number ?? null,
      madeOn: plain.sop.madeOn ?? null,
      revisedOn: plain.sop.revisedOn ?? null,
      effectiveOn: plain.sop.effectiveOn ?? null,
      approvedBy: plain.sop.approvedBy ?? null,
      name: plain.sop.name ?? null,
    };
  }
  return plain;
}
