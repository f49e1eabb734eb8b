import {
  DomainError,
  accountDecider,
  accountDeciderWith,
  schoolDecider,
  type AccountCommand,
  type AccountEvent,
  type AccountPolicy,
  type AccountState,
  type Decider,
  type DomainErrorCode,
  type ErrorDetails,
  type SchoolCommand,
  type SchoolEvent,
  type SchoolState,
} from '@meals/domain';

interface Outcome<E> {
  /** the command records exactly these events (which evolve must accept) */
  then(expected: E[]): void;
  /** the command was already carried out: nothing to record */
  thenNothing(): void;
  /** a rule refuses the command with this code (and these details, when given) */
  thenRefused(code: DomainErrorCode, details?: ErrorDetails): DomainError;
}

function outcome<E, S>(run: () => E[], evolve: (state: S, event: E) => S, state: S): Outcome<E> {
  return {
    then(expected) {
      const events = run();
      expect(events).toEqual(expected);
      expect(() => events.reduce(evolve, state)).not.toThrow();
    },
    thenNothing() {
      expect(run()).toEqual([]);
    },
    thenRefused(code, details) {
      let thrown: unknown;
      try {
        run();
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(DomainError);
      const error = thrown as DomainError;
      expect(error.code).toBe(code);
      expect(error.message.length).toBeGreaterThan(0);
      expect(error.messageRu).toMatch(/[А-Яа-яЁё]/);
      if (details) expect(error.details).toMatchObject(details);
      return error;
    },
  };
}

/** The aggregates as the command runner sees them: decider values. */
export function givenAccount(...history: AccountEvent[]) {
  const state: AccountState = accountDecider.fold(history, accountDecider.initialState);
  return {
    state,
    when: (command: AccountCommand, policy?: AccountPolicy): Outcome<AccountEvent> =>
      // built inside run: an invalid policy is refused like any other rule
      outcome(
        () => (policy ? accountDeciderWith(policy) : accountDecider).decide(command, state),
        accountDecider.evolve,
        state,
      ),
  };
}

export function givenSchool(...history: SchoolEvent[]) {
  const state: SchoolState = schoolDecider.fold(history, schoolDecider.initialState);
  return {
    state,
    when: (command: SchoolCommand): Outcome<SchoolEvent> =>
      outcome(() => schoolDecider.decide(command, state), schoolDecider.evolve, state),
  };
}

/** Any decider value (meal types, order settings, school meals). */
export function givenDecider<C, S, E extends { type: string }>(decider: Decider<C, S, E>, ...history: E[]) {
  const state: S = decider.fold(history, decider.initialState);
  return {
    state,
    when: (command: C): Outcome<E> => outcome(() => decider.decide(command, state), decider.evolve, state),
  };
}
