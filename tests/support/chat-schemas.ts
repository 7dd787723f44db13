// The two chat formats as JSON Schemas, checked with Ajv (an independent validator), for the
// chat notice tests (docs/decisions/073-chat-notices.md).
// - Adaptive Card: the subset of the published Adaptive Card 1.4 schema
//   (adaptivecards.io/schemas/1.4.0/adaptive-card.json) that a notice uses — AdaptiveCard,
//   TextBlock, Action.OpenUrl — with its required properties and no unknown ones, inside the
//   message envelope Teams' Workflows and incoming webhooks take.
// - Block Kit: Slack's documented shapes for an incoming-webhook message with a section block and
//   an actions block holding link buttons, with Slack's length limits.
import { Ajv } from "ajv";

const ajv = new Ajv({ allErrors: true, strict: true });

const adaptiveCardMessage = {
  type: "object",
  required: ["type", "attachments"],
  additionalProperties: false,
  properties: {
    type: { const: "message" },
    attachments: {
      type: "array",
      minItems: 1,
      maxItems: 1,
      items: {
        type: "object",
        required: ["contentType", "content"],
        additionalProperties: false,
        properties: {
          contentType: { const: "application/vnd.microsoft.card.adaptive" },
          contentUrl: { type: "null" },
          content: {
            type: "object",
            required: ["type", "version", "body"],
            additionalProperties: false,
            properties: {
              $schema: { const: "http://adaptivecards.io/schemas/adaptive-card.json" },
              type: { const: "AdaptiveCard" },
              version: { type: "string", pattern: "^1\\.[0-4]$" },
              body: {
                type: "array",
                minItems: 1,
                items: {
                  type: "object",
                  required: ["type", "text"],
                  additionalProperties: false,
                  properties: {
                    type: { const: "TextBlock" },
                    text: { type: "string", minLength: 1 },
                    wrap: { type: "boolean" },
                    weight: { enum: ["default", "lighter", "bolder"] },
                    size: { enum: ["default", "small", "medium", "large", "extraLarge"] },
                  },
                },
              },
              actions: {
                type: "array",
                items: {
                  type: "object",
                  required: ["type", "url"],
                  additionalProperties: false,
                  properties: {
                    type: { const: "Action.OpenUrl" },
                    title: { type: "string" },
                    url: { type: "string", pattern: "^https?://" },
                  },
                },
              },
            },
          },
        },
      },
    },
  },
} as const;

const plainText = (max: number) => ({
  type: "object",
  required: ["type", "text"],
  additionalProperties: false,
  properties: {
    type: { const: "plain_text" },
    text: { type: "string", minLength: 1, maxLength: max },
    emoji: { type: "boolean" },
  },
});

const slackMessage = {
  type: "object",
  required: ["text", "blocks"],
  additionalProperties: false,
  properties: {
    text: { type: "string", minLength: 1, maxLength: 40000 },
    // @slack/webhook copies its own timeout option into every body; Slack ignores the field
    timeout: { type: "number" },
    blocks: {
      type: "array",
      minItems: 1,
      maxItems: 50,
      items: {
        oneOf: [
          {
            type: "object",
            required: ["type", "text"],
            additionalProperties: false,
            properties: {
              type: { const: "section" },
              text: plainText(3000),
              block_id: { type: "string", maxLength: 255 },
            },
          },
          {
            type: "object",
            required: ["type", "elements"],
            additionalProperties: false,
            properties: {
              type: { const: "actions" },
              block_id: { type: "string", maxLength: 255 },
              elements: {
                type: "array",
                minItems: 1,
                maxItems: 25,
                items: {
                  type: "object",
                  required: ["type", "text", "url"],
                  additionalProperties: false,
                  properties: {
                    type: { const: "button" },
                    text: plainText(75),
                    url: { type: "string", maxLength: 3000, pattern: "^https?://" },
                    action_id: { type: "string", maxLength: 255 },
                  },
                },
              },
            },
          },
        ],
      },
    },
  },
} as const;

const checkCard = ajv.compile(adaptiveCardMessage);
const checkSlack = ajv.compile(slackMessage);
const problemsOf = (errors: typeof checkCard.errors) => (errors ?? []).map((e) => `${e.instancePath} ${e.message}`);

export const validateAdaptiveCardMessage = (v: unknown) => (checkCard(v) ? [] : problemsOf(checkCard.errors));
export const validateSlackMessage = (v: unknown) => (checkSlack(v) ? [] : problemsOf(checkSlack.errors));
