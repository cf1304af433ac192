import type { LicensingConfig } from '../../env';
import type { DocumentStore } from './document-store';
import { createFilesystemStore } from './filesystem-store';
import { createS3Store } from './s3-store';

/** The configured store (env.ts has already refused an incomplete S3 configuration). */
export function createDocumentStore(config: LicensingConfig): DocumentStore {
  if (config.DOCUMENT_STORE === 'filesystem') return createFilesystemStore(config.DOCUMENT_STORE_DIR);
  return createS3Store({
    bucket: config.DOCUMENT_S3_BUCKET!,
    region: config.DOCUMENT_S3_REGION,
    endpoint: config.DOCUMENT_S3_ENDPOINT,
    forcePathStyle: config.DOCUMENT_S3_FORCE_PATH_STYLE,
    accessKeyId: config.DOCUMENT_S3_ACCESS_KEY_ID!,
    secretAccessKey: config.DOCUMENT_S3_SECRET_ACCESS_KEY!,
  });
}
