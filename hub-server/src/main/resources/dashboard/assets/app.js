// PackCheck dashboard: fetches /api/v1/reports/..., draws tables and Chart.js charts, refreshes on SSE pushes.
'use strict';

const PackCheck = (() => {
  const charts = {};          // by canvas id; tests read chart data from here
  const refreshers = [];

  async function api(path) {
    const response = await fetch(path, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    if (response.status === 401) { location.href = '/login'; throw new Error('signed out'); }
    const body = await response.json();
    if (!response.ok) throw new Error(body.error ? body.error.field + ': ' + body.error.message : response.status);
    return body;
  }

  function csvLink(path) {
    return path + (path.includes('?') ? '&' : '?') + 'format=csv';
  }

  function percent(x) { return (x * 100).toFixed(1) + '%'; }

  function localTime(iso) {
    if (!iso) return '';
    const d = new Date(iso);
    return d.toLocaleString([], { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit' });
  }

  // A packer as people know them: the badge's name with its code beside it, or the bare code.
  function packer(code, name) {
    if (!code) return '';
    return name ? name + ' (' + code + ')' : code;
  }

  // columns: [{key, label, num?, code? (never wrapped), format?}]; empty: what an empty table says instead
  function table(elementId, columns, rows, rowClass, empty) {
    const root = document.getElementById(elementId);
    root.textContent = '';
    if (!rows.length) {
      const p = document.createElement('p');
      p.className = 'empty';
      p.textContent = empty || 'Nothing in this range.';
      root.appendChild(p);
      return;
    }
    const t = document.createElement('table');
    const head = t.createTHead().insertRow();
    for (const c of columns) {
      const th = document.createElement('th');
      th.textContent = c.label;
      head.appendChild(th);
    }
    const body = t.createTBody();
    for (const r of rows) {
      const tr = body.insertRow();
      if (rowClass) tr.className = rowClass(r);
      for (const c of columns) {
        const td = tr.insertCell();
        const v = r[c.key];
        td.textContent = c.format ? c.format(v, r) : (v === null || v === undefined ? '' : String(v));
        if (c.num) td.className = 'num';
        if (c.code) td.className = 'code';
      }
    }
    root.appendChild(t);
  }

  function chart(canvasId, type, labels, datasets, options) {
    const existing = charts[canvasId];
    if (existing) {
      existing.data.labels = labels;
      existing.data.datasets.forEach((d, i) => { d.data = datasets[i].data; });
      existing.update('none');
      return existing;
    }
    Chart.defaults.color = '#fff';
    Chart.defaults.font.size = 16;
    Chart.defaults.borderColor = '#444';
    const created = new Chart(document.getElementById(canvasId), {
      type, data: { labels, datasets },
      options: Object.assign({ animation: false, responsive: true, maintainAspectRatio: false,
        plugins: { legend: { display: datasets.length > 1 } } }, options || {})
    });
    charts[canvasId] = created;
    return created;
  }

  function ratePercentAxis() {
    return { y: { beginAtZero: true, ticks: { callback: v => v + '%' } } };
  }

  async function whoAmI() {
    const me = await api('/api/v1/session');
    document.getElementById('who').textContent = me.user + ' (' + me.role + ')';
    if (me.role === 'admin') document.getElementById('admin-link').hidden = false;
    return me;
  }

  function live() {
    const badge = document.getElementById('live');
    let source;
    let timer;
    const refreshAll = () => refreshers.forEach(f => f().catch(e => console.error(e)));
    const connect = () => {
      source = new EventSource('/dashboard/events');
      source.onopen = () => { badge.textContent = '● live'; badge.className = 'on'; };
      source.onerror = () => { badge.textContent = '● reconnecting'; badge.className = 'off'; };
      source.addEventListener('changed', () => { clearTimeout(timer); timer = setTimeout(refreshAll, 50); });
      source.addEventListener('tick', refreshAll);
    };
    connect();
  }

  function onRefresh(f) { refreshers.push(f); return f(); }

  function start(page) {
    document.querySelectorAll('nav a').forEach(a => { if (a.dataset.page === page) a.className = 'here'; });
    whoAmI().catch(e => console.error(e));
    live();
  }

  return { api, csvLink, percent, localTime, packer, table, chart, ratePercentAxis, onRefresh, start, charts };
})();
