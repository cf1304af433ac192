import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import { call } from '../../api/call';
import { nameOf, useCatalog } from '../../api/catalog';
import type { HardCopyOrder, License } from '../../api/types';
import { Alert } from '../../components/Alert';
import { Checkbox, TextField } from '../../components/Field';
import { Page } from '../../components/Page';
import { PaymentForm } from '../../components/PaymentForm';
import { StatusTag } from '../../components/StatusTag';
import { Timeline } from '../../components/Timeline';
import { day, dollars } from '../../format';

const HARD_COPY_FEE_CENTS = 2500;

function OrderForm({ license, onOrdered }: { license: License; onOrdered: () => void }) {
  const [quantity, setQuantity] = useState(1);
  const [other, setOther] = useState(false);
  const [address, setAddress] = useState({ line1: '', city: '', state: 'MA', postalCode: '' });
  const [ordered, setOrdered] = useState(false);
  if (ordered) return <Alert kind="success">Order placed. Follow it under "Printed copies" below.</Alert>;
  const set = (k: keyof typeof address) => (e: FormEvent<HTMLInputElement>) => setAddress({ ...address, [k]: e.currentTarget.value });
  return (
    <div className="margin-top-2">
      <TextField label="Number of printed copies" type="number" min={1} max={10} value={quantity} onChange={(e) => setQuantity(Number(e.currentTarget.value))} />
      <Checkbox label="Mail to a different address than my profile's" checked={other} onChange={(e) => setOther(e.currentTarget.checked)} />
      {other && (
        <>
          <TextField label="Street address" value={address.line1} onChange={set('line1')} autoComplete="address-line1" />
          <TextField label="City" value={address.city} onChange={set('city')} autoComplete="address-level2" />
          <TextField label="State (two letters)" value={address.state} onChange={set('state')} autoComplete="address-level1" maxLength={2} />
          <TextField label="ZIP code" value={address.postalCode} onChange={set('postalCode')} autoComplete="postal-code" />
        </>
      )}
      <PaymentForm
        amountCents={HARD_COPY_FEE_CENTS * quantity}
        label="Order and pay"
        pay={(card, idempotencyKey) => call(api.POST('/hard-copy-orders', { body: { licenseNumber: license.licenseNumber, quantity, idempotencyKey, card, ...(other ? { address } : {}) } }))}
        onPaid={() => { setOrdered(true); onOrdered(); }}
      />
    </div>
  );
}

/** Issued licenses with the free certificate, hard-copy orders and their tracking. */
export function Licenses() {
  const catalog = useCatalog();
  const [licenses, setLicenses] = useState<License[]>();
  const [orders, setOrders] = useState<HardCopyOrder[]>([]);
  const [ordering, setOrdering] = useState<string>();
  const reload = useCallback(async () => {
    const [l, o] = await Promise.all([call(api.GET('/licenses/mine')), call(api.GET('/hard-copy-orders'))]);
    if (l.ok) setLicenses(l.data.licenses);
    if (o.ok) setOrders(o.data.orders);
  }, []);
  useEffect(() => void reload(), [reload]);
  return (
    <Page title="My licenses">
      {licenses === undefined && <p role="status">Loading…</p>}
      {licenses?.length === 0 && <p>No licenses yet. When an application is approved, the license appears here.</p>}
      {licenses?.map((l) => (
        <section key={l.licenseNumber} className="usa-summary-box margin-y-2" aria-labelledby={`lic-${l.licenseNumber}`}>
          <div className="usa-summary-box__body">
            <h2 className="usa-summary-box__heading" id={`lic-${l.licenseNumber}`}>
              {l.kind === 'license' ? `${nameOf(catalog?.licenseTypes, l.licenseType)} ${nameOf(catalog?.fields, l.field)} (${l.gradeLevel})` : `${nameOf(catalog?.endorsements, l.field)} endorsement`} <StatusTag status={l.status} />
            </h2>
            <div className="usa-summary-box__text">
              <p>License number {l.licenseNumber} · issued {day(l.issueDate)}{l.expiresAt ? ` · expires ${day(l.expiresAt)}` : ''} · {l.validity}</p>
              <p>
                <a className="usa-button usa-button--outline" href={`/api/v1/licenses/${l.licenseNumber}/certificate`} download>Download certificate (PDF)</a>
                <button className="usa-button" type="button" aria-expanded={ordering === l.licenseNumber} onClick={() => setOrdering(ordering === l.licenseNumber ? undefined : l.licenseNumber)}>
                  Order a printed copy ({dollars(HARD_COPY_FEE_CENTS)} each)
                </button>
              </p>
              {ordering === l.licenseNumber && <OrderForm license={l} onOrdered={reload} />}
            </div>
          </div>
        </section>
      ))}
      <h2>Printed copies</h2>
      {orders.length === 0 ? <p>No orders.</p> : (
        <table className="usa-table usa-table--stacked usa-table--borderless width-full">
          <caption className="usa-sr-only">Hard-copy orders</caption>
          <thead><tr><th scope="col">Order</th><th scope="col">License</th><th scope="col">Status</th><th scope="col">Tracking</th><th scope="col">History</th></tr></thead>
          <tbody>
            {orders.map((o) => (
              <tr key={o.orderNumber}>
                <th scope="row" data-label="Order">{o.orderNumber}</th>
                <td data-label="License">{o.licenseNumber} × {o.quantity}</td>
                <td data-label="Status"><StatusTag status={o.status} /></td>
                <td data-label="Tracking">{o.trackingNumber ?? 'Not mailed yet'}</td>
                <td data-label="History"><details><summary>Show</summary><Timeline events={o.timeline} /></details></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <button className="usa-button usa-button--unstyled" type="button" onClick={reload}>Refresh order status</button>
    </Page>
  );
}
