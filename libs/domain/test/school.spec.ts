import { decideSchool, isValidAccountNumber, makeAccountNumber, pupilKey, type SchoolEvent } from '@meals/domain';
import { givenSchool } from './support/given-when-then.js';

const registered: SchoolEvent = {
  type: 'school.registered.v1',
  data: { schoolId: '24', name: 'МБОУ СОШ №24', departmentId: 'uo-1' },
};
const register = { type: 'RegisterSchool', schoolId: '24', name: 'МБОУ СОШ №24', departmentId: 'uo-1' } as const;
const enroll = (rows: { fullName: string; className: string }[], newCardUids: string[] = ['C1', 'C2', 'C3', 'C4']) =>
  ({ type: 'EnrollPupils', schoolId: '24', rows, newCardUids }) as const;
const enrolled = (...pupils: { fullName: string; className: string; seq: number; cardUid: string }[]): SchoolEvent => ({
  type: 'school.pupils-enrolled.v1',
  data: {
    schoolId: '24',
    pupils: pupils.map((p) => ({
      pupilKey: pupilKey(p.fullName, p.className),
      accountNumber: makeAccountNumber('24', p.seq),
      fullName: p.fullName,
      className: p.className,
      cardUid: p.cardUid,
    })),
  },
});

describe('RegisterSchool', () => {
  it('registers a new school', () => {
    givenSchool().when(register).then([registered]);
  });

  it('registering the same school again changes nothing', () => {
    givenSchool(registered).when(register).thenNothing();
  });

  it('refuses to re-register a school with another name or department: school_exists', () => {
    givenSchool(registered)
      .when({ ...register, name: 'Гимназия №24' })
      .thenRefused('school_exists', { schoolId: '24' });
    givenSchool(registered)
      .when({ ...register, departmentId: 'uo-2' })
      .thenRefused('school_exists');
  });

  it.each(['024', '1000', '0', 'ab', ''])('refuses school id %p: invalid_school_id', (schoolId) => {
    givenSchool()
      .when({ ...register, schoolId })
      .thenRefused('invalid_school_id');
  });

  it('requires a name of 1..200 characters and a department id', () => {
    givenSchool()
      .when({ ...register, name: '  ' })
      .thenRefused('invalid_name');
    givenSchool()
      .when({ ...register, name: 'Ш'.repeat(201) })
      .thenRefused('invalid_name');
    givenSchool()
      .when({ ...register, departmentId: '' })
      .thenRefused('invalid_id');
  });
});

describe('EnrollPupils', () => {
  it('refuses a school that is not registered: school_not_found', () => {
    givenSchool()
      .when(enroll([{ fullName: 'Иванов Иван', className: '03Б' }]))
      .thenRefused('school_not_found', { schoolId: '24' });
  });

  it('enrols new pupils with sequential account numbers and the supplied cards in order, names and classes normalized', () => {
    givenSchool(registered)
      .when(
        enroll([
          { fullName: ' Иванов   Иван ', className: '3б' },
          { fullName: 'Петрова Мария', className: '11А' },
        ]),
      )
      .then([
        enrolled(
          { fullName: 'Иванов Иван', className: '03Б', seq: 1, cardUid: 'C1' },
          { fullName: 'Петрова Мария', className: '11А', seq: 2, cardUid: 'C2' },
        ),
      ]);
  });

  it('re-importing the same list (any case, spacing or ё/е) changes nothing', () => {
    givenSchool(registered, enrolled({ fullName: 'Алёшин Пётр', className: '03Б', seq: 1, cardUid: 'C1' }))
      .when(enroll([{ fullName: 'АЛЕШИН  петр', className: '3Б' }]))
      .thenNothing();
  });

  it('enrols only pupils not yet in the roster, numbered after the last used sequence', () => {
    givenSchool(registered, enrolled({ fullName: 'Иванов Иван', className: '03Б', seq: 1, cardUid: 'C0' }))
      .when(
        enroll([
          { fullName: 'Иванов Иван', className: '03Б' },
          { fullName: 'Сидоров Олег', className: '03Б' },
        ]),
      )
      .then([enrolled({ fullName: 'Сидоров Олег', className: '03Б', seq: 2, cardUid: 'C1' })]);
  });

  it('a pupil listed twice in one list is enrolled once', () => {
    givenSchool(registered)
      .when(
        enroll([
          { fullName: 'Иванов Иван', className: '03Б' },
          { fullName: 'иванов иван', className: '03б' },
        ]),
      )
      .then([enrolled({ fullName: 'Иванов Иван', className: '03Б', seq: 1, cardUid: 'C1' })]);
  });

  it('an empty list changes nothing', () => {
    givenSchool(registered).when(enroll([])).thenNothing();
  });

  it('gives every pupil a distinct, valid account number of the school', () => {
    const rows = Array.from({ length: 50 }, (_, i) => ({ fullName: `Ученик ${i}`, className: '05А' }));
    const [event] = decideSchool(
      enroll(
        rows,
        rows.map((_, i) => `U${i}`),
      ),
      givenSchool(registered).state,
    );
    const numbers = event?.type === 'school.pupils-enrolled.v1' ? event.data.pupils.map((p) => p.accountNumber) : [];
    expect(numbers).toHaveLength(50);
    expect(new Set(numbers).size).toBe(50);
    for (const number of numbers) {
      expect(isValidAccountNumber(number)).toBe(true);
      expect(number.startsWith('024')).toBe(true);
    }
  });

  it('rejects the whole list when a row has a bad class: invalid_class_name with the row number', () => {
    givenSchool(registered)
      .when(
        enroll([
          { fullName: 'Иванов Иван', className: '03Б' },
          { fullName: 'Петров Пётр', className: '3' },
        ]),
      )
      .thenRefused('invalid_class_name', { row: 2 });
  });

  it('rejects an empty or too long name: invalid_name with the row number', () => {
    givenSchool(registered)
      .when(enroll([{ fullName: '   ', className: '03Б' }]))
      .thenRefused('invalid_name', { row: 1 });
    givenSchool(registered)
      .when(enroll([{ fullName: 'И'.repeat(201), className: '03Б' }]))
      .thenRefused('invalid_name', { row: 1 });
  });

  it('rejects a name holding a hidden character (the one text rule): invalid_name with the row number', () => {
    // (a line separator is white space in a name: collapsed to one space like any other)
    for (const hidden of ['\u200b', '\u202e', '\u00ad', '\u0085', '\u0007']) {
      givenSchool(registered)
        .when(
          enroll([
            { fullName: 'Иванов Иван', className: '03Б' },
            { fullName: `Петров${hidden} Пётр`, className: '03Б' },
          ]),
        )
        .thenRefused('invalid_name', { row: 2 });
    }
  });

  it('accepts at most 5,000 rows: too_many_rows', () => {
    const rows = Array.from({ length: 5001 }, (_, i) => ({ fullName: `Ученик ${i}`, className: '05А' }));
    givenSchool(registered).when(enroll(rows)).thenRefused('too_many_rows', { rows: 5001, max: 5000 });
  });

  it('needs one supplied card uid per new pupil: not_enough_card_uids', () => {
    givenSchool(registered)
      .when(
        enroll(
          [
            { fullName: 'Иванов Иван', className: '03Б' },
            { fullName: 'Петров Пётр', className: '03Б' },
          ],
          ['C1'],
        ),
      )
      .thenRefused('not_enough_card_uids', { needed: 2, given: 1 });
  });

  it('refuses repeated or malformed card uids: invalid_card_uid', () => {
    const rows = [
      { fullName: 'Иванов Иван', className: '03Б' },
      { fullName: 'Петров Пётр', className: '03Б' },
    ];
    givenSchool(registered)
      .when(enroll(rows, ['C1', 'C1']))
      .thenRefused('invalid_card_uid', { index: 1 });
    givenSchool(registered)
      .when(enroll(rows, ['C1', 'bad uid']))
      .thenRefused('invalid_card_uid');
  });

  it('refuses when the school has run out of account numbers: school_sequence_exhausted', () => {
    givenSchool(registered, enrolled({ fullName: 'Последний Ученик', className: '11А', seq: 999_999, cardUid: 'C0' }))
      .when(enroll([{ fullName: 'Новый Ученик', className: '01А' }]))
      .thenRefused('school_sequence_exhausted', { lastSequence: 999_999 });
  });
});
