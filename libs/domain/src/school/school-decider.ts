import type { Decider } from '../decider.js';
import { SCHOOL_EVENT_TYPES } from '../event-catalogue.js';
import { schoolStreamId, type SchoolEvent } from '../events.js';
import type { SchoolCommand } from './school-commands.js';
import { initialSchoolState, type SchoolState } from './school-state.js';
import { decideSchool } from './decide-school.js';
import { evolveSchool, foldSchool } from './evolve-school.js';

export type SchoolDecider = Decider<SchoolCommand, SchoolState, SchoolEvent>;

/** The school aggregate: stream `school-<schoolId>`. */
export const schoolDecider: SchoolDecider = {
  decide: decideSchool,
  evolve: evolveSchool,
  fold: foldSchool,
  initialState: initialSchoolState,
  streamId: schoolStreamId,
  eventTypes: SCHOOL_EVENT_TYPES,
};
