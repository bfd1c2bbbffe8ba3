// Who is logged in (/api/me) and what their role may do. The server decides every request
// (docs/security.md); this only hides what would be refused anyway.
import { api } from './api.js';
import { setClock } from './time.js';

const STAFF = ['AGENT', 'SPECIALIST', 'MANAGER', 'HEAD_OF_SUPPORT'];
const SUPERVISORS = ['MANAGER', 'HEAD_OF_SUPPORT'];

export const session = { username: null, roles: [], embedded: false, zone: 'UTC' };

export async function loadSession() {
  const me = await api('/api/me');
  if (me.ok) {
    Object.assign(session, me.body);
    setClock(me.body.zone, me.body.now);
  }
  return me.ok;
}

/** Re-reads the app's time (embedded mode's dev clock moves it). */
export async function resyncClock() {
  const me = await api('/api/me');
  if (me.ok) setClock(me.body.zone, me.body.now);
}

const has = (list) => session.roles.some((r) => list.includes(r));

export const can = {
  openTickets: () => has(STAFF),
  /** Owner actions: the owner, or a manager and above (@ActsOnTicket). */
  actOn: (ticket) => has(SUPERVISORS) || (has(STAFF) && ticket.owner?.username === session.username),
  /** W2: a specialist (their group, tier 1 or their tier: the server checks) or a manager takes a ticket. */
  /** W2: the server also refuses while the ticket waits on the customer (its process is not at a tier's work then). */
  grab: (ticket) => has(['SPECIALIST', ...SUPERVISORS]) && ticket.owner?.username !== session.username
    && ticket.status === 'OPEN',
  /** W3. */
  reassign: () => has(SUPERVISORS),
  workTasks: () => has(STAFF),
  /** C3: internal notes are for support staff (admins are refused). */
  readInternalNotes: () => has(STAFF),
  acknowledgePages: () => has(SUPERVISORS),
  closeDevTasks: () => has(['SPECIALIST', 'ADMIN', ...SUPERVISORS]),
  administer: () => has(['ADMIN']),
  /** Demo aid: simulating the customer's reply belongs to embedded mode only. */
  simulateCustomer: (ticket) => session.embedded && can.actOn(ticket),
};

/** W2 in words, for a refused grab whose refusal names no reason of its own. */
export function explainGrabRefusal(result) {
  if (result.status !== 403 || result.body?.reason) return result.body;
  return { ...result.body, detail: 'Specialists grab open tickets of their own group at tier 1 or at their own tier; managers any open ticket (W2).' };
}
