import { z } from 'zod';
import { defineTemplate, link, text } from './template';

/** Emails of a partial-match case, to the submitter (no account yet: "Hello") and to its deciders. */
const caseData = z.object({ caseNumber: z.string(), recordMepid: z.string().optional() });

export const partialMatchTemplates = {
  'partial-match-opened-educator': defineTemplate({
    data: caseData,
    render: (d) => ({
      subject: `ELAR: case ${d.caseNumber} opened for your profile`,
      greeting: 'Hello,',
      blocks: [
        text(`The information you submitted conflicts with an existing record, so we opened case ${d.caseNumber}.`),
        text('A directory administrator will review it; we will email you the outcome and the next step.'),
      ],
    }),
  }),
  'partial-match-opened-admin': defineTemplate({
    data: caseData,
    render: (d, ctx) => ({
      subject: `ELAR: partial match ${d.caseNumber} needs your decision`,
      greeting: 'Hello,',
      blocks: [
        text(`A new ELAR profile conflicts with a record of your organization (MEPID ${d.recordMepid}).`),
        text('Please review the case and decide: correct the record, confirm these are different people, or reject.'),
        link(`Review case ${d.caseNumber}`, `${ctx.portalUrl}/partial-match-cases/${d.caseNumber}`),
      ],
    }),
  }),
  'partial-match-reminder': defineTemplate({
    data: caseData,
    render: (d, ctx) => ({
      subject: `ELAR reminder: case ${d.caseNumber} is waiting for your decision`,
      greeting: 'Hello,',
      blocks: [
        text(`Case ${d.caseNumber} (record MEPID ${d.recordMepid}) still needs a decision. Without one it goes to DESE customer service.`),
        link(`Review case ${d.caseNumber}`, `${ctx.portalUrl}/partial-match-cases/${d.caseNumber}`),
      ],
    }),
  }),
  'partial-match-escalated': defineTemplate({
    data: caseData,
    render: (d, ctx) => ({
      subject: `ELAR: case ${d.caseNumber} escalated to customer service`,
      greeting: 'Hello,',
      blocks: [
        text(`Case ${d.caseNumber} (record MEPID ${d.recordMepid}) had no decision from the organization in time and now rests with DESE customer service.`),
        link(`Review case ${d.caseNumber}`, `${ctx.portalUrl}/partial-match-cases/${d.caseNumber}`),
      ],
    }),
  }),
  'partial-match-outcome': defineTemplate({
    data: z.object({ caseNumber: z.string(), outcome: z.string(), nextStep: z.string() }),
    render: (d) => ({
      subject: `ELAR: case ${d.caseNumber} decided`,
      greeting: 'Hello,',
      blocks: [text(`Case ${d.caseNumber} was decided: ${d.outcome}`), { kind: 'facts', rows: [['Next step', d.nextStep]] }],
    }),
  }),
};
