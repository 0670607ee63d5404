import { GraphQLDateTimeISO } from "graphql-scalars";
import { DateTimeISOScalar } from "../../schema/date-time.scalar";

describe("the DateTimeISO scalar", () => {
  const ms = Date.UTC(2026, 1, 4, 23, 10, 0);

  it("writes epoch milliseconds, Dates and ISO strings as graphql-scalars does", () => {
    for (const value of [ms, new Date(ms), "2026-02-04T23:10:00.000Z"]) {
      expect(DateTimeISOScalar.serialize(value)).toBe(GraphQLDateTimeISO.serialize(value));
    }
    expect(DateTimeISOScalar.serialize(ms)).toBe("2026-02-04T23:10:00.000Z");
  });

  it("refuses what is no time, and reads input exactly as graphql-scalars does", () => {
    expect(() => DateTimeISOScalar.serialize(Number.NaN)).toThrow();
    expect(() => DateTimeISOScalar.serialize({})).toThrow();
    expect(DateTimeISOScalar.parseValue("2026-02-04T23:10:00Z")).toEqual(new Date(ms));
    expect(() => DateTimeISOScalar.parseValue("yesterday")).toThrow();
    expect(DateTimeISOScalar.name).toBe("DateTimeISO");
    expect(DateTimeISOScalar.description).toBe(GraphQLDateTimeISO.description);
  });
});
