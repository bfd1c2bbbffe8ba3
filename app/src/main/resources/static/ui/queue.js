// W1/W2: the queue (#/queue, filters in the address: #/queue?priority=P1&breached=true), most urgent
// first as the server orders it (GET /api/queue), with cursor paging, live updates and keys:
// j/ArrowDown next, k/ArrowUp previous, Enter open, g grab.
import { api } from './api.js';
import { $, $$, h, words, showAlert } from './dom.js';
import { time, countdown } from './time.js';
import { can, explainGrabRefusal } from './session.js';

const state = { items: [], next: null, selected: 0, query: '' };

function filtersFromForm() {
  const params = new URLSearchParams();
  for (const control of $$('[name]', $('[data-testid="queue-filters"]'))) {
    if (control.type === 'checkbox') { if (control.checked) params.set(control.name, 'true'); } else if (control.value.trim()) params.set(control.name, control.value.trim());
  }
  return params;
}

function formFromQuery(query) {
  const params = new URLSearchParams(query);
  for (const control of $$('[name]', $('[data-testid="queue-filters"]'))) {
    if (control.type === 'checkbox') control.checked = params.get(control.name) === 'true';
    else control.value = params.get(control.name) ?? '';
  }
}

function nextDeadline(t) {
  const clocks = [['Response', t.responseClock, t.responseDueAt], ['Resolution', t.resolutionClock, t.resolutionDueAt]];
  const breached = clocks.find(([, c]) => c === 'BREACHED');
  if (breached || t.breached) return h('span', { class: 'badge breached' }, `${breached ? breached[0] : 'SLA'} breached`);
  const running = clocks.filter(([, c, due]) => c === 'RUNNING' && due).sort((a, b) => Date.parse(a[2]) - Date.parse(b[2]))[0];
  if (running) return [`${running[0]} `, time(running[2]), ' ', countdown('RUNNING', running[2])];
  if (clocks.some(([, c]) => c === 'PAUSED')) return countdown('PAUSED');
  return '—';
}

function render() {
  const rows = state.items.map((t, i) => h('tr', {
    'data-testid': 'queue-row', 'data-ticket-id': t.id, class: [i === state.selected && 'selected', t.priority === 'P1' && 'p1'].filter(Boolean).join(' '),
    'aria-selected': i === state.selected ? 'true' : 'false',
  },
  h('td', {}, h('a', { href: `#/tickets/${t.id}` }, `#${t.id}`), ' ', t.subject, t.vip ? h('span', { class: 'badge vip' }, 'VIP') : null,
    t.atRisk && !t.breached ? h('span', { class: 'badge due-soon' }, 'At risk') : null,
    t.group ? h('span', { class: 'muted small' }, ` · ${t.group}`) : null),
  h('td', {}, h('span', { class: `badge ${String(t.priority).toLowerCase()}` }, t.priority)),
  h('td', {}, words(t.status)),
  h('td', { class: 'num' }, t.tier),
  h('td', {}, t.owner ? t.owner.displayName ?? t.owner.username : '—'),
  h('td', {}, nextDeadline(t)),
  h('td', {}, can.grab(t) ? h('button', { type: 'button', class: 'small', 'data-testid': 'queue-grab', 'data-ticket-id': t.id }, 'Grab') : null)));
  if (!rows.length) rows.push(h('tr', {}, h('td', { colspan: 7, class: 'muted' }, 'Nothing in the queue with these filters.')));
  $('[data-testid="queue"] tbody').replaceChildren(...rows);
  $('[data-testid="queue-more"]').hidden = !state.next;
}

async function load(append = false) {
  const params = new URLSearchParams(state.query);
  if (append && state.next) params.set('cursor', state.next);
  const result = await api(`/api/queue?${params}`);
  showAlert($('[data-testid="queue-alert"]'), result.ok ? null : result.body, 'Loading the queue');
  if (!result.ok) return;
  const body = result.body;
  state.items = append ? [...state.items, ...body.items] : body.items;
  state.next = body.next;
  state.selected = Math.min(state.selected, Math.max(0, state.items.length - 1));
  render();
}

async function grab(id) {
  const status = $('[data-testid="queue-status"]');
  status.textContent = '';
  const result = await api(`/api/tickets/${id}/grab`, {});
  showAlert($('[data-testid="queue-alert"]'), result.ok ? null : explainGrabRefusal(result), `Grabbing #${id}`);
  if (result.ok) status.textContent = `#${id} is yours now.`;
  await load();
}

function move(delta) {
  if (!state.items.length) return;
  state.selected = Math.max(0, Math.min(state.items.length - 1, state.selected + delta));
  render();
  $('[data-testid="queue"] tr.selected')?.scrollIntoView({ block: 'nearest' });
}

function onKey(event) {
  if ($('#view-queue').hidden || event.target.closest('input, select, textarea') || event.altKey || event.ctrlKey || event.metaKey) return;
  const current = state.items[state.selected];
  if (event.key === 'j' || event.key === 'ArrowDown') move(1);
  else if (event.key === 'k' || event.key === 'ArrowUp') move(-1);
  else if (event.key === 'Enter' && current) location.hash = `#/tickets/${current.id}`;
  else if (event.key === 'g' && current && can.grab(current)) grab(current.id);
  else return;
  event.preventDefault();
}

export const queueView = {
  name: 'queue',
  pattern: /^#\/queue(?:\?(.*))?$/,
  init() {
    $('[data-testid="queue-filters"]').addEventListener('change', () => {
      location.hash = `#/queue${filtersFromForm().toString() ? `?${filtersFromForm()}` : ''}`;
    });
    $('[data-testid="queue-filters"]').addEventListener('submit', (e) => e.preventDefault());
    $('[data-testid="queue-more"]').addEventListener('click', () => load(true));
    $('[data-testid="queue"]').addEventListener('click', (e) => {
      const button = e.target.closest('[data-testid="queue-grab"]');
      if (button) grab(button.dataset.ticketId);
    });
    document.addEventListener('keydown', onKey);
  },
  show([query]) {
    state.query = query ?? '';
    formFromQuery(state.query);
    state.selected = 0;
    load();
  },
  onChange() {
    load();
  },
};
