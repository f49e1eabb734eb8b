import type { Decider } from '../decider.js';
import { TILL_REFUSAL_EVENT_TYPES } from '../event-catalogue.js';
import { tillRefusalsStreamId, type TillRefusalEvent } from '../till-refusal-events.js';
import { decideTillRefusal } from './decide-till-refusal.js';
import { evolveTillRefusals, foldTillRefusals } from './evolve-till-refusals.js';
import type { TillRefusalCommand } from './till-refusal-commands.js';
import { initialTillRefusalsState, type TillRefusalsState } from './till-refusals-state.js';

export type TillRefusalsDecider = Decider<TillRefusalCommand, TillRefusalsState, TillRefusalEvent>;

/** The refused offline checks of a school's tills: stream `till-refusals-<schoolId>`. */
export const tillRefusalsDecider: TillRefusalsDecider = {
  decide: decideTillRefusal,
  evolve: evolveTillRefusals,
  fold: foldTillRefusals,
  initialState: initialTillRefusalsState,
  streamId: tillRefusalsStreamId,
  eventTypes: TILL_REFUSAL_EVENT_TYPES,
};
