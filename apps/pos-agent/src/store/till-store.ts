/**
 * The till's durable memory, one SQLite file (WAL, synchronous=FULL: a committed sale
 * survives a power cut): the check-number sequence, the queue of checks to deliver, and the
 * cached assortment and card details for selling offline. A check number is allocated in
 * the same transaction that queues its sale, so numbers have no gaps and no repeats across
 * restarts and crashes.
 */
import Database from 'better-sqlite3';
import type { CachedCard, CheckItem, QueuedCheck, CheckState } from './till-records.js';

export interface TillStoreOptions {
  file: string;
  schoolId: string;
  /** the first sequence number of a fresh till (later ones continue from the file) */
  firstSeq?: number;
}

export interface NewCheck {
  cardUid: string;
  accountNumber: string | null;
  fullName: string | null;
  items: CheckItem[];
  total: number;
  soldAt: string;
  offline: boolean;
  /** the balance this sale leaves, as far as the till knows */
  estimatedBalanceAfter: number | null;
}

interface CheckRow {
  seq: number;
  check_number: string;
  card_uid: string;
  account_number: string | null;
  full_name: string | null;
  items: string;
  total: number;
  sold_at: string;
  offline: number;
  state: CheckState;
  balance_after: number | null;
  attempts: number;
  last_error: string | null;
  refusal_code: string | null;
  refusal_message: string | null;
  refusal_reported: number;
  printed: number;
}

export class TillStore {
  private readonly db: Database.Database;
  private readonly statements: Record<
    'check' | 'pendingCount' | 'delivered' | 'cardBalance' | 'settleOffline',
    Database.Statement
  >;
  readonly schoolId: string;

  constructor(options: TillStoreOptions) {
    this.schoolId = options.schoolId;
    this.db = new Database(options.file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(SCHEMA);
    // the statements the delivery runs per check, prepared once
    this.statements = {
      check: this.db.prepare('SELECT * FROM checks WHERE check_number = ?'),
      pendingCount: this.db.prepare("SELECT count(*) AS n FROM checks WHERE state = 'pending'"),
      delivered: this.db.prepare(
        "UPDATE checks SET state = 'delivered', account_number = ?, balance_after = ?, attempts = attempts + 1, last_error = NULL WHERE check_number = ?",
      ),
      cardBalance: this.db.prepare('UPDATE cards SET balance = ?, updated_at = ? WHERE card_uid = ?'),
      settleOffline: this.db.prepare('UPDATE cards SET offline_spent = max(0, offline_spent - ?) WHERE card_uid = ?'),
    };
    this.db
      .prepare('INSERT OR IGNORE INTO sequence (id, last_seq) VALUES (1, ?)')
      .run(Math.max(0, (options.firstSeq ?? 1) - 1));
  }

  close(): void {
    this.db.close();
  }

  /** Allocates the next check number and queues the sale, atomically. */
  queueCheck(check: NewCheck): QueuedCheck {
    return this.db.transaction((): QueuedCheck => {
      const { last_seq } = this.db.prepare('SELECT last_seq FROM sequence WHERE id = 1').get() as { last_seq: number };
      const seq = last_seq + 1;
      if (seq > 999_999) throw new Error('the check sequence of this till is exhausted (999999)');
      const checkNumber = `${this.schoolId}-${String(seq).padStart(6, '0')}`;
      this.db.prepare('UPDATE sequence SET last_seq = ? WHERE id = 1').run(seq);
      this.db
        .prepare(
          `INSERT INTO checks (seq, check_number, card_uid, account_number, full_name, items, total, sold_at, offline, state, balance_after)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?)`,
        )
        .run(
          seq,
          checkNumber,
          check.cardUid,
          check.accountNumber,
          check.fullName,
          JSON.stringify(check.items),
          check.total,
          check.soldAt,
          check.offline ? 1 : 0,
          check.estimatedBalanceAfter,
        );
      if (check.offline) {
        this.db
          .prepare('UPDATE cards SET offline_spent = offline_spent + ? WHERE card_uid = ?')
          .run(check.total, check.cardUid);
      }
      return this.check(checkNumber)!;
    })();
  }

  check(checkNumber: string): QueuedCheck | null {
    const row = this.statements.check.get(checkNumber) as CheckRow | undefined;
    return row ? toCheck(row) : null;
  }

  /** Pending checks in allocation order (the order they are delivered in). */
  pending(limit = 100): QueuedCheck[] {
    const rows = this.db
      .prepare("SELECT * FROM checks WHERE state = 'pending' ORDER BY seq LIMIT ?")
      .all(limit) as CheckRow[];
    return rows.map(toCheck);
  }

  pendingCount(): number {
    return (this.statements.pendingCount.get() as { n: number }).n;
  }

  /** A check that went out offline after all (the online attempt did not get through). */
  markOffline(checkNumber: string): void {
    this.db.transaction(() => {
      const changed = this.db
        .prepare("UPDATE checks SET offline = 1 WHERE check_number = ? AND offline = 0 AND state = 'pending'")
        .run(checkNumber).changes;
      if (changed) {
        const check = this.check(checkNumber)!;
        this.db
          .prepare('UPDATE cards SET offline_spent = offline_spent + ? WHERE card_uid = ?')
          .run(check.total, check.cardUid);
      }
    })();
  }

  /** The ledger has it: the balance it answered becomes the card's known balance. */
  markDelivered(checkNumber: string, accountNumber: string, balanceAfter: number): void {
    this.markDeliveredMany([{ checkNumber, accountNumber, balanceAfter }]);
  }

  /** Several deliveries in one transaction (one fsync), in the order given. */
  markDeliveredMany(deliveries: readonly { checkNumber: string; accountNumber: string; balanceAfter: number }[]): void {
    const now = new Date().toISOString();
    this.db.transaction(() => {
      for (const { checkNumber, accountNumber, balanceAfter } of deliveries) {
        const check = this.check(checkNumber);
        if (!check || check.state !== 'pending') continue;
        this.statements.delivered.run(accountNumber, balanceAfter, checkNumber);
        this.settleOfflineSpend(check);
        this.statements.cardBalance.run(balanceAfter, now, check.cardUid);
      }
    })();
  }

  /**
   * The ledger refused it. An online check the cashier saw refused ('declined') was never a
   * sale; an offline one ('refused') was handed over and must be reported to school staff.
   */
  markRefused(checkNumber: string, code: string, message: string): QueuedCheck | null {
    return this.db.transaction(() => {
      const check = this.check(checkNumber);
      if (!check || check.state !== 'pending') return check;
      const state: CheckState = check.offline ? 'refused' : 'declined';
      this.db
        .prepare(
          'UPDATE checks SET state = ?, refusal_code = ?, refusal_message = ?, attempts = attempts + 1 WHERE check_number = ?',
        )
        .run(state, code, message, checkNumber);
      this.settleOfflineSpend(check);
      return this.check(checkNumber);
    })();
  }

  /**
   * A check the ledger declined while the cashier waited was never sold: when no number was
   * allocated after it, its number is given back, so the numbers the ledger sees have no gap.
   * (Refused commands record nothing in the ledger, so the number is free there too.)
   */
  releaseDeclined(checkNumber: string): boolean {
    return this.db.transaction(() => {
      const check = this.check(checkNumber);
      const { last_seq } = this.db.prepare('SELECT last_seq FROM sequence WHERE id = 1').get() as { last_seq: number };
      if (!check || check.state !== 'declined' || check.seq !== last_seq) return false;
      this.db.prepare('DELETE FROM checks WHERE check_number = ?').run(checkNumber);
      this.db.prepare('UPDATE sequence SET last_seq = ? WHERE id = 1').run(last_seq - 1);
      return true;
    })();
  }

  noteAttempt(checkNumber: string, error: string): void {
    this.db
      .prepare('UPDATE checks SET attempts = attempts + 1, last_error = ? WHERE check_number = ?')
      .run(error, checkNumber);
  }

  unreportedRefusals(): QueuedCheck[] {
    const rows = this.db
      .prepare("SELECT * FROM checks WHERE state = 'refused' AND refusal_reported = 0 ORDER BY seq")
      .all() as CheckRow[];
    return rows.map(toCheck);
  }

  markRefusalReported(checkNumber: string): void {
    this.db.prepare('UPDATE checks SET refusal_reported = 1 WHERE check_number = ?').run(checkNumber);
  }

  refusals(limit = 20): QueuedCheck[] {
    const rows = this.db
      .prepare("SELECT * FROM checks WHERE state = 'refused' ORDER BY seq DESC LIMIT ?")
      .all(limit) as CheckRow[];
    return rows.map(toCheck);
  }

  markPrinted(checkNumber: string, printed: boolean): void {
    this.db.prepare('UPDATE checks SET printed = ? WHERE check_number = ?').run(printed ? 1 : 0, checkNumber);
  }

  unprinted(limit = 10): QueuedCheck[] {
    const rows = this.db
      .prepare(
        "SELECT * FROM checks WHERE printed = 0 AND state IN ('pending', 'delivered', 'refused') ORDER BY seq DESC LIMIT ?",
      )
      .all(limit) as CheckRow[];
    return rows.map(toCheck);
  }

  // cards and balances

  rememberCard(card: Omit<CachedCard, 'offlineSpent' | 'updatedAt'>): CachedCard {
    // what the ledger says includes every delivered check; checks still queued are spent on top
    const queued = this.db
      .prepare(
        "SELECT coalesce(sum(total), 0) AS spent FROM checks WHERE card_uid = ? AND state = 'pending' AND offline = 1",
      )
      .get(card.cardUid) as { spent: number };
    this.db
      .prepare(
        `INSERT INTO cards (card_uid, account_number, full_name, class_name, school_id, balance, card_status, block_reason,
           account_status, offline_limit, updated_at, offline_spent)
         VALUES (@cardUid, @accountNumber, @fullName, @className, @schoolId, @balance, @cardStatus, @blockReason,
           @accountStatus, @offlineLimit, @updatedAt, @offlineSpent)
         ON CONFLICT (card_uid) DO UPDATE SET account_number = excluded.account_number, full_name = excluded.full_name,
           class_name = excluded.class_name, school_id = excluded.school_id, balance = excluded.balance,
           card_status = excluded.card_status, block_reason = excluded.block_reason,
           account_status = excluded.account_status, offline_limit = excluded.offline_limit,
           updated_at = excluded.updated_at, offline_spent = excluded.offline_spent`,
      )
      .run({
        cardUid: card.cardUid,
        accountNumber: card.accountNumber,
        fullName: card.fullName,
        className: card.className,
        schoolId: card.schoolId,
        balance: card.balance,
        cardStatus: card.cardStatus,
        blockReason: card.blockReason,
        accountStatus: card.accountStatus,
        offlineLimit: card.offlineLimit,
        updatedAt: new Date().toISOString(),
        offlineSpent: queued.spent,
      });
    return this.card(card.cardUid)!;
  }

  card(cardUid: string): CachedCard | null {
    const row = this.db.prepare('SELECT * FROM cards WHERE card_uid = ?').get(cardUid) as
      | {
          card_uid: string;
          account_number: string;
          full_name: string;
          class_name: string;
          school_id: string;
          balance: number;
          card_status: CachedCard['cardStatus'];
          block_reason: string | null;
          account_status: CachedCard['accountStatus'];
          offline_limit: number;
          updated_at: string;
          offline_spent: number;
        }
      | undefined;
    if (!row) return null;
    return {
      cardUid: row.card_uid,
      accountNumber: row.account_number,
      fullName: row.full_name,
      className: row.class_name,
      schoolId: row.school_id,
      balance: row.balance,
      cardStatus: row.card_status,
      blockReason: row.block_reason,
      accountStatus: row.account_status,
      offlineLimit: row.offline_limit,
      updatedAt: row.updated_at,
      offlineSpent: row.offline_spent,
    };
  }

  // assortment

  rememberAssortment(schoolId: string, items: unknown[]): void {
    this.db
      .prepare(
        'INSERT INTO assortment (school_id, items, updated_at) VALUES (?, ?, ?) ON CONFLICT (school_id) DO UPDATE SET items = excluded.items, updated_at = excluded.updated_at',
      )
      .run(schoolId, JSON.stringify(items), new Date().toISOString());
  }

  assortment<T>(schoolId: string): { items: T[]; updatedAt: string } | null {
    const row = this.db.prepare('SELECT items, updated_at FROM assortment WHERE school_id = ?').get(schoolId) as
      { items: string; updated_at: string } | undefined;
    return row ? { items: JSON.parse(row.items) as T[], updatedAt: row.updated_at } : null;
  }

  private settleOfflineSpend(check: QueuedCheck): void {
    if (check.offline) this.statements.settleOffline.run(check.total, check.cardUid);
  }
}

function toCheck(row: CheckRow): QueuedCheck {
  return {
    seq: row.seq,
    checkNumber: row.check_number,
    cardUid: row.card_uid,
    accountNumber: row.account_number,
    fullName: row.full_name,
    items: JSON.parse(row.items) as CheckItem[],
    total: row.total,
    soldAt: row.sold_at,
    offline: row.offline === 1,
    state: row.state,
    balanceAfter: row.balance_after,
    attempts: row.attempts,
    lastError: row.last_error,
    refusal: row.refusal_code ? { code: row.refusal_code, message: row.refusal_message ?? '' } : null,
    refusalReported: row.refusal_reported === 1,
    printed: row.printed === 1,
  };
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS sequence (id INTEGER PRIMARY KEY CHECK (id = 1), last_seq INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS checks (
  seq INTEGER PRIMARY KEY,
  check_number TEXT NOT NULL UNIQUE,
  card_uid TEXT NOT NULL,
  account_number TEXT,
  full_name TEXT,
  items TEXT NOT NULL,
  total INTEGER NOT NULL,
  sold_at TEXT NOT NULL,
  offline INTEGER NOT NULL,
  state TEXT NOT NULL,
  balance_after INTEGER,
  attempts INTEGER NOT NULL DEFAULT 0,
  last_error TEXT,
  refusal_code TEXT,
  refusal_message TEXT,
  refusal_reported INTEGER NOT NULL DEFAULT 0,
  printed INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS checks_pending ON checks (state, seq);
CREATE INDEX IF NOT EXISTS checks_unprinted ON checks (printed, seq);
CREATE TABLE IF NOT EXISTS cards (
  card_uid TEXT PRIMARY KEY,
  account_number TEXT NOT NULL,
  full_name TEXT NOT NULL,
  class_name TEXT NOT NULL,
  school_id TEXT NOT NULL,
  balance INTEGER NOT NULL,
  card_status TEXT NOT NULL,
  block_reason TEXT,
  account_status TEXT NOT NULL,
  offline_limit INTEGER NOT NULL,
  updated_at TEXT NOT NULL,
  offline_spent INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS assortment (school_id TEXT PRIMARY KEY, items TEXT NOT NULL, updated_at TEXT NOT NULL);
`;
