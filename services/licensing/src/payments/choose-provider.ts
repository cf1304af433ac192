import type { LicensingConfig } from '../env';
import { createOfflinePaymentProvider } from './offline-provider';
import type { PaymentProvider } from './provider';

/** The card processor PAYMENT_PROVIDER names (env.ts refuses the offline stand-in in production). */
export function choosePaymentProvider(config: Pick<LicensingConfig, 'PAYMENT_PROVIDER'>): PaymentProvider {
  switch (config.PAYMENT_PROVIDER) {
    case 'offline':
      return createOfflinePaymentProvider();
  }
}
