import SqliteDatabase from "better-sqlite3";
import { withStatementCache } from "../../src/store/statement-cache";

describe("withStatementCache", () => {
  it("prepares a SQL text once and hands back the same statement after", () => {
    const raw = new SqliteDatabase(":memory:");
    const prepare = jest.spyOn(raw, "prepare");
    const db = withStatementCache(raw);
    const first = db.prepare("select ? as v");
    expect(db.prepare("select ? as v")).toBe(first);
    expect(db.prepare("select ? + 1 as v")).not.toBe(first);
    expect(prepare).toHaveBeenCalledTimes(2);
    expect(first.all([7])).toEqual([{ v: 7 }]);
    expect(db.prepare("select ? as v").all([8])).toEqual([{ v: 8 }]);
    db.close();
    expect(raw.open).toBe(false);
  });
});
