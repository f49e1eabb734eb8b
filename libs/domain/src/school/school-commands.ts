export interface RegisterSchool {
  type: 'RegisterSchool';
  /** 1–3 digits without leading zeros, e.g. `24` */
  schoolId: string;
  name: string;
  departmentId: string;
}

export interface PupilRow {
  fullName: string;
  /** `03Б`, `3Б`, `3б`, `11А`…; stored normalized as `03Б` */
  className: string;
}

/** One imported pupil list (a class or a whole school). */
export interface EnrollPupils {
  type: 'EnrollPupils';
  schoolId: string;
  rows: PupilRow[];
  /** card uids for the pupils not yet enrolled, used in order; extra ones stay unused */
  newCardUids: string[];
}

export type SchoolCommand = RegisterSchool | EnrollPupils;
