// M6 what-if: uploads a candidate criteria table and shows, per stored evaluation, the recorded outcome
// beside the candidate's, and the totals of what would change.

const byTestId = (id) => document.querySelector(`[data-testid="${id}"]`);

function csrfToken() {
  const cookie = document.cookie.split('; ').find((c) => c.startsWith('XSRF-TOKEN='));
  return cookie ? decodeURIComponent(cookie.substring('XSRF-TOKEN='.length)) : '';
}

const TOTALS = [
  ['ruleChanged', 'rule changed'], ['startHigher', 'would start at a higher tier'], ['startLower', 'would start at a lower tier'],
  ['priorityHigher', 'higher priority'], ['priorityLower', 'lower priority'], ['maxTierHigher', 'higher top tier'],
  ['maxTierLower', 'lower top tier'], ['morePages', 'more pages'], ['fewerPages', 'fewer pages'],
  ['moreDevTasks', 'more dev tasks'], ['fewerDevTasks', 'fewer dev tasks'], ['failed', 'candidate failed'],
];

function describe(outcome) {
  if (outcome.error) return `error: ${outcome.error}`;
  if (!outcome.ruleId) return 'no rule matched';
  return `${outcome.ruleId}: ${outcome.effectivePriority}, tier ${outcome.startingTier} of ${outcome.maxTier}`
    + `${outcome.pageManager ? ', page' : ''}${outcome.createDevTask ? ', dev task' : ''}`;
}

function show(result) {
  byTestId('what-if-result').hidden = false;
  byTestId('what-if-summary').textContent = `${result.evaluated} evaluations replayed, ${result.changed} would change`;
  const totals = byTestId('what-if-totals');
  totals.replaceChildren(...TOTALS.flatMap(([key, label]) => {
    const dt = document.createElement('dt');
    dt.textContent = label;
    const dd = document.createElement('dd');
    dd.dataset.testid = `total-${key}`;
    dd.textContent = String(result.totals[key]);
    return [dt, dd];
  }));
  const rows = result.tickets.filter((t) => t.changed).concat(result.tickets.filter((t) => !t.changed));
  byTestId('what-if-tickets').querySelector('tbody').replaceChildren(...rows.map((t) => {
    const tr = document.createElement('tr');
    tr.dataset.ticket = String(t.ticketId);
    if (t.changed) tr.classList.add('changed');
    const link = document.createElement('a');
    link.href = `/#/tickets/${t.ticketId}`;
    link.textContent = `#${t.ticketId}`;
    const cells = [link, t.evaluatedAt, describe(t.recorded), describe(t.candidate)];
    cells.forEach((content) => {
      const td = document.createElement('td');
      td.append(content);
      tr.append(td);
    });
    return tr;
  }));
}

async function replay(event) {
  event.preventDefault();
  const form = event.target;
  const error = byTestId('what-if-error');
  error.hidden = true;
  const data = new FormData();
  data.append('table', form.table.files[0]);
  const query = new URLSearchParams();
  ['from', 'to'].forEach((name) => { if (form[name].value.trim()) query.set(name, form[name].value.trim()); });
  const response = await fetch(`/api/criteria/what-if?${query}`, {
    method: 'POST', body: data, headers: { 'X-XSRF-TOKEN': csrfToken(), Accept: 'application/json' },
  });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    error.hidden = false;
    error.textContent = (body.errors || []).map((e) => `${e.field}: ${e.message}`).join('; ') || body.detail || `HTTP ${response.status}`;
    return;
  }
  show(body);
}

byTestId('what-if-form').addEventListener('submit', replay);
