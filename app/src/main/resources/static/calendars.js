// Support calendars (S2): list, create or change, add holidays. Plain ES module on the REST API.
const $ = (selector, root = document) => root.querySelector(selector);

function csrfToken() {
  const cookie = document.cookie.split('; ').find((c) => c.startsWith('XSRF-TOKEN='));
  return cookie ? decodeURIComponent(cookie.substring('XSRF-TOKEN='.length)) : '';
}

/** method, path and an optional body (JSON unless a File); never throws. */
async function call(method, path, body) {
  const init = { method, credentials: 'same-origin', headers: { Accept: 'application/json, application/problem+json' } };
  if (body !== undefined) {
    init.headers['X-XSRF-TOKEN'] = csrfToken();
    init.headers['Content-Type'] = body instanceof File ? 'text/calendar' : 'application/json';
    init.body = body instanceof File ? body : JSON.stringify(body);
  }
  try {
    const response = await fetch(path, init);
    if (response.status === 401) {
      window.location.assign('/login');
    }
    const text = await response.text();
    return { ok: response.ok, status: response.status, body: text ? JSON.parse(text) : null };
  } catch (e) {
    return { ok: false, status: 0, body: { title: 'Server not reachable', detail: e.message } };
  }
}

/** A problem as text: each named field and its message, or the detail. */
function describe(problem) {
  if (problem && Array.isArray(problem.errors)) {
    return problem.errors.map((e) => `${e.field}: ${e.message}`).join('; ');
  }
  return (problem && (problem.detail || problem.title)) || 'Something went wrong.';
}

function cell(text) {
  const td = document.createElement('td');
  td.textContent = text ?? '—';
  return td;
}

const list = (text) => text.split(',').map((s) => s.trim()).filter((s) => s.length > 0);
let calendars = [];

async function load() {
  const response = await call('GET', '/api/calendars');
  const alert = $('[data-testid="calendars-alert"]');
  if (!response.ok) {
    alert.textContent = describe(response.body);
    alert.hidden = false;
    return;
  }
  alert.hidden = true;
  calendars = response.body;
  $('[data-testid="calendars"]').replaceChildren(...calendars.map((c) => {
    const tr = document.createElement('tr');
    tr.dataset.calendar = c.name;
    tr.append(cell(c.name), cell(c.kind), cell(c.zone), cell(c.workingDays.join(', ')),
      cell(c.kind === 'WEEKLY' ? `${c.opensAt}–${c.closesAt}` : null), cell(c.members.join(', ')),
      cell(c.holidays.map((h) => h.date).join(', ')), cell(`${c.updatedAt} by ${c.updatedBy}`));
    tr.addEventListener('click', () => edit(c));
    return tr;
  }));
  $('#hol-calendar').replaceChildren(...calendars.filter((c) => c.kind === 'WEEKLY').map((c) => {
    const option = document.createElement('option');
    option.value = c.id;
    option.textContent = c.name;
    return option;
  }));
}

function edit(c) {
  const form = $('[data-testid="calendar-form"]');
  form.elements.name.value = c.name;
  form.elements.kind.value = c.kind;
  form.elements.zone.value = c.zone ?? '';
  form.elements.workingDays.value = c.workingDays.join(',');
  form.elements.opensAt.value = c.opensAt ?? '';
  form.elements.closesAt.value = c.closesAt ?? '';
  form.elements.members.value = c.members.join(',');
}

async function save(event) {
  event.preventDefault();
  const form = event.target;
  const f = form.elements;
  const union = f.kind.value === 'UNION';
  const body = union
    ? { name: f.name.value, kind: 'UNION', members: list(f.members.value) }
    : { name: f.name.value, kind: 'WEEKLY', zone: f.zone.value, workingDays: list(f.workingDays.value),
      opensAt: f.opensAt.value, closesAt: f.closesAt.value };
  const existing = calendars.find((c) => c.name === f.name.value);
  const response = existing
    ? await call('PUT', `/api/calendars/${existing.id}`, body)
    : await call('POST', '/api/calendars', body);
  $('[data-testid="calendar-errors"]').textContent = response.ok ? 'Saved.' : describe(response.body);
  await load();
}

async function addHolidays(event) {
  event.preventDefault();
  const f = event.target.elements;
  const file = f.file.files[0];
  const body = file ?? list(f.dates.value);
  const response = await call('POST', `/api/calendars/${f.calendar.value}/holidays`, body);
  $('[data-testid="holiday-errors"]').textContent = response.ok
    ? `${response.body.name} has ${response.body.holidays.length} holidays.` : describe(response.body);
  await load();
}

$('[data-testid="calendar-form"]').addEventListener('submit', save);
$('[data-testid="holiday-form"]').addEventListener('submit', addHolidays);
load();
