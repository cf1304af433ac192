import { PRINCIPAL_HEADER, encodePrincipal } from '@elar/http';

/** Licensing calling identity's internal routes (@elar/internal-api), which answer `system` callers only. */
export const asLicensing = { headers: { [PRINCIPAL_HEADER]: encodePrincipal({ userId: 'licensing', role: 'system' }) } };
