'use strict';
(() => {
  const P = PackCheck;
  P.start('weekly');
  const picker = document.getElementById('week');
  // No week chosen: the hub's current week, by the hub's clock, which also moves on when the week does.
  let chosen = new URLSearchParams(location.search).get('week');
  if (chosen) picker.value = chosen;
  const load = async () => {
    const path = '/api/v1/reports/weekly' + (chosen ? '?week=' + encodeURIComponent(chosen) : '');
    for (const t of ['causes', 'skus', 'packers']) document.getElementById('csv-' + t).href = P.csvLink(path + (chosen ? '&' : '?') + 'table=' + t);
    const w = await P.api(path);
    if (!chosen) picker.value = w.weekStart.slice(0, 10);
    document.getElementById('w-scans').textContent = w.total.scans;
    document.getElementById('w-rate').textContent = P.percent(w.total.mismatchRate);
    // a rate of nothing is not 0.0%: say there is nothing to compare with
    document.getElementById('w-prev').textContent = w.previousTotal.scans ? P.percent(w.previousTotal.mismatchRate) : 'no data';
    P.chart('chart-causes', 'bar', w.causes.map(c => c.kind), [
      { label: 'this week', data: w.causes.map(c => c.count), backgroundColor: '#ff4d4d' },
      { label: 'previous week', data: w.causes.map(c => c.previousWeek), backgroundColor: '#888' }]);
    P.table('causes', [{ key: 'kind', label: 'Cause' }, { key: 'count', label: 'This week', num: true },
      { key: 'previousWeek', label: 'Previous', num: true },
      { key: 'change', label: 'Trend', num: true, format: v => (v > 0 ? '▲ +' : v < 0 ? '▼ ' : '') + v }], w.causes);
    P.table('skus', [{ key: 'sku', label: 'SKU' }, { key: 'mismatches', label: 'Mismatches', num: true },
      { key: 'scans', label: 'Scans', num: true }, { key: 'mismatchRate', label: 'Rate', num: true, format: P.percent }], w.skus);
    P.chart('chart-packers', 'bar', w.packers.map(p => P.packer(p.packer, p.packerName)),
      [{ label: 'accuracy', data: w.packers.map(p => +(p.accuracy * 100).toFixed(2)), backgroundColor: '#3ddc84' }],
      { scales: { y: { min: 0, max: 100, ticks: { callback: v => v + '%' } } } });
    P.table('packers', [{ key: 'packer', label: 'Packer', format: (v, r) => P.packer(v, r.packerName) }, { key: 'accuracy', label: 'Accuracy', num: true, format: P.percent },
      { key: 'scans', label: 'Scans', num: true }, { key: 'mismatches', label: 'Mismatches', num: true },
      { key: 'ordersCompleted', label: 'Orders', num: true }], w.packers);
  };
  document.getElementById('pick-week').addEventListener('submit', ev => {
    ev.preventDefault();
    chosen = picker.value || null;
    history.replaceState(null, '', chosen ? '?week=' + chosen : location.pathname);
    load();
  });
  P.onRefresh(load);
})();
