import type { Express } from 'express';
import { applicationParams, assignRequest, documentParams, noteRequest } from '@elar/api';
import { parse, readPrincipal } from '@elar/http';
import type { LicensingDeps } from '../deps';
import { sendDocument } from '../documents/download-document';
import { addInternalNote, assignApplication, withdrawApplication } from '../review/staff-actions';

/** Internal notes, assignment, withdrawal and document download. */
export function mountStaffRoutes(app: Express, deps: LicensingDeps): void {
  app.post('/applications/:applicationNumber/notes', async (req, res) => {
    const principal = readPrincipal(req, ['evaluator']);
    const { applicationNumber } = parse(applicationParams, req.params);
    res.status(201).json(await addInternalNote(deps, principal, applicationNumber, parse(noteRequest, req.body).note));
  });

  app.post('/applications/:applicationNumber/assign', async (req, res) => {
    const principal = readPrincipal(req, ['evaluator', 'customer-service']);
    const { applicationNumber } = parse(applicationParams, req.params);
    res.json(await assignApplication(deps, principal, applicationNumber, parse(assignRequest, req.body).evaluatorId));
  });

  app.post('/applications/:applicationNumber/withdraw', async (req, res) => {
    const principal = readPrincipal(req, ['educator']);
    const { applicationNumber } = parse(applicationParams, req.params);
    res.json(await withdrawApplication(deps, principal, applicationNumber));
  });

  app.get('/applications/:applicationNumber/documents/:documentId', async (req, res) => {
    const principal = readPrincipal(req, ['educator', 'evaluator', 'customer-service']);
    const { applicationNumber, documentId } = parse(documentParams, req.params);
    await sendDocument(deps, principal, applicationNumber, documentId, res);
  });
}
