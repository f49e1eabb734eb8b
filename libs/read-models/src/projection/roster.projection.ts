import type { SchoolPupilsEnrolled } from '@meals/domain';
import { rosterId, type RosterDoc } from '../documents.js';

/** One roster entry per enrolled pupil (the school list as imported; moves do not change it). */
export function rosterDocs(event: SchoolPupilsEnrolled): RosterDoc[] {
  const { schoolId, pupils } = event.data;
  return pupils.map(({ pupilKey, accountNumber, fullName, className }) => ({
    _id: rosterId(schoolId, pupilKey),
    schoolId,
    pupilKey,
    accountNumber,
    fullName,
    className,
  }));
}
