// The archive-sync dashboard: renders each view the processor pushes on /events (Server-Sent Events).
(function () {
  'use strict';
  const GOOD = ['COPIED', 'SKIPPED_CURRENT', 'DELETED'];
  const WARN = ['COPIED_UNVERIFIED'];
  let currency = 'USD';

  const $ = (id) => document.getElementById(id);
  const int = (n) => Number(n || 0).toLocaleString('en-US');
  const pct = (x) => (100 * Number(x || 0)).toFixed(1) + ' %';
  const money = (x) => Number(x || 0).toLocaleString('en-US', { maximumFractionDigits: 6 }) + ' ' + currency;
  function bytes(n) {
    n = Number(n || 0);
    const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
    let i = 0;
    while (Math.abs(n) >= 1024 && i < units.length - 1) { n /= 1024; i++; }
    return (i === 0 ? n.toFixed(0) : n.toFixed(1)) + ' ' + units[i];
  }
  function cell(text, cls) {
    const td = document.createElement('td');
    td.textContent = text == null ? '' : String(text);
    if (cls) td.className = cls;
    return td;
  }
  function rows(tableId, items, toCells) {
    const body = $(tableId).tBodies[0];
    body.replaceChildren(...items.map((item) => {
      const tr = document.createElement('tr');
      tr.append(...toCells(item));
      return tr;
    }));
  }
  function tiles(containerId, counts, prefix, classOf) {
    const box = $(containerId);
    box.replaceChildren(...Object.entries(counts).map(([name, n]) => {
      const div = document.createElement('div');
      div.className = 'tile ' + classOf(name, n);
      const num = document.createElement('span');
      num.className = 'n';
      num.id = prefix + name;
      num.textContent = int(n);
      const label = document.createElement('span');
      label.className = 'l';
      label.textContent = name;
      div.append(num, label);
      return div;
    }));
  }
  function figures(e, adaptiveLimit) {
    const list = [
      ['success rate', pct(e.successRate), 'success-rate'],
      ['requests saved', int(e.requestsSaved) + ' of ' + int(e.baselineRequests) + ' (' + pct(e.efficiencyImprovement) + ')', 'requests-saved'],
      ['storage requests issued', int(e.storageRequests), 'storage-requests'],
      ['bytes not through the copier', bytes(e.bytesNotThroughCopier) + ' of ' + bytes(e.bytes), 'bytes-not-through-copier'],
      ['network transfer reduction', bytes(e.transferBytesSaved) + ' (' + pct(e.networkTransferReduction) + ')', 'transfer-reduction'],
      ['estimated cost saved', money(e.estimatedCostSaved), 'cost-saved'],
      ['fallbacks to streaming', int(e.fallbacks), 'fallbacks'],
      ['adaptive limit', adaptiveLimit == null ? 'n/a' : int(adaptiveLimit), 'adaptive-limit'],
    ];
    $('efficiency').replaceChildren(...list.flatMap(([label, value, id]) => {
      const dt = document.createElement('dt');
      dt.textContent = label;
      const dd = document.createElement('dd');
      dd.id = id;
      dd.textContent = value;
      return [dt, dd];
    }));
  }
  function breakdown(tableId, groups) {
    rows(tableId, groups, (g) => [cell(g.name), cell(int(g.objects)), cell(bytes(g.bytes)),
      cell(pct(g.successRate)), cell(int(g.requestsSaved)), cell(money(g.estimatedCostSaved))]);
  }

  function render(v) {
    currency = v.currency || currency;
    $('since').textContent = new Date(v.since).toLocaleString();
    $('rate-seconds').textContent = v.rateSeconds;
    tiles('outcomes', v.outcomes, 'outcome-', (name, n) => (n === 0 ? '' : GOOD.includes(name) ? 'good'
      : WARN.includes(name) ? 'warn' : 'bad'));
    rows('rates', v.rates, (r) => [cell(r.method), cell(r.objectsPerSecond.toFixed(1)), cell(bytes(r.bytesPerSecond) + '/s')]);
    figures(v.efficiency, v.adaptiveLimit);
    breakdown('by-market', v.byMarket);
    breakdown('by-data-type', v.byDataType);
    rows('failures', v.failures, (f) => [cell(new Date(f.at).toLocaleTimeString()), cell(f.outcome),
      cell(f.destination), cell((f.errorClass ? f.errorClass + ': ' : '') + (f.reason || ''), 'reason')]);
    $('dead-letter-total').textContent = int(v.deadLetters.total);
    tiles('dead-letter-kinds', v.deadLetters.byKind, 'dead-letters-', () => 'bad');
    rows('dead-letters', v.deadLetters.latest, (d) => [cell(new Date(d.at).toLocaleTimeString()), cell(d.kind),
      cell(d.reason, 'reason')]);
  }

  const status = $('status');
  const events = new EventSource('/events');
  events.onopen = () => { status.dataset.state = 'live'; status.textContent = 'live'; };
  events.onerror = () => { status.dataset.state = 'lost'; status.textContent = 'reconnecting…'; };
  events.onmessage = (m) => {
    status.dataset.state = 'live';
    status.textContent = 'live';
    render(JSON.parse(m.data));
  };
}());
