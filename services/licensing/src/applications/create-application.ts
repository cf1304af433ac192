import type { z } from 'zod';
import type { createApplicationRequest } from '@elar/api';
import { unprocessable } from '@elar/errors';
import type { Principal } from '@elar/http';
import type { LicensingDeps } from '../deps';
import { requiredIds, draftStatus } from './checklist';

/** `A-<year>-<6 digits>` from a database sequence: unique, human, never reused. */
async function nextApplicationNumber(deps: LicensingDeps) {
  const rows = await deps.db.$queryRaw<{ v: bigint }[]>`SELECT nextval('application_number_seq') AS v`;
  return `A-${new Date().getUTCFullYear()}-${String(rows[0]!.v).padStart(6, '0')}`;
}

/** Checks each requested item against the catalog and creates a draft (Not Ready until requirements are met). */
export async function createApplication(
  deps: LicensingDeps,
  principal: Principal,
  holder: { firstName: string; lastName: string },
  body: z.infer<typeof createApplicationRequest>,
) {
  const { catalog } = deps;
  const items = body.items.map((item, position) => {
    if (item.kind === 'endorsement') {
      if (!catalog.endorsements.some((e) => e.id === item.endorsement)) throw unprocessable('unknown-endorsement', `No endorsement ${item.endorsement}.`);
      return { kind: 'endorsement', licenseType: null, field: item.endorsement, gradeLevel: null, position };
    }
    if (!catalog.licenseTypes.some((t) => t.id === item.licenseType)) throw unprocessable('unknown-license-type', `No license type ${item.licenseType}.`);
    const field = catalog.fields.find((f) => f.id === item.field);
    if (!field) throw unprocessable('unknown-field', `No field ${item.field}.`);
    if (!field.gradeLevels.includes(item.gradeLevel)) throw unprocessable('unknown-grade-level', `${field.name} is licensed for ${field.gradeLevels.join(', ')}.`);
    return { kind: 'license', licenseType: item.licenseType, field: item.field, gradeLevel: item.gradeLevel, position };
  });
  const status = draftStatus(requiredIds(catalog, items).length === 0);
  return deps.db.application.create({
    data: {
      applicationNumber: await nextApplicationNumber(deps),
      profileId: principal.userId,
      mepid: principal.mepid ?? '',
      holderFirstName: holder.firstName,
      holderLastName: holder.lastName,
      status,
      items: { create: items },
      events: { create: { actor: 'educator', type: 'created', detail: { status } } },
    },
    include: { items: { orderBy: { position: 'asc' } }, payments: true },
  });
}
