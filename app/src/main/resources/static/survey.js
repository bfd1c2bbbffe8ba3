// M5: the customer survey page (no login). The link's last path segment is the signed token; the page asks
// what the link stands for, then posts {rating, comment} back to the same address.

const form = document.querySelector('[data-testid="survey-form"]');
const outcome = document.querySelector('[data-testid="survey-outcome"]');
const link = window.location.pathname;

const SAID = {
  RECORDED: 'Thank you! Your answer was recorded.',
  ALREADY_ANSWERED: 'Thank you: we already have your answer for this request, and it stays as it was.',
  EXPIRED: 'Sorry, this survey link has expired and can no longer be answered.',
  INVALID: 'Sorry, this survey link is not valid. Please use the link from our message as it was sent.',
  FAILED: 'Sorry, something went wrong. Please try again in a moment.',
};

function show(what, refused) {
  form.hidden = true;
  outcome.hidden = false;
  outcome.textContent = SAID[what];
  outcome.classList.toggle('refused', Boolean(refused));
  outcome.dataset.status = what;
}

function statusOf(response, body) {
  if (response.status === 410) return 'EXPIRED';
  if (response.status === 404) return 'INVALID';
  return response.ok && body ? body.status : 'FAILED';
}

async function call(init) {
  const response = await fetch(link, { ...init, headers: { Accept: 'application/json', ...(init && init.headers) } });
  const body = await response.json().catch(() => null);
  return { response, body };
}

async function start() {
  try {
    const { response, body } = await call({ method: 'GET' });
    const status = statusOf(response, body);
    if (status === 'OPEN') {
      form.hidden = false;
    } else {
      show(status, status !== 'ALREADY_ANSWERED');
    }
  } catch (e) {
    show('FAILED', true);
  }
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const rating = Number(event.submitter ? event.submitter.value : NaN);
  const comment = form.elements.comment.value.trim();
  try {
    const { response, body } = await call({
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(comment ? { rating, comment } : { rating }),
    });
    const status = response.status === 400 ? 'FAILED' : statusOf(response, body);
    show(status, status === 'EXPIRED' || status === 'INVALID' || status === 'FAILED');
  } catch (e) {
    show('FAILED', true);
  }
});

start();
