import { foldWith } from '../decider.js';
import type { SchoolEvent } from '../events.js';
import type { SchoolState } from './school-state.js';
import { initialSchoolState } from './school-state.js';

/** Sequence part of an account number (digits 4–9). */
const accountSequence = (accountNumber: string): number => Number(accountNumber.slice(3, 9)) || 0;

/** Applies one event; never throws, never mutates `state`. */
export function evolveSchool(state: SchoolState, event: SchoolEvent): SchoolState {
  switch (event.type) {
    case 'school.registered.v1':
      return {
        ...state,
        exists: true,
        schoolId: event.data.schoolId,
        name: event.data.name,
        departmentId: event.data.departmentId,
      };
    case 'school.pupils-enrolled.v1': {
      const roster = new Map(state.roster);
      let lastSequence = state.lastSequence;
      for (const pupil of event.data.pupils) {
        roster.set(pupil.pupilKey, pupil.accountNumber);
        lastSequence = Math.max(lastSequence, accountSequence(pupil.accountNumber));
      }
      return { ...state, roster, lastSequence };
    }
    default:
      return state;
  }
}

const foldSchoolEvents = foldWith(evolveSchool);

export const foldSchool = (events: Iterable<SchoolEvent>, from: SchoolState = initialSchoolState): SchoolState =>
  foldSchoolEvents(events, from);
