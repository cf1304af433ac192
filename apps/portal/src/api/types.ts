import type { paths } from './schema';

type JsonOf<R> = R extends { content: { 'application/json': infer T } } ? T : never;
type Success<Op> = Op extends { responses: infer R }
  ? JsonOf<R extends { 200: infer A } ? A : never> | JsonOf<R extends { 201: infer B } ? B : never> | JsonOf<R extends { 202: infer C } ? C : never>
  : never;

/** The JSON a successful call of `method path` returns, read from the generated OpenAPI types. */
export type Result<P extends keyof paths, M extends keyof paths[P]> = Success<paths[P][M]>;

export type ApplicationSummary = Result<'/applications', 'get'>['applications'][number];
export type ApplicationDetail = Result<'/applications/{applicationNumber}', 'get'>;
export type QueueEntry = Result<'/review/queue', 'get'>['queue'][number];
export type License = Result<'/licenses/mine', 'get'>['licenses'][number];
export type HardCopyOrder = Result<'/hard-copy-orders', 'get'>['orders'][number];
export type Renewal = Result<'/renewals', 'get'>['renewals'][number];
export type StaffMember = Result<'/organizations/{code}/staff', 'get'>['staff'][number];
export type PartialMatchCase = Result<'/partial-match-cases', 'get'>['cases'][number];
export type PublicLicense = Result<'/licenses/lookup', 'get'>['licenses'][number];
export type Draft = Result<'/profile-drafts/{token}', 'get'>;
export type ProfileOutcome = Result<'/profile-drafts/{token}/submit', 'post'>;

/** GET /catalog is documented without a schema (an administrator-edited file); this is its shape. */
export interface Catalog {
  fees: { application: { firstCents: number; additionalCents: number }; renewal: { firstCents: number; additionalCents: number } };
  licenseTypes: { id: string; name: string; requirements: string[]; renewable?: boolean }[];
  categories: { id: string; name: string }[];
  fields: { id: string; name: string; category: string; gradeLevels: string[] }[];
  endorsements: { id: string; name: string; requirements: string[] }[];
  requirements: { id: string; name: string }[];
  renewal: { licenseTypes: string[]; pdp: { primary: number; perAdditional: number; categories: { id: string; name: string; minimum: number }[] } };
}
