import { foldWith } from '../decider.js';
import type { TillRefusalEvent } from '../till-refusal-events.js';
import { initialTillRefusalsState, type TillRefusalsState } from './till-refusals-state.js';

/** Applies one event; never throws, never mutates `state`. */
export function evolveTillRefusals(state: TillRefusalsState, event: TillRefusalEvent): TillRefusalsState {
  return { schoolId: event.data.schoolId, reported: new Set(state.reported).add(event.data.checkNumber) };
}

const foldEvents = foldWith(evolveTillRefusals);

export const foldTillRefusals = (
  events: Iterable<TillRefusalEvent>,
  from: TillRefusalsState = initialTillRefusalsState,
): TillRefusalsState => foldEvents(events, from);
