// The ticket page (#/tickets/{id}): facts, owner, live SLA countdowns, the process map, timeline,
// notes, conversation, refunds, dev task, pages, notifications, and the actions the caller's role may take.
import { api } from './api.js';
import { $, $$, h, dl, words, money, showAlert, clearFieldErrors, showFailure } from './dom.js';
import { time, countdown } from './time.js';
import { can, resyncClock, explainGrabRefusal } from './session.js';
import { renderProcessMap } from './process-map.js';
import { refundCard, reviewCard, pageCard } from './tasks.js';

const state = { id: null, ticket: null, rendered: {}, timeline: [] };
/** Timeline entries that only confirm a notification arrived: hidden unless asked for. */
const RECEIPTS = new Set(['NOTIFICATION_DELIVERED']);

const DONE = {
  replies: 'Answer sent to the customer on the ticket\'s channel; the ticket stays with you.',
  attempts: 'Attempt recorded.',
  'waiting-on-customer': 'Question sent: both SLA clocks pause until the customer replies.',
  'customer-replies': 'Customer reply recorded.',
  escalations: 'Escalation handed off: the next owner is being assigned.',
  resolution: 'Ticket resolved: the customer is told.',
  reopen: 'Ticket reopened: it returns to the owner who resolved it.',
  'internal-notes': 'Internal note added: staff only, never sent to the customer.',
  priority: 'Priority changed: the SLA policy is evaluated again and the clocks count the time already spent.',
  'refund-requests': 'Refund requested: within your limit it is issued, above it a manager decides.',
};
const WHAT = {
  replies: 'Sending the answer',
  attempts: 'Recording the attempt',
  'waiting-on-customer': 'Asking the customer',
  'customer-replies': 'Recording the customer reply',
  escalations: 'Escalating',
  resolution: 'Resolving',
  reopen: 'Reopening',
  'internal-notes': 'Adding the internal note',
  priority: 'Changing the priority',
  'refund-requests': 'Requesting the refund',
};

/** The inputs that made the rule match, shortest first: the signals that are set and the customer's value. */
function criteriaInputs(inputs) {
  if (!inputs) return '';
  const set = Object.entries(inputs).filter(([, v]) => v === true).map(([k]) => k);
  const score = inputs.sentimentScore == null ? 'sentiment not scored' : `sentiment ${inputs.sentimentScore}`;
  return [inputs.priority, inputs.language, score, ...set].filter(Boolean).join(' · ');
}

/** S5: which SLA row applied, its promise and the policy version; the customer's plan it was chosen for. */
function slaPolicy(p, plan) {
  if (!p) return h('span', { class: 'muted' }, 'Not applied yet');
  const promise = [`response ${p.responseTarget}`, `resolution ${p.resolutionTarget}`,
    p.nextReplyTarget ? `next reply ${p.nextReplyTarget}` : null, p.calendar].filter(Boolean).join(' · ');
  return [h('code', { 'data-testid': 'sla-policy-rule' }, p.ruleId), h('br'), promise, h('br'),
    h('span', { class: 'muted' }, `plan ${plan ?? 'default'} · policy version ${p.version}`)];
}

function clock(clockState, due) {
  return [h('span', { class: `clock ${(clockState || '').toLowerCase()}` }, words(clockState)), h('br'),
    clockState === 'PAUSED' ? null : h('span', { class: 'nowrap' }, 'due ', time(due)),
    countdown(clockState, due) ? [h('br'), countdown(clockState, due)] : null];
}

function renderTicket(t) {
  state.ticket = t;
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
    ['SLA policy', slaPolicy(t.slaPolicy, c.plan), 'sla-policy'],
  ]);
  $('[data-testid="process-operate"]').replaceChildren(t.operateUrl
    ? h('a', { href: t.operateUrl, target: '_blank', rel: 'noopener' }, 'Open in Operate') : '');
  renderDevTask(t.devTask);
  showActions(t);
}

/** Each role sees only the actions it may take (the server refuses the rest anyway). */
function showActions(t) {
  const mayAct = can.actOn(t);
  for (const form of $$('form[data-action]')) {
    form.hidden = !mayAct || (form.hasAttribute('data-demo') && !can.simulateCustomer(t));
  }
  $('[data-testid="no-actions"]').hidden = mayAct;
  $('[data-testid="grab"]').hidden = !can.grab(t);
  $('[data-testid="reassign-form"]').hidden = !(can.reassign() && ['OPEN', 'WAITING_ON_CUSTOMER'].includes(t.status));
}

function renderTimeline(entries) {
  state.timeline = entries;
  const kinds = [...new Set(entries.map((e) => e.type))].sort();
  const select = $('[data-testid="timeline-kind"]');
  const listed = [...select.options].slice(1).map((o) => o.value);
  if (listed.join() !== kinds.join()) {
    const chosen = select.value;
    select.replaceChildren(h('option', { value: '' }, 'All'), ...kinds.map((k) => h('option', { value: k }, words(k))));
    select.value = kinds.includes(chosen) ? chosen : '';
  }
  drawTimeline();
}

function drawTimeline() {
  const receipts = $('[data-testid="show-receipts"]').checked;
  const kind = $('[data-testid="timeline-kind"]').value;
  const shown = state.timeline.filter((e) => (receipts || !RECEIPTS.has(e.type)) && (!kind || e.type === kind));
  $('[data-testid="timeline"]').replaceChildren(...shown.map((e) => h('li', { 'data-testid': 'timeline-entry', 'data-type': e.type,
    class: e.type === 'INTERNAL_NOTE' ? 'internal' : null },
    h('div', { class: 'when' }, time(e.at, 'precise')),
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

function renderDevTask(task) {
  const target = $('[data-testid="dev-task"]');
  if (!task) return target.replaceChildren(h('p', { class: 'muted' }, 'No dev task: not classified as a product bug.'));
  const close = task.tracker === 'INTERNAL' && task.state === 'OPEN' && can.closeDevTasks()
    ? h('button', { type: 'button', 'data-testid': 'close-dev-task' }, 'Fix shipped: close the task') : null;
  const alert = h('p', { role: 'alert', class: 'alert', hidden: true });
  close?.addEventListener('click', async () => {
    close.disabled = true;
    const result = await api(`/api/dev-tasks/${encodeURIComponent(task.key)}/close`, {});
    close.disabled = false;
    if (result.ok) done('Dev task closed: owner and customer hear the fix shipped.');
    else showAlert(alert, result.body, 'Closing the dev task');
  });
  target.replaceChildren(h('p', { 'data-testid': 'dev-task-state' },
    task.url ? h('a', { href: task.url, target: '_blank', rel: 'noopener' }, task.key ?? 'being created') : (task.key ?? 'being created'),
    ` in ${words(task.tracker)} · ${words(task.state)}`), alert, close);
}

function renderRefunds(refunds, tasks) {
  const target = $('[data-testid="refunds"]');
  const byRefund = new Map(tasks.filter((t) => t.refund).map((t) => [t.refund.id, t]));
  if (!refunds.length) return target.replaceChildren(h('p', { class: 'muted' }, 'No refunds requested.'));
  target.replaceChildren(...refunds.map((r) => {
    const task = byRefund.get(r.id);
    return h('div', { class: 'refund', 'data-testid': 'refund', 'data-status': r.status },
      h('p', {}, h('strong', {}, `${money(r.amount)} ${r.currency}`), ` · ${words(r.status)} · requested by ${r.requestedBy} `, time(r.requestedAt),
        r.decidedBy ? ` · ${words(r.status)} by ${r.decidedBy}: ${r.decisionComment ?? ''}` : null),
      h('p', { class: 'muted small' }, r.reason),
      task ? refundCard(task, done) : null);
  }));
}

function renderTicketTasks(tasks, pages) {
  const reviews = tasks.filter((t) => t.kind === 'ESCALATION_REVIEW');
  const target = $('[data-testid="pages"]');
  const cards = [...reviews.map((t) => reviewCard(t, done)), ...pages.map((p) => pageCard(p, can.acknowledgePages(), done))];
  target.replaceChildren(...(cards.length ? cards : [h('p', { class: 'muted' }, 'No pages and no open review.')]));
}

/** After an action from a card on this page. */
function done(message) {
  $('[data-testid="action-status"]').textContent = message;
  refresh();
}

function changed(key, value) {
  const json = JSON.stringify(value);
  if (state.rendered[key] === json) return false;
  state.rendered[key] = json;
  return true;
}

async function refresh() {
  const id = state.id;
  if (id == null) return;
  const base = `/api/tickets/${id}`;
  const [ticket, timeline, notes, messages, notifications, refunds, tasks, pages, internalNotes] = await Promise.all([
    api(base), api(`${base}/timeline`), api(`${base}/handoff-notes`), api(`${base}/messages`), api(`/api/notifications?ticketId=${id}`),
    api(`${base}/refund-requests`), can.workTasks() ? api('/api/tasks') : Promise.resolve({ ok: true, body: [] }),
    api(`/api/pages?ticketId=${id}`),
    can.readInternalNotes() ? api(`${base}/internal-notes`) : Promise.resolve({ ok: true, body: [] }), resyncClock(),
  ]);
  if (id !== state.id) return; // the person moved on meanwhile
  if (!ticket.ok) {
    showAlert($('[data-testid="action-alert"]'), ticket.body, `Loading ticket #${id}`);
    return;
  }
  if (changed('ticket', ticket.body)) renderTicket(ticket.body);
  if (timeline.ok && changed('timeline', timeline.body)) renderTimeline(timeline.body);
  if (notes.ok && changed('notes', notes.body)) renderNotes(notes.body);
  if (messages.ok && changed('messages', messages.body)) renderConversation(messages.body);
  if (internalNotes.ok && changed('internalNotes', internalNotes.body)) renderInternalNotes(internalNotes.body);
  if (notifications.ok && changed('notifications', notifications.body)) renderNotifications(notifications.body);
  const mine = tasks.ok ? tasks.body.filter((t) => t.ticket?.id === id) : [];
  if (refunds.ok && changed('refunds', [refunds.body, mine])) renderRefunds(refunds.body, mine);
  if (pages.ok && changed('pages', [pages.body, mine])) renderTicketTasks(mine, pages.body);
  if (changed('process', [ticket.body.status, ticket.body.tier, ticket.body.responseClock, ticket.body.resolutionClock,
    ticket.body.escalationCount, timeline.body?.length])) {
    renderProcessMap($('[data-testid="process-map"]'), id);
  }
}

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
  const result = await api(`/api/tickets/${state.id}/${action}`, body);
  button.disabled = false;
  if (result.ok) {
    form.reset();
    status.textContent = DONE[action];
  } else {
    showFailure(form, alert, result, WHAT[action]);
  }
  await refresh();
}

async function grab() {
  const alert = $('[data-testid="action-alert"]');
  showAlert(alert, null);
  const result = await api(`/api/tickets/${state.id}/grab`, {});
  if (result.ok) done('You took the ticket: the previous owner is told, the handoff is in the timeline.');
  else showAlert(alert, explainGrabRefusal(result), 'Grabbing the ticket');
}

async function reassign(event) {
  event.preventDefault();
  const form = event.currentTarget;
  const alert = $('[data-testid="action-alert"]');
  clearFieldErrors(form);
  showAlert(alert, null);
  const body = { username: form.elements.username.value, reason: form.elements.reason.value.trim() };
  const result = await api(`/api/tickets/${state.id}/reassignment`, body);
  if (result.ok) {
    form.reset();
    done(`Reassigned to ${body.username}.`);
  } else {
    showFailure(form, alert, result, 'Reassigning');
  }
}

async function fillReassignees() {
  const roster = await api('/api/roster');
  if (!roster.ok) return;
  $('#ra-username').replaceChildren(...roster.body.map((m) => h('option', { value: m.username }, `${m.displayName} (${words(m.role)}, tier ${m.tier})`)));
}

export const ticketView = {
  name: 'ticket',
  pattern: /^#\/tickets\/(\d+)$/,
  init() {
    for (const form of $$('form[data-action]')) form.addEventListener('submit', submitAction);
    $('[data-testid="timeline-filter"]').addEventListener('change', drawTimeline);
    $('[data-testid="grab"]').addEventListener('click', grab);
    $('[data-testid="reassign-form"]').addEventListener('submit', reassign);
  },
  show([idText]) {
    const id = Number(idText);
    if (id !== state.id) {
      state.id = id;
      state.rendered = {};
      state.timeline = [];
      showAlert($('[data-testid="action-alert"]'), null);
      $('[data-testid="action-status"]').textContent = '';
      for (const form of $$('form[data-action]')) {
        form.reset();
        clearFieldErrors(form);
        form.hidden = true;
      }
      $('[data-testid="detail-heading"]').textContent = `Ticket #${id}`;
      $('[data-testid="process-map"]').replaceChildren();
      if (can.reassign()) fillReassignees();
    }
    refresh();
  },
  hide() {
    state.id = null;
  },
  onChange(event) {
    if (event.ticketId == null || Number(event.ticketId) === state.id) refresh();
  },
};

