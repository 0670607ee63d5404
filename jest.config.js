/** Jest runs the TypeScript sources through ts-jest (tsc keeps decorator metadata). */
// linkedom's CSS selector engine ships as ES modules only; Node 20.19 requires them natively,
// jest's module system does not, so ts-jest compiles those packages to CommonJS for the tests.
const ESM_ONLY = [
  ...["css-select", "css-what", "nth-check", "boolbase", "cssomnom"],
  ...["domhandler", "domutils", "domelementtype", "dom-serializer", "entities"],
];

module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  transform: {
    "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json" }],
    "^.+\\.js$": [
      "ts-jest",
      { tsconfig: { allowJs: true, module: "commonjs" }, isolatedModules: true },
    ],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_ONLY.join("|")})/)`],
  setupFiles: ["reflect-metadata"],
  testTimeout: 30000,
  maxWorkers: 2,
};
