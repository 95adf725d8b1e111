'use strict';
(() => {
  const P = PackCheck;
  P.start('orders');
  let current = new URLSearchParams(location.search).get('order');
  const showTrail = async () => {
    if (!current) return;
    const path = '/api/v1/reports/orders/' + encodeURIComponent(current) + '/trail';
    const link = document.getElementById('csv-trail');
    link.href = P.csvLink(path);
    link.hidden = false;
    try {
      const trail = await P.api(path);
      document.getElementById('order-status').textContent = 'Order ' + trail.orderId + ': ' + (trail.status || 'not in the hub') +
        ', ' + trail.rows.length + ' events';
      P.table('trail', [{ key: 'at', label: 'At', format: P.localTime }, { key: 'station', label: 'Station' },
        { key: 'packer', label: 'Packer', format: (v, r) => P.packer(v, r.packerName) }, { key: 'kind', label: 'Event' }, { key: 'verdict', label: 'Verdict' },
        { key: 'sku', label: 'SKU' }, { key: 'expectedSku', label: 'Expected' }, { key: 'quantity', label: 'Qty', num: true },
        // a parcel's closing reads as its facts: "parcel 2 closed: 1Z..., 880 g, expected 875 +/- 44"
        { key: 'reason', label: 'Detail', format: (v, r) => r.kind === 'PARCEL_CLOSED' && r.parcelDetail ? r.parcelDetail : v }],
        trail.rows,
        r => r.mismatch ? 'alert' : '');
      await showClaim();
    } catch (e) {
      document.getElementById('order-status').textContent = e.message;
      document.getElementById('trail').textContent = '';
    }
  };
  // the station packing the order now, with a button to let another station take it over
  const showClaim = async () => {
    const claims = await P.api('/api/v1/reports/claims?orderId=' + encodeURIComponent(current));
    const claim = claims.claims[0];
    document.getElementById('order-claim').hidden = !claim;
    if (claim) {
      document.getElementById('claim-text').textContent = 'Being packed at ' + claim.stationId + ' since ' +
        P.localTime(claim.since) + '.';
    }
  };
  document.getElementById('release-claim').addEventListener('click', async () => {
    const r = await fetch('/api/v1/dashboard/orders/' + encodeURIComponent(current) + '/release-claim',
      { method: 'POST', credentials: 'same-origin' });
    const body = await r.json();
    document.getElementById('claim-note').textContent = !r.ok ? body.error.message : body.released
      ? 'Claim of ' + body.claim.stationId + ' released: another station may open the order.' : 'No claim held.';
    showClaim();
  });
  document.getElementById('lookup').addEventListener('submit', ev => {
    ev.preventDefault();
    current = document.getElementById('order-id').value.trim();
    history.replaceState(null, '', '?order=' + encodeURIComponent(current));
    showTrail();
  });
  if (current) document.getElementById('order-id').value = current;
  P.onRefresh(showTrail);
  const week = () => '?days=7';  // by the hub's clock, not this screen's
  document.getElementById('csv-overrides').href = P.csvLink('/api/v1/reports/overrides' + week());
  P.onRefresh(async () => {
    const log = await P.api('/api/v1/reports/overrides' + week());
    P.table('overrides', [{ key: 'at', label: 'When', format: P.localTime }, { key: 'supervisor', label: 'Who' },
      { key: 'station', label: 'Station' }, { key: 'packer', label: 'Packer', format: (v, r) => P.packer(v, r.packerName) },
      { key: 'orderId', label: 'Order' },
      { key: 'reasonCode', label: 'Code' }, { key: 'reason', label: 'Reason' }], log.rows);
  });
})();
