import { MAX_ACCOUNT_SEQUENCE, makeAccountNumber } from '../account-number.js';
import type { EnrolledPupil, SchoolEvent } from '../events.js';
import { pupilKey } from '../pupil-key.js';
import { requireCardUid, requireClassName, requireId, requireName, requireSchoolId } from '../validation.js';
import type { EnrollPupils, RegisterSchool, SchoolCommand } from './school-commands.js';
import {
  duplicateCardUid,
  notEnoughCardUids,
  schoolExists,
  schoolNotFound,
  schoolSequenceExhausted,
  tooManyRows,
} from './school-errors.js';
import type { SchoolState } from './school-state.js';

export const MAX_PUPIL_ROWS = 5_000;

/** Decides what a school command records; throws DomainError when a rule refuses it. */
export function decideSchool(command: SchoolCommand, state: SchoolState): SchoolEvent[] {
  switch (command.type) {
    case 'RegisterSchool':
      return decideRegisterSchool(command, state);
    case 'EnrollPupils':
      return decideEnrollPupils(command, state);
  }
}

/** Registering the same school again with the same name and department changes nothing. */
function decideRegisterSchool(command: RegisterSchool, state: SchoolState): SchoolEvent[] {
  const schoolId = requireSchoolId(command.schoolId);
  const name = requireName(command.name, 'name');
  const departmentId = requireId(command.departmentId, 'departmentId');
  if (state.exists) {
    if (state.name === name && state.departmentId === departmentId) return [];
    throw schoolExists(schoolId);
  }
  return [{ type: 'school.registered.v1', data: { schoolId, name, departmentId } }];
}

/**
 * Enrols the pupils of a list who are not in the roster yet (matched by pupilKey), numbering
 * their accounts after the school's last used sequence. Re-importing a list changes nothing;
 * a pupil listed twice is enrolled once. Any invalid row rejects the whole list.
 */
function decideEnrollPupils(command: EnrollPupils, state: SchoolState): SchoolEvent[] {
  const schoolId = requireSchoolId(command.schoolId);
  if (!state.exists) throw schoolNotFound(schoolId);
  if (command.rows.length > MAX_PUPIL_ROWS) throw tooManyRows(command.rows.length, MAX_PUPIL_ROWS);

  const newcomers = new Map<string, { fullName: string; className: string }>();
  command.rows.forEach((row, index) => {
    const rowNumber = index + 1;
    const fullName = requireName(row.fullName, 'fullName', rowNumber);
    const className = requireClassName(row.className, 'className', rowNumber);
    const key = pupilKey(fullName, className);
    if (!state.roster.has(key) && !newcomers.has(key)) newcomers.set(key, { fullName, className });
  });
  if (newcomers.size === 0) return [];

  const cardUids = takeNewCardUids(command.newCardUids, newcomers.size);
  if (state.lastSequence + newcomers.size > MAX_ACCOUNT_SEQUENCE) {
    throw schoolSequenceExhausted(schoolId, newcomers.size, state.lastSequence);
  }
  const pupils: EnrolledPupil[] = [...newcomers].map(([key, pupil], i) => ({
    pupilKey: key,
    accountNumber: makeAccountNumber(schoolId, state.lastSequence + 1 + i),
    fullName: pupil.fullName,
    className: pupil.className,
    cardUid: cardUids[i]!,
  }));
  return [{ type: 'school.pupils-enrolled.v1', data: { schoolId, pupils } }];
}

/** The first `count` caller-supplied card uids, each well-formed and distinct. */
function takeNewCardUids(newCardUids: readonly string[], count: number): string[] {
  if (newCardUids.length < count) throw notEnoughCardUids(count, newCardUids.length);
  const used = newCardUids.slice(0, count);
  const seen = new Set<string>();
  used.forEach((uid, index) => {
    requireCardUid(uid, `newCardUids[${index}]`);
    if (seen.has(uid)) throw duplicateCardUid(index);
    seen.add(uid);
  });
  return used;
}
