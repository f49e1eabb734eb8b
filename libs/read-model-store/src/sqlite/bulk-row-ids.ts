/**
 * Where each document of a bulk-loaded table lives: id → rowid. The tables of a bulk load
 * have no id index until the end (TableLayout `deferred-id-index`), and the loading store is
 * the file's only writer, so this map is exact: a put of a new id appends a row with the
 * next rowid, a put of a known id rewrites that row, a delete removes it. Inserts (ids new to
 * the table) may be appended without being remembered, which keeps a million statement lines
 * out of the map; the map then holds everything before `unrememberedFrom` and must `remember`
 * the rows from there before anyone looks an id up.
 */
export class TableRowIds {
  /** while a commit is under way: what to undo if it fails, id then its rowid before, flat */
  private undo: (string | number | undefined)[] | null = null;
  private nextBefore = 0;
  private unrememberedBefore: number | null = null;
  /** the first row appended without its id, if any since the last `remember` */
  unrememberedFrom: number | null = null;

  private constructor(
    private readonly ids: Map<string, number>,
    private next: number,
  ) {}

  /** `rows`: the table's existing (id, rowid) pairs */
  static of(rows: Iterable<[string, number]>): TableRowIds {
    const ids = new Map<string, number>();
    let last = 0;
    for (const [id, rowid] of rows) {
      ids.set(id, rowid);
      if (rowid > last) last = rowid;
    }
    return new TableRowIds(ids, last + 1);
  }

  get(id: string): number | undefined {
    return this.ids.get(id);
  }

  /** Gives `id` a new row at the end of the table and returns its rowid. */
  append(id: string): number {
    const rowid = this.next++;
    this.undo?.push(id, undefined);
    this.ids.set(id, rowid);
    return rowid;
  }

  /** Appends a row for an id new to the table without remembering the id (see the class). */
  appendUnremembered(): number {
    const rowid = this.next++;
    this.unrememberedFrom ??= rowid;
    return rowid;
  }

  /** `rows`: the table's (id, rowid) pairs from `unrememberedFrom` on, read back from the file. */
  remember(rows: Iterable<[string, number]>): void {
    for (const [id, rowid] of rows) this.ids.set(id, rowid);
    this.unrememberedFrom = null;
  }

  remove(id: string): void {
    this.undo?.push(id, this.ids.get(id));
    this.ids.delete(id);
  }

  /** Changes from now on can be undone by `rollback` until `commit`. */
  begin(): void {
    this.undo = [];
    this.nextBefore = this.next;
    this.unrememberedBefore = this.unrememberedFrom;
  }

  commit(): void {
    this.undo = null;
  }

  /** Undoes the changes since `begin`: the transaction that wrote them failed. */
  rollback(): void {
    const undo = this.undo ?? [];
    for (let i = undo.length - 2; i >= 0; i -= 2) {
      const id = undo[i] as string;
      const rowid = undo[i + 1] as number | undefined;
      if (rowid === undefined) this.ids.delete(id);
      else this.ids.set(id, rowid);
    }
    this.next = this.nextBefore;
    // rows remembered meanwhile were already in the file: remembering them again is harmless
    this.unrememberedFrom = this.unrememberedBefore;
    this.undo = null;
  }
}
