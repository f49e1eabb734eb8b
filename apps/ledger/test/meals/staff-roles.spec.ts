import { LedgerHarness } from '../support/ledger-harness.js';
import { registerSchool } from '../support/fixtures.js';

describe('staff roles of meal management: who am I, which departments', () => {
  let h: LedgerHarness;

  beforeAll(async () => {
    h = await LedgerHarness.start();
    const admin = await h.key('admin');
    await registerSchool(h, admin, '24', 'uo-1');
    await registerSchool(h, admin, '7', 'uo-2');
    await h.settle();
  });
  afterAll(() => h.close());

  it('tells a class teacher their role, school and class', async () => {
    const teacher = await h.staff('class_teacher', { schoolId: '24', className: '3б' });
    const reply = await h.get('/api/auth/me', teacher);
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({
      role: 'class_teacher',
      departmentId: null,
      schoolId: '24',
      className: '03Б',
      displayName: expect.any(String),
    });
  });

  it('lets a ministry user pick any department and fixes the others to their own', async () => {
    const ministry = await h.staff('ministry');
    expect((await h.get('/api/departments', ministry)).body).toEqual([
      { departmentId: 'uo-1', name: 'uo-1' },
      { departmentId: 'uo-2', name: 'uo-2' },
    ]);
    const operator = await h.staff('meal_operator', { departmentId: 'uo-2' });
    expect((await h.get('/api/departments', operator)).body).toEqual([{ departmentId: 'uo-2', name: 'uo-2' }]);
    const coordinator = await h.staff('school_staff', { schoolId: '24' });
    expect((await h.get('/api/departments', coordinator)).body).toEqual([{ departmentId: 'uo-1', name: 'uo-1' }]);
  });

  it('refuses a class teacher without a class and a class for other roles', async () => {
    const now = new Date();
    await expect(
      h.identity.createUser(
        { username: 'nolass', password: 'long-enough-1', role: 'class_teacher', schoolId: '24' },
        now,
      ),
    ).rejects.toThrow('class_teacher needs --school and --class');
    await expect(
      h.identity.createUser(
        { username: 'staffclass', password: 'long-enough-1', role: 'school_staff', schoolId: '24', className: '3Б' },
        now,
      ),
    ).rejects.toThrow('takes no --class');
  });
});
