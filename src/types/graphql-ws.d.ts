// graphql-ws publishes its ws adapter only through package exports, which TypeScript's "node"
// module resolution (this project's, for CommonJS with jest) does not read; Node does.
declare module "graphql-ws/use/ws" {
  export * from "graphql-ws/dist/use/ws";
}
