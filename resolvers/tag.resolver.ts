import { Args, Ctx, Query, Resolver } from "type-graphql";
import type { GatewayContext } from "../src/server/context";
import { TagType } from "../schema/tag.type";
import { TagsArgs } from "../schema/tags.args";

@Resolver(() => TagType)
export class TagResolver {
  @Query(() => [TagType], { description: "Tags with their article counts, most used first." })
  async tags(@Args() args: TagsArgs, @Ctx() ctx: GatewayContext): Promise<TagType[]> {
    const tags = await ctx.store.listTags(args.first);
    return tags.map((t) => ({ slug: t.slug, name: t.name, articleCount: t.count }));
  }
}
