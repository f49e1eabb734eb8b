/**
 * Staff users and API keys from the command line (same environment as the service):
 *   node apps/ledger/dist/cli.js create-user --username U --password P --role R [--department D] [--school S]
 *   node apps/ledger/dist/cli.js create-key --name N --role till --school 24 --till 24-01   (prints the key once)
 *   node apps/ledger/dist/cli.js list
 *   node apps/ledger/dist/cli.js list-keys
 *   node apps/ledger/dist/cli.js revoke-key --name N
 */
import { ConfigError } from './config/ledger-config.js';
import { IdentityError } from './identity/identity-directory.js';
import { runCli, UsageError, USAGE } from './cli/run-cli.js';

runCli(process.argv.slice(2), (line) => process.stdout.write(`${line}\n`)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError || String((error as { code?: unknown }).code).startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
      process.exit(64);
    }
    if (error instanceof IdentityError || error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
