import { AsyncLocalStorage } from "node:async_hooks";
import type Database from "better-sqlite3";

/**
 * One SQLite connection shared by every request of a process, made safe for
 * async transactions. better-sqlite3 is synchronous, and SQLite has one
 * transaction per connection: while a transaction awaits between its
 * statements, any other request's statement on the connection would run
 * *inside* it (and vanish with its rollback). The gate prevents that. A
 * transaction owns the connection from BEGIN to COMMIT; statements from
 * elsewhere wait until it ends; statements of the owner (found through
 * AsyncLocalStorage, so they need no handle passed around) pass.
 */
export class Connection {
  readonly #owner = new AsyncLocalStorage<object>();
  #holder: object | undefined;
  #released: Promise<void> = Promise.resolve();
  readonly #statements = new Map<string, Database.Statement>();

  constructor(readonly sqlite: Database.Database) {}

  /** True while the calling code runs inside the transaction that holds the connection. */
  get inTransaction(): boolean {
    return this.#holder !== undefined && this.#owner.getStore() === this.#holder;
  }

  /**
   * Runs synchronous work on the raw connection once no other transaction
   * holds it. The check and the work happen in one tick, so nothing can
   * begin in between.
   */
  async use<T>(work: (sqlite: Database.Database) => T): Promise<T> {
    if (!this.inTransaction) {
      while (this.#holder !== undefined) await this.#released;
    }
    return work(this.sqlite);
  }

  /** Runs `work` holding the connection; nested calls from inside simply join it. */
  async exclusive<T>(work: () => Promise<T>): Promise<T> {
    if (this.inTransaction) return work();
    while (this.#holder !== undefined) await this.#released;
    const holder = {};
    let release = () => {};
    this.#holder = holder;
    this.#released = new Promise((resolve) => {
      release = resolve;
    });
    try {
      return await this.#owner.run(holder, work);
    } finally {
      this.#holder = undefined;
      release();
    }
  }

  /** A prepared statement per SQL text; preparing costs more than running a simple query. */
  prepare(sql: string): Database.Statement {
    let statement = this.#statements.get(sql);
    if (statement) {
      // Map order is insertion order: re-inserting keeps the most used last.
      this.#statements.delete(sql);
    } else {
      statement = this.sqlite.prepare(sql);
      // Queue filters make many shapes of SQL; keep the recent few hundred.
      if (this.#statements.size >= 500) {
        const oldest = this.#statements.keys().next().value;
        if (oldest !== undefined) this.#statements.delete(oldest);
      }
    }
    this.#statements.set(sql, statement);
    return statement;
  }

  /**
   * Runs one statement for drizzle's sqlite-proxy driver, which wants rows
   * as arrays in column order ("get": one array or undefined).
   */
  execute(sql: string, params: unknown[], method: "run" | "all" | "values" | "get") {
    const statement = this.prepare(sql);
    if (!statement.reader) {
      statement.run(...params);
      return { rows: [] };
    }
    statement.raw(true);
    // better-sqlite3 refuses run() on a statement that returns rows (RETURNING).
    if (method === "run") {
      statement.all(...params);
      return { rows: [] };
    }
    if (method === "get") return { rows: statement.get(...params) as unknown[] };
    return { rows: statement.all(...params) as unknown[] };
  }
}

/**
 * The connection behind a Db or any Tx made from it. drizzle hands a
 * transaction the database's own session object, so the session is the key
 * both share (drizzle marks the field internal, hence the cast).
 */
const connections = new WeakMap<object, Connection>();
const sessionOf = (db: object): object => (db as { session: object }).session;

export function registerConnection(db: object, connection: Connection): void {
  connections.set(sessionOf(db), connection);
}

export function connectionOf(db: object): Connection {
  const connection = connections.get(sessionOf(db));
  if (!connection) throw new Error("Not a database opened by openDatabase");
  return connection;
}

/**
 * The raw better-sqlite3 handle, synchronously, for this package's tests:
 * pragmas and triggers are SQLite's own, and checking them needs the
 * driver. Nothing outside packages/db sees it (index.ts does not export
 * this module).
 */
export const sqliteOf = (db: object): Database.Database => connectionOf(db).sqlite;
