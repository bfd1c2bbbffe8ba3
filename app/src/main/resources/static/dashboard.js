// The managers' dashboard: M1-M4 now and week by week, escalation volume by cause, SLA compliance (M9),
// satisfaction (M5, from the survey answers) and recurring issues. Charts by ECharts (a WebJar).

const byTestId = (id) => document.querySelector(`[data-testid="${id}"]`);

async function get(path) {
  const response = await fetch(path, { headers: { Accept: 'application/json' } });
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    throw new Error(`${path}: ${response.status} ${problem.detail || ''}`.trim());
  }
  return response.json();
}

const percent = (rate) => (rate === null || rate === undefined ? 'none yet' : `${(rate * 100).toFixed(1)}%`);
const duration = (seconds) => {
  if (seconds === null || seconds === undefined) return 'none yet';
  if (seconds < 3600) return `${Math.round(seconds / 60)} min`;
  return `${(seconds / 3600).toFixed(1)} h`;
};

function fillTable(id, rows) {
  const body = byTestId(id).querySelector('tbody');
  body.replaceChildren(...rows.map((row) => {
    const tr = document.createElement('tr');
    row.forEach((cell) => {
      const td = document.createElement('td');
      td.textContent = String(cell);
      tr.append(td);
    });
    return tr;
  }));
  if (rows.length === 0) {
    const tr = document.createElement('tr');
    const td = document.createElement('td');
    td.colSpan = 2;
    td.textContent = 'none';
    tr.append(td);
    body.append(tr);
  }
}

function chart(id, option) {
  if (!window.echarts) return;
  window.echarts.init(byTestId(id), null, { renderer: 'canvas' }).setOption(option);
}

// M5 is another part's figure: its shape is read loosely (an average and a count of answers when given)
function satisfactionText(satisfaction) {
  const overall = satisfaction && satisfaction.overall;
  if (!overall || overall.answered === 0) return 'no survey answers yet';
  return `${Number(overall.averageRating).toFixed(2)} of 5 from ${overall.answered} of ${overall.surveysSent} surveys`
    + ` (${overall.lowRatings} rated 2 or less)`;
}

function showNow(metrics, breakdown, compliance) {
  const rate = metrics.escalationRate;
  byTestId('escalation-rate').textContent = `${percent(rate.rate)} (${rate.ticketsEscalated} of ${rate.ticketsOpened} tickets)`;
  byTestId('time-to-escalation').textContent = duration(metrics.timeToEscalation.averageSeconds);
  byTestId('reescalation-rate').textContent = percent(metrics.reescalation.rate);
  byTestId('reescalations').textContent = String(breakdown.reescalations);
  byTestId('escalation-response').textContent = duration(metrics.escalationResponse.averageSeconds);
  byTestId('sla-response').textContent = percent(compliance.total.response.rate);
  byTestId('sla-resolution').textContent = percent(compliance.total.resolution.rate);
  byTestId('satisfaction').textContent = satisfactionText(metrics.satisfaction);
  const banner = byTestId('rate-banner');
  banner.hidden = !rate.alert;
  banner.textContent = rate.alert
    ? `Escalation rate ${percent(rate.rate)} is above the ${percent(rate.alertThreshold)} threshold (M1)`
    : '';
}

function showCharts(weekly, metrics, compliance, breakdown) {
  const weeks = weekly.weeks.map((w) => w.week);
  chart('weekly-chart', {
    tooltip: { trigger: 'axis' },
    legend: {},
    xAxis: { type: 'category', data: weeks },
    yAxis: [{ type: 'value', name: '%' }, { type: 'value', name: 'hours' }],
    series: [
      { name: 'escalation rate (M1)', type: 'line', data: weekly.weeks.map((w) => pct(w.metrics.escalationRate.rate)) },
      { name: 're-escalation rate (M3)', type: 'line', data: weekly.weeks.map((w) => pct(w.metrics.reescalation.rate)) },
      { name: 'time to escalation (M2)', type: 'bar', yAxisIndex: 1, data: weekly.weeks.map((w) => hours(w.metrics.timeToEscalation.averageSeconds)) },
      { name: 'escalation response (M4)', type: 'bar', yAxisIndex: 1, data: weekly.weeks.map((w) => hours(w.metrics.escalationResponse.averageSeconds)) },
    ],
  });
  chart('tier-chart', {
    tooltip: {},
    xAxis: { type: 'category', data: metrics.resolutionTimeByTier.map((t) => `tier ${t.tier}`) },
    yAxis: { type: 'value', name: 'hours' },
    series: [{ name: 'resolution time', type: 'bar', data: metrics.resolutionTimeByTier.map((t) => hours(t.averageSeconds)) }],
  });
  chart('sla-chart', {
    tooltip: { trigger: 'axis' },
    legend: {},
    xAxis: { type: 'category', data: compliance.groups.map((g) => g.key) },
    yAxis: { type: 'value', name: '%', max: 100 },
    series: [
      { name: 'response met', type: 'line', data: compliance.groups.map((g) => pct(g.response.rate)) },
      { name: 'resolution met', type: 'line', data: compliance.groups.map((g) => pct(g.resolution.rate)) },
    ],
  });
  chart('cause-chart', {
    tooltip: {},
    xAxis: { type: 'category', data: breakdown.byCause.map((c) => c.name) },
    yAxis: { type: 'value' },
    series: [{ name: 'escalations', type: 'bar', data: breakdown.byCause.map((c) => c.count) }],
  });
}

const pct = (rate) => (rate === null ? null : Math.round(rate * 1000) / 10);
const hours = (seconds) => (seconds === null ? null : Math.round(seconds / 36) / 100);

async function load() {
  try {
    const [metrics, weekly, compliance, breakdown] = await Promise.all([
      get('/api/metrics'),
      get('/api/reports/weekly?weeks=12'),
      get('/api/reports/sla-compliance?by=week'),
      get('/api/reports/escalations'),
    ]);
    showNow(metrics, breakdown, compliance);
    fillTable('causes', breakdown.byCause.map((c) => [c.name, c.count]));
    fillTable('categories', breakdown.byCategory.map((c) => [c.name, c.count]));
    fillTable('rules', breakdown.byOpeningRule.map((c) => [c.name, c.count]));
    fillTable('root-causes', breakdown.reviewRootCauses.map((c) => [c.name, c.count]));
    showCharts(weekly, metrics, compliance, breakdown);
    document.body.dataset.loaded = 'true';
  } catch (error) {
    const alert = byTestId('dashboard-error');
    alert.hidden = false;
    alert.textContent = error.message;
  }
}

load();
