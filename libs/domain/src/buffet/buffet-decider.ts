import { buffetStreamId, type BuffetEvent } from '../buffet-events.js';
import type { Decider } from '../decider.js';
import { BUFFET_EVENT_TYPES } from '../event-catalogue.js';
import type { BuffetCommand } from './buffet-commands.js';
import { decideBuffet } from './decide-buffet.js';
import { evolveBuffet, foldBuffet } from './evolve-buffet.js';
import { initialBuffetState, type BuffetState } from './buffet-state.js';

export type BuffetDecider = Decider<BuffetCommand, BuffetState, BuffetEvent>;

/** A school's buffet assortment: stream `buffet-<schoolId>`. */
export const buffetDecider: BuffetDecider = {
  decide: decideBuffet,
  evolve: evolveBuffet,
  fold: foldBuffet,
  initialState: initialBuffetState,
  streamId: buffetStreamId,
  eventTypes: BUFFET_EVENT_TYPES,
};
