/**
 * The CLI's commands (the entry point is cli.ts). Same configuration as the service:
 *   cli.js create-user --username U --password P --role R [--department D] [--school S] [--class C]
 *   cli.js create-user --username U --password-stdin --role R ...   (password from stdin)
 *   cli.js create-key --name N --role till --school 24 --till 24-01   (prints the key once)
 *   cli.js list
 * Roles: admin, department_admin (--department), school_staff (--school),
 * till (--school --till), bank, auditor ([--department]), ministry (no scope),
 * meal_operator (--department), class_teacher (--school --class).
 */
import { parseArgs } from 'node:util';
import { loadLedgerConfig } from '../config/ledger-config.js';
import { IdentityDirectory } from '../identity/identity-directory.js';
import { ROLES, type Role } from '../identity/principal.js';
import { openIdentityStore } from '../infrastructure/open-stores.js';

export const USAGE = `Usage:
  cli.js create-user --username U (--password P | --password-stdin) --role R [--department D] [--school S] [--class C]
  cli.js create-key --name N --role R [--department D] [--school S] [--till T]
  cli.js list
Roles: ${ROLES.join(', ')}`;

export class UsageError extends Error {}

function requireString(value: string | boolean | undefined, option: string): string {
  if (typeof value !== 'string' || value.length === 0) throw new UsageError(`--${option} is required`);
  return value;
}

function roleOf(value: string | boolean | undefined): Role {
  const role = requireString(value, 'role');
  if (!(ROLES as readonly string[]).includes(role)) throw new UsageError(`unknown role ${role}`);
  return role as Role;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

export async function runCli(
  argv: string[],
  out: (line: string) => void,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  const [command, ...rest] = argv;
  const { values } = parseArgs({
    args: rest,
    options: {
      username: { type: 'string' },
      password: { type: 'string' },
      'password-stdin': { type: 'boolean' },
      role: { type: 'string' },
      department: { type: 'string' },
      school: { type: 'string' },
      till: { type: 'string' },
      class: { type: 'string' },
      name: { type: 'string' },
    },
    strict: true,
  });
  if (command !== 'create-user' && command !== 'create-key' && command !== 'list')
    throw new UsageError(`unknown command ${command ?? ''}`);

  const store = await openIdentityStore(loadLedgerConfig(env));
  const directory = new IdentityDirectory(store);
  try {
    const now = new Date();
    if (command === 'create-user') {
      const password = values['password-stdin'] ? await readStdin() : requireString(values.password, 'password');
      const user = await directory.createUser(
        {
          username: requireString(values.username, 'username'),
          password,
          role: roleOf(values.role),
          departmentId: values.department,
          schoolId: values.school,
          className: values.class,
        },
        now,
      );
      out(`created user ${user.username} (${user.role})`);
    } else if (command === 'create-key') {
      const { key, record } = await directory.createKey(
        {
          name: requireString(values.name, 'name'),
          role: roleOf(values.role),
          departmentId: values.department,
          schoolId: values.school,
          tillId: values.till,
        },
        now,
      );
      out(`created key ${record.name} (${record.role}); it is shown only this once:`);
      out(key);
    } else {
      const { users, keys } = await directory.list();
      out(JSON.stringify({ users, keys }, null, 2));
    }
    return 0;
  } finally {
    await store.close();
  }
}
