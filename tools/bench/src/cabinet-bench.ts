/**
 * The parents' cabinet as a parent meets it: `cabinetStatementP95Ms`, the statement page for a
 * school year with check detail rendered by the web server over HTTP (its ledger calls
 * included), and `cabinetLoginJsKb`, the JavaScript the sign-in page ships (gzip). Runs the
 * built web app against the bench system's ledger; the parent signs in with a temporary
 * password a member of staff issued and a permanent one of its own, as in real life.
 */
import { gzipSync } from 'node:zlib';
import { freePort, startWebProcess } from '@meals/launcher';
import { LedgerClient } from '@meals/ledger-client';
import { elapsedMs, percentile, roundTo } from './percentile.js';

export interface CabinetBenchOptions {
  repoRoot: string;
  dataDir: string;
  /** the ledger */
  baseUrl: string;
  /** staff who may issue a temporary password for the account */
  staffToken: string;
  /** an account with a school year of history (the statement bench's) */
  accountNumber: string;
  from: string;
  to: string;
  iterations?: number;
  warmup?: number;
  log?: (line: string) => void;
}

export interface CabinetBenchResult {
  cabinetStatementP95Ms: number;
  cabinetLoginJsKb: number;
}

const PASSWORD = 'Bench2026cabinet';

export async function runCabinetBench(options: CabinetBenchOptions): Promise<CabinetBenchResult> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  await giveParentAPassword(options);
  const port = await freePort();
  const webUrl = `http://127.0.0.1:${port}`;
  const web = await startWebProcess({
    repoRoot: options.repoRoot,
    dataDir: options.dataDir,
    port,
    ledgerUrl: options.baseUrl,
    publicUrl: webUrl,
    say: log,
  });
  try {
    const cookie = await signIn(webUrl, options.accountNumber);
    const page = `${webUrl}/report?from=${options.from}&to=${options.to}&details=on`;
    const samples: number[] = [];
    let bytes = 0;
    for (let i = 0; i < (options.warmup ?? 10) + (options.iterations ?? 100); i++) {
      const started = process.hrtime.bigint();
      const response = await fetch(page, { headers: { cookie } });
      const html = await response.text();
      if (response.status !== 200 || !html.includes('data-testid="statement-line"')) {
        throw new Error(`cabinet statement page answered ${response.status} without statement lines`);
      }
      if (i >= (options.warmup ?? 10)) samples.push(elapsedMs(started, process.hrtime.bigint()));
      bytes = html.length;
    }
    const cabinetStatementP95Ms = roundTo(percentile(samples, 95), 2);
    const cabinetLoginJsKb = await loginPageJsKb(webUrl);
    log(
      `  cabinet: statement page (${Math.round(bytes / 1024)} KB of HTML) p95 ${cabinetStatementP95Ms} ms over ${samples.length} requests; sign-in page ships ${cabinetLoginJsKb} KB of JS (gzip)`,
    );
    return { cabinetStatementP95Ms, cabinetLoginJsKb };
  } finally {
    await web.stop();
  }
}

async function giveParentAPassword(options: CabinetBenchOptions): Promise<void> {
  const ledger = new LedgerClient({ baseUrl: options.baseUrl });
  const { temporaryPassword } = await ledger
    .withToken(options.staffToken)
    .issueTemporaryPassword(options.accountNumber);
  const first = await ledger.parentLogin({
    accountNumber: options.accountNumber,
    password: temporaryPassword,
    acceptTerms: true,
  });
  await ledger
    .withToken(first.token)
    .changeParentPassword({ currentPassword: temporaryPassword, newPassword: PASSWORD });
}

/** The sign-in form posted as a browser without JavaScript would: answers the session cookie. */
async function signIn(webUrl: string, accountNumber: string): Promise<string> {
  const response = await fetch(`${webUrl}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: webUrl, accept: 'text/html' },
    body: new URLSearchParams({ accountNumber, password: PASSWORD, acceptTerms: 'on' }).toString(),
  });
  const cookie = response.headers.getSetCookie().find((line) => line.startsWith('meals_session='));
  if (response.status !== 303 || !cookie) throw new Error(`cabinet sign-in answered ${response.status}`);
  return cookie.split(';')[0]!;
}

/** Every script the sign-in page loads (module preloads and imports under /_app/), gzipped. */
async function loginPageJsKb(webUrl: string): Promise<number> {
  const html = await (await fetch(`${webUrl}/login`)).text();
  // SvelteKit writes them relative to the page (./_app/…) or absolute (/_app/…)
  const scripts = new Set(
    [...html.matchAll(/["'](?:\.{1,2}\/)*\/?(_app\/[^"']+?\.js)["']/g)].map((match) => match[1]!),
  );
  let gzipped = 0;
  for (const script of scripts) {
    const body = Buffer.from(await (await fetch(`${webUrl}/${script}`)).arrayBuffer());
    gzipped += gzipSync(body, { level: 9 }).length;
  }
  if (scripts.size === 0) throw new Error('the sign-in page loads no script: the pattern no longer matches');
  return roundTo(gzipped / 1024, 1);
}
