// The ticket's process map: the deployed BPMN drawn by bpmn-js's viewer (a WebJar, global BpmnJS),
// with the elements the ticket passed and the ones it waits in marked, from GET /api/tickets/{id}/process.
import { api } from './api.js';
import { h } from './dom.js';

let viewer = null;
let shownXml = null;
let shownMarks = [];
let fitted = false;

/** Draws (or re-marks) the map in target; returns the API answer. */
export async function renderProcessMap(target, ticketId) {
  const result = await api(`/api/tickets/${ticketId}/process`);
  if (!result.ok) {
    target.replaceChildren(h('p', { class: 'alert' }, `The process map could not be loaded: ${result.body?.detail ?? result.status}`));
    return result;
  }
  const map = result.body;
  target.dataset.passed = map.passed.join(' ');
  target.dataset.waiting = map.waiting.join(' ');
  if (typeof window.BpmnJS !== 'function') {
    target.replaceChildren(h('p', { class: 'muted' }, 'The BPMN viewer did not load; the map cannot be drawn.'));
    return result;
  }
  if (!viewer || !target.querySelector('.bjs-container')) {
    target.replaceChildren();
    viewer = new window.BpmnJS({ container: target });
    shownXml = null;
  }
  if (shownXml !== map.bpmnXml) {
    await viewer.importXML(map.bpmnXml);
    shownXml = map.bpmnXml;
    shownMarks = [];
    fitted = false;
  }
  // Only a map on screen can be fitted: when the person has moved on to another view while the diagram
  // loaded, its container has no size and the viewer's zoom would fail; the next refresh on screen fits it.
  if (!fitted && target.clientWidth > 0 && target.clientHeight > 0) {
    viewer.get('canvas').zoom('fit-viewport');
    fitted = true;
  }
  mark(map);
  return result;
}

function mark(map) {
  const canvas = viewer.get('canvas');
  const registry = viewer.get('elementRegistry');
  for (const [id, cls] of shownMarks) if (registry.get(id)) canvas.removeMarker(id, cls);
  shownMarks = [];
  for (const [ids, cls] of [[map.passed, 'passed'], [map.waiting, 'waiting']]) {
    for (const id of ids) {
      const element = registry.get(id);
      if (!element) continue;
      // a passed subprocess is outlined only: filled, it would hide which of its elements were passed
      const marker = element.type === 'bpmn:SubProcess' ? `${cls}-container` : cls;
      canvas.addMarker(id, marker);
      shownMarks.push([id, marker]);
    }
  }
}
