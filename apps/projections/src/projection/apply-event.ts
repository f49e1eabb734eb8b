import type { AccountEvent } from '@meals/domain';
import {
  ACCOUNTS,
  CARDS,
  dayTotalsId,
  ROSTER,
  SCHOOL_DAY_TOTALS,
  SCHOOLS,
  STATEMENT_LINES,
  type AccountDoc,
  type CardDoc,
  type SchoolDayTotalsDoc,
  type SchoolDoc,
} from '../read-models.js';
import { evolveAccountDoc } from './accounts.projection.js';
import { affectedCardUid, evolveCardDoc } from './cards.projection.js';
import { isAccountEvent } from './event-targets.js';
import type { ProjectionInput } from './projection-input.js';
import { rosterDocs } from './roster.projection.js';
import { dayTotalsSchoolId, evolveDayTotals } from './school-day-totals.projection.js';
import { changePupilCount, pupilCountChanges, registerSchool } from './schools.projection.js';
import { statementLine } from './statement-lines.projection.js';
import type { WorkingSet } from './working-set.js';

/**
 * Folds one event into the working set, every read model at once. It reads every document
 * it needs before writing any, so when one was not loaded (NotLoadedError) nothing was
 * written yet and the event can be applied again once it is.
 */
export function applyEvent(workingSet: WorkingSet, input: ProjectionInput): void {
  const { event } = input;
  switch (event.type) {
    case 'school.registered.v1': {
      const school = workingSet.get<SchoolDoc>(SCHOOLS, event.data.schoolId);
      workingSet.put(SCHOOLS, event.data.schoolId, registerSchool(school, event));
      return;
    }
    case 'school.pupils-enrolled.v1':
      for (const doc of rosterDocs(event)) workingSet.put(ROSTER, doc._id, doc);
      return;
  }
  if (isAccountEvent(event)) applyAccountEvent(workingSet, event, input);
}

function applyAccountEvent(workingSet: WorkingSet, event: AccountEvent, input: ProjectionInput): void {
  // reads
  const account = workingSet.get<AccountDoc>(ACCOUNTS, event.data.accountNumber);
  const cardUid = affectedCardUid(event, account);
  const card = cardUid === null ? null : workingSet.get<CardDoc>(CARDS, cardUid);
  const totalsSchoolId = dayTotalsSchoolId(event, account);
  const totalsId = totalsSchoolId === null ? null : dayTotalsId(totalsSchoolId, input.date);
  const totals = totalsId === null ? null : workingSet.get<SchoolDayTotalsDoc>(SCHOOL_DAY_TOTALS, totalsId);
  const schools = pupilCountChanges(event, account).map(
    ([schoolId, delta]) => [schoolId, delta, workingSet.get<SchoolDoc>(SCHOOLS, schoolId)] as const,
  );

  // writes
  if (cardUid !== null) {
    const next = evolveCardDoc(card, event, account);
    if (next) workingSet.put(CARDS, cardUid, next);
  }
  if (totalsId !== null) {
    workingSet.put(SCHOOL_DAY_TOTALS, totalsId, evolveDayTotals(totals, totalsSchoolId!, input.date, event));
  }
  for (const [schoolId, delta, school] of schools) {
    workingSet.put(SCHOOLS, schoolId, changePupilCount(school, schoolId, delta));
  }
  if (!input.statementLineWritten) {
    const line = statementLine(event, input);
    if (line) workingSet.insert(STATEMENT_LINES, line._id, line);
  }
  const next = evolveAccountDoc(account, event, input);
  if (next) workingSet.put(ACCOUNTS, next._id, next);
}
