/**
 * The ledger CLI's commands, run in this process through its programmatic entry
 * (`runCli`): the one supported way to create staff users and API keys. A key is shown
 * only once, so it is taken from the command's output.
 */
import { API_KEY_PREFIX, runCli } from '@meals/ledger';

export interface LedgerCliOptions {
  dataDir: string;
  /** more environment (the ledger's configuration); DATA_DIR is set from dataDir */
  env?: NodeJS.ProcessEnv;
}

/** Runs one CLI command against the identity store of `dataDir`; returns its output. */
export async function runLedgerCli(args: readonly string[], options: LedgerCliOptions): Promise<string> {
  const lines: string[] = [];
  const code = await runCli([...args], (line) => lines.push(line), {
    ...process.env,
    ...options.env,
    DATA_DIR: options.dataDir,
  });
  // never echo the arguments: they may hold a password
  if (code !== 0) throw new Error(`ledger CLI ${args[0] ?? ''} failed (exit ${code}): ${lines.join(' ')}`);
  return lines.join('\n');
}

/** `--name=value` (one argument, so a value starting with "-" is not taken for an option), or nothing. */
const option = (name: string, value: string | undefined): string[] => (value ? [`--${name}=${value}`] : []);

const API_KEY_IN_TEXT = new RegExp(`${API_KEY_PREFIX}[A-Za-z0-9_-]{43}`);

export interface CreateUserInput {
  username: string;
  password: string;
  role: string;
  departmentId?: string;
  schoolId?: string;
  className?: string;
}

export async function createUserWithCli(user: CreateUserInput, options: LedgerCliOptions): Promise<void> {
  await runLedgerCli(
    [
      'create-user',
      ...option('username', user.username),
      ...option('password', user.password),
      ...option('role', user.role),
      ...option('department', user.departmentId),
      ...option('school', user.schoolId),
      ...option('class', user.className),
    ],
    options,
  );
}

export interface CreateKeyInput {
  name: string;
  role: string;
  departmentId?: string;
  schoolId?: string;
  tillId?: string;
}

/** Creates an API key and returns it (the CLI shows it this once). */
export async function createKeyWithCli(key: CreateKeyInput, options: LedgerCliOptions): Promise<string> {
  const output = await runLedgerCli(
    [
      'create-key',
      ...option('name', key.name),
      ...option('role', key.role),
      ...option('department', key.departmentId),
      ...option('school', key.schoolId),
      ...option('till', key.tillId),
    ],
    options,
  );
  const match = API_KEY_IN_TEXT.exec(output);
  if (!match) throw new Error(`ledger CLI create-key ${key.name} printed no key`);
  return match[0];
}
