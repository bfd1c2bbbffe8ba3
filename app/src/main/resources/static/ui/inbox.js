// The manager's inbox (#/inbox): refund approvals and escalation reviews the caller may act on
// (GET /api/tasks already leaves out what is beyond their role or authority), and pages waiting
// for an acknowledgement. The navigation shows how many are open.
import { api } from './api.js';
import { $, h, showAlert } from './dom.js';
import { can } from './session.js';
import { refundCard, reviewCard, pageCard, placeCards } from './tasks.js';

let lastKey = null;

async function load() {
  const [tasks, pages] = await Promise.all([
    can.workTasks() ? api('/api/tasks') : Promise.resolve({ ok: true, body: [] }),
    can.acknowledgePages() ? api('/api/pages') : Promise.resolve({ ok: true, body: [] }),
  ]);
  return { tasks, pages };
}

/** The open count beside "Inbox" in the navigation. */
export async function refreshCount() {
  if (!can.workTasks()) return;
  const { tasks, pages } = await load();
  const n = (tasks.ok ? tasks.body.length : 0) + (pages.ok ? pages.body.length : 0);
  const badge = $('[data-testid="inbox-count"]');
  badge.textContent = String(n);
  badge.hidden = n === 0;
  badge.title = `${n} open: approvals, reviews and pages`;
}

function done(message) {
  $('[data-testid="inbox-status"]').textContent = message;
  lastKey = null;
  refresh();
}

async function refresh() {
  const { tasks, pages } = await load();
  showAlert($('[data-testid="inbox-alert"]'), tasks.ok ? (pages.ok ? null : pages.body) : tasks.body, 'Loading the inbox');
  if (!tasks.ok || !pages.ok) return;
  const key = JSON.stringify([tasks.body, pages.body]);
  if (key === lastKey) return;
  lastKey = key;
  const refunds = tasks.body.filter((t) => t.kind === 'REFUND_APPROVAL');
  const reviews = tasks.body.filter((t) => t.kind === 'ESCALATION_REVIEW');
  const empty = (text) => h('p', { class: 'muted' }, text);
  placeCards($('[data-testid="inbox-refunds"]'), refunds.map((t) => refundCard(t, (w) => done(`${w}: done.`))), 'No refund waits for you.');
  placeCards($('[data-testid="inbox-reviews"]'), reviews.map((t) => reviewCard(t, (w) => done(`${w}: done.`))), 'No review waits for you.');
  $('[data-testid="inbox-pages"]').replaceChildren(...(pages.body.length ? pages.body.map((p) => pageCard(p, true, done))
    : [empty(can.acknowledgePages() ? 'No page waits for an acknowledgement.' : 'Pages go to managers.')]));
  refreshCount();
}

export const inboxView = {
  name: 'inbox',
  show() {
    lastKey = null;
    $('[data-testid="inbox-status"]').textContent = '';
    refresh();
  },
  onChange() {
    refresh();
  },
};
