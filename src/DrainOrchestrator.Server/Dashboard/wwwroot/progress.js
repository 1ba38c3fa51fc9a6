// Progress of a drain as the API reports it per node: moved of total, given up and skipped counting as done.
import { el } from './dom.js';

/**
 * { done, total, moved } over a drain's nodes: done counts the VMs settled (moved, given up or skipped), which the bar
 * shows; moved those that left, which the text says (a node whose total is not known yet counts its moved VMs only).
 */
export function totals(nodes) {
  let done = 0;
  let total = 0;
  let moved = 0;
  for (const node of nodes) {
    done += node.moved + node.givenUp + node.skipped;
    moved += node.moved;
    total += node.total ?? node.moved + node.remaining + node.givenUp + node.skipped;
  }
  return { done, total, moved };
}

/** ", N given up, M skipped" for a drain's nodes, each part only when not zero: the VMs settled without moving. */
export function unmoved(nodes) {
  const givenUp = nodes.reduce((sum, n) => sum + n.givenUp, 0);
  const skipped = nodes.reduce((sum, n) => sum + n.skipped, 0);
  return (givenUp ? `, ${givenUp} given up` : '') + (skipped ? `, ${skipped} skipped` : '');
}

/** A labelled progress bar: the label names what it measures, the text beside it says the numbers. */
export function bar(label, done, total, id) {
  return el('progress', { id, max: Math.max(total, 1), value: done, 'aria-label': label, 'aria-valuetext': `${done} of ${total}` });
}
