/**
 * The principals of the demo city: who can log in or call the API after `npm start`.
 * Passwords are random and keys come from the CLI, both for the DEMO only; they are
 * written to `$DATA_DIR/demo-credentials.json` (owner-readable) and never logged.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Role } from '@meals/ledger';
import type { DemoParent } from './demo-parent.js';
import { DEMO_DEPARTMENT, demoSchools, type DemoSchool } from './demo-city.js';
import { createKeyWithCli, createUserWithCli, type LedgerCliOptions } from './ledger-cli.js';
import { DEMO_TEACHER_CLASS } from './seed-demo-meals.js';

export const DEMO_CREDENTIALS_FILE = 'demo-credentials.json';

export interface DemoUserSpec {
  username: string;
  role: Role;
  departmentId?: string;
  schoolId?: string;
  /** class teachers only */
  className?: string;
  /** for people reading the credentials file */
  description: string;
}

export interface DemoKeySpec {
  name: string;
  role: Role;
  schoolId?: string;
  tillId?: string;
  description: string;
}

export interface DemoUser extends DemoUserSpec {
  password: string;
}

export interface DemoKey extends DemoKeySpec {
  key: string;
}

export interface DemoCredentials {
  note: string;
  users: DemoUser[];
  keys: DemoKey[];
  /** cabinet logins, added once the city is seeded */
  parents?: DemoParent[];
}

export function describeDemoPrincipals(schools: readonly DemoSchool[] = demoSchools()): {
  users: DemoUserSpec[];
  keys: DemoKeySpec[];
} {
  const department = DEMO_DEPARTMENT.departmentId;
  return {
    users: [
      { username: 'admin', role: 'admin', description: 'Администратор системы' },
      {
        username: `${department}.admin`,
        role: 'department_admin',
        departmentId: department,
        description: `Администратор УО: ${DEMO_DEPARTMENT.name}`,
      },
      ...schools.map((school): DemoUserSpec => ({
        username: `school${school.schoolId}.staff`,
        role: 'school_staff',
        schoolId: school.schoolId,
        description: `Ответственный за питание, ${school.name}`,
      })),
      ...schools.map((school): DemoUserSpec => ({
        username: `school${school.schoolId}.teacher`,
        role: 'class_teacher',
        schoolId: school.schoolId,
        className: DEMO_TEACHER_CLASS,
        description: `Классный руководитель ${DEMO_TEACHER_CLASS}, ${school.name}`,
      })),
      {
        username: `${department}.meals`,
        role: 'meal_operator',
        departmentId: department,
        description: `Муниципальный оператор питания: ${DEMO_DEPARTMENT.name}`,
      },
      {
        username: 'ministry',
        role: 'ministry',
        description: 'Министерство образования (выбор управления образования)',
      },
      {
        username: `${department}.auditor`,
        role: 'auditor',
        departmentId: department,
        description: `Аудитор: ${DEMO_DEPARTMENT.name}`,
      },
    ],
    keys: [
      ...schools.map((school): DemoKeySpec => ({
        name: `till-${school.tillId}`,
        role: 'till',
        schoolId: school.schoolId,
        tillId: school.tillId,
        description: `Касса столовой ${school.tillId}, ${school.name}`,
      })),
      { name: 'bank-sberbank', role: 'bank', description: 'Банк: пополнения лицевых счетов' },
    ],
  };
}

/** A random password for a demo user (18 url-safe characters). */
const demoPassword = (): string => `demo-${randomBytes(10).toString('base64url')}`;

/**
 * Creates the demo users and keys in the identity store of `dataDir` through the CLI.
 * Run once per data directory: the CLI refuses names that already exist.
 */
export async function createDemoPrincipals(
  options: LedgerCliOptions & { schools?: readonly DemoSchool[] },
): Promise<DemoCredentials> {
  const specs = describeDemoPrincipals(options.schools);
  const users: DemoUser[] = [];
  for (const spec of specs.users) {
    const user = { ...spec, password: demoPassword() };
    await createUserWithCli(user, options);
    users.push(user);
  }
  const keys: DemoKey[] = [];
  for (const spec of specs.keys) keys.push({ ...spec, key: await createKeyWithCli(spec, options) });
  return {
    note: 'Учётные данные ДЕМО-города, только для демонстрации. Demo credentials only.',
    users,
    keys,
  };
}

/** Writes the credentials to `$DATA_DIR/demo-credentials.json`, readable by the owner only. */
export function writeDemoCredentials(dataDir: string, credentials: DemoCredentials): string {
  const file = join(dataDir, DEMO_CREDENTIALS_FILE);
  writeFileSync(file, `${JSON.stringify(credentials, null, 2)}\n`, { mode: 0o600 });
  return file;
}

/** The credentials of an earlier start, or null when the demo was never set up here. */
export function readDemoCredentials(dataDir: string): DemoCredentials | null {
  try {
    return JSON.parse(readFileSync(join(dataDir, DEMO_CREDENTIALS_FILE), 'utf8')) as DemoCredentials;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** The tokens seedDemoCity needs, from the credentials (the admin logs in separately). */
export function demoKeys(credentials: DemoCredentials): {
  bankToken: string | undefined;
  tillTokens: Record<string, string>;
} {
  const tillTokens: Record<string, string> = {};
  for (const key of credentials.keys) if (key.role === 'till' && key.schoolId) tillTokens[key.schoolId] = key.key;
  return { bankToken: credentials.keys.find((key) => key.role === 'bank')?.key, tillTokens };
}
