// Small DOM helpers shared by every view. Text is never parsed as HTML.

export const $ = (selector, root = document) => root.querySelector(selector);
export const $$ = (selector, root = document) => [...root.querySelectorAll(selector)];

/** Builds an element: h('p', {class: 'x', dataset: {a: 1}}, 'text', child). */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value == null || value === false) continue;
    if (key === 'dataset') Object.assign(el.dataset, value);
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child == null || child === false) continue;
    el.append(child instanceof Node ? child : String(child));
  }
  return el;
}

/** ENUM_NAME to "Enum name". */
export const words = (code) => (code ? (code.charAt(0) + code.slice(1).toLowerCase().replaceAll('_', ' ')).replace(/\bsla\b/i, 'SLA') : '');
export const money = (n) => (n == null ? '—' : Number(n).toLocaleString('en-GB', { maximumFractionDigits: 2 }));

export function dl(target, rows) {
  target.replaceChildren(...rows.filter(Boolean).flatMap(([term, value, testid]) => [
    h('dt', {}, term),
    h('dd', { 'data-testid': testid }, value ?? '—'),
  ]));
}

/** Shows a problem (RFC 7807) in an alert slot in words for people, or hides the slot when there is none. */
export function showAlert(el, problem, context) {
  if (!problem) {
    el.hidden = true;
    el.textContent = '';
    return;
  }
  el.replaceChildren(...[
    context ? h('strong', {}, `${context}: `) : null,
    problem.title ? `${problem.title}${problem.rule ? ` (${problem.rule})` : ''}. ` : null,
    problem.detail || 'Something went wrong.',
  ]);
  el.hidden = false;
}

/** Adds an empty error slot after every named control of a form, linked with aria-describedby. */
export function prepareErrorSlots(form) {
  for (const control of $$('[name]', form)) {
    if (!control.id || control.type === 'radio') continue;
    const id = `err-${control.id}`;
    if (document.getElementById(id)) continue;
    const slot = h('p', { class: 'field-error', id, 'data-error-for': control.name, hidden: true });
    (control.closest('.field') || control.parentElement).append(slot);
    control.setAttribute('aria-describedby', id);
  }
}

export function clearFieldErrors(form) {
  for (const slot of $$('[data-error-for]', form)) {
    slot.hidden = true;
    slot.textContent = '';
  }
  for (const control of $$('[aria-invalid]', form)) control.removeAttribute('aria-invalid');
}

/** Shows a 400 problem's errors next to the controls of the same name; returns those that have no control. */
export function showFieldErrors(form, errors = []) {
  const unmatched = [];
  for (const { field, message } of errors) {
    const control = form.elements.namedItem(field);
    const slot = control && $(`[data-error-for="${CSS.escape(field)}"]`, form);
    if (!slot) {
      unmatched.push(`${field} ${message}`);
      continue;
    }
    slot.textContent = slot.textContent ? `${slot.textContent}; ${message}` : message;
    slot.hidden = false;
    if (control.setAttribute) control.setAttribute('aria-invalid', 'true');
  }
  const first = form.querySelector('[aria-invalid="true"]');
  if (first) first.focus();
  return unmatched;
}

/**
 * Shows the outcome of a failed request made by a form: field errors next to their fields, any
 * other problem in the alert slot, prefixed with what the person tried to do.
 */
export function showFailure(form, alert, result, what) {
  if (result.status === 400 && result.body?.errors) {
    const unmatched = showFieldErrors(form, result.body.errors);
    if (unmatched.length) showAlert(alert, { title: 'Please check', detail: unmatched.join('; ') }, what);
    return;
  }
  showAlert(alert, result.body, what);
  alert.scrollIntoView({ block: 'nearest' });
}
