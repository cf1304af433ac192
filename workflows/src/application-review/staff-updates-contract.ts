import { defineUpdate } from '@temporalio/workflow';
import type { ReviewState } from './contract';

/** An internal note: the text stays in the licensing database; the Update carries its id only. */
export interface NoteInput {
  evaluatorId: string;
  noteId: string;
}

/** Hand the application to another evaluator: by customer service, or by the evaluator who holds it. */
export interface AssignInput {
  byId: string;
  byRole: 'evaluator' | 'customer-service';
  evaluatorId: string;
}

/** The educator withdraws before a decision (the fee is kept: DESE does not refund application fees). */
export interface WithdrawInput {
  profileId: string;
}

export const noteUpdate = defineUpdate<ReviewState, [NoteInput]>('note');
export const assignUpdate = defineUpdate<ReviewState, [AssignInput]>('assign');
export const withdrawUpdate = defineUpdate<ReviewState, [WithdrawInput]>('withdraw');

