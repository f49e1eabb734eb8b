export interface TillRefusalsState {
  schoolId: string;
  /** check numbers already reported */
  reported: ReadonlySet<string>;
}

export const initialTillRefusalsState: TillRefusalsState = Object.freeze({ schoolId: '', reported: new Set<string>() });
