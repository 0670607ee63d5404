// One copy for tests and the chaos report: the module lives in bench/ (tsconfig.build.json builds it).
export * from "../../bench/support/fault-proxy";
