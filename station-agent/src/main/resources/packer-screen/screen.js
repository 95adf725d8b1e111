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
      // the parcel being packed: its number, box type, label and whether it waits for the scale
      $('parcel').hidden = !view.order.parcel;
      $('parcel').textContent = view.order.parcel ? view.order.parcel.words : '';
      $('parcel').classList.toggle('weighing', !!(view.order.parcel && view.order.parcel.weighing));
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
      $('parcel').hidden = true;
    }
    document.body.dataset.sequence = view.sequence;
    // how long the view took from show() to the page, for the latency figures
    document.body.dataset.latencyMs = Date.now() - view.sentAtMillis;
  }

  function connect() {
    const events = new EventSource('events');
    events.onopen = () => {
      $('link').hidden = true;
      loadSession().catch(() => {});
    };
    events.onmessage = (e) => render(JSON.parse(e.data));
    events.onerror = () => { $('link').hidden = false; };
  }

  // this start's token and whether this screen may type; asked again after each reconnect, since a
  // restarted station has a new token
  let session = { token: null, typing: true };

  function loadSession() {
    return fetch('api/session', { cache: 'no-store' }).then((r) => r.json()).then((body) => {
      session = body;
      const readOnly = !body.typing;
      input.disabled = readOnly;
      $('read-only').hidden = !readOnly;
      $('read-only-why').textContent = readOnly ? body.readOnly : '';
      $('secret-entry').hidden = !(readOnly && body.asksForSecret);
      return body;
    });
  }

  function post(path, payload) {
    const send = () => fetch(path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-PackCheck-Token': session.token },
      body: JSON.stringify(payload)
    });
    const ready = session.token ? Promise.resolve() : loadSession();
    return ready.then(send).then((r) => {
      if (r.status !== 403) {
        return r;
      }
      // the station restarted since this page asked for its token: ask again and send once more
      return r.clone().json().then((body) => String(body.error).startsWith('X-PackCheck-Token')
        ? loadSession().then(send) : r);
    });
  }

  // keyboard-wedge scanners type into whatever has focus: keep it on the field
  const input = $('code');
  document.addEventListener('click', (e) => {
    if (!$('read-only').contains(e.target)) {
      input.focus();
    }
  });
  input.addEventListener('blur', () => setTimeout(() => {
    if ($('read-only').hidden) {
      input.focus();
    }
  }, 0));

  $('entry').addEventListener('submit', (e) => {
    e.preventDefault();
    const code = input.value.trim();
    input.value = '';
    if (!code) {
      return;
    }
    post('api/codes', { code: code }).then((r) => r.json().then((body) => {
      $('entry-note').textContent = r.ok ? 'sent ' + body.accepted : body.error;
    })).catch(() => { $('entry-note').textContent = 'not sent: the station agent does not answer'; });
  });

  function enterSecret(secret) {
    return post('api/screen-secret', { secret: secret }).then((r) => r.json().then((body) => {
      $('secret-note').textContent = r.ok ? '' : body.error;
      return loadSession();
    })).catch(() => { $('secret-note').textContent = 'not sent: the station agent does not answer'; });
  }

  $('secret-entry').addEventListener('submit', (e) => {
    e.preventDefault();
    const field = $('secret');
    const secret = field.value;
    field.value = '';
    if (secret) {
      enterSecret(secret);
    }
  });

  // a kiosk on another computer may open http://station:P/#secret=...: entered once, then taken off the address
  const fragment = /^#secret=(.+)$/.exec(location.hash);
  if (fragment) {
    history.replaceState(null, '', location.pathname + location.search);
    loadSession().then(() => enterSecret(decodeURIComponent(fragment[1])));
  } else {
    loadSession().catch(() => {});
  }

  connect();
})();
