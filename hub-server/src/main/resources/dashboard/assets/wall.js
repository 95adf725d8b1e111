'use strict';
// The wall screen: today's mismatch picture, station health and orders at risk, live.
(() => {
  const P = PackCheck;
  const range = '';  // the API's default: the last 24 hours
  const links = {
    'csv-station': '/api/v1/reports/mismatch-rate?by=station', 'csv-packer': '/api/v1/reports/mismatch-rate?by=packer',
    'csv-sku': '/api/v1/reports/mismatch-rate?by=sku', 'csv-hour': '/api/v1/reports/mismatch-rate?by=hour',
    'csv-kinds': '/api/v1/reports/mismatch-kinds', 'csv-pairs': '/api/v1/reports/confused-pairs',
    'csv-stations': '/api/v1/reports/stations', 'csv-risk': '/api/v1/reports/at-risk',
    'csv-weights': '/api/v1/reports/weights'
  };
  for (const [id, path] of Object.entries(links)) document.getElementById(id).href = P.csvLink(path + range);
  // the weights report has no time range: it is the learned weights as they stand
  document.getElementById('csv-weights').href = P.csvLink('/api/v1/reports/weights');

  const rateChart = (canvas, rows, label, top) => {
    const picked = rows.slice(0, top);
    P.chart(canvas, 'bar', picked.map(label),
      [{ label: 'mismatch rate', data: picked.map(r => +(r.mismatchRate * 100).toFixed(2)), backgroundColor: '#ff4d4d' }],
      { scales: P.ratePercentAxis() });
  };

  P.start('wall');
  P.onRefresh(async () => {
    const [hour, station, packer, sku, kinds, pairs] = await Promise.all([
      P.api('/api/v1/reports/mismatch-rate?by=hour'), P.api('/api/v1/reports/mismatch-rate?by=station'),
      P.api('/api/v1/reports/mismatch-rate?by=packer'), P.api('/api/v1/reports/mismatch-rate?by=sku&limit=10'),
      P.api('/api/v1/reports/mismatch-kinds'), P.api('/api/v1/reports/confused-pairs?limit=10')]);
    document.getElementById('kpi-scans').textContent = hour.total.scans;
    document.getElementById('kpi-mismatches').textContent = hour.total.mismatches;
    document.getElementById('kpi-rate').textContent = P.percent(hour.total.mismatchRate);
    document.getElementById('kpi-completed').textContent = hour.total.completed;
    // a short day (a demo, a shift's first hours) is a dot or two by the hour: show it by five minutes instead
    const fine = hour.rows.length < 3;
    const series = fine ? (await P.api('/api/v1/reports/mismatch-rate?by=fiveMinutes&days=1')).rows : hour.rows;
    const when = r => new Date(fine ? r.fiveMinutes : r.hour);
    const clock = d => d.getHours() + ':' + String(d.getMinutes()).padStart(2, '0');
    document.getElementById('hour-title').textContent = 'Scans and mismatches by ' + (fine ? '5 minutes' : 'hour');
    document.getElementById('csv-hour').href = P.csvLink('/api/v1/reports/mismatch-rate?by=' + (fine ? 'fiveMinutes&days=1' : 'hour'));
    P.chart('chart-hour', 'line', series.map(r => clock(when(r))), [
      { label: 'scans', data: series.map(r => r.scans), borderColor: '#4db8ff', yAxisID: 'y' },
      { label: 'mismatches', data: series.map(r => r.mismatches), borderColor: '#ff4d4d', yAxisID: 'y1' }],
      { scales: { y: { beginAtZero: true, position: 'left' }, y1: { beginAtZero: true, position: 'right', grid: { drawOnChartArea: false } } } });
    rateChart('chart-station', station.rows, r => r.station, 20);
    rateChart('chart-packer', packer.rows, r => P.packer(r.packer, r.packerName), 20);
    rateChart('chart-sku', sku.rows, r => r.sku, 10);
    P.chart('chart-kinds', 'bar', kinds.rows.map(r => r.kind),
      [{ label: 'mismatches', data: kinds.rows.map(r => r.count), backgroundColor: '#ffc400' }], { indexAxis: 'y' });
    P.table('pairs', [{ key: 'expectedSku', label: 'Expected' }, { key: 'scannedSku', label: 'Scanned instead' },
      { key: 'count', label: 'Times', num: true }, { key: 'onlyOpenLine', label: 'Only line open', num: true }], pairs.rows);
  });
  P.onRefresh(async () => {
    const stations = await P.api('/api/v1/reports/stations');
    document.getElementById('kpi-alerts').textContent = stations.alerting;
    P.table('stations', [
      { key: 'station', label: 'Station', code: true }, { key: 'online', label: 'State', format: v => v ? 'online' : 'SILENT' },
      { key: 'lastSeen', label: 'Last seen', format: P.localTime }, { key: 'eventsWaiting', label: 'Waiting', num: true },
      { key: 'scannerState', label: 'Scanner' }, { key: 'cacheAgeSeconds', label: 'Cache age s', num: true },
      { key: 'scans', label: 'Scans 1h', num: true }, { key: 'mismatchRate', label: 'Mismatch', num: true, format: P.percent },
      { key: 'alerts', label: 'Alerts' }], stations.rows, r => r.alerts ? 'alert' : 'ok');
    const claims = await P.api('/api/v1/reports/claims');
    P.table('claim-conflicts', [{ key: 'at', label: 'When', format: P.localTime }, { key: 'orderId', label: 'Order' },
      { key: 'claimedBy', label: 'Claimed by' }, { key: 'otherStation', label: 'Also packed at' },
      { key: 'reason', label: 'Why' }], claims.conflicts, () => 'alert', 'No order was packed at two stations.');
    const weights = await P.api('/api/v1/reports/weights?disagreeing=true');
    P.table('weights', [{ key: 'sku', label: 'SKU' },
      { key: 'catalogueGrams', label: 'Catalogue g', num: true }, { key: 'learnedGrams', label: 'Learned g', num: true },
      { key: 'parcels', label: 'Parcels', num: true }], weights.rows, () => 'alert',
      'No catalogue weight disagrees with what the scales learned.');
    const risk = await P.api('/api/v1/reports/at-risk');
    const pace = risk.ordersPerHour;
    document.getElementById('pace').textContent = (pace < 10 ? pace.toFixed(1) : Math.round(pace)) + ' orders/h now';
    P.table('risk', [{ key: 'orderId', label: 'Order', code: true }, { key: 'status', label: 'Status' },
      { key: 'shipBy', label: 'Ship by', format: P.localTime }, { key: 'minutesLeft', label: 'Min left', num: true },
      { key: 'queuePosition', label: 'Queue', num: true }, { key: 'why', label: 'Why' }], risk.rows, () => 'alert',
      risk.openOrders === 0 ? 'No open orders ship in the next ' + risk.hours + ' h.'
        : 'None at risk: ' + risk.openOrders + ' open ' + (risk.openOrders === 1 ? 'order ships' : 'orders ship')
          + ' in the next ' + risk.hours + ' h, all on pace.');
  });
})();
