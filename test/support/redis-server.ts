// One copy for tests and benchmarks: the module lives in bench/ (tsconfig.build.json compiles it).
export * from "../../bench/support/redis-server";
