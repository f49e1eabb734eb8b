import { ConfigError } from './storage-env.js';

/** Exit status of a process that refused to start because of its configuration. */
export const CONFIG_ERROR_EXIT_CODE = 2;

/**
 * Runs `load` (a service's config loader) at start-up. A ConfigError is the operator's
 * to fix, so it is printed as is (no stack trace) and the process exits with status 2;
 * any other error is thrown on.
 */
export function loadConfigOrExit<T>(load: () => T): T {
  try {
    return load();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(CONFIG_ERROR_EXIT_CODE);
    }
    throw error;
  }
}
