// Progress of a drain as the API reports it per node: moved of total, given up and skipped counting as done.
import { el } from './dom.js';

/** { done, total } over a drain's nodes (a node whose total is not known yet counts its moved VMs only). */
export function totals(nodes) {
  let done = 0;
  let total = 0;
  for (const node of nodes) {
    done += node.moved + node.givenUp + node.skipped;
    total += node.total ?? node.moved + node.remaining + node.givenUp + node.skipped;
  }
  return { done, total };
}

/** A labelled progress bar: the label names what it measures, the text beside it says the numbers. */
export function bar(label, done, total, id) {
  return el('progress', { id, max: Math.max(total, 1), value: done, 'aria-label': label, 'aria-valuetext': `${done} of ${total}` });
}
