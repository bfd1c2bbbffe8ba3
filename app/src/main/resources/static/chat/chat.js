// The customer's live chat (issue 12; no login). The conversation token from starting the chat is kept in
// localStorage, so a reload shows the same conversation; new entries arrive over an EventSource. What the
// page shows comes from the chat API only, which never holds anything staff-only (C3).

const TOKEN_KEY = 'escalation.chat.token';
const startForm = document.querySelector('[data-testid="chat-start"]');
const conversation = document.querySelector('[data-testid="chat-conversation"]');
const transcript = document.querySelector('[data-testid="chat-transcript"]');
const compose = document.querySelector('[data-testid="chat-compose"]');
const connection = document.querySelector('[data-testid="chat-connection"]');
const problem = document.querySelector('[data-testid="chat-problem"]');
const shown = new Map();
let stream = null;

function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([name, value]) => node.setAttribute(name, value));
  children.filter((c) => c !== null && c !== undefined).forEach((c) => node.append(c));
  return node;
}

function say(text) {
  problem.hidden = !text;
  problem.textContent = text || '';
}

function time(iso) {
  return new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}

// C4: who took over, at which tier and by when, as a card in the conversation
function handoverCard(handover) {
  return el('dl', { class: 'handover-card', 'data-testid': 'chat-handover' },
    el('dt', {}, 'Now with'), el('dd', { 'data-testid': 'handover-owner' }, handover.owner),
    el('dt', {}, 'Tier'), el('dd', { 'data-testid': 'handover-tier' }, String(handover.tier)),
    el('dt', {}, 'Answer by'), el('dd', { 'data-testid': 'handover-due' }, handover.due || '—'));
}

function render(entry) {
  if (shown.has(entry.id)) return;
  const item = el('li', { class: entry.kind.toLowerCase(), 'data-kind': entry.kind, 'data-id': String(entry.id),
    'data-testid': 'chat-entry' },
  el('span', { class: 'meta' }, `${entry.author} · ${time(entry.at)}`),
  entry.handover ? handoverCard(entry.handover) : null,
  el('span', { class: 'text', 'data-testid': 'chat-entry-text' }, entry.text));
  shown.set(entry.id, item);
  // entries come in id order, but the answer to a send and the stream can race: keep the id order
  const later = [...shown.entries()].filter(([id]) => id > entry.id).map(([, node]) => node)
    .sort((a, b) => Number(a.dataset.id) - Number(b.dataset.id));
  if (later.length) later[0].before(item); else transcript.append(item);
}

async function call(method, path, body) {
  const token = localStorage.getItem(TOKEN_KEY);
  const headers = { Accept: 'application/json' };
  if (body) headers['Content-Type'] = 'application/json';
  if (token) headers.Authorization = `Bearer ${token}`;
  const response = await fetch(path, { method, headers, body: body ? JSON.stringify(body) : undefined });
  const json = await response.json().catch(() => null);
  return { status: response.status, ok: response.ok, body: json };
}

function problemText(answer) {
  if (answer.status === 429) return `${answer.body.detail}.`;
  if (answer.body && answer.body.errors) return answer.body.errors.map((e) => `${e.field} ${e.message}`).join('; ');
  return answer.body && answer.body.detail ? answer.body.detail : 'Something went wrong; please try again.';
}

function follow() {
  if (stream) stream.close();
  // EventSource cannot send headers: the token goes in the URL; a reconnect sends Last-Event-ID by itself
  stream = new EventSource(`/api/chat/stream?token=${encodeURIComponent(localStorage.getItem(TOKEN_KEY))}`);
  stream.addEventListener('entry', (event) => render(JSON.parse(event.data)));
  stream.addEventListener('open', () => { connection.textContent = 'Connected'; connection.dataset.state = 'open'; });
  stream.addEventListener('error', () => { connection.textContent = 'Reconnecting…'; connection.dataset.state = 'reconnecting'; });
}

function showConversation(entries) {
  startForm.hidden = true;
  conversation.hidden = false;
  entries.forEach(render);
  follow();
}

function showStart() {
  localStorage.removeItem(TOKEN_KEY);
  conversation.hidden = true;
  startForm.hidden = false;
}

function newMessageId() {
  if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}

startForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  const data = new FormData(startForm);
  const language = (navigator.language || '').trim();
  const request = { name: data.get('name'), email: data.get('email'), message: data.get('message') };
  if (/^[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8})*$/.test(language)) request.language = language;
  const answer = await call('POST', '/api/chat/conversations', request);
  if (!answer.ok) return say(problemText(answer));
  say(null);
  localStorage.setItem(TOKEN_KEY, answer.body.token);
  showConversation(answer.body.messages);
});

compose.addEventListener('submit', async (event) => {
  event.preventDefault();
  const text = compose.elements.text.value;
  if (!text.trim()) return;
  const message = { clientMessageId: newMessageId(), text };
  let answer;
  try {
    answer = await call('POST', '/api/chat/messages', message);
  } catch (e) {
    answer = await call('POST', '/api/chat/messages', message); // the same id: a retry is one message
  }
  if (answer.status === 401) { showStart(); return say('This conversation has expired; please start a new one.'); }
  if (!answer.ok) return say(problemText(answer));
  say(null);
  compose.elements.text.value = '';
  render(answer.body);
});

async function resume() {
  if (!localStorage.getItem(TOKEN_KEY)) return showStart();
  const answer = await call('GET', '/api/chat/conversation');
  if (answer.status === 401) return showStart();
  if (!answer.ok) return say(problemText(answer));
  return showConversation(answer.body.messages);
}

resume();
