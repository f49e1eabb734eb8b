/**
 * Imports a school's pupil list. Two steps, each safe to repeat:
 * 1. the school decides which listed pupils are new and reserves their account numbers
 *    and cards (one `school.pupils-enrolled` event, appended with the school stream's
 *    expected revision);
 * 2. every listed pupil's account stream is opened (account.opened + card.issued,
 *    expected no stream, name-based event ids): an account that exists already is fine.
 * Re-importing a list therefore changes nothing, and also finishes an import that
 * stopped between the two steps.
 */
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DomainError, pupilKey, type EnrolledPupil, type SchoolPupilsEnrolled } from '@meals/domain';
import type { PupilImportResult as ImportResult } from '@meals/contracts';
import { AccountCommandRunner } from '../../accounts/account-command-runner.js';
import { newCardUids } from '../../accounts/card-uids.js';
import { CardIndex } from '../../accounts/card-index.js';
import { causedBy, type CommandContext } from '@meals/command-runner';
import { ApiError } from '../../http/api-error.js';
import { commandResultOf } from '../../http/command-result.js';
import type { PupilListRow } from '../pupil-list.js';
import { invalidList } from '../pupil-list.js';
import { SchoolAggregates } from '../school-aggregates.js';

/** Accounts opened at the same time (each is a durable append; group commit batches them). */
const OPEN_CONCURRENCY = 16;

export class ImportPupilsCommand extends Command<ImportResult> {
  constructor(
    readonly schoolId: string,
    readonly rows: PupilListRow[],
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(ImportPupilsCommand)
export class ImportPupilsHandler implements ICommandHandler<ImportPupilsCommand> {
  constructor(
    private readonly schools: SchoolAggregates,
    private readonly accounts: AccountCommandRunner,
    private readonly cards: CardIndex,
  ) {}

  async execute({ schoolId, rows, context }: ImportPupilsCommand): Promise<ImportResult> {
    const otherSchool = rows.find((row) => row.school !== schoolId);
    if (otherSchool) {
      throw invalidList(
        `the row is for school ${otherSchool.school}, not ${schoolId}`,
        `строка относится к школе №${otherSchool.school}, а не №${schoolId}`,
        otherSchool.line,
      );
    }
    const enrolment = await this.enrol(schoolId, rows, context);
    const enrolled = await this.enrolledPupils(schoolId);

    const listed = new Map<string, EnrolledPupil>();
    for (const row of rows) {
      const pupil = enrolled.pupils.get(pupilKey(row.fullName, row.className));
      if (pupil && !listed.has(pupil.pupilKey)) listed.set(pupil.pupilKey, pupil);
    }
    const newKeys = new Set(enrolment.event?.data.pupils.map((pupil) => pupil.pupilKey) ?? []);
    const opened = await this.openAccounts(schoolId, [...listed.values()], enrolled.eventIds, context);

    const accounts = [...listed.values()].map((pupil) => ({
      accountNumber: pupil.accountNumber,
      fullName: pupil.fullName,
      className: pupil.className,
      cardUid: pupil.cardUid,
      created: newKeys.has(pupil.pupilKey),
    }));
    const created = accounts.filter((account) => account.created).length;
    return {
      ...commandResultOf(enrolment.position, ...opened),
      created,
      existing: accounts.length - created,
      accounts,
    };
  }

  /** Step 1: the school enrols the listed pupils it does not know yet. */
  private async enrol(schoolId: string, rows: PupilListRow[], context: CommandContext) {
    try {
      const outcome = await this.schools.run(
        schoolId,
        {
          type: 'EnrollPupils',
          schoolId,
          rows: rows.map(({ fullName, className }) => ({ fullName, className })),
          newCardUids: newCardUids(rows.length),
        },
        { ...context, source: 'import' },
      );
      const event = outcome.appended.find(
        (event): event is SchoolPupilsEnrolled => event.type === 'school.pupils-enrolled.v1',
      );
      return { event, position: outcome.position };
    } catch (error) {
      throw withFileLine(error, rows);
    }
  }

  /** Every pupil the school's stream has enrolled, with the id of the event that did it. */
  private async enrolledPupils(schoolId: string) {
    const pupils = new Map<string, EnrolledPupil>();
    const eventIds = new Map<string, string>();
    for (const recorded of await this.schools.readEvents(schoolId)) {
      if (recorded.type !== 'school.pupils-enrolled.v1') continue;
      for (const pupil of (recorded.data as unknown as SchoolPupilsEnrolled['data']).pupils) {
        pupils.set(pupil.pupilKey, pupil);
        eventIds.set(pupil.pupilKey, recorded.id);
      }
    }
    return { pupils, eventIds };
  }

  /**
   * Step 2: open each pupil's account with its card; an account opened before stays as it is.
   * Answers the log positions of the opening events (null for accounts opened before).
   */
  private async openAccounts(
    schoolId: string,
    pupils: EnrolledPupil[],
    eventIds: Map<string, string>,
    context: CommandContext,
  ) {
    const positions: (bigint | null)[] = [];
    let next = 0;
    const worker = async () => {
      while (next < pupils.length) {
        const pupil = pupils[next++]!;
        const outcome = await this.accounts.run(
          {
            type: 'OpenAccount',
            accountNumber: pupil.accountNumber,
            schoolId,
            className: pupil.className,
            fullName: pupil.fullName,
            cardUid: pupil.cardUid,
          },
          causedBy(context, eventIds.get(pupil.pupilKey) ?? context.causationId, 'import'),
        );
        this.cards.remember(pupil.cardUid, pupil.accountNumber);
        positions.push(outcome.position);
      }
    };
    await Promise.all(Array.from({ length: Math.min(OPEN_CONCURRENCY, pupils.length) }, worker));
    return positions;
  }
}

/** The domain numbers rows from 1 in list order; point at the line of the file instead. */
function withFileLine(error: unknown, rows: PupilListRow[]): unknown {
  if (!(error instanceof DomainError)) return error;
  const row = error.details['row'];
  const line = typeof row === 'number' ? rows[row - 1]?.line : undefined;
  if (line === undefined) return error;
  const withoutRow = (text: string) => text.replace(/ \((row|строка) \d+\)/, '');
  return new ApiError(
    400,
    error.code,
    `Line ${line}: ${withoutRow(error.message)}`,
    `Строка ${line}: ${withoutRow(error.messageRu)}`,
    {
      ...error.details,
      line,
    },
  );
}
