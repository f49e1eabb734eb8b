/**
 * Published on the Nest CQRS event bus after an order change for a (school, date) was
 * appended: the jobs slice re-syncs the day when the department asks for it.
 */
export class DayOrdersChanged {
  constructor(
    readonly schoolId: string,
    readonly date: string,
  ) {}
}
