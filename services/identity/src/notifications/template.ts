import { z } from 'zod';
import type { EmailContent } from '@elar/mail';
import type { CatalogNames } from './catalog-names';

/** What every template may use besides its data: catalog names and the portal's address. */
export interface TemplateContext {
  names: CatalogNames;
  /** The portal's base URL, for links (`${portalUrl}/applications/A-2026-000001`). */
  portalUrl: string;
}

/**
 * One email: the data it needs (checked with zod before anything is sent: a caller's mistake is a
 * 400, never a broken email) and its content, from which the text and HTML are both rendered.
 */
export interface EmailTemplate<S extends z.ZodType = z.ZodType> {
  data: S;
  render(data: z.infer<S>, ctx: TemplateContext): EmailContent;
}

export const defineTemplate = <S extends z.ZodType>(t: EmailTemplate<S>): EmailTemplate<S> => t;

/** Every template's data has the addressee's name (identity adds it from the profile). */
export const addressed = <T extends z.ZodRawShape>(shape: T) => z.object({ name: z.string().min(1), ...shape });

export const dear = (name: string) => `Dear ${name},`;
export const text = (s: string) => ({ kind: 'paragraph' as const, text: s });
export const link = (label: string, url: string) => ({ kind: 'action' as const, label, url });
