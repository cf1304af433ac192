import type { Express } from 'express';
import { hardCopyOrderParams, hardCopyOrderRequest, licenseNumberParams, resendRequest, vendorEvent } from '@elar/api';
import { parse, rawBodyOf, readPrincipal } from '@elar/http';
import type { LicensingDeps } from '../deps';
import { renderCertificate } from '../hard-copy/certificate';
import { cancelOrder, forwardVendorEvent, resendOrder } from '../hard-copy/order-updates';
import { includeOrder, orderFor, toOrderView } from '../hard-copy/order-view';
import { ownedLicense, placeOrder } from '../hard-copy/place-order';
import { ensureVerificationCode } from '../hard-copy/verification-code';
import { VENDOR_SIGNATURE_HEADER, VENDOR_TIMESTAMP_HEADER, verifyVendorSignature } from '../hard-copy/vendor-signature';
import { toCertificateContent } from '../licenses/license-views';
import { streamStatus } from './status-stream';

export function mountHardCopyRoutes(app: Express, deps: LicensingDeps): void {
  app.get('/licenses/:licenseNumber/certificate', async (req, res) => {
    const principal = readPrincipal(req, ['educator']);
    const license = await ownedLicense(deps, principal, parse(licenseNumberParams, req.params).licenseNumber);
    const code = await ensureVerificationCode(deps.db, license);
    const pdf = await renderCertificate(toCertificateContent(deps.catalog, license, code, 'UNOFFICIAL COPY - not valid as a license'));
    res.status(200).type('application/pdf').setHeader('content-disposition', `attachment; filename="license-${license.licenseNumber}.pdf"`).end(pdf);
  });

  app.post('/hard-copy-orders', async (req, res) => {
    const principal = readPrincipal(req, ['educator']);
    const result = await placeOrder(deps, principal, parse(hardCopyOrderRequest, req.body));
    res.status(result.created ? 201 : 200).json(toOrderView(result.order));
  });

  app.get('/hard-copy-orders', async (req, res) => {
    const principal = readPrincipal(req, ['educator']);
    const rows = await deps.db.hardCopyOrder.findMany({ where: { profileId: principal.userId }, include: includeOrder, orderBy: { createdAt: 'desc' } });
    res.json({ orders: rows.map(toOrderView) });
  });

  app.get('/hard-copy-orders/:orderNumber', async (req, res) => {
    const principal = readPrincipal(req, ['educator']);
    res.json(toOrderView(await orderFor(deps.db, principal, parse(hardCopyOrderParams, req.params).orderNumber)));
  });

  app.get('/hard-copy-orders/:orderNumber/events', async (req, res) => {
    const principal = readPrincipal(req, ['educator']);
    const order = await orderFor(deps.db, principal, parse(hardCopyOrderParams, req.params).orderNumber);
    streamStatus(deps, req, res, { number: order.orderNumber, status: order.status, at: order.updatedAt });
  });

  app.post('/hard-copy-orders/:orderNumber/cancel', async (req, res) => {
    const principal = readPrincipal(req, ['educator']);
    res.status(202).json(toOrderView(await cancelOrder(deps, principal, parse(hardCopyOrderParams, req.params).orderNumber)));
  });

  app.post('/hard-copy-orders/:orderNumber/resend', async (req, res) => {
    const principal = readPrincipal(req, ['educator']);
    const { orderNumber } = parse(hardCopyOrderParams, req.params);
    res.status(202).json(toOrderView(await resendOrder(deps, principal, orderNumber, parse(resendRequest, req.body ?? {}))));
  });

  app.post('/print-vendor/events', async (req, res) => {
    verifyVendorSignature(
      deps.config.PRINT_VENDOR_WEBHOOK_SECRET,
      { timestamp: req.header(VENDOR_TIMESTAMP_HEADER), signature: req.header(VENDOR_SIGNATURE_HEADER) },
      rawBodyOf(req),
    );
    res.status(202).json(await forwardVendorEvent(deps, parse(vendorEvent, req.body)));
  });
}
