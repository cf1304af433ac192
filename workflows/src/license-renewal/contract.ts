import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { RenewalStatus } from '@elar/vocabulary';

/** Ids and numbers only: PDP records, names and card data stay in the licensing database. */
export interface LicenseRenewalInput {
  renewalNumber: string;
  profileId: string;
  mepid: string;
  /** The primary license (search attribute LicenseNumber). */
  licenseNumber: string;
  /** Sampled for audit by the service (RENEWAL_AUDIT_SAMPLE_RATE): an evaluator decides first. */
  audit: boolean;
  /** How long an evaluator has to decide an audit before customer service takes it (ms; default 30 days). */
  auditDecisionMs?: number;
  /** How long customer service has before the renewal is processed as Renewed (ms; default 15 days). */
  escalatedDecisionMs?: number;
}

export type { RenewalStatus };

export interface RenewalState {
  status: RenewalStatus;
  evaluatorId?: string;
}

export type RenewalDecisionInput = { action: 'approve'; evaluatorId: string } | { action: 'deny'; evaluatorId: string; reason: string };

export const licenseRenewalWorkflowId = (renewalNumber: string) => `license-renewal:${renewalNumber}`;

/** An evaluator's decision on a renewal sampled for audit; refused unless it is Under Review. */
export const renewalDecisionUpdate = defineUpdate<RenewalState, [RenewalDecisionInput]>('renewalDecision');
export const renewalStateQuery = defineQuery<RenewalState>('renewalState');
