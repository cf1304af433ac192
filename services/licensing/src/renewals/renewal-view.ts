import type { Renewal, RenewalPayment } from '../generated/prisma/client';

/** Per license: the expiry the renewal starts from and, once renewed, the new one. */
export type RenewalResult = { licenseNumber: string; previousExpiresAt: string; expiresAt?: string }[];

export const toRenewalView = (r: Renewal & { payments: RenewalPayment[] }) => {
  const result = (r.result ?? []) as RenewalResult;
  return {
    renewalNumber: r.renewalNumber,
    status: r.status,
    licenseNumbers: r.licenseNumbers,
    pdps: r.pdps as Record<string, number>,
    feeCents: r.feeCents,
    paid: r.payments.some((p) => p.status === 'succeeded'),
    attestedAt: r.attestedAt.toISOString(),
    result: r.status === 'Renewed' ? result.map((x) => ({ licenseNumber: x.licenseNumber, previousExpiresAt: x.previousExpiresAt, expiresAt: x.expiresAt! })) : null,
    createdAt: r.createdAt.toISOString(),
  };
};
