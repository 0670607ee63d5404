import { Field, Int, ObjectType } from "type-graphql";

@ObjectType("Enclosure", {
  simpleResolvers: true,
  description: "A media file attached to an article (audio, video, image).",
})
export class EnclosureType {
  @Field({ description: "Absolute URL of the media file." })
  url: string;

  @Field(() => String, { nullable: true, description: "MIME type, when the source gave one." })
  type: string | null;

  @Field(() => Int, { nullable: true, description: "Size in bytes, when the source gave one." })
  length: number | null;
}
