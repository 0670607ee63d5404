import { cronPeriodMs, describeCronProblem, nextCronTime } from "../../src/domain/cron-schedule";

const T0 = Date.UTC(2026, 1, 4, 10, 7);

describe("cron schedules", () => {
  it("finds the next firing in UTC", () => {
    expect(nextCronTime("30 * * * *", T0)).toBe(Date.UTC(2026, 1, 4, 10, 30));
    expect(nextCronTime("@daily", T0)).toBe(Date.UTC(2026, 1, 5));
  });

  it("measures the period between the next two firings", () => {
    expect(cronPeriodMs("0 */6 * * *", T0)).toBe(6 * 3600_000);
  });

  it.each([["*/15 * * * *"], ["@hourly"], ["0 7 * * 1-5"], ["0 0 29 2 *"]])(
    "accepts %j",
    (expression) => {
      expect(describeCronProblem(expression)).toBeNull();
    },
  );

  it.each([
    ["", /is empty/],
    ["every hour", /is not a valid cron expression/],
    ["61 * * * *", /is not a valid cron expression/],
    ["0 0 30 2 *", /is not a valid cron expression/],
    ["*/30 * * * * *", /fires more than once a minute/],
    ["@secondly", /fires more than once a minute/],
  ])("refuses %j", (expression, problem) => {
    expect(describeCronProblem(expression)).toMatch(problem);
  });
});
