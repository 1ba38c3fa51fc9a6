// Builds DOM nodes. Text from the server (names, reasons, anything a tenant controls) only ever becomes text nodes:
// there is no innerHTML anywhere in the dashboard.

const SVG = 'http://www.w3.org/2000/svg';

function append(node, children) {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** An HTML element with attributes (set as attributes, never as markup) and children (nodes or text). */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    node.setAttribute(name, value === true ? '' : String(value));
  }
  return append(node, children);
}

/** An SVG element, likewise. */
export function svg(tag, attributes = {}, ...children) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== null && value !== undefined) node.setAttribute(name, String(value));
  }
  return append(node, children);
}

/** Replaces the children of the element with id <paramref>id</paramref>. */
export function fill(id, ...children) {
  const node = document.getElementById(id);
  node.replaceChildren();
  return append(node, children);
}

/** A time for people: the browser's local time with its zone named (e.g. CET), the UTC instant in the title. */
export function time(value) {
  if (!value) return el('span', { class: 'muted' }, '—');
  const at = new Date(value);
  return el('time', { datetime: at.toISOString(), title: at.toISOString() }, at.toLocaleString(undefined, { timeZoneName: 'short' }));
}

/** The state of a drain or workflow, styled by its kind. */
export function state(value) {
  return el('span', { class: 'state-' + String(value).toLowerCase() }, String(value));
}
