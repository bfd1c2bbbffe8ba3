// M7: the rule overrides review page. Lists GET /api/overrides with its filters; a manager reviews one with a note.

const $ = (selector) => document.querySelector(selector);
const filter = $('[data-testid="overrides-filter"]');
const rows = $('[data-testid="overrides-table"] tbody');
const alertBox = $('[data-testid="overrides-alert"]');

function csrfToken() {
  const cookie = document.cookie.split('; ').find((c) => c.startsWith('XSRF-TOKEN='));
  return cookie ? decodeURIComponent(cookie.substring('XSRF-TOKEN='.length)) : '';
}

function say(text) {
  alertBox.hidden = !text;
  alertBox.textContent = text || '';
}

function problemText(problem) {
  if (problem && problem.errors) return problem.errors.map((e) => `${e.field} ${e.message}`).join('; ');
  return (problem && problem.detail) || 'The request failed.';
}

function cell(text) {
  const td = document.createElement('td');
  td.textContent = text == null ? '' : String(text);
  return td;
}

function query() {
  const params = new URLSearchParams();
  for (const name of ['rule', 'text', 'reviewed']) {
    const value = filter.elements[name].value.trim();
    if (value) params.set(name, value);
  }
  for (const name of ['from', 'to']) {
    const value = filter.elements[name].value;
    if (value) params.set(name, new Date(value).toISOString());
  }
  return params.toString();
}

function reviewCell(override) {
  const td = document.createElement('td');
  if (override.review) {
    td.textContent = `${override.review.by}, ${new Date(override.review.at).toLocaleString()}: ${override.review.note}`;
    td.dataset.testid = 'override-reviewed';
    return td;
  }
  const form = document.createElement('form');
  form.dataset.testid = 'override-review-form';
  const note = document.createElement('textarea');
  note.name = 'note';
  note.rows = 2;
  note.maxLength = 2000;
  note.placeholder = 'What did we learn?';
  note.setAttribute('aria-label', `Learning note for override ${override.id}`);
  const button = document.createElement('button');
  button.type = 'submit';
  button.textContent = 'Mark reviewed';
  form.append(note, button);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const response = await fetch(`/api/overrides/${override.id}/review`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'X-XSRF-TOKEN': csrfToken() },
      body: JSON.stringify({ note: note.value }),
    });
    if (response.ok) {
      say('');
      load();
    } else {
      say(problemText(await response.json().catch(() => null)));
    }
  });
  td.append(form);
  return td;
}

// Only the latest request's answer is shown: the first load can answer after a filter submitted meanwhile.
let latest = 0;

async function load() {
  const request = ++latest;
  const response = await fetch(`/api/overrides?${query()}`, { headers: { Accept: 'application/json' } });
  const body = await response.json().catch(() => null);
  if (request !== latest) {
    return;
  }
  if (!response.ok) {
    say(problemText(body));
    return;
  }
  say(body.length === 0 ? 'No rule overrides match.' : '');
  rows.replaceChildren(...body.map((override) => {
    const tr = document.createElement('tr');
    tr.dataset.overrideId = override.id;
    const ticket = document.createElement('td');
    if (override.ticketId != null) {
      const link = document.createElement('a');
      link.href = `/#/tickets/${override.ticketId}`;
      link.textContent = `#${override.ticketId}`;
      ticket.append(link);
    }
    tr.append(cell(new Date(override.at).toLocaleString()), ticket, cell(override.actor), cell(override.rule),
      cell(override.reason || override.detail), reviewCell(override));
    return tr;
  }));
}

filter.addEventListener('submit', (event) => {
  event.preventDefault();
  load();
});

load();
