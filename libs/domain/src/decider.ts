/**
 * An aggregate as a value: how commands are decided, how events evolve its state, where
 * it starts and which stream and event types it owns. Command runners take one of these
 * and need nothing else from the domain. `decide` and `evolve` are pure; `decide` throws a
 * DomainError when a rule refuses the command and returns no events for a repeat of a
 * command already carried out.
 */
export interface Decider<Command, State, Event extends { type: string }> {
  decide(command: Command, state: State): Event[];
  evolve(state: State, event: Event): State;
  initialState: State;
  /** the stream of the aggregate with this id, e.g. `account-0242013138` */
  streamId(id: string): string;
  /** the event types of this aggregate's stream (from the event catalogue) */
  eventTypes: readonly Event['type'][];
  /**
   * The state after many events at once (a stream read), equal to evolving them one by
   * one but allowed to be cheaper.
   */
  fold(events: Iterable<Event>, from: State): State;
}

/** A fold that evolves one event at a time, for deciders with no cheaper way. */
export const foldWith =
  <State, Event>(evolve: (state: State, event: Event) => State) =>
  (events: Iterable<Event>, from: State): State => {
    let state = from;
    for (const event of events) state = evolve(state, event);
    return state;
  };
