export interface SchoolState {
  exists: boolean;
  schoolId: string;
  name: string;
  departmentId: string;
  /** last account sequence number used in this school (0 before the first enrolment) */
  lastSequence: number;
  /** pupilKey → accountNumber of every pupil ever enrolled here */
  roster: ReadonlyMap<string, string>;
}

export const initialSchoolState: SchoolState = Object.freeze({
  exists: false,
  schoolId: '',
  name: '',
  departmentId: '',
  lastSequence: 0,
  roster: new Map<string, string>(),
});
