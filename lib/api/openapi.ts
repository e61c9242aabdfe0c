import { z } from "zod";
import { listChangesQuery } from "@/lib/catalog/alerts/schema";
import { frameworkFiltersSchema } from "@/lib/catalog/schema";
import {
  BRIEFING_CLEARANCE_STATES,
  CLEARANCE_ANSWERS,
  CLEARANCE_MODES,
  CLEARANCE_STATES,
} from "@/lib/clearance/machine";
import { answerClearanceBody, emptyBody, finalizeClearanceBody, requestClearanceBody } from "@/lib/clearance/schema";
import { createCommentBody, updateCommentBody } from "@/lib/comments/schema";
import { compareCsvQuerySchema } from "@/lib/matrix/schema";
import { listNotificationsQuery, markReadSchema } from "@/lib/notifications/schema";
import { diffQuery, nameVersionBody, proposeBody, restoreBody, versionContentQuery } from "@/lib/versions/schema";
import { apiCreateWebhookSchema } from "@/lib/webhooks/schema";
import { apiNotificationListSchema } from "./notifications";
import {
  apiBriefingListSchema,
  apiBriefingSchema,
  apiCompareSchema,
  apiCreateBriefingSchema,
  apiErrorSchema,
  apiGrantSchema,
  apiMarkingSchema,
  contentQuerySchema,
  exportQuerySchema,
} from "./schema";

type JsonSchema = Record<string, unknown>;

// Input schemas describe what a client sends (before trimming and defaults); transforms and
// refinements JSON Schema cannot express are left out rather than failing the document.
function schemaOf(schema: z.ZodType, io: "input" | "output" = "input"): JsonSchema {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: "any" }) as JsonSchema;
  return rest;
}

function queryParameters(schema: z.ZodType): JsonSchema[] {
  const json = schemaOf(schema) as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    in: "query",
    required: json.required?.includes(name) ?? false,
    schema: property,
  }));
}

const pathId = { name: "id", in: "path", required: true, schema: { type: "string" } };
const pathVid = { name: "vid", in: "path", required: true, schema: { type: "string" } };
const PERSON = { type: "object", properties: { id: { type: "string" }, name: { type: "string" } } };
const VERSION = {
  type: "object",
  properties: {
    id: { type: "string" },
    seq: { type: "integer" },
    kind: { type: "string", enum: ["auto", "named", "restore"] },
    name: { type: ["string", "null"] },
    createdAt: { type: "string", format: "date-time" },
    createdBy: { oneOf: [PERSON, { type: "null" }] },
    authors: { type: "array", items: PERSON },
    bytes: { type: "integer" },
  },
};
const CLEARANCE = {
  type: "object",
  properties: {
    id: { type: "string" },
    briefingId: { type: "string" },
    version: { type: "object", properties: { id: { type: "string" }, name: { type: ["string", "null"] } } },
    mode: { type: "string", enum: [...CLEARANCE_MODES] },
    state: { type: "string", enum: [...CLEARANCE_STATES] },
    stale: { type: "boolean", description: "Cleared or released, and the text changed since the cleared version" },
    overdue: { type: "boolean", description: "Still in clearance after the deadline" },
    due: { type: "string", format: "date-time" },
    createdAt: { type: "string", format: "date-time" },
    requestedBy: { oneOf: [PERSON, { type: "null" }] },
    clearedAt: { type: ["string", "null"], format: "date-time" },
    finalizedBy: { oneOf: [PERSON, { type: "null" }] },
    override: { type: "boolean" },
    dissent: { type: ["string", "null"] },
    releasedAt: { type: ["string", "null"], format: "date-time" },
    withdrawnAt: { type: ["string", "null"], format: "date-time" },
    steps: {
      type: "array",
      items: {
        type: "object",
        properties: {
          order: { type: "integer" },
          clearer: {
            type: "object",
            properties: { kind: { enum: ["user", "team"] }, id: { type: "string" }, name: { type: "string" } },
          },
          answer: { type: ["string", "null"], enum: [...CLEARANCE_ANSWERS, null] },
          comment: { type: ["string", "null"] },
          answeredBy: { oneOf: [PERSON, { type: "null" }] },
          answeredAt: { type: ["string", "null"], format: "date-time" },
          answerable: { type: "boolean" },
        },
      },
    },
    events: { type: "array", items: { type: "object" } },
  },
};
const CLEARANCE_RESPONSE = { type: "object", properties: { clearance: CLEARANCE } };
const errorRef = { $ref: "#/components/schemas/Error" };
const errors = Object.fromEntries(
  [
    ["400", "Bad input; `fields` names each offending field"],
    ["401", "No credentials, or an invalid, revoked or expired token"],
    ["403", "Not allowed (e.g. a read token calling a write endpoint)"],
    ["404", "No such resource, or the caller may not read it"],
    ["429", "Rate limit exceeded; see Retry-After"],
  ].map(([status, description]) => [status, { description, content: { "application/json": { schema: errorRef } } }]),
);
const json = (schema: JsonSchema, description = "OK") => ({
  description,
  content: { "application/json": { schema } },
});
const file = (types: string[]) => ({
  description: "The file",
  content: Object.fromEntries(types.map((type) => [type, { schema: { type: "string", format: "binary" } }])),
});
const body = (schema: z.ZodType) => ({ required: true, content: { "application/json": { schema: schemaOf(schema) } } });

const nullable = (type: string) => ({ type: [type, "null"] });
const WEBHOOK = {
  type: "object",
  properties: {
    id: { type: "string" },
    url: { type: "string" },
    events: { type: "array", items: { type: "string" } },
    secretPrefix: { type: "string" },
    active: { type: "boolean" },
    disabledReason: nullable("string"),
    createdAt: { type: "string", format: "date-time" },
    createdBy: { type: "string" },
    lastDelivery: {
      type: ["object", "null"],
      properties: {
        status: { type: "string" },
        responseStatus: nullable("integer"),
        at: { type: "string" },
        error: nullable("string"),
      },
    },
  },
};
const WEBHOOK_DELIVERY = {
  type: "object",
  properties: {
    id: { type: "string" },
    event: { type: "string" },
    status: { type: "string", enum: ["pending", "succeeded", "failed", "skipped"] },
    attempts: { type: "integer" },
    responseStatus: nullable("integer"),
    responseExcerpt: nullable("string"),
    error: nullable("string"),
    durationMs: nullable("integer"),
    createdAt: { type: "string", format: "date-time" },
    lastAttemptAt: nullable("string"),
    nextAttemptAt: nullable("string"),
  },
};

/** The OpenAPI 3.1 description of /api/v1, built from the same zod schemas the handlers parse with. */
export function openApiDocument(serverUrl: string): JsonSchema {
  const briefing = { $ref: "#/components/schemas/Briefing" };
  const webhook = { $ref: "#/components/schemas/Webhook" };
  return {
    openapi: "3.1.0",
    info: { title: "Briefing editor API", version: "1", description: "See docs/api.md." },
    servers: [{ url: serverUrl }],
    security: [{ bearer: [] }, { cookie: [] }],
    components: {
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer", description: "A personal access token from /account" },
        cookie: { type: "apiKey", in: "cookie", name: "better-auth.session_token" },
      },
      schemas: {
        Error: schemaOf(apiErrorSchema, "output"),
        Briefing: schemaOf(apiBriefingSchema, "output"),
        Webhook: WEBHOOK,
      },
    },
    paths: {
      "/api/v1/briefings": {
        get: {
          summary: "The caller's briefings",
          responses: { 200: json(schemaOf(apiBriefingListSchema, "output")), ...errors },
        },
        post: {
          summary: "Create a briefing (write scope)",
          requestBody: body(apiCreateBriefingSchema),
          responses: { 201: json(briefing, "Created"), ...errors },
        },
      },
      "/api/v1/briefings/{id}": {
        get: { summary: "One briefing", parameters: [pathId], responses: { 200: json(briefing), ...errors } },
      },
      "/api/v1/briefings/{id}/content": {
        get: {
          summary: "The current content, inline",
          parameters: [pathId, ...queryParameters(contentQuerySchema)],
          responses: { 200: file(["application/json", "text/markdown", "text/html", "text/plain"]), ...errors },
        },
      },
      "/api/v1/briefings/{id}/export": {
        get: {
          summary: "The briefing as a download",
          parameters: [pathId, ...queryParameters(exportQuerySchema)],
          responses: {
            200: file([
              "application/pdf",
              "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
              "text/markdown",
              "text/html",
            ]),
            ...errors,
          },
        },
      },
      "/api/v1/briefings/{id}/versions": {
        get: {
          summary: "The briefing's versions, newest first (read access)",
          parameters: [pathId],
          responses: {
            200: json({ type: "object", properties: { versions: { type: "array", items: VERSION } } }),
            ...errors,
          },
        },
        post: {
          summary: "Names the current document as a version (edit rights)",
          parameters: [pathId],
          requestBody: body(nameVersionBody),
          responses: { 201: json({ type: "object", properties: { version: VERSION } }), ...errors },
        },
      },
      "/api/v1/briefings/{id}/versions/{vid}/content": {
        get: {
          summary: "A version's content, inline (Markdown or the editor's JSON)",
          parameters: [pathId, pathVid, ...queryParameters(versionContentQuery)],
          responses: { 200: file(["application/json", "text/markdown"]), ...errors },
        },
      },
      "/api/v1/briefings/{id}/versions/{vid}/export": {
        get: {
          summary: 'A version as a download, marked "As of <name/time>"',
          parameters: [pathId, pathVid, ...queryParameters(exportQuerySchema)],
          responses: {
            200: file([
              "application/pdf",
              "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
              "text/markdown",
              "text/html",
            ]),
            ...errors,
          },
        },
      },
      "/api/v1/briefings/{id}/versions/{vid}/restore": {
        post: {
          summary: "Restores a version (or one block of it) as a new change on top (edit rights)",
          parameters: [pathId, pathVid],
          requestBody: body(restoreBody),
          responses: { 200: json({ type: "object", properties: { version: VERSION } }), ...errors },
        },
      },
      "/api/v1/briefings/{id}/clearances": {
        get: {
          summary: "The briefing's clearance state and its clearance chains, newest first (read access)",
          parameters: [pathId],
          responses: {
            200: json({
              type: "object",
              properties: {
                state: { type: "string", enum: [...BRIEFING_CLEARANCE_STATES] },
                clearances: { type: "array", items: CLEARANCE },
              },
            }),
            ...errors,
          },
        },
        post: {
          summary:
            'Requests clearance of a named version ("current" names the current text first) from people or teams (owner)',
          parameters: [pathId],
          requestBody: body(requestClearanceBody),
          responses: { 201: json(CLEARANCE_RESPONSE), ...errors },
        },
      },
      "/api/v1/clearances/{id}/answers": {
        post: {
          summary: "Answers a clearance: concur, concur with comments or non-concur (a named clearer or team member)",
          parameters: [pathId],
          requestBody: body(answerClearanceBody),
          responses: { 201: json(CLEARANCE_RESPONSE), ...errors },
        },
      },
      "/api/v1/clearances/{id}/finalize": {
        post: {
          summary: "The owner clears over missing or non-concurring answers; the dissent is required then",
          parameters: [pathId],
          requestBody: body(finalizeClearanceBody),
          responses: { 200: json(CLEARANCE_RESPONSE), ...errors },
        },
      },
      "/api/v1/clearances/{id}/release": {
        post: {
          summary: "Marks a cleared version released (owner; refused when stale)",
          parameters: [pathId],
          requestBody: body(emptyBody),
          responses: { 200: json(CLEARANCE_RESPONSE), ...errors },
        },
      },
      "/api/v1/clearances/{id}/withdraw": {
        post: {
          summary: "Withdraws a clearance in clearance or cleared (owner)",
          parameters: [pathId],
          requestBody: body(emptyBody),
          responses: { 200: json(CLEARANCE_RESPONSE), ...errors },
        },
      },
      "/api/v1/briefings/{id}/diff": {
        get: {
          summary:
            "What changed between two versions, or a version and the current document, and who changed it in that range",
          parameters: [pathId, ...queryParameters(diffQuery)],
          responses: { 200: json({ type: "object" }), ...errors },
        },
      },
      "/api/v1/briefings/{id}/diff/propose": {
        post: {
          summary:
            "Applies the changes between two versions onto the current document as the caller's suggestions (edit rights)",
          parameters: [pathId],
          requestBody: body(proposeBody),
          responses: {
            200: json({
              type: "object",
              properties: {
                proposed: { type: "integer" },
                skipped: { type: "array", items: { type: "string" } },
              },
            }),
            ...errors,
          },
        },
      },
      "/api/v1/briefings/{id}/grants": {
        post: {
          summary: "Grant or change a person's or team's role (write scope, share permission)",
          parameters: [pathId],
          requestBody: body(apiGrantSchema),
          responses: { 200: json({ type: "object" }), ...errors },
        },
        delete: {
          summary: "Remove a person's or team's grant (write scope, share permission)",
          parameters: [pathId],
          requestBody: body(apiGrantSchema),
          responses: { 204: { description: "Removed" }, ...errors },
        },
      },
      "/api/v1/briefings/{id}/marking": {
        get: {
          summary: "The marking profile, authority block, computed banner and marking issues (read scope)",
          parameters: [pathId],
          responses: { 200: json({ type: "object" }), ...errors },
        },
        put: {
          summary: "Set the marking profile and/or authority block (write scope, edit permission)",
          parameters: [pathId],
          requestBody: body(apiMarkingSchema),
          responses: { 200: json({ type: "object" }), ...errors },
        },
      },
      "/api/v1/briefings/{id}/webhooks": {
        get: {
          summary: "The briefing's webhooks (owner, write scope)",
          parameters: [pathId],
          responses: { 200: json({ type: "array", items: webhook }), ...errors },
        },
        post: {
          summary: "Register a webhook (owner, write scope); the answer carries its signing secret, once",
          parameters: [pathId],
          requestBody: body(apiCreateWebhookSchema),
          responses: {
            201: json({ allOf: [webhook, { type: "object", properties: { secret: { type: "string" } } }] }, "Created"),
            ...errors,
          },
        },
      },
      "/api/v1/teams/{id}/webhooks": {
        get: {
          summary: "The team's webhooks (team admins, write scope)",
          parameters: [pathId],
          responses: { 200: json({ type: "array", items: webhook }), ...errors },
        },
        post: {
          summary: "Register a team webhook (team admins, write scope); the answer carries its signing secret, once",
          parameters: [pathId],
          requestBody: body(apiCreateWebhookSchema),
          responses: {
            201: json({ allOf: [webhook, { type: "object", properties: { secret: { type: "string" } } }] }, "Created"),
            ...errors,
          },
        },
      },
      "/api/v1/catalog/changes": {
        get: {
          summary: "Catalog changes, newest first, with old -> new values and sources (cursor pagination)",
          parameters: queryParameters(listChangesQuery),
          responses: {
            200: json({
              type: "object",
              properties: {
                changes: { type: "array", items: { type: "object" } },
                nextCursor: nullable("string"),
              },
            }),
            ...errors,
          },
        },
      },
      "/api/v1/notifications": {
        get: {
          summary: "The caller's notifications, newest first (cursor pagination)",
          parameters: queryParameters(listNotificationsQuery),
          responses: { 200: json(schemaOf(apiNotificationListSchema, "output")), ...errors },
        },
      },
      "/api/v1/notifications/read": {
        post: {
          summary: "Mark some or all of the caller's notifications read (write scope)",
          requestBody: body(markReadSchema),
          responses: {
            200: json({
              type: "object",
              properties: { changed: { type: "integer" }, unreadCount: { type: "integer" } },
            }),
            ...errors,
          },
        },
      },
      "/api/v1/webhooks/{id}": {
        delete: {
          summary: "Delete a webhook with its deliveries (briefing owner or team admin, write scope)",
          parameters: [pathId],
          responses: { 204: { description: "Deleted" }, ...errors },
        },
      },
      "/api/v1/webhooks/{id}/deliveries": {
        get: {
          summary: "A webhook's last 20 deliveries, newest first (briefing owner or team admin, write scope)",
          parameters: [pathId],
          responses: { 200: json({ type: "array", items: WEBHOOK_DELIVERY }), ...errors },
        },
      },
      "/api/v1/briefings/{id}/comments": {
        get: {
          summary: "The briefing's comment threads with replies and audit (read-comments permission)",
          parameters: [pathId],
          responses: { 200: json({ type: "object" }), ...errors },
        },
        post: {
          summary: "Start a thread, or reply with parentId (write scope, comment permission)",
          parameters: [pathId],
          requestBody: body(createCommentBody),
          responses: { 201: json({ type: "object" }, "Created"), ...errors },
        },
      },
      "/api/v1/comments/{id}": {
        patch: {
          summary: "Edit one's own comment ({ body }) or resolve/reopen its thread ({ resolved })",
          parameters: [pathId],
          requestBody: body(updateCommentBody),
          responses: { 200: json({ type: "object" }), ...errors },
        },
        delete: {
          summary: "Delete one's own comment (the owner: anyone's)",
          parameters: [pathId],
          responses: { 204: { description: "Deleted" }, ...errors },
        },
      },
      "/api/v1/frameworks": {
        get: {
          summary: "The catalog of frameworks",
          parameters: queryParameters(frameworkFiltersSchema),
          responses: { 200: json({ type: "object" }), ...errors },
        },
      },
      "/api/v1/frameworks/{slug}": {
        get: {
          summary: "One framework with members and cited values",
          parameters: [{ ...pathId, name: "slug" }],
          responses: { 200: json({ type: "object" }), ...errors },
        },
      },
      "/api/v1/compare": {
        get: {
          summary: "Compare frameworks (JSON table)",
          parameters: queryParameters(compareCsvQuerySchema),
          responses: { 200: json(schemaOf(apiCompareSchema, "output")), ...errors },
        },
      },
      "/api/v1/compare.csv": {
        get: {
          summary: "Compare frameworks (CSV)",
          parameters: queryParameters(compareCsvQuerySchema),
          responses: { 200: file(["text/csv"]), ...errors },
        },
      },
    },
  };
}
