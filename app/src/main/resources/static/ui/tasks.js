// Human tasks and pages as cards with their forms: the inbox lists them, the ticket page shows the
// ones of its ticket. A1 refund approvals, A3 escalation reviews, N2 pages.
import { api } from './api.js';
import { h, words, money, showAlert, prepareErrorSlots, clearFieldErrors, showFailure } from './dom.js';
import { time } from './time.js';

const ROOT_CAUSES = ['KNOWLEDGE_GAP', 'MISSING_AUTHORITY', 'MISSING_ACCESS', 'PRODUCT_BUG', 'PROCESS_GAP',
  'CUSTOMER_EXPECTATION', 'SLA_TOO_TIGHT', 'OTHER'];

function ticketContext(t) {
  if (!t) return null;
  return h('p', { class: 'muted small', 'data-testid': 'task-ticket' },
    h('a', { href: `#/tickets/${t.id}` }, `#${t.id}`), ` ${t.subject} · ${t.priority} · ${words(t.status)} · tier ${t.tier}`,
    ` · owner ${t.owner ?? '—'} · customer ${t.customer ?? '—'}`);
}

function field(id, label, control) {
  return h('div', { class: 'field' }, h('label', { for: id }, label), control);
}

/** Completes a task; done(message) on success; a 409 (someone decided first) shows as such in the card. */
async function complete(task, body, form, alert, done, what) {
  clearFieldErrors(form);
  showAlert(alert, null);
  for (const b of form.querySelectorAll('button')) b.disabled = true;
  const result = await api(`/api/tasks/${task.id}/complete`, body);
  for (const b of form.querySelectorAll('button')) b.disabled = false;
  if (result.ok) {
    const card = form.closest('[data-task-id]');
    if (card) delete card.dataset.dirty;
    done(what);
  } else {
    if (result.status === 409) form.closest('[data-task-id]')?.classList.add('conflict');
    showFailure(form, alert, result, what);
  }
}

export function refundCard(task, done) {
  const r = task.refund;
  const alert = h('p', { role: 'alert', class: 'alert', 'data-testid': 'task-alert', hidden: true });
  const comment = h('textarea', { id: `tc-${task.id}`, name: 'comment', rows: 2 });
  const approve = h('button', { type: 'submit', value: 'APPROVE', 'data-testid': 'approve' }, 'Approve');
  const reject = h('button', { type: 'submit', value: 'REJECT', class: 'danger', 'data-testid': 'reject' }, 'Reject');
  const form = h('form', { novalidate: true }, field(`tc-${task.id}`, 'Comment (goes to the agent; to the customer on a rejection)', comment),
    h('div', { class: 'buttons' }, approve, reject));
  prepareErrorSlots(form);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const decision = e.submitter?.value || 'APPROVE';
    complete(task, { decision, comment: comment.value.trim() }, form, alert, done,
      decision === 'APPROVE' ? `Approving the refund of ${money(r?.amount)} ${r?.currency}` : `Rejecting the refund of ${money(r?.amount)} ${r?.currency}`);
  });
  return h('article', { class: 'task', 'data-testid': 'refund-task', 'data-task-id': task.id },
    h('h4', {}, `Refund of ${money(r?.amount)} ${r?.currency ?? ''}`),
    h('dl', {},
      h('dt', {}, 'Reason'), h('dd', {}, r?.reason ?? '—'),
      h('dt', {}, 'Requested by'), h('dd', {}, r?.requestedBy ?? '—'),
      h('dt', {}, 'Authority'), h('dd', {}, 'Within yours (refund-authority table); larger refunds go to someone above you'),
      h('dt', {}, 'Waiting since'), h('dd', {}, time(task.createdAt))),
    ticketContext(task.ticket), alert, form);
}

export function reviewCard(task, done) {
  const alert = h('p', { role: 'alert', class: 'alert', 'data-testid': 'task-alert', hidden: true });
  const yes = h('input', { type: 'radio', name: 'avoidable', value: 'true', id: `ra-y-${task.id}` });
  const no = h('input', { type: 'radio', name: 'avoidable', value: 'false', id: `ra-n-${task.id}` });
  const cause = h('select', { id: `rc-${task.id}`, name: 'rootCause' }, h('option', { value: '' }, 'Choose…'),
    ROOT_CAUSES.map((c) => h('option', { value: c }, words(c))));
  const helped = h('textarea', { id: `rw-${task.id}`, name: 'whatWouldHaveHelped', rows: 2 });
  const form = h('form', { novalidate: true },
    h('fieldset', { class: 'field' }, h('legend', {}, 'Could the escalation have been avoided?'),
      h('label', { class: 'check', for: `ra-y-${task.id}` }, yes, ' Yes'), h('label', { class: 'check', for: `ra-n-${task.id}` }, no, ' No'),
      h('p', { class: 'field-error', 'data-error-for': 'avoidable', hidden: true })),
    field(`rc-${task.id}`, 'Root cause', cause),
    field(`rw-${task.id}`, 'What would have helped the agent?', helped),
    h('button', { type: 'submit', 'data-testid': 'review-submit' }, 'Record review'));
  prepareErrorSlots(form);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const picked = form.querySelector('input[name="avoidable"]:checked');
    complete(task, {
      avoidable: picked ? picked.value === 'true' : null,
      rootCause: cause.value || null,
      whatWouldHaveHelped: helped.value.trim(),
    }, form, alert, done, 'Recording the review');
  });
  return h('article', { class: 'task', 'data-testid': 'review-task', 'data-task-id': task.id },
    h('h4', {}, task.name), ticketContext(task.ticket), alert, form);
}

export function pageCard(page, mayAck, done) {
  const alert = h('p', { role: 'alert', class: 'alert', 'data-testid': 'page-alert', hidden: true });
  const ack = mayAck && page.state === 'TRIGGERED'
    ? h('button', { type: 'button', 'data-testid': 'ack' }, 'Acknowledge') : null;
  ack?.addEventListener('click', async () => {
    ack.disabled = true;
    const result = await api(`/api/pages/${page.id}/ack`, {});
    ack.disabled = false;
    if (result.ok) done('Page acknowledged: re-paging stops.');
    else showAlert(alert, result.body, 'Acknowledging the page');
  });
  return h('article', { class: 'task', 'data-testid': 'page', 'data-page-id': page.id, 'data-state': page.state },
    h('h4', {}, `${page.severity} page: ${page.reason}`),
    h('p', { class: 'muted small' }, h('a', { href: `#/tickets/${page.ticketId}` }, `#${page.ticketId}`),
      ` · ${words(page.state)} · sent ${page.attempts} time(s), now to ${page.currentUsername ?? '—'} · since `, time(page.createdAt),
      page.acknowledgedBy ? ` · acknowledged by ${page.acknowledgedBy} ` : null, page.acknowledgedAt ? time(page.acknowledgedAt) : null),
    alert, ack);
}

/**
 * Puts fresh cards into a list, but keeps a card the person has started typing in (a live update
 * must not wipe a half-written comment). A kept card whose task left the list says so; deciding it
 * then shows the server's 409 (someone decided first).
 */
export function placeCards(container, cards, emptyText) {
  const dirty = new Map([...container.querySelectorAll('[data-task-id][data-dirty]')].map((c) => [c.dataset.taskId, c]));
  const placed = cards.map((card) => {
    const kept = dirty.get(card.dataset.taskId);
    dirty.delete(card.dataset.taskId);
    return kept ?? card;
  });
  for (const left of dirty.values()) {
    if (!left.querySelector('.stale-note')) {
      left.prepend(h('p', { class: 'muted small stale-note' }, 'No longer in your inbox: it may have been decided elsewhere.'));
    }
    placed.push(left);
  }
  container.replaceChildren(...(placed.length ? placed : [h('p', { class: 'muted' }, emptyText)]));
}

for (const type of ['input', 'change']) {
  document.addEventListener(type, (e) => {
    const card = e.target.closest?.('article.task[data-task-id]');
    if (card) card.dataset.dirty = 'true';
  });
}
