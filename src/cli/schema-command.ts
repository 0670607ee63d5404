import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { buildGatewaySchema } from "../server/build-schema";
import { printGatewaySchema } from "../server/print-schema";

/** `newsgate schema [--out FILE]`: prints or writes the SDL emitted from the code. */
export async function runSchemaCommand(
  argv: string[],
  io: { out: (s: string) => void },
): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { out: { type: "string" } } });
  const sdl = printGatewaySchema(await buildGatewaySchema());
  if (values.out) writeFileSync(values.out, sdl);
  else io.out(sdl);
  return 0;
}
