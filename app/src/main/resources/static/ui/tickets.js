// The ticket list (#/) and the "Open ticket" form (#/new, shown under the list).
import { api } from './api.js';
import { $, h, words, showAlert, clearFieldErrors, showFailure } from './dom.js';
import { time, appNow } from './time.js';

const DUE_SOON_MS = 30 * 60 * 1000;
let lastKey = null;

function clockMark(ticket) {
  const active = ticket.status === 'OPEN' || ticket.status === 'WAITING_ON_CUSTOMER';
  if (ticket.responseClock === 'BREACHED' || ticket.resolutionClock === 'BREACHED') return 'breached';
  if (!active) return null;
  const now = appNow();
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
      class: [t.priority === 'P1' && 'p1', mark].filter(Boolean).join(' '),
      'data-testid': 'ticket-row', 'data-ticket-id': t.id,
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
  showAlert($('[data-testid="list-alert"]'), result.ok ? null : result.body, 'Loading the tickets');
  if (!result.ok) return;
  const key = JSON.stringify(result.body);
  if (lastKey !== key) {
    lastKey = key;
    renderList(result.body);
  }
}

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
  } else {
    showFailure(form, alert, result, 'Opening the ticket');
  }
}

export const ticketsView = {
  name: 'tickets',
  init() {
    $('[data-testid="open-ticket-form"]').addEventListener('submit', submitOpenTicket);
  },
  show() {
    refreshList();
  },
  onChange() {
    refreshList();
  },
  refreshList,
};

export const newTicketView = {
  name: 'new',
  /** The form shows under the list, so the new ticket appears where the person looks. */
  also: ['tickets'],
  show() {
    refreshList();
    $('#c-name').focus();
  },
  onChange() {
    refreshList();
  },
};
