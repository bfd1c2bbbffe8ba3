// Times in one named zone everywhere (the zone mails and the timeline use, from /api/me), and SLA
// countdowns against the app's clock (which embedded mode's dev clock can move away from the browser's).
import { h } from './dom.js';

let zone = 'UTC';
let skewMs = 0;
let formats = build();

function build() {
  const base = { timeZone: zone, timeZoneName: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
  return {
    short: new Intl.DateTimeFormat('en-GB', { ...base, weekday: 'short', day: 'numeric', month: 'short' }),
    precise: new Intl.DateTimeFormat('en-GB', { ...base, weekday: 'short', day: 'numeric', month: 'short', second: '2-digit' }),
    clock: new Intl.DateTimeFormat('en-GB', { ...base, second: '2-digit' }),
  };
}

/** Sets the display zone and the app's time as of now. */
export function setClock(zoneId, serverNow) {
  if (zoneId && zoneId !== zone) {
    zone = zoneId;
    formats = build();
  }
  if (serverNow) skewMs = Date.parse(serverNow) - Date.now();
}

export const appNow = () => Date.now() + skewMs;
export const zoneName = () => zone;

/** "Tue 1 Dec, 14:54 CET". */
export const fmt = (instant, kind = 'short') => (instant ? formats[kind].format(new Date(instant)) : '—');
export const time = (instant, kind) => (instant ? h('time', { datetime: instant, title: zone }, fmt(instant, kind)) : '—');

/** "1 h 05 min", "4 min 10 s", "2 d 3 h". */
export function duration(ms) {
  const s = Math.max(0, Math.round(Math.abs(ms) / 1000));
  const d = Math.floor(s / 86400);
  const hrs = Math.floor((s % 86400) / 3600);
  const min = Math.floor((s % 3600) / 60);
  if (d) return `${d} d ${hrs} h`;
  if (hrs) return `${hrs} h ${String(min).padStart(2, '0')} min`;
  return `${min} min ${String(s % 60).padStart(2, '0')} s`;
}

/**
 * A live countdown for a clock: "12 min 30 s left", "overdue by 3 min", or, for a paused clock,
 * what it says instead. The page's ticker updates every [data-due] element once a second, in the
 * browser only (no request).
 */
export function countdown(state, due) {
  if (state === 'PAUSED') return h('span', { class: 'countdown paused', 'data-testid': 'countdown' }, 'Paused while waiting on the customer');
  if (state !== 'RUNNING' || !due) return null;
  const el = h('span', { class: 'countdown', 'data-testid': 'countdown', 'data-due': due });
  tickOne(el);
  return el;
}

function tickOne(el) {
  const left = Date.parse(el.dataset.due) - appNow();
  el.textContent = left >= 0 ? `${duration(left)} left` : `overdue by ${duration(left)}`;
  el.classList.toggle('overdue', left < 0);
}

export function startTicker() {
  setInterval(() => document.querySelectorAll('[data-due]').forEach(tickOne), 1000);
}

/** The zone's offset from UTC at an instant, in ms (from Intl's wall-clock parts). */
function offsetAt(ms) {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-GB', {
    timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
  }).formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
  const wall = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
  return wall - Math.floor(ms / 1000) * 1000;
}

/** A datetime-local value ("2026-12-01T09:00") read as wall-clock time in the display zone, as an ISO instant. */
export function zonedToInstant(local) {
  if (!local) return null;
  const asUtc = Date.parse(local.length === 16 ? `${local}:00Z` : `${local}Z`);
  if (Number.isNaN(asUtc)) return null;
  let ms = asUtc - offsetAt(asUtc);
  ms = asUtc - offsetAt(ms);
  return new Date(ms).toISOString();
}
