import type { BuffetEvent } from '../buffet-events.js';
import { foldWith } from '../decider.js';
import { initialBuffetState, type BuffetState } from './buffet-state.js';

/** Applies one event; never throws, never mutates `state`. */
export function evolveBuffet(state: BuffetState, event: BuffetEvent): BuffetState {
  const { schoolId, itemId, name, price, category, active, favourite } = event.data;
  const items = new Map(state.items);
  items.set(itemId, { name, price, category, active, favourite });
  return { schoolId, items };
}

const foldBuffetEvents = foldWith(evolveBuffet);

export const foldBuffet = (events: Iterable<BuffetEvent>, from: BuffetState = initialBuffetState): BuffetState =>
  foldBuffetEvents(events, from);
