import type { z } from 'zod';
import type { createRenewalRequest } from '@elar/api';
import { badRequest, conflict, notFound } from '@elar/errors';
import type { Principal } from '@elar/http';
import type { LicensingDeps } from '../deps';
import { tieredFeeCents } from '../catalog/catalog';
import type { Db } from '../db/client';
import { checkPdps, checkRenewable } from './eligibility';
import type { RenewalResult } from './renewal-view';

const LIVE = ['Processing', 'Under Review', 'Escalated'];

/** Licenses the caller holds, each renewable now (the same checks run again before the fee is charged). */
export async function renewableLicenses(deps: Pick<LicensingDeps, 'db' | 'catalog'>, profileId: string, licenseNumbers: string[], except?: string) {
  if (new Set(licenseNumbers).size !== licenseNumbers.length) throw badRequest('duplicate-license', 'Name each license once.');
  const rows = await deps.db.license.findMany({ where: { licenseNumber: { in: licenseNumbers }, profileId } });
  const others = await deps.db.renewal.findMany({
    where: { licenseNumbers: { hasSome: licenseNumbers }, status: { in: [...LIVE, 'Renewed'] }, renewalNumber: except ? { not: except } : undefined },
  });
  return licenseNumbers.map((n) => {
    const license = rows.find((l) => l.licenseNumber === n);
    if (!license) throw notFound('license-not-found', `No license ${n} among yours.`);
    const mine = others.filter((r) => r.licenseNumbers.includes(n));
    if (mine.some((r) => LIVE.includes(r.status))) throw conflict('renewal-in-progress', `License ${n} already has a renewal in progress.`);
    const renewedTo = mine.flatMap((r) => ((r.result ?? []) as RenewalResult).filter((x) => x.licenseNumber === n && x.expiresAt).map((x) => new Date(x.expiresAt!)));
    checkRenewable(deps.catalog.renewal, license, renewedTo);
    return license;
  });
}

async function nextRenewalNumber(db: Db) {
  const rows = await db.$queryRaw<{ v: bigint }[]>`SELECT nextval('renewal_number_seq') AS v`;
  return `R-${new Date().getUTCFullYear()}-${String(rows[0]!.v).padStart(6, '0')}`;
}

/** A renewal awaiting its fee: licenses checked, PDPs checked against the catalog minimums, attested. */
export async function createRenewal(deps: LicensingDeps, principal: Principal, body: z.infer<typeof createRenewalRequest>) {
  const licenses = await renewableLicenses(deps, principal.userId, body.licenseNumbers);
  checkPdps(deps.catalog.renewal, body.pdps, licenses.length);
  const result: RenewalResult = licenses.map((l) => ({ licenseNumber: l.licenseNumber, previousExpiresAt: l.expiresAt!.toISOString().slice(0, 10) }));
  return deps.db.renewal.create({
    data: {
      renewalNumber: await nextRenewalNumber(deps.db),
      profileId: principal.userId,
      mepid: principal.mepid ?? '',
      licenseNumbers: body.licenseNumbers,
      pdps: body.pdps,
      attestedAt: new Date(),
      feeCents: tieredFeeCents(deps.catalog.fees.renewal, licenses.length),
      status: 'Draft',
      result,
    },
    include: { payments: true },
  });
}
