import {
  DomainError,
  decideAccount,
  decideSchool,
  evolveAccount,
  evolveSchool,
  foldAccount,
  foldSchool,
  type AccountCommand,
  type AccountEvent,
  type AccountPolicy,
  type AccountState,
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

export function givenAccount(...history: AccountEvent[]) {
  const state: AccountState = foldAccount(history);
  return {
    state,
    when: (command: AccountCommand, policy?: AccountPolicy): Outcome<AccountEvent> =>
      outcome(() => decideAccount(command, state, policy), evolveAccount, state),
  };
}

export function givenSchool(...history: SchoolEvent[]) {
  const state: SchoolState = foldSchool(history);
  return {
    state,
    when: (command: SchoolCommand): Outcome<SchoolEvent> => outcome(() => decideSchool(command, state), evolveSchool, state),
  };
}
