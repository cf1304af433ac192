import type { Catalog } from '../catalog/catalog';
import type { License } from '../generated/prisma/client';

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

/** Active until a calendar expiry passes; then Inactive (unrenewed). */
export const currentStatus = (l: License, now = new Date()) => (l.expiresAt && l.expiresAt < now ? 'Inactive' : l.status);

const licenseName = (catalog: Catalog, l: License) =>
  l.kind === 'endorsement'
    ? `Endorsement: ${catalog.endorsements.find((e) => e.id === l.field)?.name ?? l.field}`
    : catalog.licenseTypes.find((t) => t.id === l.licenseType)?.name ?? l.licenseType ?? 'License';

const fieldName = (catalog: Catalog, l: License) =>
  catalog.fields.find((f) => f.id === l.field)?.name ?? catalog.endorsements.find((e) => e.id === l.field)?.name ?? l.field;

export const toLicenseView = (l: License) => ({
  licenseNumber: l.licenseNumber, kind: l.kind, licenseType: l.licenseType, field: l.field, gradeLevel: l.gradeLevel,
  issueDate: day(l.issueDate)!, expiresAt: day(l.expiresAt),
  validity: l.validityKind === 'calendar-years' ? `${l.validityYears} calendar years` : l.validityKind === 'employment-years' ? `${l.validityYears} years of employment` : 'with the license',
  status: currentStatus(l),
});

/** The public view: name, license, field, status and dates only. */
export const toPublicLicense = (catalog: Catalog, l: License) => ({
  name: `${l.holderFirstName} ${l.holderLastName}`,
  licenseNumber: l.licenseNumber,
  license: licenseName(catalog, l),
  field: fieldName(catalog, l),
  gradeLevel: l.gradeLevel,
  status: currentStatus(l),
  issueDate: day(l.issueDate)!,
  expiresAt: day(l.expiresAt),
});

/** What a certificate shows (the holder's name, the license and its dates, the verification code). */
export const toCertificateContent = (catalog: Catalog, l: License, verificationCode: string, copy: string) => {
  const view = toLicenseView(l);
  return {
    ...toPublicLicense(catalog, l), holderName: `${l.holderFirstName} ${l.holderLastName}`,
    validity: view.validity, verificationCode, copy,
  };
};
