// Support escalations UI: a ticket list, an "Open ticket" form and a ticket detail view with the
// owner's actions, all against the REST API (see the README). No framework, no build step.

const REFRESH_MS = 3000;
const DUE_SOON_MS = 30 * 60 * 1000;
const $ = (selector, root = document) => root.querySelector(selector);
const $$ = (selector, root = document) => [...root.querySelectorAll(selector)];

const state = { ticketId: null, rendered: {}, loading: false };

// ---------- helpers ----------

/** Builds an element: h('p', {class: 'x', dataset: {a: 1}}, 'text', child). Text is never parsed as HTML. */
function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value == null || value === false) continue;
    if (key === 'dataset') Object.assign(el.dataset, value);
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child == null || child === false) continue;
    el.append(child instanceof Node ? child : String(child));
  }
  return el;
}

const dateFormat = new Intl.DateTimeFormat(undefined, {
  weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit',
});
const preciseFormat = new Intl.DateTimeFormat(undefined, {
  weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', second: '2-digit',
});
const fmt = (instant, format = dateFormat) => (instant ? format.format(new Date(instant)) : '—');
const time = (instant, format) => (instant ? h('time', { datetime: instant }, fmt(instant, format)) : '—');
const words = (code) => (code ? (code.charAt(0) + code.slice(1).toLowerCase().replaceAll('_', ' ')).replace(/\bsla\b/i, 'SLA') : '');
const money = (n) => (n == null ? '—' : Number(n).toLocaleString(undefined, { maximumFractionDigits: 2 }));

function dl(target, rows) {
  target.replaceChildren(...rows.filter(Boolean).flatMap(([term, value, testid]) => [
    h('dt', {}, term),
    h('dd', { 'data-testid': testid }, value ?? '—'),
  ]));
}

/** The CSRF token the server keeps in the XSRF-TOKEN cookie; changes of the session send it back in X-XSRF-TOKEN. */
function csrfToken() {
  const cookie = document.cookie.split('; ').find((c) => c.startsWith('XSRF-TOKEN='));
  return cookie ? decodeURIComponent(cookie.substring('XSRF-TOKEN='.length)) : '';
}

/** Calls the API with the session (same origin); never throws: network failures come back as a problem with status 0. */
async function api(path, body) {
  const init = { headers: { Accept: 'application/json, application/problem+json' }, credentials: 'same-origin' };
  if (body !== undefined) {
    init.method = 'POST';
    init.headers['Content-Type'] = 'application/json';
    init.headers['X-XSRF-TOKEN'] = csrfToken();
    init.body = JSON.stringify(body);
  }
  try {
    const response = await fetch(path, init);
    if (response.status === 401) {
      // the session ended: back to the login form
      window.location.assign('/login');
    }
    const text = await response.text();
    let json = null;
    try { json = text ? JSON.parse(text) : null; } catch { json = { detail: text }; }
    return { ok: response.ok, status: response.status, body: json };
  } catch (e) {
    return { ok: false, status: 0, body: { title: 'Server not reachable', detail: `The app did not answer (${e.message}).` } };
  }
}

function showAlert(el, problem) {
  if (!problem) {
    el.hidden = true;
    el.textContent = '';
    return;
  }
  const title = problem.title ? problem.title + (problem.rule ? ` (${problem.rule})` : '') + ': ' : '';
  el.textContent = title + (problem.detail || 'Something went wrong.');
  el.hidden = false;
}

/** Adds an empty error slot after every named control, linked with aria-describedby. */
function prepareErrorSlots(form) {
  for (const control of $$('[name]', form)) {
    const id = `err-${control.id}`;
    const slot = h('p', { class: 'field-error', id, 'data-error-for': control.name, hidden: true });
    control.closest('.field').append(slot);
    control.setAttribute('aria-describedby', id);
  }
}

function clearFieldErrors(form) {
  for (const slot of $$('[data-error-for]', form)) {
    slot.hidden = true;
    slot.textContent = '';
  }
  for (const control of $$('[aria-invalid]', form)) control.removeAttribute('aria-invalid');
}

/** Shows a 400 problem's errors next to the controls of the same name; returns those that have no control. */
function showFieldErrors(form, errors = []) {
  const unmatched = [];
  for (const { field, message } of errors) {
    const control = form.elements.namedItem(field);
    const slot = control && $(`[data-error-for="${CSS.escape(field)}"]`, form);
    if (!slot) {
      unmatched.push(`${field} ${message}`);
      continue;
    }
    slot.textContent = slot.textContent ? `${slot.textContent}; ${message}` : message;
    slot.hidden = false;
    control.setAttribute('aria-invalid', 'true');
  }
  const first = form.querySelector('[aria-invalid="true"]');
  if (first) first.focus();
  return unmatched;
}

// ---------- ticket list ----------

function clockMark(ticket) {
  const active = ticket.status === 'OPEN' || ticket.status === 'WAITING_ON_CUSTOMER';
  if (ticket.responseClock === 'BREACHED' || ticket.resolutionClock === 'BREACHED') return 'breached';
  if (!active) return null;
  const now = Date.now();
  const soon = [[ticket.responseClock, ticket.responseDueAt], [ticket.resolutionClock, ticket.resolutionDueAt]]
    .some(([clock, due]) => clock === 'RUNNING' && due && new Date(due).getTime() - now < DUE_SOON_MS);
  return soon ? 'due-soon' : null;
}

function dueCell(due, clock) {
  return h('td', {}, time(due), clock && clock !== 'RUNNING' ? h('span', { class: `clock ${clock.toLowerCase()}` }, words(clock)) : null);
}

function renderList(tickets) {
  const rows = tickets.map((t) => {
    const mark = clockMark(t);
    return h('tr', {
      class: [t.priority === 'P1' && 'p1', mark, t.id === state.ticketId && 'selected'].filter(Boolean).join(' '),
      'data-testid': 'ticket-row', 'data-ticket-id': t.id, 'aria-current': t.id === state.ticketId ? 'true' : null,
    },
    h('td', {}, h('a', { href: `#/tickets/${t.id}`, 'data-testid': `ticket-link-${t.id}` }, `#${t.id}`), ' ',
      h('span', { class: 'subject' }, t.subject),
      mark === 'breached' ? h('span', { class: 'badge breached' }, 'Breached') : null,
      mark === 'due-soon' ? h('span', { class: 'badge due-soon' }, 'Due soon') : null,
      t.openTooLong ? h('span', { class: 'badge breached', 'data-testid': 'open-too-long', title: 'High priority and unresolved for more than 4 hours' }, 'Open > 4 h') : null),
    h('td', {}, h('span', { class: `badge ${t.priority.toLowerCase()}` }, t.priority)),
    h('td', {}, words(t.status)),
    h('td', { class: 'num' }, t.tier),
    h('td', {}, t.owner ? t.owner.displayName : h('span', { class: 'muted' }, 'assigning…')),
    dueCell(t.responseDueAt, t.responseClock),
    dueCell(t.resolutionDueAt, t.resolutionClock),
    h('td', { class: 'num' }, t.escalationCount));
  });
  if (!rows.length) rows.push(h('tr', {}, h('td', { colspan: 8, class: 'muted' }, 'No tickets yet.')));
  $('[data-testid="ticket-list"] tbody').replaceChildren(...rows);
}

async function refreshList() {
  const result = await api('/api/tickets');
  showAlert($('[data-testid="list-alert"]'), result.ok ? null : result.body);
  if (!result.ok) return;
  const key = JSON.stringify([result.body, state.ticketId, Math.floor(Date.now() / 60000)]);
  if (state.rendered.list !== key) {
    state.rendered.list = key;
    renderList(result.body);
  }
  $('[data-testid="list-updated"]').textContent = `Updated ${new Date().toLocaleTimeString()}`;
}

// ---------- open ticket ----------

function openTicketBody(form) {
  const value = (name) => form.elements.namedItem(name).value.trim();
  const revenue = value('customer.annualRevenue');
  return {
    customer: {
      name: value('customer.name'),
      email: value('customer.email'),
      language: value('customer.language'),
      vip: form.elements.namedItem('customer.vip').checked,
      annualRevenue: revenue === '' ? null : Number(revenue),
    },
    channel: value('channel'),
    subject: value('subject'),
    description: value('description'),
    priority: value('priority'),
    category: value('category'),
  };
}

async function submitOpenTicket(event) {
  event.preventDefault();
  const form = event.currentTarget;
  const alert = $('[data-testid="open-alert"]');
  const status = $('[data-testid="open-status"]');
  clearFieldErrors(form);
  showAlert(alert, null);
  status.replaceChildren();
  const button = $('button[type="submit"]', form);
  button.disabled = true;
  const result = await api('/api/tickets', openTicketBody(form));
  button.disabled = false;
  if (result.ok) {
    const t = result.body;
    form.reset();
    status.replaceChildren(`${t.priority} ticket `, h('a', { href: `#/tickets/${t.id}` }, `#${t.id}`), ` opened: ${t.subject}`);
    await refreshList();
  } else if (result.status === 400 && result.body?.errors) {
    const unmatched = showFieldErrors(form, result.body.errors);
    if (unmatched.length) showAlert(alert, { title: 'Invalid request', detail: unmatched.join('; ') });
  } else {
    showAlert(alert, result.body);
  }
}

// ---------- ticket detail ----------

function renderTicket(t) {
  $('[data-testid="detail-heading"]').textContent = `Ticket #${t.id}: ${t.subject}`;
  const c = t.customer;
  dl($('[data-testid="ticket-facts"]'), [
    ['Status', words(t.status), 'ticket-status'],
    ['Priority', h('span', { class: `badge ${t.priority.toLowerCase()}` }, t.priority), 'ticket-priority'],
    ['Category', words(t.category)],
    ['Tier', `${t.tier} of ${t.maxTier}`, 'ticket-tier'],
    ['Escalations', `${t.escalationCount} (re-escalations: ${t.reescalationCount})`, 'ticket-escalations'],
    ['Criteria', t.criteria
      ? [h('code', { 'data-testid': 'criteria-rule' }, t.criteria.ruleId), h('br'), t.criteria.reason,
        h('br'), h('span', { class: 'muted', title: JSON.stringify(t.criteria.inputs) }, criteriaInputs(t.criteria.inputs))]
      : h('span', { class: 'muted' }, 'Not evaluated yet'), 'ticket-criteria'],
    ['Customer', [c.name, c.vip ? h('span', { class: 'badge vip' }, 'VIP') : null, h('br'), c.email], 'ticket-customer'],
    ['Language, revenue', `${c.language}, ${money(c.annualRevenue)}`],
    ['Channel', t.channel],
    ['Opened', time(t.openedAt)],
    t.resolvedAt && ['Resolved', time(t.resolvedAt)],
    t.closedAt && ['Closed', time(t.closedAt)],
    ['Process', t.operateUrl
      ? h('a', { href: t.operateUrl, target: '_blank', rel: 'noopener', 'data-testid': 'operate-link' }, `Open ${t.processInstanceKey} in Operate`)
      : (t.processInstanceKey ?? '—')],
  ]);
  const o = t.owner;
  dl($('[data-testid="owner"]'), o ? [
    ['Name', o.displayName, 'owner-name'],
    ['Username', o.username],
    ['Tier', o.tier > t.tier ? `${o.tier} (standing in at tier ${t.tier})` : o.tier, 'owner-tier'],
    ['Role', words(o.role), 'owner-role'],
  ] : [['Name', h('span', { class: 'muted' }, 'Assigning an owner…'), 'owner-name']]);
  dl($('[data-testid="sla-clocks"]'), [
    ['Response', clock(t.responseClock, t.responseDueAt), 'response-clock'],
    ['Resolution', clock(t.resolutionClock, t.resolutionDueAt), 'resolution-clock'],
  ]);
}

/** The inputs that made the rule match, shortest first: the signals that are set and the customer's value. */
function criteriaInputs(inputs) {
  if (!inputs) return '';
  const set = Object.entries(inputs).filter(([, v]) => v === true).map(([k]) => k);
  const score = inputs.sentimentScore == null ? 'sentiment not scored' : `sentiment ${inputs.sentimentScore}`;
  return [inputs.priority, inputs.language, score, ...set].filter(Boolean).join(' · ');
}

function clock(state, due) {
  return [h('span', { class: `clock ${(state || '').toLowerCase()}` }, words(state)), h('br'), h('span', { class: 'nowrap' }, 'due ', time(due))];
}

function renderTimeline(entries) {
  $('[data-testid="timeline"]').replaceChildren(...entries.map((e) => h('li', { 'data-testid': 'timeline-entry', 'data-type': e.type,
    class: e.type === 'INTERNAL_NOTE' ? 'internal' : null },
    h('div', { class: 'when' }, time(e.at, preciseFormat)),
    h('div', {}, h('strong', { class: `event ${e.type.toLowerCase()}`, title: e.type }, words(e.type)),
      h('span', { class: 'muted' }, ` by ${e.actor}`), h('p', {}, e.detail)))));
}

function renderNotes(notes) {
  const target = $('[data-testid="handoff-notes"]');
  if (!notes.length) return target.replaceChildren(h('p', { class: 'muted' }, 'No handoff notes yet.'));
  target.replaceChildren(...notes.map((n) => h('article', { class: 'note', 'data-testid': 'handoff-note' },
    h('p', { class: 'muted' }, time(n.createdAt), ` · ${n.automatic ? 'automatic' : 'by ' + n.author} · ${words(n.escalationType)}`),
    h('dl', {},
      h('dt', {}, 'Summary'), h('dd', {}, n.summary),
      h('dt', {}, 'Attempted'), h('dd', {}, n.attempted),
      h('dt', {}, 'Needed'), h('dd', {}, n.need),
      n.overrideReason ? [h('dt', {}, 'Rule override'), h('dd', {}, n.overrideReason)] : null))));
}

// C3: staff-only notes, shown apart from the conversation with the customer
function renderInternalNotes(notes) {
  const target = $('[data-testid="internal-notes"]');
  if (!notes.length) return target.replaceChildren(h('p', { class: 'muted' }, 'No internal notes.'));
  target.replaceChildren(...notes.map((n) => h('article', { class: 'note internal', 'data-testid': 'internal-note' },
    h('p', { class: 'muted' }, time(n.createdAt), ` · internal · by ${n.author}`), h('p', {}, n.text))));
}

function renderConversation(messages) {
  const target = $('[data-testid="conversation"]');
  if (!messages.length) return target.replaceChildren(h('li', { class: 'muted' }, 'No messages yet.'));
  target.replaceChildren(...messages.map((m) => h('li', { class: m.direction === 'FROM_CUSTOMER' ? 'from-customer' : 'to-customer' },
    h('p', { class: 'muted' }, time(m.createdAt), ` · ${m.direction === 'FROM_CUSTOMER' ? 'from' : 'to the customer, by'} ${m.author}`),
    h('p', {}, m.body))));
}

function renderNotifications(list) {
  const rows = list.map((n) => h('tr', { 'data-testid': 'notification', 'data-kind': n.kind },
    h('td', {}, time(n.createdAt)),
    h('td', {}, words(n.kind)),
    h('td', {}, n.recipientName ? `${n.recipientName} <${n.recipient}>` : n.recipient),
    h('td', {}, words(n.channel)),
    h('td', {}, h('span', { class: `delivery ${n.status.toLowerCase()}` }, words(n.status)),
      n.lastError ? h('span', { class: 'muted small' }, ` ${n.lastError}`) : null),
    h('td', {}, h('details', {}, h('summary', {}, n.subject || '(no subject)'), h('pre', {}, n.body)))));
  if (!rows.length) rows.push(h('tr', {}, h('td', { colspan: 6, class: 'muted' }, 'No notifications yet.')));
  $('[data-testid="notifications"] tbody').replaceChildren(...rows);
}

async function refreshDetail() {
  const id = state.ticketId;
  if (id == null) return;
  const base = `/api/tickets/${id}`;
  const [ticket, timeline, notes, messages, notifications, internalNotes] = await Promise.all([
    api(base), api(`${base}/timeline`), api(`${base}/handoff-notes`), api(`${base}/messages`), api(`/api/notifications?ticketId=${id}`),
    api(`${base}/internal-notes`),
  ]);
  if (id !== state.ticketId) return; // the user moved on meanwhile
  if (!ticket.ok) {
    showAlert($('[data-testid="action-alert"]'), ticket.body);
    return;
  }
  const sections = [[ticket, renderTicket], [timeline, renderTimeline], [notes, renderNotes],
    [messages, renderConversation], [notifications, renderNotifications], [internalNotes, renderInternalNotes]];
  sections.forEach(([result, render]) => {
    const key = JSON.stringify(result.body);
    if (result.ok && state.rendered[render.name] !== key) {
      state.rendered[render.name] = key;
      render(result.body);
    }
  });
}

const DONE = {
  attempts: 'Attempt recorded.',
  'waiting-on-customer': 'Question sent: both SLA clocks pause until the customer replies.',
  'customer-replies': 'Customer reply recorded.',
  escalations: 'Escalation handed off: the next owner is being assigned.',
  resolution: 'Ticket resolved: the customer is told.',
  reopen: 'Ticket reopened: it returns to the owner who resolved it.',
  'internal-notes': 'Internal note added: staff only, never sent to the customer.',
};

async function submitAction(event) {
  event.preventDefault();
  const form = event.currentTarget;
  const action = form.dataset.action;
  const alert = $('[data-testid="action-alert"]');
  const status = $('[data-testid="action-status"]');
  clearFieldErrors(form);
  showAlert(alert, null);
  status.textContent = '';
  const body = {};
  for (const control of $$('[name]', form)) {
    const value = control.value.trim();
    if (value !== '' || control.name !== 'overrideReason') body[control.name] = value;
  }
  const button = $('button[type="submit"]', form);
  button.disabled = true;
  const result = await api(`/api/tickets/${state.ticketId}/${action}`, body);
  button.disabled = false;
  if (result.ok) {
    form.reset();
    status.textContent = DONE[action];
  } else if (result.status === 400 && result.body?.errors) {
    const unmatched = showFieldErrors(form, result.body.errors);
    if (unmatched.length) showAlert(alert, { title: 'Invalid request', detail: unmatched.join('; ') });
  } else {
    showAlert(alert, result.body);
    alert.scrollIntoView({ block: 'nearest' });
  }
  await Promise.all([refreshDetail(), refreshList()]);
}

// ---------- routing and refresh ----------

function route() {
  const match = location.hash.match(/^#\/tickets\/(\d+)$/);
  const id = match ? Number(match[1]) : null;
  const detail = $('#ticket-detail');
  if (id !== state.ticketId) {
    state.ticketId = id;
    state.rendered = {};
    showAlert($('[data-testid="action-alert"]'), null);
    $('[data-testid="action-status"]').textContent = '';
    for (const form of $$('form[data-action]')) {
      form.reset();
      clearFieldErrors(form);
    }
  }
  detail.hidden = id == null;
  $('#new-ticket').hidden = id != null;
  if (id != null) {
    $('[data-testid="detail-heading"]').textContent = `Ticket #${id}`;
    refreshDetail();
  } else if (location.hash === '#/new') {
    $('#c-name').focus();
  }
  refreshList();
}

async function tick() {
  if (document.hidden || state.loading) return;
  state.loading = true;
  try {
    await Promise.all([refreshList(), refreshDetail()]);
  } finally {
    state.loading = false;
  }
}

for (const form of $$('main form')) prepareErrorSlots(form);
$('[data-testid="open-ticket-form"]').addEventListener('submit', submitOpenTicket);
for (const form of $$('form[data-action]')) form.addEventListener('submit', submitAction);
/** Who is logged in, and the logout form's CSRF token. */
async function showSession() {
  const me = await api('/api/me');
  if (me.ok) {
    $('[data-testid="current-user"]').textContent = `${me.body.username} (${me.body.roles.map(words).join(', ')})`;
  }
  $('[data-testid="logout-form"] input[name="_csrf"]').value = csrfToken();
}

$('[data-testid="logout-form"]').addEventListener('submit', (event) => {
  event.target.elements._csrf.value = csrfToken();
});

window.addEventListener('hashchange', route);
showSession();
route();
setInterval(tick, REFRESH_MS);
