import type { AccountEvent, SchoolRegistered } from '@meals/domain';
import type { AccountDoc, SchoolDoc } from '../documents.js';

/** How an account event changes the number of open accounts per school; `account` is before the event. */
export function pupilCountChanges(
  event: AccountEvent,
  account: AccountDoc | null,
): [schoolId: string, delta: number][] {
  switch (event.type) {
    case 'account.opened.v1':
      return account?.status === 'open' ? [] : [[event.data.schoolId, +1]];
    case 'account.moved.v1':
      if (account?.status !== 'open' || account.schoolId === event.data.toSchoolId) return [];
      return [
        [account.schoolId, -1],
        [event.data.toSchoolId, +1],
      ];
    case 'account.closed.v1':
      return account?.status === 'open' ? [[account.schoolId, -1]] : [];
    default:
      return [];
  }
}

const unnamedSchool = (schoolId: string): SchoolDoc => ({
  _id: schoolId,
  schoolId,
  name: '',
  departmentId: '',
  pupilCount: 0,
});

export function registerSchool(doc: SchoolDoc | null, event: SchoolRegistered): SchoolDoc {
  const { schoolId, name, departmentId } = event.data;
  return { ...(doc ?? unnamedSchool(schoolId)), name, departmentId };
}

/** Counts also for a school not (yet) registered, so the count never depends on event order. */
export function changePupilCount(doc: SchoolDoc | null, schoolId: string, delta: number): SchoolDoc {
  const school = doc ?? unnamedSchool(schoolId);
  return { ...school, pupilCount: school.pupilCount + delta };
}
