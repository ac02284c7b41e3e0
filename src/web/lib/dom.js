/**
 * Building DOM nodes without innerHTML: every text a page shows (scenario names, metric names,
 * error messages from the server) goes in as text, never parsed as HTML.
 */

/** `el('td', { class: 'num', title: 'x' }, 'text', child)` — attributes, then text or nodes. */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'style' && typeof value === 'object') Object.assign(node.style, value);
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  append(node, children);
  return node;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** The same for SVG elements. */
export function svg(tag, attributes = {}, ...children) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null) continue;
    node.setAttribute(name, String(value));
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces a container's content. */
export function fill(container, ...children) {
  container.replaceChildren();
  append(container, children);
  return container;
}

/** Shows an error where the content would have been (and keeps the page usable). */
export function showError(container, error) {
  const message = error instanceof Error ? error.message : String(error);
  fill(container, el('p', { class: 'error', role: 'alert' }, message));
}

/** The page's `?id=` parameter. */
export function pageId() {
  return new URLSearchParams(location.search).get('id') ?? '';
}
