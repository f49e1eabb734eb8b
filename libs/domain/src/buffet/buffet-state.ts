import type { BuffetItemContent } from '../buffet-events.js';

export interface BuffetState {
  schoolId: string;
  /** by item id, in the order they were added */
  items: ReadonlyMap<string, BuffetItemContent>;
}

export const initialBuffetState: BuffetState = Object.freeze({ schoolId: '', items: new Map() });
