import { describe, expect, it } from '@jest/globals';
import { loadLicensingConfig } from './env';

const base = { DATABASE_URL: 'postgresql://u:p@db:5432/licensing', INTERNAL_TOKEN: 'x'.repeat(32) };

describe('licensing configuration for documents', () => {
  it('refuses to start in production without the S3 store, naming what is missing', () => {
    expect(() => loadLicensingConfig({ ...base, NODE_ENV: 'production' })).toThrow(/DOCUMENT_STORE: must be s3 in production/);
    let message = '';
    try {
      loadLicensingConfig({ ...base, NODE_ENV: 'production', DOCUMENT_STORE: 's3', DOCUMENT_S3_BUCKET: 'elar-documents' });
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toMatch(/DOCUMENT_S3_ACCESS_KEY_ID: is required when DOCUMENT_STORE=s3/);
    expect(message).toMatch(/DOCUMENT_S3_SECRET_ACCESS_KEY: is required when DOCUMENT_STORE=s3/);
  });

  it('keeps documents on the filesystem in development, with a 20 MiB limit per file', () => {
    expect(loadLicensingConfig(base)).toMatchObject({ DOCUMENT_STORE: 'filesystem', DOCUMENT_STORE_DIR: '.data/documents', DOCUMENT_MAX_BYTES: 20 * 1024 * 1024 });
    const s3 = { DOCUMENT_STORE: 's3', DOCUMENT_S3_BUCKET: 'b-1', DOCUMENT_S3_ACCESS_KEY_ID: 'k', DOCUMENT_S3_SECRET_ACCESS_KEY: 's' };
    expect(loadLicensingConfig({ ...base, NODE_ENV: 'test', ...s3 }).DOCUMENT_STORE).toBe('s3');
  });
});
