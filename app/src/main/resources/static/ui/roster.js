// Roster and logins (#/roster, admins): roster members (GET/POST /api/roster, PUT /api/roster/{username}),
// logins and API tokens (/api/admin), on-call shifts (/api/on-call). Times in the display zone.
import { api } from './api.js';
import { $, $$, h, words, showAlert, prepareErrorSlots, clearFieldErrors, showFailure } from './dom.js';
import { time, zonedToInstant, zoneName } from './time.js';

let editing = null;

function memberBody(form) {
  const v = (n) => form.elements.namedItem(n);
  return {
    username: v('username').value.trim(),
    displayName: v('displayName').value.trim(),
    email: v('email').value.trim(),
    role: v('role').value,
    tier: v('tier').value === '' ? null : Number(v('tier').value),
    skillGroup: v('skillGroup').value.trim() || null,
    available: v('available').checked,
    onDuty: v('onDuty').checked,
  };
}

function edit(member) {
  const form = $('[data-testid="member-form"]');
  clearFieldErrors(form);
  editing = member ? member.username : null;
  $('[data-testid="member-form-heading"]').textContent = member ? `Edit ${member.displayName}` : 'Add a roster member';
  $('[data-testid="member-new"]').hidden = !member;
  form.elements.username.readOnly = Boolean(member);
  if (!member) return form.reset();
  for (const [k, v] of Object.entries(member)) {
    const control = form.elements.namedItem(k);
    if (!control) continue;
    if (control.type === 'checkbox') control.checked = Boolean(v); else control.value = v ?? '';
  }
  form.elements.displayName.focus();
}

async function loadRoster() {
  const result = await api('/api/roster');
  showAlert($('[data-testid="roster-alert"]'), result.ok ? null : result.body, 'Loading the roster');
  if (!result.ok) return;
  $('[data-testid="roster"] tbody').replaceChildren(...result.body.map((m) => {
    const button = h('button', { type: 'button', class: 'small secondary', 'data-testid': 'edit-member' }, 'Edit');
    button.addEventListener('click', () => edit(m));
    return h('tr', { 'data-testid': 'member-row', 'data-username': m.username },
      h('td', {}, m.displayName, h('br'), h('span', { class: 'muted small' }, `${m.username} · ${m.email}`)),
      h('td', {}, words(m.role)), h('td', { class: 'num' }, m.tier), h('td', {}, m.skillGroup ?? '—'),
      h('td', {}, m.available ? 'yes' : 'no'), h('td', {}, m.onDuty ? 'yes' : 'no'), h('td', {}, button));
  }));
}

async function loadLogins() {
  const [users, tokens, shifts] = await Promise.all([api('/api/admin/users'), api('/api/admin/tokens'), api('/api/on-call')]);
  if (users.ok) {
    $('[data-testid="logins"]').replaceChildren(...users.body.map((u) => h('li', {}, `${u.username} (${words(u.role)})`)));
  }
  if (tokens.ok) {
    $('[data-testid="tokens"]').replaceChildren(...tokens.body.map((t) => {
      const revoke = h('button', { type: 'button', class: 'small secondary' }, 'Revoke');
      revoke.addEventListener('click', async () => {
        const result = await api(`/api/admin/tokens/${t.id}`, undefined, 'DELETE');
        showAlert($('[data-testid="token-alert"]'), result.ok ? null : result.body, 'Revoking the token');
        loadLogins();
      });
      return h('li', {}, `${t.name} (${words(t.role)}) `, t.revokedAt ? h('span', { class: 'muted' }, 'revoked') : revoke);
    }));
  }
  if (shifts.ok) {
    $('[data-testid="paging-order"]').textContent = `Paged now, in order: ${shifts.body.pagingOrderNow.join(', ') || 'nobody'}`;
    $('[data-testid="shifts"]').replaceChildren(...shifts.body.shifts.map((s) => h('li', {}, `${s.escalationOrder}. ${s.username} `,
      time(s.startsAt), ' – ', time(s.endsAt))));
  }
}

async function submitMember(event) {
  event.preventDefault();
  const form = event.currentTarget;
  const alert = $('[data-testid="member-alert"]');
  clearFieldErrors(form);
  showAlert(alert, null);
  const body = memberBody(form);
  const result = editing
    ? await api(`/api/roster/${encodeURIComponent(editing)}`, body, 'PUT')
    : await api('/api/roster', body);
  if (!result.ok) return showFailure(form, alert, result, editing ? `Saving ${editing}` : 'Adding the member');
  const warnings = result.body?.warnings ?? [];
  $('[data-testid="roster-status"]').textContent = `${body.displayName || body.username} saved.${warnings.length ? ` Warning: ${warnings.join('; ')}` : ''}`;
  edit(null);
  loadRoster();
}

function simpleForm(testid, alertId, path, bodyOf, after, what) {
  const form = $(`[data-testid="${testid}"]`);
  prepareErrorSlots(form);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const alert = $(`[data-testid="${alertId}"]`);
    clearFieldErrors(form);
    showAlert(alert, null);
    const result = await api(path, bodyOf(form));
    if (!result.ok) return showFailure(form, alert, result, what);
    after(result.body, form);
    form.reset();
    loadLogins();
  });
}

export const rosterView = {
  name: 'roster',
  init() {
    prepareErrorSlots($('[data-testid="member-form"]'));
    $('[data-testid="member-form"]').addEventListener('submit', submitMember);
    $('[data-testid="member-new"]').addEventListener('click', () => edit(null));
    simpleForm('login-form', 'login-alert', '/api/admin/users',
      (f) => ({ username: f.elements.username.value.trim(), password: f.elements.password.value, role: f.elements.role.value }),
      (b) => { $('[data-testid="roster-status"]').textContent = `Login ${b.username} created.`; }, 'Creating the login');
    simpleForm('token-form', 'token-alert', '/api/admin/tokens',
      (f) => ({ name: f.elements.name.value.trim(), role: f.elements.role.value }),
      (b) => { $('[data-testid="new-token"]').textContent = `Copy it now, it is shown once: ${b.token}`; }, 'Creating the token');
    simpleForm('shift-form', 'shift-alert', '/api/on-call',
      (f) => ({
        username: f.elements.username.value.trim(), startsAt: zonedToInstant(f.elements.startsAt.value),
        endsAt: zonedToInstant(f.elements.endsAt.value), escalationOrder: Number(f.elements.escalationOrder.value),
      }),
      () => { $('[data-testid="roster-status"]').textContent = 'Shift added.'; }, 'Adding the shift');
  },
  show() {
    for (const el of $$('[data-zone]')) el.textContent = zoneName();
    loadRoster();
    loadLogins();
  },
  onChange() {},
};
