'use strict';
// Renders each view the station agent pushes; every text goes in through textContent.
(function () {
  const $ = (id) => document.getElementById(id);

  function render(view) {
    $('station').textContent = 'Station ' + view.stationId;
    $('packer').textContent = view.packer ? 'Packer: ' + view.packer : 'No packer logged in';
    $('hub').textContent = view.hub;
    $('hub').className = 'chip hub-' + view.hubState;
    $('cache-age').textContent = view.cacheAge === null ? 'orders: never synced' : 'orders synced ' + view.cacheAge + ' ago';
    $('events-waiting').textContent = view.eventsWaiting + (view.eventsWaiting === 1 ? ' event' : ' events') + ' waiting to be sent';
    $('events-waiting').className = 'chip' + (view.eventsWaiting > 100 ? ' backlog' : '');

    const notices = $('notices');
    notices.replaceChildren();
    for (const text of view.notices || []) {
      const line = document.createElement('div');
      line.className = 'notice';
      line.textContent = '! ' + text;
      notices.append(line);
    }
    notices.hidden = notices.childElementCount === 0;

    const verdict = view.verdict;
    const panel = $('verdict');
    if (verdict) {
      panel.className = 'tone-' + verdict.tone;
      panel.dataset.verdict = verdict.code;
      $('verdict-symbol').textContent = verdict.symbol;
      $('verdict-words').textContent = verdict.headline;
      $('verdict-reason').textContent = verdict.reason;
    } else {
      panel.className = 'tone-none';
      panel.dataset.verdict = '';
      $('verdict-symbol').textContent = '';
      $('verdict-words').textContent = 'Ready';
      $('verdict-reason').textContent = view.order ? 'Scan the items.' : 'Scan an order, pack slip or tote to start.';
    }

    $('lock').hidden = !view.lock;
    $('lock-how').textContent = view.lock || '';

    const body = document.querySelector('#lines tbody');
    body.replaceChildren();
    if (view.order) {
      $('order-id').textContent = 'Order ' + view.order.id;
      for (const line of view.order.lines) {
        const row = document.createElement('tr');
        row.className = line.state;
        row.dataset.sku = line.sku;
        const item = document.createElement('td');
        item.textContent = line.name === line.sku ? line.sku : line.name + ' (' + line.sku + ')';
        const count = document.createElement('td');
        count.className = 'count';
        count.textContent = line.scanned + ' / ' + line.expected;
        const state = document.createElement('td');
        state.className = 'state';
        state.textContent = line.state === 'done' ? '\u2714 done' : line.state === 'over' ? '\u2716 too many'
          : line.state === 'waiting' ? '! waiting' : '';
        row.append(item, count, state);
        if (line.waitingFor) {
          // the unit in the box that is not counted yet, and what to scan for it, under its line
          const waiting = document.createElement('div');
          waiting.className = 'waiting-for';
          waiting.textContent = '! ' + line.waitingFor;
          item.append(waiting);
        }
        body.append(row);
      }
    } else {
      $('order-id').textContent = 'No order open';
    }
    document.body.dataset.sequence = view.sequence;
    // how long the view took from show() to the page, for the latency figures
    document.body.dataset.latencyMs = Date.now() - view.sentAtMillis;
  }

  function connect() {
    const events = new EventSource('events');
    events.onopen = () => { $('link').hidden = true; };
    events.onmessage = (e) => render(JSON.parse(e.data));
    events.onerror = () => { $('link').hidden = false; };
  }

  // keyboard-wedge scanners type into whatever has focus: keep it on the field
  const input = $('code');
  document.addEventListener('click', () => input.focus());
  input.addEventListener('blur', () => setTimeout(() => input.focus(), 0));

  $('entry').addEventListener('submit', (e) => {
    e.preventDefault();
    const code = input.value.trim();
    input.value = '';
    if (!code) {
      return;
    }
    fetch('api/codes', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ code: code })
    }).then((r) => r.json().then((body) => {
      $('entry-note').textContent = r.ok ? 'sent ' + body.accepted : body.error;
    })).catch(() => { $('entry-note').textContent = 'not sent: the station agent does not answer'; });
  });

  connect();
})();
