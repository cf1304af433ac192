import { patched, setHandler } from '@temporalio/workflow';
import { REFUSALS, isFinalApplicationStatus, type ReviewStatus } from '@elar/vocabulary';
import { refuse } from '../shared/workflow-helpers';
import type { ReviewState } from './contract';
import { assignUpdate, noteUpdate, withdrawUpdate } from './staff-updates-contract';

/** Withdrawal records the status before it ends the open letter, so a refused withdrawal leaves the letter running. */
const WITHDRAW_RECORDS_FIRST = 'application-review-withdraw-records-first';

/** What the staff Updates need from the running review. */
export interface ReviewControls {
  state: ReviewState;
  profileId: string;
  busy(): boolean;
  /** Runs a status change with the busy flag held; a failed step puts the state back and refuses the Update. */
  exclusive(fn: () => Promise<void>): Promise<void>;
  setStatus(status: ReviewStatus, actor: string, detail?: Record<string, string | string[]>): Promise<void>;
  /** Ends the open deficiency letter (child workflow), if any. */
  cancelLetter(): void;
}

const open = (c: ReviewControls, what: string) => {
  if (c.busy()) refuse(REFUSALS.wrongState, 'The application is being updated; try again.');
  if (isFinalApplicationStatus(c.state.status)) refuse(REFUSALS.wrongState, `An application that is ${c.state.status} cannot be ${what}.`);
};

/** Internal note, assignment and withdrawal: validated before they are accepted, like the decisions. */
export function registerStaffUpdates(c: ReviewControls): void {
  setHandler(noteUpdate, async (_note) => ({ ...c.state }), { validator: (_note) => open(c, 'annotated') });

  setHandler(
    assignUpdate,
    async ({ byId, byRole, evaluatorId }) => {
      await c.exclusive(async () => {
        c.state.evaluatorId = evaluatorId;
        const status = c.state.status === 'Ready for Review' ? 'Under Review' : c.state.status;
        await c.setStatus(status, `${byRole}:${byId}`, { assignedTo: evaluatorId });
      });
      return { ...c.state };
    },
    {
      validator: ({ byId, byRole, evaluatorId }) => {
        open(c, 'assigned');
        if (byRole === 'evaluator' && c.state.evaluatorId !== byId) refuse(REFUSALS.notAssigned, 'Only the evaluator who holds this application (or customer service) may assign it.');
        if (!evaluatorId?.trim()) refuse(REFUSALS.invalid, 'Name the evaluator to assign.');
        if (c.state.evaluatorId === evaluatorId) refuse(REFUSALS.invalid, 'That evaluator already holds this application.');
      },
    },
  );

  setHandler(
    withdrawUpdate,
    async () => {
      await c.exclusive(async () => {
        if (patched(WITHDRAW_RECORDS_FIRST)) {
          await c.setStatus('Withdrawn', 'educator');
          c.cancelLetter();
        } else {
          c.cancelLetter();
          await c.setStatus('Withdrawn', 'educator');
        }
      });
      return { ...c.state };
    },
    {
      validator: ({ profileId }) => {
        if (profileId !== c.profileId) refuse(REFUSALS.notAssigned, 'Only the applicant may withdraw this application.');
        open(c, 'withdrawn');
      },
    },
  );
}
