import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

/**
 * The custom search attributes every ELAR process may set, so operators find any workflow in the
 * Temporal UI by the numbers people quote. Registered on the dev server by the local stack and the
 * tests, and in the Helm values for a cluster. Never personal data (no names, dates of birth, SSN).
 */
export const SA = {
  mepid: defineSearchAttributeKey('MEPID', SearchAttributeType.KEYWORD),
  applicationNumber: defineSearchAttributeKey('ApplicationNumber', SearchAttributeType.KEYWORD),
  licenseType: defineSearchAttributeKey('LicenseType', SearchAttributeType.KEYWORD),
  licenseNumber: defineSearchAttributeKey('LicenseNumber', SearchAttributeType.KEYWORD),
  status: defineSearchAttributeKey('ElarStatus', SearchAttributeType.KEYWORD),
  organizationId: defineSearchAttributeKey('OrganizationId', SearchAttributeType.KEYWORD),
  caseNumber: defineSearchAttributeKey('CaseNumber', SearchAttributeType.KEYWORD),
  orderNumber: defineSearchAttributeKey('OrderNumber', SearchAttributeType.KEYWORD),
} as const;

/** `NAME=Type` pairs as the Temporal CLI's `--search-attribute` flag wants them. */
export const searchAttributeFlags = (): string[] =>
  Object.values(SA).map((key) => `${key.name}=${key.type === SearchAttributeType.KEYWORD ? 'Keyword' : key.type}`);
