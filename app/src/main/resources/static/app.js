// Support escalations UI: the router. Every view has an address (#/..., see ROUTES) and a module of
// its own under ui/; this file only connects them: session, navigation, live updates. No framework,
// no build step.
import { $, $$, words } from './ui/dom.js';
import { csrfToken } from './ui/api.js';
import { session, loadSession, can } from './ui/session.js';
import { startTicker } from './ui/time.js';
import { connect, onChange } from './ui/live.js';
import { ticketsView, newTicketView } from './ui/tickets.js';
import { ticketView } from './ui/ticket.js';
import { queueView } from './ui/queue.js';
import { inboxView, refreshCount } from './ui/inbox.js';
import { rosterView } from './ui/roster.js';
import { prepareErrorSlots } from './ui/dom.js';

/** Address → view; the first whose pattern matches wins. allowed() hides what the role may not open. */
const ROUTES = [
  { view: ticketsView, pattern: /^(?:#\/?|#\/tickets)?$/, allowed: () => true },
  { view: newTicketView, pattern: /^#\/new$/, allowed: () => can.openTickets() },
  { view: ticketView, pattern: ticketView.pattern, allowed: () => true },
  { view: queueView, pattern: queueView.pattern, allowed: () => true },
  { view: inboxView, pattern: /^#\/inbox$/, allowed: () => can.workTasks() },
  { view: rosterView, pattern: /^#\/roster$/, allowed: () => can.administer() },
];

let current = null;

function route() {
  const hash = location.hash;
  let match = null;
  const entry = ROUTES.find((r) => (match = hash.match(r.pattern)));
  const allowed = entry && entry.allowed();
  const view = allowed ? entry.view : null;
  if (current && current !== view && current.hide) current.hide();
  current = view;
  const visible = new Set(view ? [view.name, ...(view.also ?? [])] : ['missing']);
  for (const section of $$('[data-view]')) section.hidden = !visible.has(section.dataset.view);
  const refused = Boolean(entry) && !allowed;
  $('[data-view="missing"] h2').textContent = refused ? 'Not for your role' : 'Nothing here';
  $('[data-testid="missing-reason"]').textContent = refused ? 'Your role may not open this page.' : 'This address shows no page.';
  for (const link of $$('[data-view-link]')) {
    link.toggleAttribute('aria-current', Boolean(view) && link.dataset.viewLink === view.name);
  }
  if (view) view.show(match.slice(1));
}

function showNavigation() {
  $('[data-testid="current-user"]').textContent = `${session.username} (${session.roles.map(words).join(', ')})`;
  $('[data-testid="nav-open-ticket"]').hidden = !can.openTickets();
  $('[data-testid="nav-inbox"]').hidden = !can.workTasks();
  $('[data-testid="nav-roster"]').hidden = !can.administer();
  $('[data-testid="logout-form"] input[name="_csrf"]').value = csrfToken();
}

$('[data-testid="logout-form"]').addEventListener('submit', (event) => {
  event.target.elements._csrf.value = csrfToken();
});

async function start() {
  for (const form of $$('main form[data-action], [data-testid="open-ticket-form"], [data-testid="reassign-form"]')) prepareErrorSlots(form);
  for (const { view } of ROUTES) view.init?.();
  await loadSession();
  showNavigation();
  window.addEventListener('hashchange', route);
  route();
  refreshCount();
  onChange((event) => {
    current?.onChange?.(event);
    refreshCount();
  });
  connect();
  startTicker();
}

start();
