import { sqlRows, statement } from '@elar/db';
import type { Db } from './client';

/** A timestamp column as the API writes it (`Date#toISOString()`), computed by PostgreSQL inside JSON. */
const iso = (column: string) => `to_char(${column}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const jsonList = (select: string) => `COALESCE((${select}), '[]'::json)`;

/**
 * The reads behind status pages, live streams and the evaluators' queue: one prepared SQL statement
 * each on the service's pool instead of Prisma calls (bench/README.md: Prisma's compiler and interpreter
 * cost several times the query). Column and key names are Prisma's, so the rows feed the views.
 */
export const HOT_SQL = {
  /** GET /applications/{n}: the application with its lists, internal notes ($2: staff) and queue place. */
  detail: statement('licensing.detail', `SELECT a.id, a."applicationNumber", a."profileId", a.mepid, a.status, a."assignedEvaluatorId",
      a."submittedAt", a."createdAt", a."updatedAt",
      ${jsonList(`SELECT json_agg(json_build_object('kind', i.kind, 'licenseType', i."licenseType", 'field', i.field, 'gradeLevel', i."gradeLevel") ORDER BY i.position)
        FROM "ApplicationItem" i WHERE i."applicationId" = a.id`)} AS items,
      ${jsonList(`SELECT json_agg(json_build_object('id', d.id, 'requirementId', d."requirementId", 'displayName', d."displayName",
          'contentType', d."contentType", 'sizeBytes', d."sizeBytes", 'sha256', d.sha256, 'scanStatus', d."scanStatus", 'scanDetail', d."scanDetail",
          'scannedAt', ${iso('d."scannedAt"')}, 'createdAt', ${iso('d."createdAt"')}) ORDER BY d."createdAt")
        FROM "Document" d WHERE d."applicationId" = a.id`)} AS documents,
      ${jsonList(`SELECT json_agg(json_build_object('status', p.status)) FROM "Payment" p WHERE p."applicationId" = a.id`)} AS payments,
      ${jsonList(`SELECT json_agg(json_build_object('at', ${iso('e.at')}, 'actor', e.actor, 'type', e.type, 'detail', e.detail) ORDER BY e.at)
        FROM "ApplicationEvent" e WHERE e."applicationId" = a.id`)} AS events,
      ${jsonList(`SELECT json_agg(json_build_object('sequence', c.sequence, 'letter', c.letter, 'missingRequirements', c."missingRequirements",
          'dueDate', ${iso('c."dueDate"')}, 'status', c.status, 'repliedAt', ${iso('c."repliedAt"')}) ORDER BY c.sequence)
        FROM "Correspondence" c WHERE c."applicationId" = a.id`)} AS correspondence,
      CASE WHEN $2 THEN ${jsonList(`SELECT json_agg(json_build_object('at', ${iso('n."createdAt"')}, 'evaluatorId', n."evaluatorId", 'text', n.text) ORDER BY n."createdAt")
        FROM "InternalNote" n WHERE n."applicationId" = a.id`)} ELSE '[]'::json END AS notes,
      CASE WHEN a.status = 'Ready for Review' AND a."submittedAt" IS NOT NULL THEN
        (SELECT count(*)::int FROM "Application" b WHERE b.status = 'Ready for Review' AND b."submittedAt" < a."submittedAt") END AS ahead,
      CASE WHEN a.status = 'Ready for Review' AND a."submittedAt" IS NOT NULL THEN
        (SELECT COALESCE(array_agg(r.ms ORDER BY r.ms), '{}') FROM (
          SELECT (extract(epoch FROM x."decidedAt" - x."submittedAt") * 1000)::float8 AS ms FROM "Application" x
          WHERE x."decidedAt" IS NOT NULL AND x."submittedAt" IS NOT NULL ORDER BY x."decidedAt" DESC LIMIT 50) r) END AS "recentReviewMs"
    FROM "Application" a WHERE a."applicationNumber" = $1`),
  /** A live stream's first event: who owns the application and its status now. */
  status: statement('licensing.status', `SELECT "profileId", status, "updatedAt" FROM "Application" WHERE "applicationNumber" = $1`),
  /**
   * GET /review/queue: submitted, undecided applications, oldest first, with the license type of the
   * first license item. $1 statuses, $2/$3 submitted at or before / after (UTC), $4 a license type.
   */
  queue: statement('licensing.queue', `SELECT a."applicationNumber", a.status, a."assignedEvaluatorId", a."submittedAt",
      (SELECT i."licenseType" FROM "ApplicationItem" i WHERE i."applicationId" = a.id AND i.kind = 'license' ORDER BY i.position LIMIT 1) AS "licenseType"
    FROM "Application" a
    WHERE a.status = ANY($1::text[]) AND a."submittedAt" IS NOT NULL
      AND ($2::timestamptz IS NULL OR a."submittedAt" <= ($2::timestamptz AT TIME ZONE 'UTC'))
      AND ($3::timestamptz IS NULL OR a."submittedAt" > ($3::timestamptz AT TIME ZONE 'UTC'))
      AND ($4::text IS NULL OR EXISTS (SELECT 1 FROM "ApplicationItem" j WHERE j."applicationId" = a.id AND j."licenseType" = $4))
    ORDER BY a."submittedAt" ASC LIMIT 200`),
} as const;

interface Item { kind: string; licenseType: string | null; field: string; gradeLevel: string | null }
export interface DetailRow {
  id: string;
  applicationNumber: string;
  profileId: string;
  mepid: string;
  status: string;
  assignedEvaluatorId: string | null;
  submittedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  items: Item[];
  documents: {
    id: string; requirementId: string; displayName: string; contentType: string; sizeBytes: number; sha256: string;
    scanStatus: string; scanDetail: string | null; scannedAt: string | null; createdAt: string;
  }[];
  payments: { status: string }[];
  events: { at: string; actor: string; type: string; detail: unknown }[];
  correspondence: { sequence: number; letter: string; missingRequirements: string[]; dueDate: string; status: string; repliedAt: string | null }[];
  notes: { at: string; evaluatorId: string; text: string }[];
  /** Ready for Review only: applications submitted earlier, and the last 50 review times (ms, ascending). */
  ahead: number | null;
  recentReviewMs: number[] | null;
}
export interface QueueRow { applicationNumber: string; status: string; assignedEvaluatorId: string | null; submittedAt: Date; licenseType: string | null }

export const readDetail = async (db: Db, applicationNumber: string, withNotes: boolean) =>
  (await sqlRows<DetailRow>(db.sql, HOT_SQL.detail, [applicationNumber, withNotes]))[0];

export const readStatus = async (db: Db, applicationNumber: string) =>
  (await sqlRows<{ profileId: string; status: string; updatedAt: Date }>(db.sql, HOT_SQL.status, [applicationNumber]))[0];

export const readQueue = (db: Db, f: { statuses: string[]; submittedAtMost?: Date; submittedAfter?: Date; licenseType?: string }) =>
  sqlRows<QueueRow>(db.sql, HOT_SQL.queue, [f.statuses, f.submittedAtMost?.toISOString() ?? null, f.submittedAfter?.toISOString() ?? null, f.licenseType ?? null]);
