// One copy for tests and the chaos report: the module lives in bench/ (tsconfig.build.json compiles it).
export * from "../../bench/support/http-server";
