/** Jest runs the TypeScript sources through ts-jest (tsc keeps decorator metadata). */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  transform: {
    "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json" }],
  },
  setupFiles: ["reflect-metadata"],
  testTimeout: 30000,
  maxWorkers: 2,
};
